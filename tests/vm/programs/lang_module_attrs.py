# Module-level names: __name__, __doc__, __builtins__, __file__ ending,
# globals() identity, and the __main__ module in sys.modules.
"""Module docstring of lang_module_attrs."""
import sys

print(__name__, repr(__doc__))
print(__file__.endswith((".py", ".pyc")), __spec__ is None or __spec__.name)
print(sys.modules["__main__"].__name__, sys.modules[__name__] is sys.modules["__main__"])
main = sys.modules["__main__"]
value = 10
print(main.value, getattr(main, "value"))
main.value = 20
print(value)
print(globals() is main.__dict__, "value" in vars(main))
print(type(sys).__name__, type(main).__name__)
import builtins
print(builtins.len is len, builtins.__name__)
print(__builtins__ is builtins or __builtins__ is builtins.__dict__)

def f():
    """Function docstring."""
    return __name__

print(f(), f.__module__, f.__doc__, f.__qualname__)

class C:
    """Class doc."""
    def m(self):
        pass

print(C.__module__, C.__doc__, C.m.__qualname__, C.__qualname__)
print(sorted(k for k in globals() if k.startswith("__") and k.endswith("__") and k != "__cached__"))
builtins.injected_builtin = "visible everywhere"
print(injected_builtin)
del builtins.injected_builtin
try:
    injected_builtin
except NameError as e:
    print("NameError:", e)
if __name__ == "__main__":
    print("running as a script")
