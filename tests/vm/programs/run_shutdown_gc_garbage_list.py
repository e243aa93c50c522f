# gc.garbage at exit under DEBUG_UNCOLLECTABLE: the ResourceWarning loses
# its hint and the list's repr follows on stderr. A filter that turns the
# warning into an error makes it an unraisable exception (printed, exit
# status unchanged). DEBUG_SAVEALL would silence the report altogether.
import gc
import warnings

warnings.simplefilter("error")
gc.set_debug(gc.DEBUG_UNCOLLECTABLE)
gc.garbage.extend([(1, "two"), {"three": 3}, None])
print("gc.garbage holds", len(gc.garbage))
