# weakref.finalize: called when the object dies, by hand, or at exit
# (newest first, after atexit callbacks registered later); detach/peek/
# alive/atexit; callback exceptions reported as unraisable.
import atexit
import weakref


class Res:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Res(%s)" % self.name


def report(*args, **kwargs):
    print("finalizer", args, sorted(kwargs.items()))
    return "result"


atexit.register(print, "atexit registered before the first finalize")
a = Res("a")
fa = weakref.finalize(a, report, "a", key=1)
print(fa.alive, fa.atexit, fa.peek()[1:] == (report, ("a",), {"key": 1}))
print("deleting a")
del a
print("alive after death:", fa.alive, fa(), fa.peek(), fa.detach())

b = Res("b")
fb = weakref.finalize(b, report, "b")
print("call by hand:", fb(), fb.alive, fb())
del b

c = Res("c")
fc = weakref.finalize(c, report, "c")
obj, func, args, kwargs = fc.detach()
print("detached", obj, func is report, args, kwargs, fc.alive)
del c, obj

for name in ("exit1", "exit2", "exit3"):
    r = Res(name)
    globals()["keep_" + name] = r
    weakref.finalize(r, report, name)
noexit = Res("noexit")
fn = weakref.finalize(noexit, report, "noexit")
fn.atexit = False
print("atexit flag", fn.atexit)
atexit.register(print, "atexit registered after")

# A finalizer keeps neither its object nor itself alive through the object.
d = Res("d")
weakref.finalize(d, report, "d (no name kept)")
del d


class Bad:
    def __repr__(self):
        return "<Bad callback>"

    def __call__(self, wr):
        raise ValueError("callback failed")


e = Res("e")
r = weakref.ref(e, Bad())
print("before unraisable")
del e
print("after unraisable")
print(repr(fa).endswith("; dead>"), "for 'Res' at" in repr(weakref.finalize(keep_exit1, report, "late")))
print("end of script")
