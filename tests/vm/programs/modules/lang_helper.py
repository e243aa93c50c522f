"""Helper module for lang_import_modules.py."""
print("lang_helper executing, __name__ =", __name__)
__all__ = ["public", "Counter"]
public = "public value"
_hidden = "hidden value"
not_in_all = "not exported by star"
calls = 0


def bump():
    global calls
    calls += 1
    return calls


class Counter:
    def __init__(self):
        self.n = 0
