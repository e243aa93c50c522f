# except*: splitting exception groups across handlers, nested groups,
# naked exceptions wrapped, unhandled remainder re-raised.
def show(eg):
    return f"{type(eg).__name__}({eg.message!r}, {[repr(e) for e in eg.exceptions]})"

try:
    raise ExceptionGroup("batch", [ValueError(1), TypeError(2), ValueError(3), KeyError(4)])
except* ValueError as g:
    print("values:", show(g))
except* (TypeError, KeyError) as g:
    print("type/key:", show(g))
try:
    raise ValueError("naked")
except* ValueError as g:
    print("naked wrapped:", show(g))
try:
    raise ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [ValueError("b"), OSError("c")])])
except* ValueError as g:
    print("nested values:", show(g), show(g.exceptions[1]))
except* OSError as g:
    print("nested os:", show(g), show(g.exceptions[0]))
try:
    try:
        raise ExceptionGroup("mixed", [ValueError("handled"), RuntimeError("left")])
    except* ValueError:
        print("handled the ValueError part")
except ExceptionGroup as rest:
    print("remainder:", show(rest))
try:
    try:
        raise ExceptionGroup("g", [ValueError("v")])
    except* ValueError:
        raise KeyError("raised in handler")
except (ExceptionGroup, KeyError) as eg:
    print("new:", type(eg).__name__, eg, "context:", repr(eg.__context__))
for src in ["try:\n    pass\nexcept* ExceptionGroup:\n    pass\n",
            "try:\n    pass\nexcept*:\n    pass\n"]:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
try:
    try:
        raise ExceptionGroup("eg", [TypeError("t")])
    except* ExceptionGroup:
        pass
except TypeError as e:
    print("TypeError:", e)
eg = ExceptionGroup("top", [ValueError(1), KeyError(2)])
match, rest = eg.split(ValueError)
print(show(match), show(rest))
print(eg.subgroup(lambda e: isinstance(e, KeyError)).exceptions)
raise ExceptionGroup("unhandled", [ValueError("x"), ZeroDivisionError("y")])
