# mock.py: mock objects for tests -- Mock, MagicMock, AsyncMock, call, ANY,
# sentinel, create_autospec, mock_open, seal (patch lives in _mock_patch.py
# and is re-exported here). minipy's own module with the behaviour, messages
# and reprs of CPython 3.11's Lib/unittest/mock.py. Book chapter 13, "The
# Test Suite".
#
# How a mock works (read NonCallableMock first):
# - Every mock instance gets a class of its own, made in __new__ as a
#   one-off subclass of the requested class.  Magic methods are looked up on
#   the type, never on the instance, so configuring `m.__len__` on one mock
#   must not leak into every other mock: it is set on that private class.
# - Attribute access that finds nothing creates a child mock (__getattr__)
#   remembered in `_mock_children`.  A child knows its parent twice over:
#   `_mock_parent`/`_mock_name` (the attribute path used by method_calls)
#   and `_mock_new_parent`/`_mock_new_name` (the path including '()' for
#   return values, used by mock_calls and by the repr's name).
# - A call records itself on the mock and then walks up the
#   `_mock_new_parent` chain so that every ancestor sees it in mock_calls
#   (and, along the `_mock_parent` chain, in method_calls).
# - `_mock_delegate` is set on mocks made by create_autospec for functions:
#   the public state (return_value, side_effect, called, ...) then lives on
#   the signature-checking function object that wraps the mock.
#
# Differences from CPython, all because minipy has no asyncio:
# - AsyncMock's call returns a native coroutine (its _execute_mock_call is an
#   `async def`); drive it with `await` or `coro.send(None)`.  There is no
#   `asyncio.coroutines._is_coroutine` marker: a mock is recognised as an
#   async function through its fake `__code__` flags (inspect's rule for
#   function-like objects), which is what inspect.iscoroutinefunction checks.

import builtins
import contextlib
import inspect
import io
import pprint
import sys
from functools import partial, wraps
from threading import RLock
from types import CodeType, MethodType, ModuleType

try:
    from unittest.util import safe_repr
except ImportError:
    # unittest.util not importable (yet): the same rule, repr() falling
    # back to object.__repr__ when the object's own repr fails.
    def safe_repr(obj, short=False):
        try:
            text = repr(obj)
        except Exception:
            text = object.__repr__(obj)
        if not short or len(text) < 80:
            return text
        return text[:80] + ' [truncated]...'


__all__ = (
    'Mock', 'MagicMock', 'patch', 'sentinel', 'DEFAULT', 'ANY', 'call',
    'create_autospec', 'AsyncMock', 'FILTER_DIR', 'NonCallableMock',
    'NonCallableMagicMock', 'mock_open', 'PropertyMock', 'seal',
)


class InvalidSpecError(Exception):
    """Indicates that an invalid value was used as a mock spec."""


# Names of builtins: patching one of these on a module creates it.
_builtins = {name for name in dir(builtins) if not name.startswith('_')}

FILTER_DIR = True

# super() under a name of its own, as CPython spells the cooperative calls.
_safe_super = super


# ---------------------------------------------------------------------------
# sentinel, DEFAULT, ANY

class _SentinelObject(object):
    "A unique, named, sentinel object."

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return 'sentinel.' + self.name

    def __reduce__(self):
        return 'sentinel.' + self.name


class _Sentinel(object):
    """Access attributes to return a named object, usable as a sentinel."""

    def __init__(self):
        self._sentinels = {}

    def __getattr__(self, name):
        # help() and pydoc probe __bases__; it must not become a sentinel.
        if name == '__bases__':
            raise AttributeError
        found = self._sentinels.get(name)
        if found is None:
            found = self._sentinels[name] = _SentinelObject(name)
        return found

    def __reduce__(self):
        return 'sentinel'


sentinel = _Sentinel()

DEFAULT = sentinel.DEFAULT
_missing = sentinel.MISSING
_deleted = sentinel.DELETED


class _ANY(object):
    "A helper object that compares equal to everything."

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    def __repr__(self):
        return '<ANY>'


ANY = _ANY()


# ---------------------------------------------------------------------------
# Small predicates

def _is_exception(obj):
    if isinstance(obj, BaseException):
        return True
    return isinstance(obj, type) and issubclass(obj, BaseException)


def _is_instance_mock(obj):
    # type(), not isinstance(): a mock with a spec lies about __class__.
    return issubclass(type(obj), NonCallableMock)


def _is_list(obj):
    # Exactly list or tuple: a spec given as names, not an object.
    return type(obj) in (list, tuple)


def _is_magic(name):
    return len(name) > 4 and name[:2] == '__' == name[-2:] and \
        '__%s__' % name[2:-2] == name


def _callable(obj):
    if isinstance(obj, type):
        return True
    if isinstance(obj, (staticmethod, classmethod, MethodType)):
        return _callable(obj.__func__)
    return getattr(obj, '__call__', None) is not None


def _instance_callable(obj):
    """True if obj is callable, or for a class if its instances would be."""
    if not isinstance(obj, type):
        return getattr(obj, '__call__', None) is not None
    for klass in (obj,) + obj.__mro__:
        if klass.__dict__.get('__call__') is not None:
            return True
    return False


def iscoroutinefunction(obj):
    # asyncio.iscoroutinefunction minus asyncio's legacy marker (minipy has
    # no asyncio); inspect also accepts function-like objects whose
    # __code__ carries CO_COROUTINE, which is how AsyncMock is recognised.
    return inspect.iscoroutinefunction(obj)


def _is_async_obj(obj):
    if _is_instance_mock(obj) and not isinstance(obj, AsyncMock):
        return False
    if hasattr(obj, '__func__'):
        obj = getattr(obj, '__func__')
    return iscoroutinefunction(obj) or inspect.isawaitable(obj)


def _is_async_func(func):
    if getattr(func, '__code__', None):
        return iscoroutinefunction(func)
    return False


def _try_iter(obj):
    # side_effect given as an iterable is stored as its iterator; callables
    # and exceptions are kept as they are.
    if obj is None or _is_exception(obj) or _callable(obj):
        return obj
    try:
        return iter(obj)
    except TypeError:
        return obj


class _MockIter(object):
    # Wraps an iterable side_effect of an autospecced function: not callable,
    # so the call path takes next() of it.
    def __init__(self, obj):
        self.obj = iter(obj)

    def __next__(self):
        return next(self.obj)


# ---------------------------------------------------------------------------
# Signatures: the spec's signature checks calls and normalises recorded
# calls so that f(1, b=2) and f(1, 2) compare equal.

def _get_signature_object(func, as_instance, eat_self):
    """Return (the function whose signature counts, its Signature) or None."""
    if isinstance(func, type) and not as_instance:
        # Calling a class runs __init__; self is supplied by the call.
        func = func.__init__
        eat_self = True
    elif isinstance(func, (classmethod, staticmethod)):
        if isinstance(func, classmethod):
            eat_self = True
        func = func.__func__
    elif not isinstance(func, FunctionTypes):
        try:
            func = func.__call__
        except AttributeError:
            return None
    sig_func = partial(func, None) if eat_self else func
    try:
        return func, inspect.signature(sig_func)
    except ValueError:
        # Builtins without a signature: calls are not checked.
        return None


def _copy_func_details(func, funcopy):
    for attribute in ('__name__', '__doc__', '__text_signature__',
                      '__module__', '__defaults__', '__kwdefaults__'):
        try:
            setattr(funcopy, attribute, getattr(func, attribute))
        except AttributeError:
            pass


def _check_signature(func, mock, skipfirst, instance=False):
    found = _get_signature_object(func, instance, skipfirst)
    if found is None:
        return
    func, sig = found

    def checksig(self, /, *args, **kwargs):
        sig.bind(*args, **kwargs)
    _copy_func_details(func, checksig)
    # On the mock's private class: calls go through _mock_check_sig.
    type(mock)._mock_check_sig = checksig
    type(mock).__signature__ = sig


def _extract_mock(obj):
    # An autospecced function stands for the mock it carries.
    if isinstance(obj, FunctionTypes) and hasattr(obj, 'mock'):
        return obj.mock
    return obj


# ---------------------------------------------------------------------------
# call objects

