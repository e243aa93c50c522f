# sys.excepthook, sys.unraisablehook and their defaults (__excepthook__,
# __unraisablehook__), sys.stdlib_module_names and sys.orig_argv's shape.
import sys

print(sys.excepthook is sys.__excepthook__, sys.unraisablehook is sys.__unraisablehook__)
print(type(sys.__excepthook__).__name__, repr(sys.__unraisablehook__))
print(len(sys.stdlib_module_names), type(sys.stdlib_module_names).__name__)
print(sorted(sys.stdlib_module_names)[:5], "re" in sys.stdlib_module_names, "minipy" in sys.stdlib_module_names)
print(type(sys.orig_argv).__name__, sys.orig_argv[-1:] == sys.argv[-1:])

for bad in [(1, 2), ()]:
    try:
        sys.__excepthook__(*bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    sys.__unraisablehook__(1)
except TypeError as e:
    print("TypeError:", e)

# The default excepthook prints to sys.stderr; capture it through a writer.
class Capture:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
    def flush(self):
        pass

def fail():
    return 1 / 0

cap = Capture()
saved = sys.stderr
sys.stderr = cap
try:
    try:
        fail()
    except ZeroDivisionError as e:
        sys.__excepthook__(type(e), e, e.__traceback__)
    sys.__excepthook__(ValueError, ValueError("no traceback"), None)
    e = KeyError("given tb")
    try:
        raise RuntimeError
    except RuntimeError as r:
        tb = r.__traceback__
    sys.__excepthook__(KeyError, e, tb)
    print("tb attached:", e.__traceback__ is tb, file=saved)
finally:
    sys.stderr = saved
def scrub(text):
    # The file name of traceback lines (a .pyc run shows the .py path,
    # where __file__ names the .pyc) and object addresses vary by run.
    out = []
    for line in text.splitlines():
        if line.startswith('  File "'):
            line = '  File "FILE"' + line[line.index('"', 8) + 1:]
        out.append(line.split(" at 0x")[0])
    return "\n".join(out)

text = "".join(cap.parts)
print(scrub(text))

# A replaced unraisablehook receives UnraisableHookArgs.
seen = []
def hook(u):
    seen.append((type(u).__name__, u.exc_type.__name__, str(u.exc_value), u.err_msg,
                 type(u.object).__name__, u.exc_traceback is not None, len(u)))
sys.unraisablehook = hook

class Bad:
    def __del__(self):
        raise OSError("in del")

Bad()
Bad.__del__.__qualname__ = "Bad.__del__"
import gc
gc.collect()
print(seen)

# A failing unraisablehook is itself reported, with the hook as the object.
class BadHook:
    def __call__(self, u):
        raise LookupError("hook failed")
    def __repr__(self):
        return "<BadHook>"
sys.unraisablehook = BadHook()
Bad()
sys.unraisablehook = sys.__unraisablehook__
cap = Capture()
sys.stderr = cap
Bad()
sys.stderr = saved
print(scrub("".join(cap.parts)))

# A replaced excepthook gets the uncaught exception; a failing one is
# reported with the original exception.
def my_hook(t, v, tb):
    print("my_hook:", t.__name__, v, tb is not None)
    raise TypeError("hook broke")
sys.excepthook = my_hook
raise NameError("the end")
