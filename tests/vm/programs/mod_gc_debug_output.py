# gc details compared with python3.11: gc.get_referents of dicts (a dict
# whose keys are all str reports only its values), DEBUG_STATS lines going
# through sys.stderr (a replaced sys.stderr captures them), isinstance of a
# weakref proxy (its __class__ is the referent's), and gc.callbacks phases.
import gc
import sys
import weakref

print(gc.get_referents({"a": [1], "b": 2}))
print(gc.get_referents({1: [1], "b": 2}))
print(gc.get_referents({(1, 2): "x"}))
print(gc.get_referents([1, "two", (3,)]))

class C:
    pass

c = C()
p = weakref.proxy(c)
print(isinstance(p, C), isinstance(p, weakref.ProxyType), isinstance(p, (int, C)), isinstance(3, C))
print(p.__class__ is C, type(p) is C)

class Capture:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        pass

saved = sys.stderr
sys.stderr = Capture()
gc.set_debug(gc.DEBUG_STATS)
gc.collect()
gc.set_debug(0)
lines = "".join(sys.stderr.parts).splitlines()
sys.stderr = saved
print(len(lines))
print(lines[0])
print(lines[1].split(":")[0], lines[2].split(":")[0], lines[3].split(",")[0])

phases = []
def cb(phase, info):
    phases.append((phase, info["generation"], sorted(info)))
gc.callbacks.append(cb)
gc.collect(1)
gc.callbacks.remove(cb)
print(phases)

prop = property(lambda self: 1, doc="the doc")
print(len(gc.get_referents(prop)))