def _format_call_signature(name, args, kwargs):
    parts = [repr(arg) for arg in args]
    parts.extend('%s=%r' % (key, value) for key, value in kwargs.items())
    return '%s(%s)' % (name, ', '.join(parts))


def _split_call_value(value):
    """Read a call given as a tuple of 0-3 items into (name, args, kwargs).

    The name is None when the tuple does not carry one.  Two items are
    (name, args), (name, kwargs) or (args, kwargs); one item is a name, an
    args tuple or a kwargs dict.  Longer tuples give None (no call)."""
    size = len(value)
    if size == 0:
        return None, (), {}
    if size == 3:
        return value
    if size == 2:
        first, second = value
        if isinstance(first, str):
            if isinstance(second, tuple):
                return first, second, {}
            return first, (), second
        return None, first, second
    if size == 1:
        only, = value
        if isinstance(only, str):
            return only, (), {}
        if isinstance(only, tuple):
            return None, only, {}
        return None, (), only
    return None


class _Call(tuple):
    """
    A tuple for holding the results of a call to a mock, either in the form
    `(args, kwargs)` or `(name, args, kwargs)`.

    If args or kwargs are empty then a call tuple will compare equal to
    a tuple without those values.  `call(1, 2, a=3)` and
    `call.foo(1, 2, a=3)` build calls to compare with.  A _Call without a
    name matches any name.
    """

    def __new__(cls, value=(), name='', parent=None, two=False,
                from_kall=True):
        split = _split_call_value(value)
        if split is None:
            args, kwargs = (), {}
        else:
            found, args, kwargs = split
            if found is not None:
                name = found
        if two:
            return tuple.__new__(cls, (args, kwargs))
        return tuple.__new__(cls, (name, args, kwargs))

    def __init__(self, value=(), name=None, parent=None, two=False,
                 from_kall=True):
        # _mock_name is the dotted path of an attribute chain like
        # call.a.b; from_kall is False for such chains until called.
        self._mock_name = name
        self._mock_parent = parent
        self._mock_from_kall = from_kall

    def __eq__(self, other):
        try:
            len(other)
        except TypeError:
            return NotImplemented
        if len(self) == 2:
            self_name = ''
            self_args, self_kwargs = self
        else:
            self_name, self_args, self_kwargs = self
        # Calls reached through different parents (call.a().b vs
        # call.c().b) differ even when their own parts agree.
        if (getattr(self, '_mock_parent', None)
                and getattr(other, '_mock_parent', None)
                and self._mock_parent != other._mock_parent):
            return False
        split = _split_call_value(other)
        if split is None:
            return False
        other_name, other_args, other_kwargs = split
        if other_name is None:
            other_name = ''
        if self_name and other_name != self_name:
            return False
        # The other side first, so that an ANY in an expected call (the
        # usual left operand) decides the comparison.
        return (other_args, other_kwargs) == (self_args, self_kwargs)

    __ne__ = object.__ne__

    def __call__(self, /, *args, **kwargs):
        if self._mock_name is None:
            return _Call(('', args, kwargs), name='()')
        return _Call((self._mock_name, args, kwargs),
                     name=self._mock_name + '()', parent=self)

    def __getattr__(self, attr):
        if self._mock_name is None:
            return _Call(name=attr, from_kall=False)
        return _Call(name='%s.%s' % (self._mock_name, attr), parent=self,
                     from_kall=False)

    def __getattribute__(self, attr):
        # tuple's own methods (count, index, ...) must become call names:
        # call.count(1) is a call of a method named count.
        if attr in tuple.__dict__:
            raise AttributeError
        return tuple.__getattribute__(self, attr)

    def count(self, /, *args, **kwargs):
        return self.__getattr__('count')(*args, **kwargs)

    def index(self, /, *args, **kwargs):
        return self.__getattr__('index')(*args, **kwargs)

    def _get_call_arguments(self):
        if len(self) == 2:
            return tuple(self)
        return tuple(self)[1:]

    @property
    def args(self):
        return self._get_call_arguments()[0]

    @property
    def kwargs(self):
        return self._get_call_arguments()[1]

    def __repr__(self):
        if not self._mock_from_kall:
            name = self._mock_name or 'call'
            if name.startswith('()'):
                name = 'call' + name
            return name
        if len(self) == 2:
            name = 'call'
            args, kwargs = self
        else:
            name, args, kwargs = self
            if not name:
                name = 'call'
            elif name.startswith('()'):
                name = 'call' + name
            else:
                name = 'call.' + name
        return _format_call_signature(name, args, kwargs)

    def call_list(self):
        """For a call object that represents multiple calls, `call_list`
        returns a list of all the intermediate calls as well as the
        final call."""
        chain = []
        link = self
        while link is not None:
            if link._mock_from_kall:
                chain.append(link)
            link = link._mock_parent
        chain.reverse()
        return _CallList(chain)


call = _Call(from_kall=False)


class _CallList(list):
    # `[call(1), call(2)] in mock.mock_calls` asks for a contiguous run.

    def __contains__(self, value):
        if not isinstance(value, list):
            return list.__contains__(self, value)
        width = len(value)
        for start in range(len(self) - width + 1):
            if self[start:start + width] == value:
                return True
        return False

    def __repr__(self):
        return pprint.pformat(list(self))


class _AnyComparer(list):
    # Membership with the expected call's parts on the left of ==, so an
    # ANY inside the expected call wins over the actual argument's __eq__.
    def __contains__(self, item):
        for actual in self:
            assert len(item) == len(actual)
            if all([expected == got for expected, got in zip(item, actual)]):
                return True
        return False


# ---------------------------------------------------------------------------
# Magic methods MagicMock supports, and their default results

_magic_names = (
    "lt le gt ge eq ne getitem setitem delitem len contains iter "
    "hash str sizeof enter exit divmod rdivmod neg pos abs invert "
    "complex int float index round trunc floor ceil bool next fspath aiter"
).split()
_numeric_names = (
    "add sub mul matmul truediv floordiv mod lshift rshift and xor or pow"
).split()

_magics = {'__%s__' % n for n in _magic_names}
_magics |= {'__%s__' % n for n in _numeric_names}
_magics |= {'__i%s__' % n for n in _numeric_names}
_magics |= {'__r%s__' % n for n in _numeric_names}

# Supported when configured, but MagicMock does not preconfigure them.
_non_defaults = {
    '__get__', '__set__', '__delete__', '__reversed__', '__missing__',
    '__reduce__', '__reduce_ex__', '__getinitargs__', '__getnewargs__',
    '__getstate__', '__setstate__', '__getformat__',
    '__repr__', '__dir__', '__subclasses__', '__format__',
    '__getnewargs_ex__',
}

_async_method_magics = {"__aenter__", "__aexit__", "__anext__"}
_sync_async_magics = {"__aiter__"}
_async_magics = _async_method_magics | _sync_async_magics

_all_sync_magics = _magics | _non_defaults
_all_magics = _all_sync_magics | _async_magics

_unsupported_magics = {
    '__getattr__', '__setattr__', '__init__', '__new__', '__prepare__',
    '__instancecheck__', '__subclasscheck__', '__del__',
}

# Fixed results of the preconfigured magic methods.
_return_values = {
    '__lt__': NotImplemented, '__gt__': NotImplemented,
    '__le__': NotImplemented, '__ge__': NotImplemented,
    '__int__': 1, '__contains__': False, '__len__': 0, '__exit__': False,
    '__complex__': 1j, '__float__': 1.0, '__bool__': True, '__index__': 1,
    '__aexit__': False,
}

# Results computed from the mock they belong to.
_calculate_return_value = {
    '__hash__': lambda self: object.__hash__(self),
    '__str__': lambda self: object.__str__(self),
    '__sizeof__': lambda self: object.__sizeof__(self),
    '__fspath__': lambda self: '%s/%s/%s' % (
        type(self).__name__, self._extract_mock_name(), id(self)),
}


def _eq_side_effect(mock):
    # Identity equality unless a return_value was configured.
    def __eq__(other):
        configured = mock.__eq__._mock_return_value
        if configured is not DEFAULT:
            return configured
        return True if mock is other else NotImplemented
    return __eq__


