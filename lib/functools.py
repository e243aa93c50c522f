# functools.py: higher-order functions and operations on callables:
# wraps/update_wrapper, total_ordering, lru_cache/cache, partialmethod,
# singledispatch, cached_property, with reduce, partial and cmp_to_key from
# the native _functools. minipy's own module with the API of CPython
# 3.11's Lib/functools.py. Book chapter 12, "The Standard Library".

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
           'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce',
           'partial', 'partialmethod', 'singledispatch', 'singledispatchmethod',
           'cached_property']

from abc import get_cache_token
from collections import namedtuple
from types import GenericAlias
from types import MappingProxyType as _MappingProxyType, UnionType as _UnionType
from _functools import reduce, partial, cmp_to_key


################################################################################
# update_wrapper() and wraps(): make a wrapper look like what it wraps.
################################################################################

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Copy the attributes named in assigned from wrapped to wrapper (those
    wrapped lacks are skipped), update wrapper's attributes named in
    updated with wrapped's, and set wrapper.__wrapped__ = wrapped.
    Returns wrapper."""
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    # Set last: a __wrapped__ copied from wrapped's __dict__ must not win.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """A decorator applying update_wrapper(wrapper, wrapped, ...) to the
    function it decorates."""
    return partial(update_wrapper, wrapped=wrapped,
                   assigned=assigned, updated=updated)


################################################################################
# total_ordering: the three missing rich comparisons from one of them and
# __eq__. Each derived method returns NotImplemented when the root does.
################################################################################

def _gt_from_lt(self, other):
    lt = type(self).__lt__(self, other)
    if lt is NotImplemented:
        return lt
    return not lt and self != other


def _le_from_lt(self, other):
    lt = type(self).__lt__(self, other)
    if lt is NotImplemented:
        return lt
    return lt or self == other


def _ge_from_lt(self, other):
    lt = type(self).__lt__(self, other)
    if lt is NotImplemented:
        return lt
    return not lt


def _ge_from_le(self, other):
    le = type(self).__le__(self, other)
    if le is NotImplemented:
        return le
    return not le or self == other


def _lt_from_le(self, other):
    le = type(self).__le__(self, other)
    if le is NotImplemented:
        return le
    return le and self != other


def _gt_from_le(self, other):
    le = type(self).__le__(self, other)
    if le is NotImplemented:
        return le
    return not le


def _lt_from_gt(self, other):
    gt = type(self).__gt__(self, other)
    if gt is NotImplemented:
        return gt
    return not gt and self != other


def _ge_from_gt(self, other):
    gt = type(self).__gt__(self, other)
    if gt is NotImplemented:
        return gt
    return gt or self == other


def _le_from_gt(self, other):
    gt = type(self).__gt__(self, other)
    if gt is NotImplemented:
        return gt
    return not gt


def _le_from_ge(self, other):
    ge = type(self).__ge__(self, other)
    if ge is NotImplemented:
        return ge
    return not ge or self == other


def _gt_from_ge(self, other):
    ge = type(self).__ge__(self, other)
    if ge is NotImplemented:
        return ge
    return ge and self != other


def _lt_from_ge(self, other):
    ge = type(self).__ge__(self, other)
    if ge is NotImplemented:
        return ge
    return not ge


# For each root the class may define: the methods derived from it.
_convert = {
    '__lt__': [('__gt__', _gt_from_lt), ('__le__', _le_from_lt), ('__ge__', _ge_from_lt)],
    '__le__': [('__ge__', _ge_from_le), ('__lt__', _lt_from_le), ('__gt__', _gt_from_le)],
    '__gt__': [('__lt__', _lt_from_gt), ('__ge__', _ge_from_gt), ('__le__', _le_from_gt)],
    '__ge__': [('__le__', _le_from_ge), ('__gt__', _gt_from_ge), ('__lt__', _lt_from_ge)],
}


def total_ordering(cls):
    """Class decorator: derive the missing ones of < <= > >= from one the
    class defines, and ==."""
    # The operators the class (or a base other than object) defines.
    roots = {op for op in _convert if getattr(cls, op, None) is not getattr(object, op, None)}
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = max(roots)  # the preferred root: __lt__, then __le__, __gt__, __ge__
    for opname, opfunc in _convert[root]:
        if opname not in roots:
            opfunc.__name__ = opname
            setattr(cls, opname, opfunc)
    return cls


################################################################################
# lru_cache
################################################################################

_CacheInfo = namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"])


class _HashedSeq(list):
    # A cache key: a list of the call's parts that hashes once (the hash of
    # the tuple of its parts) and keeps the value, since a dict may ask for
    # a key's hash several times.

    __slots__ = 'hashvalue'

    def __init__(self, tup, hash=hash):
        self[:] = tup
        self.hashvalue = hash(tup)

    def __hash__(self):
        return self.hashvalue


def _make_key(args, kwds, typed, kwd_mark=(object(),), fasttypes={int, str}):
    """The cache key of a call: the positional arguments, a marker, the
    keyword items in call order, and with typed=True the argument types.
    A call with one int or str argument is keyed by the argument itself."""
    key = args
    if kwds:
        key += kwd_mark
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    elif len(key) == 1 and type(key[0]) in fasttypes:
        return key[0]
    return _HashedSeq(key)


def lru_cache(maxsize=128, typed=False):
    """Decorator memoizing a function's results in a cache of at most
    maxsize entries (None: unbounded), dropping the least recently used
    entry when full. With typed=True, arguments of different types (1 and
    1.0) are cached apart. The arguments must be hashable.

    The wrapper has cache_info() (hits, misses, maxsize, currsize),
    cache_clear(), cache_parameters() and __wrapped__.
    """
    if isinstance(maxsize, int):
        # A negative maxsize means no cache at all.
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        # Used as @lru_cache without arguments.
        user_function, maxsize = maxsize, 128
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)
    elif maxsize is not None:
        raise TypeError(
            'Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)

    return decorating_function


def _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo):
    # The cache is a dict, whose insertion order doubles as the recency
    # order: a hit moves its key to the end (pop and re-insert), and a full
    # cache evicts the first key. The user function may call the wrapper
    # again (recursion) before its own result is stored, so a result is
    # stored only if no inner call stored that key meanwhile.
    sentinel = object()
    make_key = _make_key
    cache = {}
    stats = [0, 0]  # hits, misses
    HITS, MISSES = 0, 1

    if maxsize == 0:
        def wrapper(*args, **kwds):
            stats[MISSES] += 1
            return user_function(*args, **kwds)

    elif maxsize is None:
        def wrapper(*args, **kwds):
            key = make_key(args, kwds, typed)
            result = cache.get(key, sentinel)
            if result is not sentinel:
                stats[HITS] += 1
                return result
            stats[MISSES] += 1
            result = user_function(*args, **kwds)
            cache[key] = result
            return result

    else:
        def wrapper(*args, **kwds):
            key = make_key(args, kwds, typed)
            result = cache.pop(key, sentinel)
            if result is not sentinel:
                cache[key] = result  # now the most recently used
                stats[HITS] += 1
                return result
            stats[MISSES] += 1
            result = user_function(*args, **kwds)
            if key in cache:
                # A recursive call already stored it.
                return result
            if len(cache) >= maxsize:
                del cache[next(iter(cache))]
            cache[key] = result
            return result

    def cache_info():
        """CacheInfo(hits, misses, maxsize, currsize)."""
        return _CacheInfo(stats[HITS], stats[MISSES], maxsize, len(cache))

    def cache_clear():
        """Empty the cache and reset the statistics."""
        cache.clear()
        stats[:] = [0, 0]

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper


def cache(user_function, /):
    """lru_cache(maxsize=None): remember every result."""
    return lru_cache(maxsize=None)(user_function)


################################################################################
# partialmethod: partial for methods (binds self first).
################################################################################

class partialmethod(object):
    """partial() for methods: a descriptor whose binding is func bound to
    the instance (or what func's own __get__ gives) with the arguments
    applied first."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError("{!r} is not callable or a descriptor"
                            .format(func))
        if isinstance(func, partialmethod):
            # Flatten: one partialmethod of the innermost function.
            self.func = func.func
            self.args = func.args + args
            self.keywords = {**func.keywords, **keywords}
        else:
            self.func = func
            self.args = args
            self.keywords = keywords

    def __repr__(self):
        args = ", ".join(map(repr, self.args))
        keywords = ", ".join("{}={!r}".format(k, v)
                             for k, v in self.keywords.items())
        return "{module}.{cls}({func}, {args}, {keywords})".format(
            module=self.__class__.__module__,
            cls=self.__class__.__qualname__,
            func=self.func, args=args, keywords=keywords)

    def _make_unbound_method(self):
        def _method(cls_or_self, /, *args, **keywords):
            keywords = {**self.keywords, **keywords}
            return self.func(cls_or_self, *self.args, *args, **keywords)
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method._partialmethod = self
        return _method

    def __get__(self, obj, cls=None):
        get = getattr(self.func, "__get__", None)
        result = None
        if get is not None:
            new_func = get(obj, cls)
            if new_func is not self.func:
                # func is a descriptor that bound to something (a method,
                # a classmethod): apply the arguments to what it gave.
                result = partial(new_func, *self.args, **self.keywords)
                try:
                    result.__self__ = new_func.__self__
                except AttributeError:
                    pass
        if result is None:
            # A plain callable or a staticmethod: behave like a function.
            result = self._make_unbound_method().__get__(obj, cls)
        return result

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, "__isabstractmethod__", False)

    __class_getitem__ = classmethod(GenericAlias)


