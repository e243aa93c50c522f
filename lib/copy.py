# copy.py: shallow and deep copies of arbitrary objects. minipy's own
# module with the API of CPython 3.11's Lib/copy.py. Book chapter 12.
#
# How an object is copied, first rule that applies:
#   1. a per-type copier (the tables below: atomic types are their own
#      copy, the containers copy themselves);
#   2. classes are atomic;
#   3. __copy__() / __deepcopy__(memo) of the object's class;
#   4. copyreg.dispatch_table[cls](x), else x.__reduce_ex__(4), else
#      x.__reduce__(): the pickle protocol's recipe (callable, args, state,
#      list items, dict items), replayed by _reconstruct; a str result
#      means "a global: the object itself".
# deepcopy's memo maps id(original) -> copy, so shared and cyclic
# structure is copied once and stays shared; it also keeps every original
# alive (under memo[id(memo)]) so that no id is reused during one deepcopy.

import types as _types
from copyreg import dispatch_table

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error   # the old name


def _reduce(x, cls, what):
    # The pickle recipe for x (rule 4).
    reductor = dispatch_table.get(cls)
    if reductor is not None:
        return reductor(x)
    reductor = getattr(x, "__reduce_ex__", None)
    if reductor is not None:
        return reductor(4)
    reductor = getattr(x, "__reduce__", None)
    if reductor:
        return reductor()
    raise Error(f"un({what})copyable object of type {cls}")


def copy(x):
    """A shallow copy of x: a new object of the same kind holding the same
    items or attributes (atomic objects are returned as they are)."""
    cls = type(x)
    copier = _copy_dispatch.get(cls)
    if copier is not None:
        return copier(x)
    if issubclass(cls, type):
        return x  # classes are atomic
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x, cls, "shallow")
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def _copy_immutable(x):
    return x


_copy_dispatch = {}
for _t in (type(None), int, float, bool, complex, str, tuple, bytes,
           frozenset, type, range, slice, property,
           _types.BuiltinFunctionType, type(Ellipsis), type(NotImplemented),
           _types.FunctionType):
    _copy_dispatch[_t] = _copy_immutable
try:
    from weakref import ref as _weakref_type
    _copy_dispatch[_weakref_type] = _copy_immutable
except ImportError:
    _weakref_type = None
for _t in (list, dict, set, bytearray):
    _copy_dispatch[_t] = _t.copy
del _t


def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of x: its items and attributes are copied recursively;
    memo (id -> copy) keeps shared and cyclic structure as it was."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y

    cls = type(x)
    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    elif issubclass(cls, type):
        y = x  # classes are atomic
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x, cls, "deep")
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)
    # An object that is its own copy needs no memo entry.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _deepcopy_atomic(x, memo):
    return x


def _deepcopy_list(x, memo, deepcopy=deepcopy):
    y = []
    memo[id(x)] = y  # before the items: they may contain x
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y


def _deepcopy_tuple(x, memo, deepcopy=deepcopy):
    y = [deepcopy(a, memo) for a in x]
    # A tuple cannot be made before its items, so a cycle through it is
    # closed by whatever copy an item made of it meanwhile.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            return tuple(y)
    return x  # all items are their own copies


def _deepcopy_dict(x, memo, deepcopy=deepcopy):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def _deepcopy_method(x, memo):
    # A bound method: the same function bound to a copy of the instance.
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


_deepcopy_dispatch = {}
for _t in (type(None), type(Ellipsis), type(NotImplemented), int, float,
           bool, complex, bytes, str, _types.CodeType, type, range,
           _types.BuiltinFunctionType, _types.FunctionType, property):
    _deepcopy_dispatch[_t] = _deepcopy_atomic
if _weakref_type is not None:
    _deepcopy_dispatch[_weakref_type] = _deepcopy_atomic
_deepcopy_dispatch[list] = _deepcopy_list
_deepcopy_dispatch[tuple] = _deepcopy_tuple
_deepcopy_dispatch[dict] = _deepcopy_dict
_deepcopy_dispatch[_types.MethodType] = _deepcopy_method
del _t


def _keep_alive(x, memo):
    # Holds x in the memo so that its id cannot be reused by a new object
    # while this deepcopy runs (which would alias memo entries).
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None,
                 *, deepcopy=deepcopy):
    # Replays a __reduce_ex__ recipe; memo is None for a shallow copy.
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            # state is the instance dict, or (dict or None, slot values).
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y
