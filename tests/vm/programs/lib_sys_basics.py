# sys basics: argv, maxsize, recursion limit, byteorder, version info, stdout/stderr objects.
import sys
print(len(sys.argv), sys.argv[0].endswith(("lib_sys_basics.py", "lib_sys_basics.pyc")))
print(sys.maxsize, sys.maxsize == 2**63 - 1, -sys.maxsize - 1, type(sys.maxsize).__name__)
print(sys.getrecursionlimit(), sys.byteorder, sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 11))
print(sys.implementation.name in ("cpython", "minipy"), type(sys.flags).__name__ if False else "flags skipped")
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__, hasattr(sys.stdout, "write"))
print(sys.maxunicode, sys.float_info.max, sys.float_info.epsilon, sys.int_info.bits_per_digit in (15, 30))
print("sys" in sys.modules, "builtins" in sys.modules, sys.modules["sys"] is sys, "__main__" in sys.modules)
print(type(sys.path).__name__, isinstance(sys.platform, str), sys.exc_info())
old = sys.getrecursionlimit()
sys.setrecursionlimit(200)
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)
for bad in (0, -1, "x"):
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    raise KeyError("inside")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, type(tb).__name__, sys.exception() is v if hasattr(sys, "exception") else "3.11")
print(sys.exc_info())
n = sys.stdout.write("written\n")
print(n, sys.stderr.write("err\n"))
sys.stdout.flush()
print(sys.intern("abc") == "abc", sys.getsizeof(0) > 0 if False else "sizeof skipped")
sys.exit()