def _ne_side_effect(mock):
    def __ne__(other):
        if mock.__ne__._mock_return_value is not DEFAULT:
            return DEFAULT          # use the configured return_value
        return False if mock is other else NotImplemented
    return __ne__


def _iter_side_effect(mock):
    # A fresh iterator over return_value on every iter(): a configured list
    # can be iterated many times.
    def __iter__():
        configured = mock.__iter__._mock_return_value
        if configured is DEFAULT:
            return iter([])
        return iter(configured)
    return __iter__


def _aiter_side_effect(mock):
    def __aiter__():
        configured = mock.__aiter__._mock_return_value
        if configured is DEFAULT:
            return _AsyncIterator(iter([]))
        return _AsyncIterator(iter(configured))
    return __aiter__


_side_effect_methods = {
    '__eq__': _eq_side_effect,
    '__ne__': _ne_side_effect,
    '__iter__': _iter_side_effect,
    '__aiter__': _aiter_side_effect,
}


def _set_return_value(mock, method, name):
    """Give a freshly made magic-method mock its default behaviour."""
    fixed = _return_values.get(name, DEFAULT)
    if fixed is not DEFAULT:
        method.return_value = fixed
        return
    calculate = _calculate_return_value.get(name)
    if calculate is not None:
        method.return_value = calculate(mock)
        return
    make_effect = _side_effect_methods.get(name)
    if make_effect is not None:
        method.side_effect = make_effect(mock)


def _get_method(name, func):
    "Turns a callable object (like a mock) into a real function"
    def method(self, /, *args, **kw):
        return func(self, *args, **kw)
    method.__name__ = name
    return method


# ---------------------------------------------------------------------------
# The mock classes

# Attributes that always go straight to object.__setattr__ (properties of
# the mock, and the bookkeeping a parent writes on an adopted child).
_allowed_names = {
    'return_value', '_mock_return_value', 'side_effect',
    '_mock_side_effect', '_mock_parent', '_mock_new_parent',
    '_mock_name', '_mock_new_name',
}


def _delegating_property(name):
    # State that an autospecced function's wrapper owns once it exists
    # (`_mock_delegate`); otherwise stored as `_mock_<name>` on the mock.
    _allowed_names.add(name)
    private = '_mock_' + name

    def fget(self):
        delegate = self._mock_delegate
        if delegate is None:
            return getattr(self, private)
        return getattr(delegate, name)

    def fset(self, value):
        delegate = self._mock_delegate
        if delegate is None:
            self.__dict__[private] = value
        else:
            setattr(delegate, name, value)

    return property(fget, fset)


def _check_and_set_parent(parent, value, name, new_name):
    """Adopt `value` as a child of `parent` if it is a free, unnamed mock.

    Returns True when adopted.  Refuses named mocks, mocks with a parent
    already, and anything that would make the parent chain a cycle."""
    value = _extract_mock(value)
    if not _is_instance_mock(value):
        return False
    if (value._mock_name or value._mock_new_name
            or value._mock_parent is not None
            or value._mock_new_parent is not None):
        return False
    ancestor = parent
    while ancestor is not None:
        if ancestor is value:
            return False
        ancestor = ancestor._mock_new_parent
    if new_name:
        value._mock_new_parent = parent
        value._mock_new_name = new_name
    if name:
        value._mock_parent = parent
        value._mock_name = name
    return True


def _spec_argument(args, kw):
    # The spec a mock class is being created with, read from the arguments
    # of NonCallableMock.__init__ (spec is 1st, spec_set 4th positionally).
    if 'spec_set' in kw:
        return kw['spec_set']
    if len(args) > 3:
        return args[3]
    if 'spec' in kw:
        return kw['spec']
    return args[0] if args else None


class Base(object):
    _mock_return_value = DEFAULT
    _mock_side_effect = None

    def __init__(self, /, *args, **kwargs):
        pass


