# traceback: format_exc/format_exception/print_exception with 3.11's markers
# (binary operations, subscripts, calls, multi-line spans), chains,
# exception groups, notes, SyntaxError, limits, StackSummary/FrameSummary.
import sys
import traceback
import linecache

sys.stderr = sys.stdout

def show(f):
    try:
        f()
    except BaseException:
        print(traceback.format_exc(), end="")
    print("--")

def binop():
    a = 1
    b = "x"
    return a + b

def paren_binop():
    a, b = 1, None
    return (a) * b

def subscript():
    d = {"k": [1, 2]}
    return d["k"][5]

def call_fail():
    return int("nope")

def attr_chain():
    x = None
    return x.foo.bar

def multiline():
    return max(
        1,
        "two",
    )

def floordiv():
    return 10 // 0

def nested():
    return binop()

for f in (binop, paren_binop, subscript, call_fail, attr_chain, multiline, floordiv, nested):
    show(f)

def chained():
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("converted") from e
show(chained)

def context():
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("during handling")
show(context)

def suppressed():
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("no context") from None
show(suppressed)

def group():
    def inner():
        raise ExceptionGroup("inner", [TypeError("t"), ValueError("v")])
    try:
        inner()
    except ExceptionGroup as eg:
        raise ExceptionGroup("outer", [eg, KeyError("k")])
show(group)

def noted():
    e = ValueError("with notes")
    e.add_note("first note")
    e.add_note("second\nnote")
    raise e
show(noted)

def recursion(n):
    if n == 0:
        raise OverflowError("deep")
    return recursion(n - 1)
show(lambda: recursion(8))

try:
    compile("x = (1,\n  2 +)", "<src>", "exec")
except SyntaxError as e:
    print("".join(traceback.format_exception_only(e)), end="")
    print(traceback.format_exception_only(type(e), e) == traceback.format_exception_only(e))

print(traceback.format_exception_only(ValueError("plain")))
print(traceback.format_exception_only(ValueError()))
print(traceback.format_exception_only(KeyError("k")))
class Weird(Exception):
    def __str__(self):
        raise RuntimeError
print(traceback.format_exception_only(Weird()))

try:
    binop()
except TypeError as e:
    print("".join(traceback.format_exception(e, limit=1)), end="")
    print("".join(traceback.format_exception(type(e), e, e.__traceback__, limit=-1)), end="")
    print("".join(traceback.format_exception(e, chain=False)), end="")
    tb = e.__traceback__
    summary = traceback.extract_tb(tb)
    print(type(summary).__name__, len(summary), summary[-1].name, summary[-1].line, summary[-1].lineno)
    print(repr(summary[0]), list(summary[-1])[1:], summary[-1] == tuple(summary[-1]))
    print("".join(traceback.format_tb(tb)), end="")
    print("".join(traceback.format_list(summary[-1:])), end="")
    traceback.print_exception(e)
    traceback.print_tb(tb, limit=1)
    te = traceback.TracebackException.from_exception(e)
    print(str(te), te.exc_type, te.stack[-1].colno, te.stack[-1].end_colno)
    print(list(te.format_exception_only()))
    traceback.print_exc()

def stacky():
    return traceback.extract_stack(limit=2), traceback.format_stack(limit=1)
st, fs = stacky()
print([f.name for f in st], fs)
fsum = traceback.FrameSummary("f.py", 3, "fn", line="x = 1")
print(fsum, fsum.line, repr(fsum), len(fsum))
print(traceback.format_list([("a.py", 1, "f", "pass"), fsum]))
print(traceback.StackSummary.from_list([("a.py", 2, "g", "y")]).format())
try:
    traceback.print_exception(ValueError("x"), ValueError("y"))
except ValueError as e:
    print("ValueError:", e)
try:
    traceback.format_exception(5)
except TypeError as e:
    print("TypeError:", e)
print(traceback.format_exception(None))
HERE = binop.__code__.co_filename  # __file__ is the .pyc when the harness runs compiled programs
print(linecache.getline(HERE, 1), linecache.getline(HERE, 10 ** 6) == "", linecache.getline("<nofile>", 1) == "")
print(len(linecache.getlines(HERE)) > 100, HERE in linecache.cache)
linecache.clearcache()
print(linecache.cache)

def with_locals():
    x = [1, 2]
    y = "s"
    raise IndexError("loc")
try:
    with_locals()
except IndexError as e:
    te = traceback.TracebackException.from_exception(e, capture_locals=True)
    # the module frame's locals hold addresses: only the function's entry
    print("".join(traceback.StackSummary.from_list(te.stack[1:]).format()), end="")

big = ExceptionGroup("many", [ValueError(i) for i in range(20)])
print("".join(traceback.format_exception(big)), end="")
deep = ValueError("leaf")
for i in range(12):
    deep = ExceptionGroup(f"level{i}", [deep])
print("".join(traceback.format_exception(deep)), end="")
