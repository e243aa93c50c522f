# Interpreter shutdown: a module that something outside sys.modules keeps
# alive (here a list stored in sys) is not collected; after the collection
# its globals are wiped: names with one leading underscore first, then the
# others in dict order, __builtins__ kept. A destructor that runs then sees
# the globals already set to None.
import sys

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        try:
            state = "list" if isinstance(log, list) else repr(log)
        except NameError as e:
            state = "NameError"
        print("del", self.name, "log is", state)

log = []
first = Noisy("first")
_hidden = Noisy("_hidden")
second = Noisy("second")
__dunder__ = Noisy("__dunder__")
_ = Noisy("_")
sys.keep_alive = [sys.modules[__name__]]
print("end of main")
