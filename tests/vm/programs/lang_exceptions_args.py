# Exception objects: args, str/repr forms, attributes of OSError, KeyError's
# repr-style str, StopIteration.value, SystemExit.code, custom __init__/__str__.
for e in [ValueError(), ValueError("one"), ValueError("a", 2), KeyError("k"), KeyError(), IndexError(5)]:
    print(repr(e), "|", str(e), "|", e.args)
err = OSError(2, "No such file", "x.txt")
print(err.errno, err.strerror, err.filename, str(err), type(err).__name__)
print(OSError("just message").errno, type(OSError(2, "x")).__name__)
print(StopIteration(7).value, StopIteration().value, SystemExit(3).code, SystemExit().code)
print(SystemExit("bye").code, SystemExit(1, 2).code)

class AppError(Exception):
    def __init__(self, code, detail):
        super().__init__(f"code {code}")
        self.code = code
        self.detail = detail
    def __str__(self):
        return f"AppError[{self.code}]: {self.detail}"

try:
    raise AppError(404, "not found")
except AppError as e:
    print(e, "|", repr(e), "|", e.args, e.code)

class NoSuper(Exception):
    def __init__(self, x):
        self.x = x

e = NoSuper(10)
print(repr(e), e.args, str(e))
e.args = ("replaced",)
print(str(e), repr(e))
print(isinstance(KeyError(), LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(BaseException.__subclasses__() is not None, Exception.__base__.__name__)
print([c.__name__ for c in KeyboardInterrupt.__mro__])
u = UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
print(str(u), u.start, u.end, u.reason)
print(str(AttributeError("a", name="n", obj=None)), AttributeError("m", name="nm").name)
print(NameError("x", name="nm").name, ImportError("m", name="mod", path="p").path)
raise AppError(500, "server exploded")
