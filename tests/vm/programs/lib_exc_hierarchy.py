# The built-in exception hierarchy: bases, MRO, and which except clauses catch what.
names = ["ZeroDivisionError", "OverflowError", "KeyError", "IndexError", "ModuleNotFoundError",
         "FileNotFoundError", "UnicodeDecodeError", "RecursionError", "NotImplementedError",
         "StopAsyncIteration", "TimeoutError", "BrokenPipeError", "IndentationError", "TabError",
         "UnboundLocalError", "FloatingPointError", "KeyboardInterrupt", "SystemExit",
         "GeneratorExit", "ExceptionGroup", "BaseExceptionGroup", "EncodingWarning",
         "DeprecationWarning", "BytesWarning", "ResourceWarning", "ConnectionRefusedError"]
import builtins
for name in names:
    cls = getattr(builtins, name)
    print(name, [c.__name__ for c in cls.__mro__[1:]])
print(issubclass(KeyboardInterrupt, Exception), issubclass(StopIteration, Exception), issubclass(Warning, Exception))
print(EnvironmentError is OSError, IOError is OSError, issubclass(UnicodeError, ValueError))
for raiser in (lambda: 1 / 0, lambda: [][1], lambda: {}[1], lambda: int("x"), lambda: None.attr,
               lambda: undefined_name, lambda: "a" + 1, lambda: b"\xff".decode()):
    try:
        raiser()
    except ArithmeticError as e:
        print("ArithmeticError:", type(e).__name__)
    except LookupError as e:
        print("LookupError:", type(e).__name__)
    except (AttributeError, NameError) as e:
        print("Attr/Name:", type(e).__name__)
    except ValueError as e:
        print("ValueError:", type(e).__name__)
    except Exception as e:
        print("Exception:", type(e).__name__)
try:
    raise SystemExit(5)
except Exception:
    print("not reached")
except BaseException as e:
    print("BaseException caught", type(e).__name__, e.code)
print(BaseException.__subclasses__()[:0], len(Exception.__subclasses__()) > 10)
try:
    raise ValueError
except ValueError as e:
    print("class raised:", repr(e), e.args)
try:
    raise 42
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise int
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise ValueError from 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    try:
        raise KeyError("inner")
    except* KeyError:
        raise
except* LookupError as eg:
    print("star", repr(eg))
raise NotImplementedError
