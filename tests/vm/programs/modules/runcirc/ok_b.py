from . import ok_a
def name():
    return "b (ok_a has name: %s)" % hasattr(ok_a, "name")
