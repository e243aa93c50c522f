"""Pickling hooks shared by pickle and copy (minipy's own copyreg).

Mirrors the behaviour of CPython 3.11's Lib/copyreg.py: the reduction
registry (dispatch_table) that pickle and copy consult before an object's
own __reduce_ex__, the reconstructors that object.__reduce_ex__ names in
the tuples it returns (__newobj__ and __newobj_ex__ for protocol 2 and
above, _reconstructor and _reduce_ex for protocols 0 and 1), the slot-name
helper, and the extension-code registry of pickle's EXT opcodes.
Book ch. 11 (objects: the default reduction in runtime/typeobject.cpp
imports this module).
"""

__all__ = ["pickle", "constructor",
           "add_extension", "remove_extension", "clear_extension_cache"]

# type -> function(obj) returning a reduce value; pickle.Pickler and
# copy.copy/deepcopy look here first.
dispatch_table = {}


def pickle(ob_type, pickle_function, constructor_ob=None):
    """Register pickle_function as the reduction of ob_type's instances."""
    if not callable(pickle_function):
        raise TypeError("reduction functions must be callable")
    dispatch_table[ob_type] = pickle_function
    # constructor_ob is only checked: unpickling calls what the
    # reduction names, nothing needs registering.
    if constructor_ob is not None:
        constructor(constructor_ob)


def constructor(object):
    """Check that object can serve as a constructor (it must be callable)."""
    if not callable(object):
        raise TypeError("constructors must be callable")


def pickle_complex(c):
    return complex, (c.real, c.imag)


pickle(complex, pickle_complex, complex)


def pickle_union(obj):
    # int | str rebuilds as functools.reduce(operator.or_, (int, str)).
    import functools
    import operator
    return functools.reduce, (operator.or_, obj.__args__)


pickle(type(int | str), pickle_union)


# --- Protocols 0 and 1 -----------------------------------------------------

_HEAPTYPE = 1 << 9                 # Py_TPFLAGS_HEAPTYPE: a class statement's type
_new_type = type(int.__new__)      # builtin_function_or_method


def _reconstructor(cls, base, state):
    """Rebuild an instance of cls whose nearest built-in base is base."""
    if base is object:
        return object.__new__(cls)
    obj = base.__new__(cls, state)
    if base.__init__ != object.__init__:
        base.__init__(obj, state)
    return obj


def _builtin_base(cls):
    # The first class of the MRO that a class statement did not make, or
    # whose __new__ is its own built-in one: the part of the instance the
    # reconstructor must build with base(state).
    for klass in cls.__mro__:
        flags = getattr(klass, "__flags__", None)
        if flags is not None and not flags & _HEAPTYPE:
            return klass
        new = klass.__new__
        if isinstance(new, _new_type) and new.__self__ is klass:
            return klass
    return object


def _reduce_ex(self, proto):
    """object.__reduce_ex__ for protocols 0 and 1."""
    assert proto < 2
    cls = self.__class__
    base = _builtin_base(cls)
    if base is object:
        state = None
    elif base is cls:
        raise TypeError(f"cannot pickle {cls.__name__!r} object")
    else:
        state = base(self)      # e.g. the int value of an int subclass
    has_slots = getattr(self, "__slots__", None)
    try:
        getstate = self.__getstate__
    except AttributeError:
        if has_slots:
            raise TypeError(f"cannot pickle {cls.__name__!r} object: "
                            f"a class that defines __slots__ without "
                            f"defining __getstate__ cannot be pickled "
                            f"with protocol {proto}") from None
        instance_state = getattr(self, "__dict__", None)
    else:
        if type(self).__getstate__ is object.__getstate__ and has_slots:
            raise TypeError("a class that defines __slots__ without "
                            "defining __getstate__ cannot be pickled")
        instance_state = getstate()
    if instance_state:
        return _reconstructor, (cls, base, state), instance_state
    return _reconstructor, (cls, base, state)


# --- Protocol 2 and above --------------------------------------------------

def __newobj__(cls, *args):
    """The callable of a protocol 2 reduction: cls.__new__(cls, *args)."""
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    """Like __newobj__ with keyword arguments too (__getnewargs_ex__, protocol 4)."""
    return cls.__new__(cls, *args, **kwargs)


def _slotnames(cls):
    """The names of the slots cls and its bases declare, cached as cls.__slotnames__.

    Private names come mangled; __dict__ and __weakref__ are not slots
    that hold state and are left out.
    """
    cached = cls.__dict__.get("__slotnames__")
    if cached is not None:
        return cached
    names = []
    if hasattr(cls, "__slots__"):
        for klass in cls.__mro__:
            if "__slots__" not in klass.__dict__:
                continue
            declared = klass.__dict__["__slots__"]
            if isinstance(declared, str):
                declared = (declared,)
            for name in declared:
                if name in ("__dict__", "__weakref__"):
                    continue
                if name.startswith("__") and not name.endswith("__"):
                    owner = klass.__name__.lstrip("_")
                    name = f"_{owner}{name}" if owner else name
                names.append(name)
    try:
        cls.__slotnames__ = names
    except Exception:
        pass  # a class that refuses attributes still gets its answer
    return names


# --- Extension codes -------------------------------------------------------
# pickle's EXT1/EXT2/EXT4 opcodes name a global (module, name) by a small
# integer registered here. Codes 1-127 are for the standard library,
# 128-191 for Zope, 192-239 for third parties, 240-255 private; the
# tables must never be rebound (pickle holds references to them).

_extension_registry = {}    # (module, name) -> code
_inverted_registry = {}     # code -> (module, name)
_extension_cache = {}       # code -> the object, filled by unpickling


def add_extension(module, name, code):
    """Register code as the extension code of module.name."""
    code = int(code)
    if code < 1 or code > 0x7fffffff:
        raise ValueError("code out of range")
    key = (module, name)
    if _extension_registry.get(key) == code and _inverted_registry.get(code) == key:
        return  # the same registration twice is harmless
    if key in _extension_registry:
        raise ValueError("key %s is already registered with code %s"
                         % (key, _extension_registry[key]))
    if code in _inverted_registry:
        raise ValueError("code %s is already in use for key %s"
                         % (code, _inverted_registry[code]))
    _extension_registry[key] = code
    _inverted_registry[code] = key


def remove_extension(module, name, code):
    """Unregister an extension code (tests use it)."""
    key = (module, name)
    if _extension_registry.get(key) != code or _inverted_registry.get(code) != key:
        raise ValueError("key %s is not registered with code %s" % (key, code))
    del _extension_registry[key]
    del _inverted_registry[code]
    _extension_cache.pop(code, None)


def clear_extension_cache():
    _extension_cache.clear()
