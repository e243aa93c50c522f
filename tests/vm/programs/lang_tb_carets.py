# Traceback position markers for different expression shapes, printed
# through caught exceptions re-raised at the end in one uncaught chain.
def attr_chain(obj):
    return obj.first.second

def subscript(d):
    return d["outer"]["inner"]

def binop(a, b):
    return a + b * 2

def call_in_call(x):
    return len(str(int(x)))

def multi_line(values):
    return sum(
        v / 0
        for v in values
    )

errors = []
for fn, arg in [(attr_chain, None), (subscript, {"outer": {}}), (binop, ("s", 1)), (call_in_call, "x1"), (multi_line, [1])]:
    try:
        fn(*arg) if isinstance(arg, tuple) else fn(arg)
    except Exception as e:
        errors.append(e)
        print(type(e).__name__, e)
raise ExceptionGroup("collected", errors)
