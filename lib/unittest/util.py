# unittest/util.py: small helpers shared by the unittest modules (and by
# unittest.mock): safe reprs, shortened reprs for failure messages, class
# names, and the element-count diffs of assertCountEqual. minipy's own
# module with the API of CPython 3.11's Lib/unittest/util.py.
# Book chapter 13, "The Test Suite".

from collections import namedtuple, OrderedDict
from os.path import commonprefix

__unittest = True

# Failure messages show both operands' reprs on one line. Reprs longer than
# _MAX_LENGTH are cut in the middle: the common prefix keeps its first
# _MIN_BEGIN_LEN characters and as much of its end as fits, and each
# differing tail keeps _MIN_DIFF_LEN leading and _MIN_END_LEN trailing
# characters; a cut is shown as "[N chars]" (about _PLACEHOLDER_LEN wide).
_MAX_LENGTH = 80
_PLACEHOLDER_LEN = 12
_MIN_BEGIN_LEN = 5
_MIN_END_LEN = 5
_MIN_COMMON_LEN = 5
_MIN_DIFF_LEN = _MAX_LENGTH - (_MIN_BEGIN_LEN + _PLACEHOLDER_LEN +
                               _MIN_COMMON_LEN + _PLACEHOLDER_LEN +
                               _MIN_END_LEN)
assert _MIN_DIFF_LEN >= 0


def _shorten(s, prefixlen, suffixlen):
    # Replace the middle of s by "[N chars]" only when that saves room.
    hidden = len(s) - prefixlen - suffixlen
    if hidden <= _PLACEHOLDER_LEN:
        return s
    return '%s[%d chars]%s' % (s[:prefixlen], hidden, s[len(s) - suffixlen:])


def _common_shorten_repr(*args):
    reprs = tuple(safe_repr(arg) for arg in args)
    longest = max(len(r) for r in reprs)
    if longest <= _MAX_LENGTH:
        return reprs
    prefix = commonprefix(reprs)
    plen = len(prefix)
    # Room left for the common prefix once the longest tail is kept whole.
    room = _MAX_LENGTH - (longest - plen + _MIN_BEGIN_LEN + _PLACEHOLDER_LEN)
    if room > _MIN_COMMON_LEN:
        assert (_MIN_BEGIN_LEN + _PLACEHOLDER_LEN + _MIN_COMMON_LEN +
                (longest - plen) < _MAX_LENGTH)
        head = _shorten(prefix, _MIN_BEGIN_LEN, room)
        return tuple(head + r[plen:] for r in reprs)
    head = _shorten(prefix, _MIN_BEGIN_LEN, _MIN_COMMON_LEN)
    return tuple(head + _shorten(r[plen:], _MIN_DIFF_LEN, _MIN_END_LEN)
                 for r in reprs)


def safe_repr(obj, short=False):
    """repr(obj), falling back to object.__repr__ when the repr raises;
    with short=True, cut to _MAX_LENGTH characters."""
    try:
        text = repr(obj)
    except Exception:
        text = object.__repr__(obj)
    if short and len(text) >= _MAX_LENGTH:
        return text[:_MAX_LENGTH] + ' [truncated]...'
    return text


def strclass(cls):
    return "%s.%s" % (cls.__module__, cls.__qualname__)


def sorted_list_difference(expected, actual):
    """Walk two sorted lists together; return (missing, unexpected): the
    items of expected absent from actual and the reverse. A run of equal
    items counts once, except in the tail left when one list runs out."""
    def past_run(seq, k, value):
        # Index of the first item after the run of `value` that starts at k.
        while k < len(seq) and seq[k] == value:
            k += 1
        return k

    missing, unexpected = [], []
    i = j = 0
    while i < len(expected) and j < len(actual):
        e, a = expected[i], actual[j]
        if e < a:
            missing.append(e)
            i = past_run(expected, i + 1, e)
        elif e > a:
            unexpected.append(a)
            j = past_run(actual, j + 1, a)
        else:
            i = past_run(expected, i + 1, e)
            j = past_run(actual, j + 1, a)
    missing += expected[i:]
    unexpected += actual[j:]
    return missing, unexpected


def unorderable_list_difference(expected, actual):
    """Like sorted_list_difference for items that cannot be sorted:
    O(n*n) with ==. Both lists are consumed; what stays in actual is the
    unexpected part."""
    missing = []
    for item in reversed(expected):
        if item in actual:
            actual.remove(item)
        else:
            missing.append(item)
    del expected[:]
    return missing, actual


def three_way_cmp(x, y):
    """-1, 0 or 1, as Python 2's cmp()."""
    return (x > y) - (x < y)


_Mismatch = namedtuple('Mismatch', 'actual expected value')


def _count_diff_all_purpose(actual, expected):
    """Mismatch(count in actual, count in expected, element) for each element
    whose counts differ, using only ==. Elements are met in actual's order,
    then those only in expected."""
    left, right = list(actual), list(expected)
    done = object()        # marks an element already counted
    result = []
    for i, elem in enumerate(left):
        if elem is done:
            continue
        n_left = n_right = 0
        for k in range(i, len(left)):
            if left[k] == elem:
                n_left += 1
                left[k] = done
        for k, other in enumerate(right):
            if other == elem:
                n_right += 1
                right[k] = done
        if n_left != n_right:
            result.append(_Mismatch(n_left, n_right, elem))
    for i, elem in enumerate(right):
        if elem is done:
            continue
        n_right = 0
        for k in range(i, len(right)):
            if right[k] == elem:
                n_right += 1
                right[k] = done
        result.append(_Mismatch(0, n_right, elem))
    return result


def _ordered_count(iterable):
    counts = OrderedDict()
    for elem in iterable:
        counts[elem] = counts.get(elem, 0) + 1
    return counts


def _count_diff_hashable(actual, expected):
    """_count_diff_all_purpose for hashable elements, with dicts."""
    left, right = _ordered_count(actual), _ordered_count(expected)
    result = []
    for elem, n_left in left.items():
        n_right = right.get(elem, 0)
        if n_left != n_right:
            result.append(_Mismatch(n_left, n_right, elem))
    for elem, n_right in right.items():
        if elem not in left:
            result.append(_Mismatch(0, n_right, elem))
    return result
