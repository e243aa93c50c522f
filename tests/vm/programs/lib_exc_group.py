# ExceptionGroup / BaseExceptionGroup: construction rules, subgroup, split, derive, nesting.
eg = ExceptionGroup("many", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)])])
print(repr(eg), str(eg), eg.message, len(eg.exceptions), type(eg).__name__)
print(repr(eg.subgroup(ValueError)))
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))))
print(eg.subgroup(OSError), eg.subgroup(ExceptionGroup) is eg, eg.subgroup(Exception) is eg)
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
match, rest = eg.split((TypeError, KeyError))
print(repr(match), repr(rest))
print(eg.split(ZeroDivisionError))
beg = BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError()])
print(type(beg).__name__, repr(beg.split(Exception)))
auto = BaseExceptionGroup("auto", [ValueError(), TypeError()])
print(type(auto).__name__, isinstance(auto, Exception))


class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + "!", excs)


mg = MyGroup("mine", [ValueError("a"), TypeError("b")])
print(repr(mg.subgroup(ValueError)), type(mg.split(TypeError)[0]).__name__)
eg2 = ExceptionGroup("noted", [ValueError("x")])
eg2.add_note("a note")
sub = eg2.subgroup(ValueError)
print(sub is eg2, getattr(eg2.split(ValueError)[0], "__notes__", None))
for args in (("msg", []), ("msg", [1]), (1, [ValueError()]), ("msg", ValueError()), ("msg",),
             ("msg", [KeyboardInterrupt()])):
    try:
        print(repr(ExceptionGroup(*args)))
    except Exception as e:
        print(type(e).__name__, e)
print(eg.derive([KeyError()]).message, repr(eg.derive([KeyError()])))
print(len(eg.exceptions[2].exceptions), eg.exceptions is eg.exceptions, type(eg.exceptions).__name__)
try:
    raise ExceptionGroup("top", [ValueError("v"), TypeError("t")])
except* ValueError as got:
    print("caught", repr(got))
except* TypeError as got:
    print("caught", repr(got))
raise ExceptionGroup("uncaught", [ValueError("one"), ExceptionGroup("nested", [KeyError("k")])])
