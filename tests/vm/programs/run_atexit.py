# atexit: callbacks run after the main program, last registered first,
# with their arguments; unregister removes every registration of a
# function; an exception in a callback is printed ("Exception ignored in
# atexit callback") and the others still run; output written without a
# newline is flushed at exit.
import atexit
import sys

class Callback:
    def __init__(self, name, fail=None):
        self.name = name
        self.fail = fail
    def __repr__(self):
        return "<Callback %s>" % self.name
    def __call__(self, *args, **kwargs):
        print("callback", self.name, args, sorted(kwargs.items()))
        if self.fail is not None:
            raise self.fail

def twice():
    print("twice: must not run")

def late():
    print("registered while exiting: must not run")

def registers_more():
    print("registers_more")
    atexit.register(late)

print(atexit.register(Callback("first")))
atexit.register(twice)
atexit.register(Callback("args"), 1, 2, key="value")
atexit.register(Callback("fails", ValueError("bad value")))
atexit.register(twice)
atexit.register(Callback("empty message", ValueError))
atexit.register(registers_more)
atexit.register(Callback("exit", SystemExit(3)))
atexit.register(print, "print as a callback", end="!\n")
atexit.unregister(twice)
try:
    atexit.register(42)
except TypeError as e:
    print("TypeError:", e)
try:
    atexit.register()
except TypeError as e:
    print("TypeError:", e)
sys.stdout.write("main ends without a newline")
