# ExceptionGroup.split/subgroup with predicates over nested groups, tracebacks preserved, notes copied.
def make():
    try:
        raise ExceptionGroup("outer", [
            ValueError("v1"),
            ExceptionGroup("mid", [TypeError("t1"), ValueError("v2"), ExceptionGroup("deep", [KeyError("k")])]),
            OSError(2, "missing"),
        ])
    except ExceptionGroup as eg:
        return eg


eg = make()
eg.add_note("outer note")
print(repr(eg))
vals, rest = eg.split(ValueError)
print(repr(vals))
print(repr(rest))
print(vals.__notes__, rest.__notes__, vals.__traceback__ is eg.__traceback__)
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError) or isinstance(e, ExceptionGroup) and e.message == "deep")))
print(repr(eg.subgroup(lambda e: "2" in str(e))))
print(eg.subgroup(lambda e: False), eg.split(lambda e: True)[0] is eg, eg.split(lambda e: True)[1])
print(repr(eg.split((TypeError, OSError))[0]))
leaves = []


def walk(g):
    for e in g.exceptions:
        if isinstance(e, BaseExceptionGroup):
            walk(e)
        else:
            leaves.append(type(e).__name__)


walk(eg)
print(leaves)
try:
    eg.split("not a type")
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise eg
except* OSError as got:
    print("os:", repr(got))
except* (ValueError, KeyError) as got:
    print("vk:", repr(got))
except* TypeError as got:
    print("type:", repr(got))
    raise
