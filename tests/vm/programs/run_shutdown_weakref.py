# Interpreter shutdown: weak-reference callbacks and weakref.finalize at
# exit. finalize objects (atexit=True) run at exit in reverse order of
# creation; callbacks of weakrefs to module globals fire during the
# teardown, in CPython's order.
import weakref

class Obj:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "Obj(%s)" % self.name

def report(name):
    print("finalize", name)

o1 = Obj("one")
o2 = Obj("two")
weakref.finalize(o1, report, "one")
weakref.finalize(o2, report, "two")
quiet = weakref.finalize(Obj("temp"), report, "temp")
never = weakref.finalize(o2, report, "never")
never.atexit = False

o3 = Obj("three")
wr = weakref.ref(o3, lambda r: print("callback for three, dead:", r() is None))
o4 = Obj("four")
o4.me = o4
wr4 = weakref.ref(o4, lambda r: print("callback for four"))
print("end of main")
