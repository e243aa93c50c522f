# Interpreter shutdown (Py_FinalizeEx / finalize_modules): __del__ of
# objects reachable from __main__'s globals runs at exit, after atexit
# callbacks, in the order the collector finds them (the module's functions
# and its globals form a cycle, so the whole module is cyclic garbage once
# sys.modules lets go of it); globals are still intact when they run.
import atexit

class A:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name, "sees", sorted(k for k in globals() if not k.startswith("__"))[:4])

a = A("a")
b = A("b")
_c = A("_c")
l = [A("in list"), A("second in list")]
d = {"k": A("in dict")}

class Cycle:
    def __del__(self):
        print("del cycle", type(self.self).__name__)

c = Cycle()
c.self = c

def f():
    pass

atexit.register(print, "atexit runs first")
print("end of main")