class NonCallableMock(Base):
    """A non-callable version of `Mock`"""

    _lock = RLock()

    def __new__(cls, /, *args, **kw):
        bases = (cls,)
        if not issubclass(cls, AsyncMockMixin):
            # A mock specced on an async function is an async mock.
            spec_arg = _spec_argument(args, kw)
            if spec_arg is not None and _is_async_obj(spec_arg):
                bases = (AsyncMockMixin, cls)
        # The private subclass that holds this instance's magic methods.
        own_class = type(cls.__name__, bases, {'__doc__': cls.__doc__})
        return _safe_super(NonCallableMock, cls).__new__(own_class)

    def __init__(self, spec=None, wraps=None, name=None, spec_set=None,
                 parent=None, _spec_state=None, _new_name='',
                 _new_parent=None, _spec_as_instance=False, _eat_self=None,
                 unsafe=False, **kwargs):
        if _new_parent is None:
            _new_parent = parent
        # Written into __dict__ directly: __setattr__ consults these.
        state = self.__dict__
        state['_mock_parent'] = parent
        state['_mock_name'] = name
        state['_mock_new_name'] = _new_name
        state['_mock_new_parent'] = _new_parent
        state['_mock_sealed'] = False
        if spec_set is not None:
            spec = spec_set
            spec_set = True
        if _eat_self is None:
            _eat_self = parent is not None
        self._mock_add_spec(spec, spec_set, _spec_as_instance, _eat_self)
        state['_mock_children'] = {}
        state['_mock_wraps'] = wraps
        state['_mock_delegate'] = None
        state['_mock_called'] = False
        state['_mock_call_args'] = None
        state['_mock_call_count'] = 0
        state['_mock_call_args_list'] = _CallList()
        state['_mock_mock_calls'] = _CallList()
        state['method_calls'] = _CallList()
        state['_mock_unsafe'] = unsafe
        if kwargs:
            self.configure_mock(**kwargs)
        _safe_super(NonCallableMock, self).__init__(
            spec, wraps, name, spec_set, parent, _spec_state)

    # -- configuration -----------------------------------------------------

    def attach_mock(self, mock, attribute):
        """
        Attach a mock as an attribute of this one, replacing its name and
        parent. Calls to the attached mock will be recorded in the
        `method_calls` and `mock_calls` attributes of this one."""
        inner = _extract_mock(mock)
        inner._mock_parent = None
        inner._mock_new_parent = None
        inner._mock_name = ''
        inner._mock_new_name = None
        setattr(self, attribute, mock)

    def mock_add_spec(self, spec, spec_set=False):
        """Add a spec to a mock. `spec` can either be an object or a
        list of strings. Only attributes on the `spec` can be fetched as
        attributes from the mock.

        If `spec_set` is True then only attributes on the spec can be set."""
        self._mock_add_spec(spec, spec_set)

    def _mock_add_spec(self, spec, spec_set, _spec_as_instance=False,
                       _eat_self=False):
        if _is_instance_mock(spec):
            raise InvalidSpecError(
                f'Cannot spec a Mock object. [object={spec!r}]')
        spec_class = None
        signature = None
        asyncs = []
        if spec is not None:
            for attr in dir(spec):
                if iscoroutinefunction(getattr(spec, attr, None)):
                    asyncs.append(attr)
        if spec is not None and not _is_list(spec):
            spec_class = spec if isinstance(spec, type) else type(spec)
            found = _get_signature_object(spec, _spec_as_instance, _eat_self)
            signature = found and found[1]
            spec = dir(spec)
        state = self.__dict__
        state['_spec_class'] = spec_class
        state['_spec_set'] = spec_set
        state['_spec_signature'] = signature
        state['_mock_methods'] = spec
        state['_spec_asyncs'] = asyncs

    def configure_mock(self, /, **kwargs):
        """Set attributes on the mock through keyword arguments.

        Attributes plus return values and side effects can be set on child
        mocks using standard dot notation and unpacking a dictionary in the
        method call:

        >>> attrs = {'method.return_value': 3, 'other.side_effect': KeyError}
        >>> mock.configure_mock(**attrs)"""
        # Shallow paths first, so 'a' is set before 'a.b' is configured.
        for path, value in sorted(kwargs.items(),
                                  key=lambda item: item[0].count('.')):
            *hops, last = path.split('.')
            target = self
            for hop in hops:
                target = getattr(target, hop)
            setattr(target, last, value)

    def reset_mock(self, visited=None, *, return_value=False,
                   side_effect=False):
        "Restore the mock object to its initial state."
        if visited is None:
            visited = []
        if id(self) in visited:
            return
        visited.append(id(self))
        self.called = False
        self.call_args = None
        self.call_count = 0
        self.mock_calls = _CallList()
        self.call_args_list = _CallList()
        self.method_calls = _CallList()
        if return_value:
            self._mock_return_value = DEFAULT
        if side_effect:
            self._mock_side_effect = None
        for child in self._mock_children.values():
            if isinstance(child, _SpecState) or child is _deleted:
                continue
            child.reset_mock(visited, return_value=return_value,
                             side_effect=side_effect)
        ret = self._mock_return_value
        if _is_instance_mock(ret) and ret is not self:
            ret.reset_mock(visited)

    # -- the public state ----------------------------------------------------

    def __get_return_value(self):
        ret = self._mock_return_value
        if self._mock_delegate is not None:
            ret = self._mock_delegate.return_value
        if ret is DEFAULT:
            # Made on first use, named '()' under this mock.
            ret = self._get_child_mock(_new_parent=self, _new_name='()')
            self.return_value = ret
        return ret

    def __set_return_value(self, value):
        if self._mock_delegate is not None:
            self._mock_delegate.return_value = value
        else:
            self._mock_return_value = value
            _check_and_set_parent(self, value, None, '()')

    return_value = property(
        __get_return_value, __set_return_value,
        "The value to be returned when the mock is called.")

    @property
    def __class__(self):
        # isinstance(mock, SpecClass) holds for a specced mock.
        if self._spec_class is None:
            return type(self)
        return self._spec_class

    called = _delegating_property('called')
    call_count = _delegating_property('call_count')
    call_args = _delegating_property('call_args')
    call_args_list = _delegating_property('call_args_list')
    mock_calls = _delegating_property('mock_calls')

    def __get_side_effect(self):
        delegate = self._mock_delegate
        if delegate is None:
            return self._mock_side_effect
        effect = delegate.side_effect
        if (effect is not None and not callable(effect)
                and not isinstance(effect, _MockIter)
                and not _is_exception(effect)):
            effect = _MockIter(effect)
            delegate.side_effect = effect
        return effect

    def __set_side_effect(self, value):
        value = _try_iter(value)
        delegate = self._mock_delegate
        if delegate is None:
            self._mock_side_effect = value
        else:
            delegate.side_effect = value

    side_effect = property(__get_side_effect, __set_side_effect)

    # -- attributes ------------------------------------------------------------

    def __getattr__(self, name):
        # Only reached when normal lookup fails: make (or find) a child.
        if name in {'_mock_methods', '_mock_unsafe'}:
            raise AttributeError(name)
        methods = self._mock_methods
        if methods is not None:
            if name not in methods or name in _all_magics:
                raise AttributeError("Mock object has no attribute %r" % name)
        elif _is_magic(name):
            raise AttributeError(name)
        if not self._mock_unsafe and (not methods or name not in methods):
            if name.startswith(('assert', 'assret', 'asert', 'aseert',
                                'assrt')):
                raise AttributeError(
                    f"{name!r} is not a valid assertion. Use a spec "
                    f"for the mock if {name!r} is meant to be an attribute.")

        with NonCallableMock._lock:
            result = self._mock_children.get(name)
            if result is _deleted:
                raise AttributeError(name)
            if result is None:
                wrapped = None
                if self._mock_wraps is not None:
                    wrapped = getattr(self._mock_wraps, name)
                result = self._get_child_mock(
                    parent=self, name=name, wraps=wrapped, _new_name=name,
                    _new_parent=self)
                self._mock_children[name] = result
            elif isinstance(result, _SpecState):
                # create_autospec makes children lazily, on first access.
                try:
                    result = create_autospec(
                        result.spec, result.spec_set, result.instance,
                        result.parent, result.name)
                except InvalidSpecError:
                    target_name = self.__dict__['_mock_name'] or self
                    raise InvalidSpecError(
                        f'Cannot autospec attr {name!r} from target '
                        f'{target_name!r} as it has already been mocked '
                        f'out. [target={self!r}, attr={result.spec!r}]')
                self._mock_children[name] = result
        return result

    def _extract_mock_name(self):
        # Walk up the _mock_new_parent chain collecting names; a '()' joins
        # without a dot ('mock.f().g').  The root contributes its own
        # _mock_name, or 'mock'.
        parts = []
        node = self
        while node._mock_new_parent is not None:
            parts.append(node._mock_new_name)
            node = node._mock_new_parent
        text = node._mock_name or 'mock'
        for part in reversed(parts):
            if part == '()':
                text += part
            else:
                text += '.' + part
        return text

    def __repr__(self):
        name = self._extract_mock_name()
        name_string = ''
        if name not in ('mock', 'mock.'):
            name_string = ' name=%r' % name
        spec_string = ''
        if self._spec_class is not None:
            key = 'spec_set' if self._spec_set else 'spec'
            spec_string = ' %s=%r' % (key, self._spec_class.__name__)
        return "<%s%s%s id='%s'>" % (
            type(self).__name__, name_string, spec_string, id(self))

    def __dir__(self):
        """Filter the output of `dir(mock)` to only useful members."""
        if not FILTER_DIR:
            return object.__dir__(self)
        extras = self._mock_methods or []
        from_type = [name for name in dir(type(self))
                     if not name.startswith('_')]
        from_dict = [name for name in self.__dict__
                     if not name.startswith('_') or _is_magic(name)]
        from_children = [name for name, child in self._mock_children.items()
                         if child is not _deleted]
        return sorted(set(extras + from_type + from_dict + from_children))

    def __setattr__(self, name, value):
        if name in _allowed_names:
            # return_value & co: their properties do the work.
            return object.__setattr__(self, name, value)
        elif (self._spec_set and self._mock_methods is not None
                and name not in self._mock_methods
                and name not in self.__dict__):
            raise AttributeError("Mock object has no attribute '%s'" % name)
        elif name in _unsupported_magics:
            raise AttributeError(
                'Attempting to set unsupported magic method %r.' % name)
        elif name in _all_magics:
            if (self._mock_methods is not None
                    and name not in self._mock_methods):
                raise AttributeError(
                    "Mock object has no attribute '%s'" % name)
            if not _is_instance_mock(value):
                # A plain function: becomes a method of the private class;
                # the instance keeps a version bound to this mock.
                setattr(type(self), name, _get_method(name, value))
                original = value
                value = lambda *args, **kw: original(self, *args, **kw)
            else:
                _check_and_set_parent(self, value, None, name)
                setattr(type(self), name, value)
                self._mock_children[name] = value
        elif name == '__class__':
            self._spec_class = value
            return
        else:
            if _check_and_set_parent(self, value, name, name):
                self._mock_children[name] = value

        if self._mock_sealed and not hasattr(self, name):
            raise AttributeError(
                f'Cannot set {self._extract_mock_name()}.{name}')
        return object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if name in _all_magics and name in type(self).__dict__:
            delattr(type(self), name)
            if name not in self.__dict__:
                # A magic method set on the class only.
                return
        found = self._mock_children.get(name, _missing)
        if name in self.__dict__:
            _safe_super(NonCallableMock, self).__delattr__(name)
        elif found is _deleted:
            raise AttributeError(name)
        if found is not _missing:
            del self._mock_children[name]
        # Remembered as deleted: later access raises AttributeError.
        self._mock_children[name] = _deleted

    # -- children ------------------------------------------------------------

    def _get_child_mock(self, /, **kw):
        """Create the child mocks for attributes and return value.
        By default child mocks will be the same type as the parent.
        Subclasses of Mock may want to override this to customize the way
        child mocks are made.

        For non-callable mocks the callable variant will be used (rather than
        any custom subclass)."""
        if self._mock_sealed:
            attribute = f".{kw['name']}" if 'name' in kw else '()'
            raise AttributeError(self._extract_mock_name() + attribute)
        new_name = kw.get('_new_name')
        if new_name in self.__dict__['_spec_asyncs']:
            return AsyncMock(**kw)
        own = type(self)
        if issubclass(own, MagicMock) and new_name in _async_method_magics:
            klass = AsyncMock
        elif issubclass(own, AsyncMockMixin):
            if (new_name in _all_sync_magics
                    or self._mock_methods and new_name in self._mock_methods):
                klass = MagicMock
            else:
                klass = AsyncMock
        elif not issubclass(own, CallableMixin):
            if issubclass(own, NonCallableMagicMock):
                klass = MagicMock
            elif issubclass(own, NonCallableMock):
                klass = Mock
        else:
            # own is the private subclass; its base is the user's class.
            klass = own.__mro__[1]
        return klass(**kw)

    # -- assertions ----------------------------------------------------------

    def _format_mock_call_signature(self, args, kwargs):
        return _format_call_signature(self._mock_name or 'mock', args, kwargs)

    def _format_mock_failure_message(self, args, kwargs, action='call'):
        expected = self._format_mock_call_signature(args, kwargs)
        actual = self._format_mock_call_signature(*self.call_args)
        return 'expected %s not found.\nExpected: %s\n  Actual: %s' % (
            action, expected, actual)

    def _get_call_signature_from_name(self, name):
        # The signature of the child a named call (call.a.b()) went to, if
        # that child has been made; for an unnamed call, this mock's own.
        if not name:
            return self._spec_signature
        sig = None
        children = self._mock_children
        for part in name.replace('()', '').split('.'):
            child = children.get(part)
            if child is None or isinstance(child, _SpecState):
                break
            child = _extract_mock(child)
            children = child._mock_children
            sig = child._spec_signature
        return sig

    def _call_matcher(self, _call):
        """The comparison key of a call: bound to the spec's signature when
        there is one (so positional and keyword spellings compare equal),
        the call itself otherwise, or the TypeError binding raised."""
        if isinstance(_call, tuple) and len(_call) > 2:
            sig = self._get_call_signature_from_name(_call[0])
        else:
            sig = self._spec_signature
        if sig is None:
            return _call
        if len(_call) == 2:
            name = ''
            args, kwargs = _call
        else:
            name, args, kwargs = _call
        try:
            bound = sig.bind(*args, **kwargs)
        except TypeError as e:
            return e.with_traceback(None)
        return call(name, bound.args, bound.kwargs)

    def _calls_repr(self, prefix="Calls"):
        # "\nCalls: [call(1), call(2)]." or '' when there are none.
        if not self.mock_calls:
            return ""
        return f"\n{prefix}: {safe_repr(self.mock_calls)}."

    # The matching behind the assertions, shared by the call and the await
    # flavours (the await ones look at await_args/await_args_list).

    def _assert_latest(self, latest, args, kwargs, action):
        expected = self._call_matcher(_Call((args, kwargs), two=True))
        actual = self._call_matcher(latest)
        if actual != expected:
            cause = expected if isinstance(expected, Exception) else None
            # The "Actual" line shows call_args even for awaits, as CPython's.
            raise AssertionError(self._format_mock_failure_message(
                args, kwargs, action=action)) from cause

    def _assert_ever(self, recorded, args, kwargs, action):
        expected = self._call_matcher(_Call((args, kwargs), two=True))
        cause = expected if isinstance(expected, Exception) else None
        actual = [self._call_matcher(c) for c in recorded]
        if cause or expected not in _AnyComparer(actual):
            raise AssertionError('%s %s not found' % (
                self._format_mock_call_signature(args, kwargs), action)
            ) from cause

    def _missing_calls(self, calls, recorded, any_order):
        """Match expected calls against recorded ones.

        Returns (the first TypeError an expected call raised when bound to
        the spec's signature, or None; for the ordered message, each
        expected call's error or None; what is missing; what is left).
        Without any_order the calls must appear as one contiguous run."""
        expected = [self._call_matcher(c) for c in calls]
        cause = next((e for e in expected if isinstance(e, Exception)), None)
        keys = _CallList(self._call_matcher(c) for c in recorded)
        if not any_order:
            missing = [] if expected in keys else expected
            errors = [e if isinstance(e, Exception) else None
                      for e in expected]
            return cause, errors, missing, keys
        remaining = list(keys)
        missing = []
        for kall in expected:
            try:
                remaining.remove(kall)
            except ValueError:
                missing.append(kall)
        return cause, None, missing, remaining

    @staticmethod
    def _sequence_problem(cause, errors, noun):
        if cause is None:
            return '%s not found.' % noun.capitalize()
        return 'Error processing expected {}.\nErrors: {}'.format(noun, errors)

    def assert_not_called(self):
        """assert that the mock was never called.
        """
        if self.call_count != 0:
            raise AssertionError(
                "Expected '%s' to not have been called. Called %s times.%s"
                % (self._mock_name or 'mock', self.call_count,
                   self._calls_repr()))

    def assert_called(self):
        """assert that the mock was called at least once
        """
        if self.call_count == 0:
            raise AssertionError("Expected '%s' to have been called." %
                                 (self._mock_name or 'mock'))

    def assert_called_once(self):
        """assert that the mock was called only once.
        """
        if not self.call_count == 1:
            raise AssertionError(
                "Expected '%s' to have been called once. Called %s times.%s"
                % (self._mock_name or 'mock', self.call_count,
                   self._calls_repr()))

    def assert_called_with(self, /, *args, **kwargs):
        """assert that the last call was made with the specified arguments.

        Raises an AssertionError if the args and keyword args passed in are
        different to the last call to the mock."""
        if self.call_args is None:
            expected = self._format_mock_call_signature(args, kwargs)
            raise AssertionError(
                'expected call not found.\nExpected: %s\n  Actual: %s'
                % (expected, 'not called.'))
        self._assert_latest(self.call_args, args, kwargs, 'call')

    def assert_called_once_with(self, /, *args, **kwargs):
        """assert that the mock was called exactly once and that that call was
        with the specified arguments."""
        if not self.call_count == 1:
            raise AssertionError(
                "Expected '%s' to be called once. Called %s times.%s"
                % (self._mock_name or 'mock', self.call_count,
                   self._calls_repr()))
        return self.assert_called_with(*args, **kwargs)

    def assert_has_calls(self, calls, any_order=False):
        """assert the mock has been called with the specified calls.
        The `mock_calls` list is checked for the calls.

        If `any_order` is False (the default) then the calls must be
        sequential. There can be extra calls before or after the
        specified calls.

        If `any_order` is True then the calls can be in any order, but
        they must all appear in `mock_calls`."""
        cause, errors, missing, remaining = self._missing_calls(
            calls, self.mock_calls, any_order)
        if not missing:
            return
        if not any_order:
            raise AssertionError(
                f'{self._sequence_problem(cause, errors, "calls")}\n'
                f'Expected: {_CallList(calls)}'
                f'{self._calls_repr(prefix="  Actual").rstrip(".")}'
            ) from cause
        raise AssertionError(
            '%r does not contain all of %r in its call list, '
            'found %r instead' % (self._mock_name or 'mock',
                                  tuple(missing), remaining)
        ) from cause

    def assert_any_call(self, /, *args, **kwargs):
        """assert the mock has been called with the specified arguments.

        The assert passes if the mock has *ever* been called, unlike
        `assert_called_with` and `assert_called_once_with` that only pass if
        the call is the most recent one."""
        self._assert_ever(self.call_args_list, args, kwargs, 'call')


