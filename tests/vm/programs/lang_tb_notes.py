# add_note(): notes printed after the exception line, for caught and
# uncaught exceptions, including on a chained context.
def check(value):
    if value < 0:
        err = ValueError(f"negative: {value}")
        err.add_note("values must be >= 0")
        err.add_note(f"got {value} from the caller")
        raise err
    return value

try:
    check(-1)
except ValueError as e:
    print(e, e.__notes__)
e = KeyError("k")
try:
    e.add_note(42)
except TypeError as exc:
    print("TypeError:", exc)
e.__notes__ = "not a list"
try:
    raise e
except KeyError as caught:
    print("notes kept:", caught.__notes__)

def outer():
    try:
        check(-5)
    except ValueError as inner:
        wrapper = RuntimeError("check failed")
        wrapper.add_note("see the ValueError above")
        raise wrapper

outer()
