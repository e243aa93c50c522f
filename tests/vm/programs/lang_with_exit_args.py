# __exit__ receives (type, value, traceback); the traceback is the same
# object as value.__traceback__; exceptions raised with a class are
# instantiated before __exit__ sees them.
class Inspect:
    def __enter__(self):
        return self
    def __exit__(self, typ, val, tb):
        if typ is None:
            print("clean exit", val, tb)
        else:
            print(typ.__name__, repr(val), tb is val.__traceback__, tb.tb_lineno)
        return True

with Inspect():
    pass
with Inspect():
    raise KeyError
with Inspect():
    raise ValueError("with message")
with Inspect():
    [].pop()

class ExitReturnsNone:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        print("exit args count:", len(args))

try:
    with ExitReturnsNone():
        raise IndexError("propagates because __exit__ returned None")
except IndexError as e:
    print("caught:", e)
