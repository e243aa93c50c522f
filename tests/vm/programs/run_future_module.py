# minipy's lib/__future__.py against CPython's: the future statement runs
# (it still executes IMPORT_NAME __future__), and the module describes
# every feature with the same releases and compiler flags.
from __future__ import annotations
import __future__
import sys

def f(x: undefined_name) -> "str":
    return x

print(f.__annotations__)
print(__future__.all_feature_names == __future__.__all__[1:], __future__.__all__[0])
for name in __future__.all_feature_names:
    feature = getattr(__future__, name)
    print(name, feature, feature.getOptionalRelease(), feature.getMandatoryRelease(), feature.compiler_flag)
print(sorted(k for k in vars(__future__) if k.startswith("CO_")))
print(__future__.__name__, __future__.__doc__.splitlines()[0], "__future__" in sys.modules)
