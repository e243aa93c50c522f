from .square import Square
from . import circle
__all__ = ["Square", "circle"]
print("shapes package, __package__ =", __package__)