def _unwrap_partial(func):
    while isinstance(func, partial):
        func = func.func
    return func


################################################################################
# singledispatch: a generic function dispatching on the class of its first
# argument, abstract base classes included.
################################################################################

def _c3_merge(sequences):
    # C3 linearization: repeatedly take the first head that appears in no
    # other sequence's tail.
    result = []
    while True:
        sequences = [s for s in sequences if s]
        if not sequences:
            return result
        for s1 in sequences:
            candidate = s1[0]
            if not any(candidate in s2[1:] for s2 in sequences):
                break
        else:
            raise RuntimeError("Inconsistent hierarchy")
        result.append(candidate)
        for seq in sequences:
            if seq[0] == candidate:
                del seq[0]


def _c3_mro(cls, abcs=None):
    """An MRO of cls with the given ABCs inserted: each ABC cls is a
    (virtual) subclass of, and that no explicit base already covers, goes
    right after the last base that is itself abstract (the boundary), as if
    it had been listed there."""
    for i, base in enumerate(reversed(cls.__bases__)):
        if hasattr(base, '__abstractmethods__'):
            boundary = len(cls.__bases__) - i
            break
    else:
        boundary = 0
    abcs = list(abcs) if abcs else []
    explicit_bases = list(cls.__bases__[:boundary])
    abstract_bases = []
    other_bases = list(cls.__bases__[boundary:])
    for base in abcs:
        if issubclass(cls, base) and not any(issubclass(b, base) for b in cls.__bases__):
            abstract_bases.append(base)
    for base in abstract_bases:
        abcs.remove(base)
    explicit_c3_mros = [_c3_mro(base, abcs=abcs) for base in explicit_bases]
    abstract_c3_mros = [_c3_mro(base, abcs=abcs) for base in abstract_bases]
    other_c3_mros = [_c3_mro(base, abcs=abcs) for base in other_bases]
    return _c3_merge(
        [[cls]] + explicit_c3_mros + abstract_c3_mros + other_c3_mros +
        [explicit_bases] + [abstract_bases] + [other_bases])


