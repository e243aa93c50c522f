# Busy-wait loops hand the GIL over: a thread spinning in a `while` loop
# whose only backward jump is a conditional one (POP_JUMP_BACKWARD_IF_FALSE,
# _IF_TRUE, _IF_NONE, _IF_NOT_NONE in 3.11) must still check the eval
# breaker, or the main thread, asking for the GIL, would wait forever.
import threading
import time


def until_true(s):
    while not s[0]:
        pass


def while_none(s):
    while s[0] is None:
        pass


def while_not_none(s):
    while s[0] is not None:
        pass


def while_true(s):
    while s[0]:
        pass


for spin, start, stop in ((until_true, False, True), (while_none, None, 1),
                          (while_not_none, 1, None), (while_true, 1, 0)):
    state = [start]
    t = threading.Thread(target=spin, args=(state,))
    t.start()
    time.sleep(0.01)        # the spinner holds the GIL until it is asked
    state[0] = stop
    t.join()
    print(spin.__name__, 'ended', t.is_alive())
