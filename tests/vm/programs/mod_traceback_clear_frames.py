# frame.clear() and traceback.clear_frames (what unittest's assertRaises
# does to the tracebacks it keeps): an exited frame loses its locals, a
# running one raises RuntimeError (runtime/frameobject.cpp; book ch. 8).
import sys, traceback

class Big:
    def __del__(self):
        print('Big freed')

def inner():
    big = Big()
    value = 42
    raise ValueError('boom')

def outer():
    try:
        inner()
    except ValueError as e:
        return e

e = outer()
tb = e.__traceback__
frames = []
while tb is not None:
    frames.append(tb.tb_frame)
    tb = tb.tb_next
print([f.f_code.co_name for f in frames], sorted(frames[-1].f_locals))
print('clearing')
traceback.clear_frames(e.__traceback__)
print('cleared', frames[-1].f_locals, frames[0].f_locals)
try:
    sys._getframe().clear()
except RuntimeError as err:
    print('RuntimeError:', err)
print(frames[-1].clear(), frames[-1].clear.__doc__)