def _compose_mro(cls, types):
    """cls's MRO extended with those of the registered types that cls is a
    virtual subclass of (ABCs), each placed where it fits."""
    bases = set(cls.__mro__)

    # Registered types related to cls but not already in its MRO.
    def is_related(typ):
        return (typ not in bases and hasattr(typ, '__mro__')
                and not isinstance(typ, GenericAlias)
                and issubclass(cls, typ))
    types = [n for n in types if is_related(n)]

    # Drop the ones that are bases of another one of them.
    def is_strict_base(typ):
        for other in types:
            if typ != other and typ in other.__mro__:
                return True
        return False
    types = [n for n in types if not is_strict_base(n)]
    # An ABC's subclasses that cls is also an instance of order the ABCs
    # among themselves.
    type_set = set(types)
    mro = []
    for typ in types:
        found = []
        for sub in typ.__subclasses__():
            if sub not in bases and issubclass(cls, sub):
                found.append([s for s in sub.__mro__ if s in type_set])
        if not found:
            mro.append(typ)
            continue
        found.sort(key=len, reverse=True)
        for sub in found:
            for subcls in sub:
                if subcls not in mro:
                    mro.append(subcls)
    return _c3_mro(cls, abcs=mro)


def _find_impl(cls, registry):
    """The implementation registered for the first type of cls's (extended)
    MRO that has one; RuntimeError when two ABCs cls is only virtually a
    subclass of are equally good."""
    mro = _compose_mro(cls, registry.keys())
    match = None
    for t in mro:
        if match is not None:
            # Two unrelated implicit ABCs both apply: no winner.
            if (t in registry and t not in cls.__mro__
                    and match not in cls.__mro__
                    and not issubclass(match, t)):
                raise RuntimeError("Ambiguous dispatch: {} or {}".format(match, t))
            break
        if t in registry:
            match = t
    return registry.get(match)


def _is_union_type(cls):
    # `int | str` (types.UnionType) or typing.Union[int, str].
    if isinstance(cls, _UnionType):
        return True
    try:
        from typing import get_origin, Union
    except ImportError:
        return False
    return get_origin(cls) is Union


