# Imported by run_shutdown_modules.py: a module whose globals have
# destructors, torn down at exit after __main__.
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("helper del", self.name)

_private = Noisy("_private")
public = Noisy("public")
__dunder__ = Noisy("__dunder__")
