# Interpreter shutdown: modules are torn down in CPython's order. A module
# that something outside sys.modules keeps alive has its dict wiped after
# the collection: names with one leading underscore first, then the others
# (dict order), __builtins__ kept; modules imported last are wiped first.
# Values stored in builtins die when the builtins are restored.
import sys
import builtins
import shutdown_helper

class Keep:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("main del", self.name)

builtins.stored_in_builtins = Keep("in builtins")
_x = Keep("_x")
y = Keep("y")
__z__ = Keep("__z__")
_ = Keep("underscore")
# A list held by sys (wiped last) keeps both modules alive past the
# collection.
sys.keep_alive = [sys.modules[__name__], shutdown_helper]
print("end of main")
