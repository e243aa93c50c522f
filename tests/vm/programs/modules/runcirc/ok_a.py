# ok_a and ok_b import each other; each only uses the other at call time.
from . import ok_b
def name():
    return "a, then " + ok_b.name()