def _union_args(cls):
    if isinstance(cls, _UnionType):
        return cls.__args__
    from typing import get_args
    return get_args(cls)


def _is_valid_dispatch_type(cls):
    if isinstance(cls, type):
        return True
    return _is_union_type(cls) and all(isinstance(arg, type) for arg in _union_args(cls))


def _first_annotation(func):
    # (name, type) of the first annotated parameter, as register() reads
    # it; typing.get_type_hints resolves string annotations when typing is
    # there, else they are evaluated in the function's globals.
    try:
        from typing import get_type_hints
    except ImportError:
        hints = dict(func.__annotations__)
        for name, value in hints.items():
            if isinstance(value, str):
                hints[name] = eval(value, func.__globals__)
    else:
        hints = get_type_hints(func)
    return next(iter(hints.items()))


def singledispatch(func):
    """Decorator making func the default of a generic function that picks
    an implementation by the class of its first argument; more are added
    with the wrapper's register()."""
    registry = {}
    # class -> implementation, cleared when the registry or (for ABCs) the
    # abc cache token changes.
    dispatch_cache = {}
    cache_token = None

    def dispatch(cls):
        """The implementation that handles instances of cls."""
        nonlocal cache_token
        if cache_token is not None:
            current_token = get_cache_token()
            if cache_token != current_token:
                dispatch_cache.clear()
                cache_token = current_token
        try:
            impl = dispatch_cache[cls]
        except KeyError:
            try:
                impl = registry[cls]
            except KeyError:
                impl = _find_impl(cls, registry)
            dispatch_cache[cls] = impl
        return impl

    def register(cls, func=None):
        """Register func for cls (a class or a union of classes); with no
        func, a decorator; with cls a function, its first parameter's
        annotation gives the class."""
        nonlocal cache_token
        if _is_valid_dispatch_type(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError(
                    f"Invalid first argument to `register()`. "
                    f"{cls!r} is not a class or union type."
                )
            ann = getattr(cls, '__annotations__', {})
            if not ann:
                raise TypeError(
                    f"Invalid first argument to `register()`: {cls!r}. "
                    f"Use either `@register(some_class)` or plain `@register` "
                    f"on an annotated function."
                )
            func = cls
            argname, cls = _first_annotation(func)
            if not _is_valid_dispatch_type(cls):
                if _is_union_type(cls):
                    raise TypeError(
                        f"Invalid annotation for {argname!r}. "
                        f"{cls!r} not all arguments are classes."
                    )
                else:
                    raise TypeError(
                        f"Invalid annotation for {argname!r}. "
                        f"{cls!r} is not a class."
                    )

        if _is_union_type(cls):
            for arg in _union_args(cls):
                registry[arg] = func
        else:
            registry[cls] = func
        if cache_token is None and hasattr(cls, '__abstractmethods__'):
            cache_token = get_cache_token()
        dispatch_cache.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f'{funcname} requires at least '
                            '1 positional argument')
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, '__name__', 'singledispatch function')
    registry[object] = func
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = _MappingProxyType(registry)
    wrapper._clear_cache = dispatch_cache.clear
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """singledispatch for methods: dispatches on the first argument after
    self (or cls)."""

    def __init__(self, func):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        """Register method for cls, as singledispatch's register()."""
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        def _method(*args, **kwargs):
            method = self.dispatcher.dispatch(args[0].__class__)
            return method.__get__(obj, cls)(*args, **kwargs)

        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


################################################################################
# cached_property
################################################################################

_NOT_FOUND = object()


class cached_property:
    """A property computed once per instance: the first read calls func and
    stores the result in the instance __dict__ under the same name, which
    later reads find before the descriptor (it is a non-data descriptor)."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                "Cannot assign the same cached_property to two different names "
                f"({self.attrname!r} and {name!r})."
            )

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError(
                "Cannot use cached_property instance without calling __set_name__ on it.")
        try:
            cache = instance.__dict__
        except AttributeError:
            msg = (
                f"No '__dict__' attribute on {type(instance).__name__!r} "
                f"instance to cache {self.attrname!r} property."
            )
            raise TypeError(msg) from None
        val = cache.get(self.attrname, _NOT_FOUND)
        if val is _NOT_FOUND:
            val = self.func(instance)
            try:
                cache[self.attrname] = val
            except TypeError:
                msg = (
                    f"The '__dict__' attribute on {type(instance).__name__!r} instance "
                    f"does not support item assignment for caching {self.attrname!r} property."
                )
                raise TypeError(msg) from None
        return val

    __class_getitem__ = classmethod(GenericAlias)
