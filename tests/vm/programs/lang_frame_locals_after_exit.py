# A frame object that outlives its function keeps the final values of the
# function's locals (CPython's take_ownership copies the slots), including
# cell contents changed later by a closure.
import sys


def keep_frame():
    x = 1
    y = [1, 2]

    def bump():
        nonlocal x
        x += 10
        return x

    frame = sys._getframe()
    x = 5
    return frame, bump


frame, bump = keep_frame()
print(sorted(frame.f_locals))
print(frame.f_locals["x"], frame.f_locals["y"])
print(bump(), frame.f_locals["x"])  # the cell is shared: 15 both times


def fail():
    secret = "kept"
    raise ValueError("boom")


try:
    fail()
except ValueError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print(tb.tb_frame.f_code.co_name, tb.tb_frame.f_locals)
    print(tb.tb_frame.f_back is None, tb.tb_frame.f_lineno)


def gen():
    a = 1
    yield sys._getframe()
    a = 2


g = gen()
f = next(g)
print(f.f_locals)
for _ in g:
    pass
print(f.f_locals)
