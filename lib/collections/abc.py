# collections/abc.py: the public name of the collection ABCs, which live in
# _collections_abc (imported early by other modules without pulling in the
# whole collections package). As CPython 3.11's Lib/collections/abc.py.
# Book chapter 12.
from _collections_abc import *
from _collections_abc import __all__
from _collections_abc import _CallableGenericAlias
