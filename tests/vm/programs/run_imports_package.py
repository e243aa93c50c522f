# Packages: __init__ running first, relative imports (one and two dots),
# the attributes of imported modules, from-import-* with and without
# __all__, __import__ itself, and the errors of relative imports.
import sys
import runpkg
from runpkg import inner
from runpkg.inner import leaf

def rel(path):
    # The modules' paths from tests/vm/programs/ on (the program itself may
    # run from a temporary .pyc elsewhere).
    return path[path.index("modules/"):]

print(runpkg.order, runpkg.shared, runpkg.base.helper())
print(inner.parent_base is runpkg.base, inner.helper())
print(leaf.where())
for m in (runpkg, runpkg.base, inner, leaf):
    print(m.__name__, m.__package__, rel(m.__file__), hasattr(m, "__path__"))
print(runpkg.__spec__.name, runpkg.__spec__.parent, leaf.__spec__.parent, leaf.__spec__.submodule_search_locations)
print([rel(p) for p in runpkg.__path__], __name__, __package__, __spec__)
print(sorted(k for k in sys.modules if k.startswith("runpkg")))

ns = {}
exec("from runpkg.base import *", ns)
print(sorted(k for k in ns if k != "__builtins__"))
ns = {}
exec("from runpkg.noall import *", ns)
print(sorted(k for k in ns if k != "__builtins__"))
try:
    exec("from runpkg.badall import *", {})
except AttributeError as e:
    print("AttributeError:", e)

m = __import__("runpkg.inner.leaf")
print(m is runpkg)
m = __import__("runpkg.inner.leaf", fromlist=["where"])
print(m is leaf)
m = __import__("base", globals=vars(runpkg), fromlist=["x"], level=1)
print(m is runpkg.base)

try:
    import runpkg.inner.too_far
except ImportError as e:
    print(type(e).__name__, e)
try:
    exec("from . import sibling", {"__name__": "loose"})
except ImportError as e:
    print(type(e).__name__, e)
for g in ({}, {"__name__": 3}, {"__package__": 3}, {"__package__": "", "__name__": "a.b"},
          {"__spec__": None, "__name__": "runpkg.base"}):
    try:
        exec("from .base import shared as s", g)
        print(g["s"])
    except (ImportError, KeyError, TypeError) as e:
        print(type(e).__name__, e)
try:
    import runpkg.base.deeper
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from runpkg import does_not_exist
except ImportError as e:
    print(type(e).__name__, e.name, rel(str(e).split("(")[1].rstrip(")")))
sys.modules["halted"] = None
try:
    import halted
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    __import__("")
except ValueError as e:
    print("ValueError:", e)
try:
    __import__("x", level=-1)
except ValueError as e:
    print("ValueError:", e)
import atexit
print("atexit" in sys.builtin_module_names, type(atexit).__name__)
from runpkg.inner import too_far