class CallableMixin(Base):

    def __init__(self, spec=None, side_effect=None, return_value=DEFAULT,
                 wraps=None, name=None, spec_set=None, parent=None,
                 _spec_state=None, _new_name='', _new_parent=None, **kwargs):
        self.__dict__['_mock_return_value'] = return_value
        _safe_super(CallableMixin, self).__init__(
            spec, wraps, name, spec_set, parent,
            _spec_state, _new_name, _new_parent, **kwargs)
        self.side_effect = side_effect

    def _mock_check_sig(self, /, *args, **kwargs):
        # Replaced on the private class by _check_signature when specced.
        pass

    def __call__(self, /, *args, **kwargs):
        self._mock_check_sig(*args, **kwargs)
        self._increment_mock_call(*args, **kwargs)
        return self._mock_call(*args, **kwargs)

    def _mock_call(self, /, *args, **kwargs):
        return self._execute_mock_call(*args, **kwargs)

    def _increment_mock_call(self, /, *args, **kwargs):
        self.called = True
        self.call_count += 1
        this_call = _Call((args, kwargs), two=True)
        self.call_args = this_call
        self.call_args_list.append(this_call)
        self.mock_calls.append(_Call(('', args, kwargs)))

        # Tell the ancestors.  method_calls follow the attribute chain
        # (_mock_parent/_mock_name) and stop at the first mock without a
        # parent; mock_calls follow _mock_new_parent, prefixing the path
        # ('a.b', 'a().b', '()') as they climb.
        method_name = self._mock_name
        record_method = self._mock_parent is not None
        path = self._mock_new_name
        path_is_call = path == '()'
        ancestor = self._mock_new_parent
        while ancestor is not None:
            if record_method:
                ancestor.method_calls.append(
                    _Call((method_name, args, kwargs)))
                record_method = ancestor._mock_parent is not None
                if record_method:
                    method_name = ancestor._mock_name + '.' + method_name
            ancestor.mock_calls.append(_Call((path, args, kwargs)))
            if ancestor._mock_new_name:
                joiner = '' if path_is_call else '.'
                path_is_call = ancestor._mock_new_name == '()'
                path = ancestor._mock_new_name + joiner + path
            ancestor = ancestor._mock_new_parent

    def _execute_mock_call(self, /, *args, **kwargs):
        # side_effect first: an exception is raised, an iterator gives the
        # next result, a function's result is returned unless it is DEFAULT.
        effect = self.side_effect
        if effect is not None:
            if _is_exception(effect):
                raise effect
            if not _callable(effect):
                result = next(effect)
                if _is_exception(result):
                    raise result
            else:
                result = effect(*args, **kwargs)
            if result is not DEFAULT:
                return result
        if self._mock_return_value is not DEFAULT:
            return self.return_value
        if self._mock_wraps is not None:
            return self._mock_wraps(*args, **kwargs)
        return self.return_value


