# struct.py: minipy's struct module: the public face of the native _struct
# (modules/_struct.cpp), as CPython's Lib/struct.py is of Modules/_struct.c.
# Book chapter 12.

__all__ = [
    # Functions
    'calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from',
    'iter_unpack',

    # Classes
    'Struct',

    # Exceptions
    'error',
]

from _struct import *
from _struct import _clearcache
from _struct import __doc__
