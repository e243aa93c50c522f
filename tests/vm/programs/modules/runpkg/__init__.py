# A package for run_imports_package.py: relative imports at two levels,
# __all__, and the module attributes the import system sets.
from . import base
from .base import shared
order = ["runpkg"]