class Mock(CallableMixin, NonCallableMock):
    """
    Create a new `Mock` object. `Mock` takes several optional arguments
    that specify the behaviour of the Mock object:

    * `spec`: a list of strings or an existing object (a class or instance)
      that acts as the specification for the mock object.  Accessing an
      attribute not on the spec raises `AttributeError`; `isinstance`
      holds for the spec's class.
    * `spec_set`: a stricter `spec`: setting an attribute not on the spec
      raises `AttributeError` too.
    * `side_effect`: a function called with the mock's arguments (its
      result is returned unless it is `DEFAULT`), an exception (class or
      instance) to raise, or an iterable of results (exceptions in it are
      raised).
    * `return_value`: what calling the mock returns (by default a new mock,
      made on first access).
    * `unsafe`: attributes whose names start with *assert*, *assret*,
      *asert*, *aseert* or *assrt* raise `AttributeError` unless True.
    * `wraps`: an object the mock passes calls through to (when no
      return_value is configured); attributes wrap its attributes.
    * `name`: the name in the mock's repr, inherited by child mocks.

    Mocks can also be called with arbitrary keyword arguments. These will be
    used to set attributes on the mock after it is created.
    """


class MagicProxy(Base):
    # Sits on a MagicMock's private class in place of each supported magic
    # method; the first lookup makes the real child mock and replaces it.
    def __init__(self, name, parent):
        self.name = name
        self.parent = parent

    def create_mock(self):
        entry = self.name
        parent = self.parent
        made = parent._get_child_mock(name=entry, _new_name=entry,
                                      _new_parent=parent)
        setattr(parent, entry, made)
        _set_return_value(parent, made, entry)
        return made

    def __get__(self, obj, _type=None):
        return self.create_mock()


class MagicMixin(Base):

    def __init__(self, /, *args, **kw):
        # Before the other __init__s so that keyword configuration of magic
        # methods works, and after them because a spec may have removed some.
        self._mock_set_magics()
        _safe_super(MagicMixin, self).__init__(*args, **kw)
        self._mock_set_magics()

    def _mock_set_magics(self):
        wanted = _magics | _async_method_magics
        methods = getattr(self, '_mock_methods', None)
        if methods is not None:
            allowed = wanted.intersection(methods)
            for entry in wanted - allowed:
                if entry in type(self).__dict__:
                    delattr(self, entry)
            wanted = allowed
        own = type(self)
        for entry in wanted - set(own.__dict__):
            setattr(own, entry, MagicProxy(entry, self))


class NonCallableMagicMock(MagicMixin, NonCallableMock):
    """A version of `MagicMock` that isn't callable."""

    def mock_add_spec(self, spec, spec_set=False):
        """Add a spec to a mock. `spec` can either be an object or a
        list of strings. Only attributes on the `spec` can be fetched as
        attributes from the mock.

        If `spec_set` is True then only attributes on the spec can be set."""
        self._mock_add_spec(spec, spec_set)
        self._mock_set_magics()


class AsyncMagicMixin(MagicMixin):
    pass


class MagicMock(MagicMixin, Mock):
    """
    MagicMock is a subclass of Mock with default implementations
    of most of the magic methods. You can use MagicMock without having to
    configure the magic methods yourself.

    If you use the `spec` or `spec_set` arguments then *only* magic
    methods that exist in the spec will be created.

    Attributes and the return value of a `MagicMock` will also be `MagicMocks`.
    """

    def mock_add_spec(self, spec, spec_set=False):
        """Add a spec to a mock. `spec` can either be an object or a
        list of strings. Only attributes on the `spec` can be fetched as
        attributes from the mock.

        If `spec_set` is True then only attributes on the spec can be set."""
        self._mock_add_spec(spec, spec_set)
        self._mock_set_magics()


# ---------------------------------------------------------------------------
# AsyncMock

def _fake_code(flags):
    # A stand-in __code__ that makes inspect treat the owner as a function
    # with these flags (see inspect._signature_is_functionlike).
    code = NonCallableMock(spec_set=CodeType)
    code.co_flags = flags
    code.co_argcount = 0
    code.co_varnames = ('args', 'kwargs')
    code.co_posonlyargcount = 0
    code.co_kwonlyargcount = 0
    return code


