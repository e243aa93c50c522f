# concurrent: the package of concurrent.futures (empty, as in CPython
# 3.11's Lib/concurrent/__init__.py). Book chapter 10.
