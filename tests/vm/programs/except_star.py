# except* (CHECK_EG_MATCH, PREP_RERAISE_STAR): naked exceptions wrapped,
# groups split, rests re-raised, new and re-raised exceptions combined,
# and an uncaught group printed in 3.11's boxed format.
def run(exc):
    try:
        raise exc
    except* ValueError as eg:
        print("ValueError part:", repr(eg), [repr(e) for e in eg.exceptions])
    except* (TypeError, KeyError) as eg:
        print("Type/Key part:", [repr(e) for e in eg.exceptions])

run(ValueError("naked"))
run(ExceptionGroup("group", [ValueError(1), TypeError(2), KeyError(3)]))
try:
    run(ExceptionGroup("outer", [ValueError(1), OSError("left over")]))
except ExceptionGroup as eg:
    print("unhandled rest:", repr(eg), [repr(e) for e in eg.exceptions])
try:
    try:
        raise ExceptionGroup("g", [ValueError("v"), TypeError("t")])
    except* ValueError:
        raise RuntimeError("new")
except ExceptionGroup as eg:
    print("combined:", [type(e).__name__ for e in eg.exceptions])
try:
    try:
        raise ExceptionGroup("g", [ValueError("v"), TypeError("t")])
    except* ValueError:
        raise
except ExceptionGroup as eg:
    print("reraised:", repr(eg))
try:
    try:
        raise ValueError("x")
    except* ExceptionGroup:
        pass
except TypeError as e:
    print("TypeError:", e)
raise ExceptionGroup("final", [ValueError("a"), KeyError("b")])