class AsyncMockMixin(Base):
    await_count = _delegating_property('await_count')
    await_args = _delegating_property('await_args')
    await_args_list = _delegating_property('await_args_list')

    def __init__(self, /, *args, **kwargs):
        super().__init__(*args, **kwargs)
        state = self.__dict__
        state['_mock_await_count'] = 0
        state['_mock_await_args'] = None
        state['_mock_await_args_list'] = _CallList()
        state['__code__'] = _fake_code(
            inspect.CO_COROUTINE + inspect.CO_VARARGS
            + inspect.CO_VARKEYWORDS)
        state['__name__'] = 'AsyncMock'
        state['__defaults__'] = tuple()
        state['__kwdefaults__'] = {}
        state['__annotations__'] = None

    async def _execute_mock_call(self, /, *args, **kwargs):
        # The call itself was counted synchronously; this runs on await.
        this_call = _Call((args, kwargs), two=True)
        self.await_count += 1
        self.await_args = this_call
        self.await_args_list.append(this_call)

        effect = self.side_effect
        if effect is not None:
            if _is_exception(effect):
                raise effect
            if not _callable(effect):
                try:
                    result = next(effect)
                except StopIteration:
                    # A StopIteration cannot leave a coroutine.
                    raise StopAsyncIteration
                if _is_exception(result):
                    raise result
            elif iscoroutinefunction(effect):
                result = await effect(*args, **kwargs)
            else:
                result = effect(*args, **kwargs)
            if result is not DEFAULT:
                return result
        if self._mock_return_value is not DEFAULT:
            return self.return_value
        if self._mock_wraps is not None:
            if iscoroutinefunction(self._mock_wraps):
                return await self._mock_wraps(*args, **kwargs)
            return self._mock_wraps(*args, **kwargs)
        return self.return_value

    def _await_name(self):
        return self._mock_name or 'mock'

    def assert_awaited(self):
        """
        Assert that the mock was awaited at least once.
        """
        if self.await_count == 0:
            raise AssertionError(
                f"Expected {self._await_name()} to have been awaited.")

    def assert_awaited_once(self):
        """
        Assert that the mock was awaited exactly once.
        """
        if not self.await_count == 1:
            raise AssertionError(
                f"Expected {self._await_name()} to have been awaited once."
                f" Awaited {self.await_count} times.")

    def assert_awaited_with(self, /, *args, **kwargs):
        """
        Assert that the last await was with the specified arguments.
        """
        if self.await_args is None:
            expected = self._format_mock_call_signature(args, kwargs)
            raise AssertionError(f'Expected await: {expected}\nNot awaited')
        self._assert_latest(self.await_args, args, kwargs, 'await')

    def assert_awaited_once_with(self, /, *args, **kwargs):
        """
        Assert that the mock was awaited exactly once and with the specified
        arguments.
        """
        if not self.await_count == 1:
            raise AssertionError(
                f"Expected {self._await_name()} to have been awaited once."
                f" Awaited {self.await_count} times.")
        return self.assert_awaited_with(*args, **kwargs)

    def assert_any_await(self, /, *args, **kwargs):
        """
        Assert the mock has ever been awaited with the specified arguments.
        """
        self._assert_ever(self.await_args_list, args, kwargs, 'await')

    def assert_has_awaits(self, calls, any_order=False):
        """
        Assert the mock has been awaited with the specified calls.
        The :attr:`await_args_list` list is checked for the awaits.

        If `any_order` is False (the default) then the awaits must be
        sequential. There can be extra calls before or after the
        specified awaits.

        If `any_order` is True then the awaits can be in any order, but
        they must all appear in :attr:`await_args_list`.
        """
        cause, errors, missing, _ = self._missing_calls(
            calls, self.await_args_list, any_order)
        if not missing:
            return
        if not any_order:
            raise AssertionError(
                f'{self._sequence_problem(cause, errors, "awaits")}\n'
                f'Expected: {_CallList(calls)}\n'
                f'Actual: {self.await_args_list}'
            ) from cause
        raise AssertionError(
            '%r not all found in await list' % (tuple(missing),)
        ) from cause

    def assert_not_awaited(self):
        """
        Assert that the mock was never awaited.
        """
        if self.await_count != 0:
            raise AssertionError(
                f"Expected {self._await_name()} to not have been awaited."
                f" Awaited {self.await_count} times.")

    def reset_mock(self, /, *args, **kwargs):
        """
        See :func:`.Mock.reset_mock()`
        """
        super().reset_mock(*args, **kwargs)
        self.await_count = 0
        self.await_args = None
        self.await_args_list = _CallList()


class AsyncMock(AsyncMockMixin, AsyncMagicMixin, Mock):
    """
    Enhance :class:`Mock` with features allowing to mock
    an async function.

    The :class:`AsyncMock` object will behave so the object is
    recognized as an async function, and the result of a call is an
    awaitable (in minipy a native coroutine: there is no asyncio).

    The result of ``mock()`` is an async function which will have the outcome
    of ``side_effect`` or ``return_value``:

    - if ``side_effect`` is a function, the async function will return the
      result of that function,
    - if ``side_effect`` is an exception, the async function will raise the
      exception,
    - if ``side_effect`` is an iterable, the async function will return the
      next value of the iterable, however, if the sequence of result is
      exhausted, ``StopAsyncIteration`` is raised immediately,
    - if ``side_effect`` is not defined, the async function will return the
      value defined by ``return_value``, hence, by default, the async function
      returns a new :class:`AsyncMock` object.
    """


class _AsyncIterator:
    """
    Wraps an iterator in an asynchronous iterator.
    """

    def __init__(self, iterator):
        self.iterator = iterator
        self.__dict__['__code__'] = _fake_code(inspect.CO_ITERABLE_COROUTINE)

    async def __anext__(self):
        try:
            return next(self.iterator)
        except StopIteration:
            pass
        raise StopAsyncIteration


# ---------------------------------------------------------------------------
# PropertyMock, seal

class PropertyMock(Mock):
    """
    A mock intended to be used as a property, or other descriptor, on a class.
    `PropertyMock` provides `__get__` and `__set__` methods so you can specify
    a return value when it is fetched.

    Fetching a `PropertyMock` instance from an object calls the mock, with
    no args. Setting it calls the mock with the value being set.
    """

    def _get_child_mock(self, /, **kwargs):
        return MagicMock(**kwargs)

    def __get__(self, obj, obj_type=None):
        return self()

    def __set__(self, obj, val):
        self(val)


def seal(mock):
    """Disable the automatic generation of child mocks.

    Given an input Mock, seals it to ensure no further mocks will be generated
    when accessing an attribute that was not already defined.

    The operation recursively seals the mock passed in, meaning that
    the mock itself, any mocks generated by accessing one of its attributes,
    and all assigned mocks without a name or spec will be sealed.
    """
    mock._mock_sealed = True
    for attr in dir(mock):
        try:
            child = getattr(mock, attr)
        except AttributeError:
            continue
        if not isinstance(child, NonCallableMock):
            continue
        if isinstance(child._mock_children.get(attr), _SpecState):
            continue
        # Only mocks this one made or adopted; not ones merely stored on it.
        if child._mock_new_parent is mock:
            seal(child)


# ---------------------------------------------------------------------------
# mock_open

file_spec = None
open_spec = None


def _to_stream(read_data):
    if isinstance(read_data, bytes):
        return io.BytesIO(read_data)
    return io.StringIO(read_data)


def mock_open(mock=None, read_data=''):
    """
    A helper function to create a mock to replace the use of `open`. It works
    for `open` called directly or used as a context manager.

    The `mock` argument is the mock object to configure. If `None` (the
    default) then a `MagicMock` will be created for you, with the API limited
    to methods or attributes available on standard file handles.

    `read_data` is a string for the `read`, `readline` and `readlines` of the
    file handle to return.  This is an empty string by default.
    """
    # state[0] is the stream the handle reads from (renewed on every call of
    # the open mock); state[1] the generator serving readline().
    state = [_to_stream(read_data), None]

    def read_effect(*args, **kwargs):
        if handle.read.return_value is not None:
            return handle.read.return_value
        return state[0].read(*args, **kwargs)

    def readlines_effect(*args, **kwargs):
        if handle.readlines.return_value is not None:
            return handle.readlines.return_value
        return state[0].readlines(*args, **kwargs)

    def iter_effect():
        if handle.readline.return_value is not None:
            while True:
                yield handle.readline.return_value
        for line in state[0]:
            yield line

    def readline_effect(*args, **kwargs):
        yield from iter_effect()
        while True:
            yield state[0].readline(*args, **kwargs)

    def next_effect():
        if handle.readline.return_value is not None:
            return handle.readline.return_value
        return next(state[0])

    global file_spec, open_spec
    if file_spec is None:
        import _io
        file_spec = list(set(dir(_io.TextIOWrapper)).union(
            set(dir(_io.BytesIO))))
    if open_spec is None:
        import _io
        open_spec = list(set(dir(_io.open)))
    if mock is None:
        mock = MagicMock(name='open', spec=open_spec)

    handle = MagicMock(spec=file_spec)
    handle.__enter__.return_value = handle
    handle.write.return_value = None
    handle.read.return_value = None
    handle.readline.return_value = None
    handle.readlines.return_value = None
    handle.read.side_effect = read_effect
    state[1] = readline_effect()
    handle.readline.side_effect = state[1]
    handle.readlines.side_effect = readlines_effect
    handle.__iter__.side_effect = iter_effect
    handle.__next__.side_effect = next_effect

    def reset_data(*args, **kwargs):
        # Each open() starts reading from the beginning again.
        state[0] = _to_stream(read_data)
        if handle.readline.side_effect == state[1]:
            state[1] = readline_effect()
            handle.readline.side_effect = state[1]
        return DEFAULT

    mock.side_effect = reset_data
    mock.return_value = handle
    return mock


# ---------------------------------------------------------------------------
# create_autospec

