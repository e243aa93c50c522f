# unittest/__main__.py: `python -m unittest [options] [tests | discover
# ...]`. minipy's own module with the behaviour of CPython 3.11's
# Lib/unittest/__main__.py. Book chapter 13, "The Test Suite".

import sys

if sys.argv[0].endswith("__main__.py"):
    # Usage messages name the command as typed: "<executable> -m unittest".
    import os.path
    sys.argv[0] = os.path.basename(sys.executable) + " -m unittest"
    del os

__unittest = True

from .main import main

main(module=None)
