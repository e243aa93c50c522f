# Exception objects: args, str and repr for 0/1/many args, KeyError's repr-quoting, with_traceback.
for exc in (Exception(), Exception("one"), Exception("a", 2), ValueError(""), ValueError(None),
            KeyError("key"), KeyError(), KeyError("a", "b"), IndexError(5), TypeError(["list"])):
    print(type(exc).__name__, exc.args, repr(str(exc)), repr(exc))
e = RuntimeError("boom")
print(e.__traceback__, e.__cause__, e.__context__, e.__suppress_context__)
e.args = ("changed", 1)
print(e, repr(e))
e.args = "abc"
print(e.args)
try:
    {}["missing"]
except KeyError as err:
    print(str(err), repr(err), err.args)
try:
    [].pop()
except IndexError as err:
    print(str(err), err.args)


class MyError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code

    def __str__(self):
        return f"[{self.code}] {self.args[0]}"


try:
    raise MyError(404, "not found")
except MyError as err:
    print(err, repr(err), err.code, err.args)


class NoInit(Exception):
    pass


n = NoInit(1, 2, 3)
print(n, repr(n), n.args, str(NoInit()), repr(NoInit("x")))
print(repr(BaseException("b")), repr(StopIteration(7)), StopIteration(7).value, StopIteration().value)
print(repr(SystemExit(3)), SystemExit(3).code, SystemExit().code, SystemExit(1, 2).code)
print(repr(KeyboardInterrupt()), GeneratorExit.__mro__)
print(AttributeError("m", name="n", obj=5).name, NameError("x", name="y").name)
print(ImportError("msg", name="mod", path="/p").name, ImportError("msg", name="mod").path)
try:
    ImportError("m", bogus=1)
except TypeError as err:
    print(type(err).__name__, err)
try:
    Exception(x=1)
except TypeError as err:
    print(type(err).__name__, err)
tb_holder = None
try:
    1 / 0
except ZeroDivisionError as err:
    tb_holder = err.__traceback__
print(type(tb_holder).__name__, tb_holder.tb_lineno > 0)
x = ValueError("with tb").with_traceback(tb_holder)
print(x.__traceback__ is tb_holder)
raise KeyError("final", 2)
