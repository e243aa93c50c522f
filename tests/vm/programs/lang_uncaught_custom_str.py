# Uncaught exceptions whose __str__ is custom, empty, or itself raises:
# the last line of the traceback follows CPython's rules.
class Quiet(Exception):
    def __str__(self):
        return ""

class Broken(Exception):
    def __str__(self):
        raise RuntimeError("str failed")

for exc in [Quiet("ignored"), Broken("x")]:
    try:
        raise exc
    except Exception as e:
        print(type(e).__name__, "caught; repr:", repr(e))

class Outer:
    class Nested(Exception):
        pass

try:
    raise Outer.Nested("qualname is not used")
except Exception as e:
    print(type(e).__qualname__, type(e).__module__)
raise Broken("unprintable")
