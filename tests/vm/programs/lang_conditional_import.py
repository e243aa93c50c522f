# Import statement forms: inside functions and try blocks, fallbacks on
# ImportError, import of a submodule, and from-import of a package module.
try:
    import lang_missing_module_xyz as accel
except ImportError:
    accel = None
print("accel:", accel)
try:
    from lang_helper import does_not_exist
except ImportError as e:
    print("fallback after:", type(e).__name__)

def lazy():
    import lang_helper
    return lang_helper.public

print(lazy())
import shapes
import shapes.circle
print(shapes.__name__, shapes.circle.__name__, "circle" in dir(shapes))
from shapes import square
print(square.__name__)
import sys
print(all(name in sys.modules for name in ["shapes", "shapes.circle", "shapes.square", "lang_helper"]))
if "lang_helper" in sys.modules:
    import lang_helper as lh
    print("already loaded, calls =", lh.calls)
try:
    import shapes.nothing_here
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
