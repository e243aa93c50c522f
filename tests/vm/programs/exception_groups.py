# An uncaught exception group with member tracebacks, a nested group,
# notes, and chaining around it (the margins and boxes of pythonrun.c).
def fail(n):
    if n == 1:
        raise ValueError("one")
    return 1 / 0
errors = []
for i in (1, 2):
    try:
        fail(i)
    except Exception as e:
        errors.append(e)
try:
    try:
        raise KeyError("ctx")
    except KeyError:
        inner = ExceptionGroup("inner", [TypeError("t")])
        raise ExceptionGroup("outer", errors + [inner])
except ExceptionGroup as eg:
    eg.add_note("a note\nsecond line")
    raise RuntimeError("wrapper") from eg
