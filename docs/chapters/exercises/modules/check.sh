#!/usr/bin/env bash
# Chapter 12 exercise check: itertools gains batched(iterable, n), the tool
# CPython added in 3.12, as a native iterator type in
# modules/itertoolsmodule.cpp (docs/chapters/stdlib.md). python3.11 has no
# batched, so the expectations below are 3.12's documented behaviour; the
# rest of itertools must still match python3.11.
# usage: check.sh BUILD_DIR   (BUILD_DIR/minipy is the binary under test)
set -u
minipy="$1/minipy"
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../../../.." && pwd)
python="${MINIPY_PYTHON:-python3.11}"
"$minipy" - <<'EOF' || exit 1
import gc
import itertools
from itertools import batched

# batches of n, the last one shorter; tuples, made lazily
assert list(batched("ABCDEFG", 3)) == [("A", "B", "C"), ("D", "E", "F"), ("G",)], list(batched("ABCDEFG", 3))
assert list(batched(range(4), n=2)) == [(0, 1), (2, 3)]
assert list(batched([], 5)) == []
assert list(batched("ab", 10)) == [("a", "b")]
first = next(batched(itertools.count(), 4))
assert first == (0, 1, 2, 3), first

# an iterator: iter() returns itself, exhaustion stays exhausted
b = batched(iter([1, 2, 3]), 2)
assert iter(b) is b
assert next(b) == (1, 2) and next(b) == (3,)
for _ in range(2):
    try:
        next(b)
    except StopIteration:
        pass
    else:
        raise AssertionError("batched did not stop")

# a type of the itertools module, with CPython's argument errors
assert type(b).__name__ == "batched" and type(b).__module__ == "itertools", type(b)
for bad, exc, msg in [((range(3), 0), ValueError, "n must be at least one"),
                      ((range(3), -1), ValueError, "n must be at least one"),
                      ((range(3), 1.5), TypeError, "'float' object cannot be interpreted as an integer"),
                      ((3, 2), TypeError, "'int' object is not iterable")]:
    try:
        batched(*bad)
    except exc as e:
        assert str(e) == msg, (bad, str(e))
    else:
        raise AssertionError("no error for %r" % (bad,))
try:
    batched(range(3))
except TypeError:
    pass
else:
    raise AssertionError("n is required")

# errors of the underlying iterator propagate
def boom():
    yield 1
    raise KeyError("x")
try:
    list(batched(boom(), 3))
except KeyError:
    pass
else:
    raise AssertionError("the iterator's error was lost")

# the iterator it holds is visible to the cycle collector
it = iter([1])
b = batched(it, 1)
assert it in gc.get_referents(b), gc.get_referents(b)
assert gc.is_tracked(b)
print("batched ok")
EOF
# The rest of itertools still matches python3.11.
cd "$source_dir" && "$python" tests/vm/test_programs.py --minipy "$minipy" --mode source -j2 \
    $(cd tests/vm/programs && ls mod_itertools_*.py | sed 's/\.py$//') > /dev/null || exit 1
