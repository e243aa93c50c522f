# _PyGC_DumpShutdownStats: objects left in gc.garbage at exit are reported
# after the modules' collection as a ResourceWarning attributed to "gc",
# line 0 (ignored by the default filters; "default" shows it once). The
# filters set here still apply at shutdown.
import gc
import warnings

warnings.simplefilter("default")


class Cycle:
    def __init__(self):
        self.me = self


gc.garbage.append(Cycle())
gc.garbage.append([1, 2])
gc.garbage.append("kept")
print("gc.garbage holds", len(gc.garbage))
