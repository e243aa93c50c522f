# add_note / __notes__: appearance in tracebacks, validation, notes on groups and re-raise.
e = ValueError("bad value")
print(hasattr(e, "__notes__"))
e.add_note("first note")
e.add_note("second\nmultiline note")
print(e.__notes__)
try:
    e.add_note(42)
except TypeError as err:
    print(type(err).__name__, err)
try:
    raise e
except ValueError as caught:
    caught.add_note("added while handling")
    print(caught.__notes__[-1], caught is e)
e.__notes__ = ["replaced"]
print(e.__notes__)
del e.__notes__
print(hasattr(e, "__notes__"))
e.add_note("fresh")
print(e.__notes__)


def process(item):
    try:
        return 10 / item
    except ZeroDivisionError as err:
        err.add_note(f"while processing item {item!r}")
        raise


try:
    process(0)
except ZeroDivisionError as err:
    print(err.__notes__)
eg = ExceptionGroup("group", [TypeError("t")])
eg.add_note("group note")
eg.exceptions[0].add_note("inner note")
print(eg.__notes__, eg.exceptions[0].__notes__)
bad = KeyError("k")
bad.__notes__ = "not a list"
try:
    bad.add_note("x")
except TypeError as err:
    print(type(err).__name__, err)
final = RuntimeError("shown with notes")
final.add_note("note one")
final.add_note("note two")
raise final
