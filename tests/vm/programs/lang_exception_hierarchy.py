# The built-in exception hierarchy: what catches what, the OSError
# subclasses chosen by errno, and ExceptionGroup vs BaseExceptionGroup.
pairs = [
    (ZeroDivisionError, ArithmeticError), (KeyError, LookupError), (UnicodeDecodeError, ValueError),
    (FileNotFoundError, OSError), (RecursionError, RuntimeError), (NotImplementedError, RuntimeError),
    (ModuleNotFoundError, ImportError), (UnboundLocalError, NameError), (IndentationError, SyntaxError),
    (TabError, IndentationError), (BrokenPipeError, ConnectionError), (StopAsyncIteration, Exception),
    (GeneratorExit, Exception), (KeyboardInterrupt, Exception), (SystemExit, BaseException),
    (DeprecationWarning, Warning), (BytesWarning, Warning), (TimeoutError, OSError), (EnvironmentError, OSError),
]
for sub, base in pairs:
    print(f"{sub.__name__} < {base.__name__}: {issubclass(sub, base)}")
for args in [(2, "x"), (13, "x"), (17, "x"), (32, "x"), (110, "x"), (9999, "x"), ("not errno", "x")]:
    print(args[0], type(OSError(*args)).__name__)
print(issubclass(ExceptionGroup, BaseExceptionGroup), issubclass(ExceptionGroup, Exception))
print(type(BaseExceptionGroup("m", [ValueError()])).__name__, type(BaseExceptionGroup("m", [KeyboardInterrupt()])).__name__)
try:
    ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError:", e)
try:
    ExceptionGroup("m", [])
except ValueError as e:
    print("ValueError:", e)
print(IOError is OSError, EnvironmentError is OSError)
print([c.__name__ for c in FileNotFoundError.__mro__])