class _SpecState(object):
    # A child of an autospecced mock not made yet: made on first access.
    def __init__(self, spec, spec_set=False, parent=None,
                 name=None, ids=None, instance=False):
        self.spec = spec
        self.ids = ids
        self.spec_set = spec_set
        self.parent = parent
        self.instance = instance
        self.name = name


def _setup_func(funcopy, mock, sig):
    # Make the signature-checking function look like the mock: it carries
    # the call state (the mock delegates to it) and the assert methods.
    funcopy.mock = mock

    def forward(name):
        def method(*args, **kwargs):
            return getattr(mock, name)(*args, **kwargs)
        method.__name__ = name
        return method

    def reset_mock():
        funcopy.method_calls = _CallList()
        funcopy.mock_calls = _CallList()
        mock.reset_mock()
        ret = funcopy.return_value
        if _is_instance_mock(ret) and ret is not mock:
            ret.reset_mock()

    funcopy.called = False
    funcopy.call_count = 0
    funcopy.call_args = None
    funcopy.call_args_list = _CallList()
    funcopy.method_calls = _CallList()
    funcopy.mock_calls = _CallList()
    funcopy.return_value = mock.return_value
    funcopy.side_effect = mock.side_effect
    funcopy._mock_children = mock._mock_children
    for name in ('assert_called_with', 'assert_called_once_with',
                 'assert_has_calls', 'assert_any_call', 'assert_called',
                 'assert_not_called', 'assert_called_once'):
        setattr(funcopy, name, forward(name))
    funcopy.reset_mock = reset_mock
    funcopy.__signature__ = sig
    mock._mock_delegate = funcopy


def _setup_async_mock(mock):
    mock.await_count = 0
    mock.await_args = None
    mock.await_args_list = _CallList()

    def forward(attr, /, *args, **kwargs):
        return getattr(mock.mock, attr)(*args, **kwargs)

    for attr in ('assert_awaited', 'assert_awaited_once',
                 'assert_awaited_with', 'assert_awaited_once_with',
                 'assert_any_await', 'assert_has_awaits',
                 'assert_not_awaited'):
        setattr(mock, attr, partial(forward, attr))


def _set_signature(mock, original, instance=False):
    """Wrap `mock` in a real function with `original`'s name that checks
    the arguments against original's signature before calling the mock."""
    skipfirst = isinstance(original, type)
    found = _get_signature_object(original, instance, skipfirst)
    if found is None:
        return mock
    func, sig = found

    def checksig(*args, **kwargs):
        sig.bind(*args, **kwargs)
    _copy_func_details(func, checksig)

    name = original.__name__
    if not name.isidentifier():
        name = 'funcopy'
    # Compiled from source so that the function's own name (and a
    # traceback through it) is the original's.
    namespace = {'_checksig_': checksig, 'mock': mock}
    exec("def %s(*args, **kwargs):\n"
         "    _checksig_(*args, **kwargs)\n"
         "    return mock(*args, **kwargs)" % name, namespace)
    funcopy = namespace[name]
    _setup_func(funcopy, mock, sig)
    return funcopy


def _must_skip(spec, entry, is_type):
    """Whether calls of spec's attribute `entry` leave out the first
    parameter (self) of its signature."""
    if not isinstance(spec, type):
        if entry in getattr(spec, '__dict__', {}):
            # An instance attribute: a plain function, nothing bound.
            return False
        spec = spec.__class__
    for klass in spec.__mro__:
        found = klass.__dict__.get(entry, DEFAULT)
        if found is DEFAULT:
            continue
        if isinstance(found, (staticmethod, classmethod)):
            return False
        if isinstance(found, FunctionTypes):
            return is_type
        return False
    return is_type


def _check_spec_arg_typos(kwargs_to_check):
    for typo in ("autospect", "auto_spec", "set_spec"):
        if typo in kwargs_to_check:
            raise RuntimeError(
                f"{typo!r} might be a typo; use unsafe=True if this is "
                f"intended")


def create_autospec(spec, spec_set=False, instance=False, _parent=None,
                    _name=None, *, unsafe=False, **kwargs):
    """Create a mock object using another object as a spec. Attributes on the
    mock will use the corresponding attribute on the `spec` object as their
    spec.

    Functions or methods being mocked will have their arguments checked
    to check that they are called with the correct signature.

    If `spec_set` is True then attempting to set attributes that don't exist
    on the spec object will raise an `AttributeError`.

    If a class is used as a spec then the return value of the mock (the
    instance of the class) will have the same spec. You can use a class as the
    spec for an instance object by passing `instance=True`. The returned mock
    will only be callable if instances of the mock are callable.

    `create_autospec` will raise a `RuntimeError` if passed some common
    misspellings of the arguments autospec and spec_set. Pass the argument
    `unsafe` with the value True to disable that check.

    `create_autospec` also takes arbitrary keyword arguments that are passed to
    the constructor of the created mock."""
    if _is_list(spec):
        # A list given as spec means "a list", not "these names".
        spec = type(spec)
    is_type = isinstance(spec, type)
    if _is_instance_mock(spec):
        raise InvalidSpecError(f'Cannot autospec a Mock object. '
                               f'[object={spec!r}]')
    is_async_func = _is_async_func(spec)
    if spec_set:
        mock_kwargs = {'spec_set': spec}
    elif spec is None:
        mock_kwargs = {}
    else:
        mock_kwargs = {'spec': spec}
    if mock_kwargs and instance:
        mock_kwargs['_spec_as_instance'] = True
    if not unsafe:
        _check_spec_arg_typos(kwargs)
    mock_kwargs.update(kwargs)

    Klass = MagicMock
    if inspect.isdatadescriptor(spec):
        # Properties and the like: a plain MagicMock (cannot spec on them).
        mock_kwargs = {}
    elif is_async_func:
        if instance:
            raise RuntimeError("Instance can not be True when create_autospec "
                               "is mocking an async function")
        Klass = AsyncMock
    elif not _callable(spec):
        Klass = NonCallableMagicMock
    elif is_type and instance and not _instance_callable(spec):
        Klass = NonCallableMagicMock

    _name = mock_kwargs.pop('name', _name)
    _new_name = _name if _parent is not None else ''
    mock = Klass(parent=_parent, _new_parent=_parent, _new_name=_new_name,
                 name=_name, **mock_kwargs)

    if isinstance(spec, FunctionTypes):
        # Functions are replaced by a real function checking the signature.
        mock = _set_signature(mock, spec)
        if is_async_func:
            _setup_async_mock(mock)
    else:
        _check_signature(spec, mock, is_type, instance)

    if _parent is not None and not instance:
        _parent._mock_children[_name] = mock

    if is_type and not instance and 'return_value' not in kwargs:
        # Calling the class mock gives an instance mock with the same spec.
        mock.return_value = create_autospec(spec, spec_set, instance=True,
                                            _name='()', _parent=mock)

    for entry in dir(spec):
        if _is_magic(entry):
            continue
        try:
            original = getattr(spec, entry)
        except AttributeError:
            continue
        if not isinstance(original, FunctionTypes):
            # Specced lazily: many attributes are never touched.
            child = _SpecState(original, spec_set, mock, entry, instance)
            mock._mock_children[entry] = child
        else:
            parent = mock
            if isinstance(spec, FunctionTypes):
                parent = mock.mock
            skipfirst = _must_skip(spec, entry, is_type)
            child_kwargs = {'spec_set' if spec_set else 'spec': original,
                            '_eat_self': skipfirst}
            child_klass = (AsyncMock if iscoroutinefunction(original)
                           else MagicMock)
            child = child_klass(parent=parent, name=entry, _new_name=entry,
                                _new_parent=parent, **child_kwargs)
            mock._mock_children[entry] = child
            _check_signature(original, child, skipfirst=skipfirst)
        if isinstance(child, FunctionTypes):
            setattr(mock, entry, child)
    return mock


FunctionTypes = (
    type(create_autospec),      # a Python function
    type(ANY.__eq__),           # a bound method
)


# ---------------------------------------------------------------------------
# patch (in a helper module to keep this one readable; it reads the classes
# above from this module, so it is imported last).

from unittest._mock_patch import _patch, patch, _patch_dict, _get_target  # noqa: E402
