# Imports of source modules and packages from sys.path (PYTHONPATH is set
# to tests/vm/programs/modules by the runner): caching in sys.modules,
# from-imports, packages with relative imports, __all__ and import *,
# ModuleNotFoundError, a failing module body.
import sys
import geometry
import geometry as g2
from geometry import PI, area
print(geometry.area(2), g2 is geometry, PI, area(1), "geometry" in sys.modules)
import shapes
from shapes import Square, circle
from shapes.circle import circle_area
print(Square(3).area(), circle.circle_area(1), circle_area(2), shapes.__all__)
import shapes.square
print(shapes.square.Square is Square, type(shapes).__name__)
from geometry import *
print(area(3) > 28, "_private" in dir())
try:
    import no_such_module
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from geometry import nothing_here
except ImportError as e:
    print("ImportError:", e)
try:
    import broken
except RuntimeError as e:
    print("RuntimeError:", e, "broken" in sys.modules)
import shapes.nope
