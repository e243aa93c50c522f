# Interpreter shutdown: a finalizer that resurrects its object at exit
# runs once (PEP 442): the object is stored in a list that sys keeps, so it
# survives the collection of __main__ and dies only when sys is wiped,
# without a second __del__. A module kept alive past the collection has its
# globals wiped in CPython's order, and exceptions raised by destructors
# then are reported as unraisable (tracebacks have no source lines by then:
# CPython can no longer import io to read them).
import sys

class Phoenix:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name, "resurrected into sys.phoenixes")
        sys.phoenixes.append(self)

class Reporter:
    # A callable __del__ that is not a function: "Exception ignored in:"
    # names it by this repr (CPython reports the __del__ it looked up).
    def __repr__(self):
        return "<Reporter>"
    def __call__(self):
        print("Reporter called")
        raise ValueError("broken at exit")

class Broken:
    __del__ = Reporter()

sys.phoenixes = []
p = Phoenix("phoenix")
p.cycle = p
br = Broken()
br.cycle = br

def g():
    pass

print("end of main")
