# _mock_patch.py: unittest.mock's patchers -- patch, patch.object,
# patch.dict, patch.multiple, patch.stopall.  A private helper of
# lib/unittest/mock.py (which re-exports everything public from here);
# minipy's own code with the behaviour and messages of the patch section of
# CPython 3.11's Lib/unittest/mock.py.  Book chapter 13, "The Test Suite".
#
# A patcher (_patch) is one replacement of one attribute.  Entering it
# looks the target up (by import for patch('a.b.c')), remembers the
# original, makes the replacement (a MagicMock by default) and sets it;
# exiting puts the original back, or deletes the attribute when it was not
# the target's own (inherited, or created with create=True).
#
# As a decorator, the patchers stacked on one function share one list
# (`patched.patchings`); they are entered in the order they were applied
# (innermost decorator first), and each created mock is appended to the
# positional arguments, so the innermost patch gives the first extra
# argument.  patch.multiple's patchers hand their mocks over as keywords.

import contextlib
import inspect
import sys
from functools import partial, wraps
from types import ModuleType

# This module is imported at the end of unittest.mock, once the classes it
# needs exist there; read them from the (not yet finished) module object.
_mock = sys.modules[__name__.rpartition('.')[0] + '.mock']
DEFAULT = _mock.DEFAULT
InvalidSpecError = _mock.InvalidSpecError
_builtins = _mock._builtins
_is_list = _mock._is_list
_is_instance_mock = _mock._is_instance_mock
_is_async_obj = _mock._is_async_obj
_instance_callable = _mock._instance_callable
_check_spec_arg_typos = _mock._check_spec_arg_typos


def _resolve_name(name):
    """Find the object named by a dotted path: the longest importable
    prefix is imported, the rest are attributes ('pkg.mod:attr' too).
    The behaviour of pkgutil.resolve_name, which patch uses in 3.11."""
    if ':' in name:
        modname, _, attrs = name.partition(':')
        __import__(modname)
        found = sys.modules[modname]
        for part in attrs.split('.') if attrs else ():
            found = getattr(found, part)
        return found
    parts = name.split('.')
    modname = parts.pop(0)
    # The first part must be a module.
    __import__(modname)
    found = sys.modules[modname]
    while parts:
        candidate = modname + '.' + parts[0]
        try:
            __import__(candidate)
        except ImportError:
            break
        found = sys.modules[candidate]
        modname = candidate
        parts.pop(0)
    for part in parts:
        found = getattr(found, part)
    return found


def _get_target(target):
    try:
        target, attribute = target.rsplit('.', 1)
    except (TypeError, ValueError, AttributeError):
        raise TypeError(
            f"Need a valid target to patch. You supplied: {target!r}")
    return partial(_resolve_name, target), attribute


class _patch(object):

    attribute_name = None       # set for patch.multiple's patchers
    _active_patches = []        # started with start(), for stopall()

    def __init__(self, getter, attribute, new, spec, create,
                 spec_set, autospec, new_callable, kwargs, *, unsafe=False):
        if new_callable is not None:
            if new is not DEFAULT:
                raise ValueError(
                    "Cannot use 'new' and 'new_callable' together")
            if autospec is not None:
                raise ValueError(
                    "Cannot use 'autospec' and 'new_callable' together")
        if not unsafe:
            _check_spec_arg_typos(kwargs)
        if _is_instance_mock(spec):
            raise InvalidSpecError(
                f'Cannot spec attr {attribute!r} as the spec '
                f'has already been mocked out. [spec={spec!r}]')
        if _is_instance_mock(spec_set):
            raise InvalidSpecError(
                f'Cannot spec attr {attribute!r} as the spec_set '
                f'target has already been mocked out. [spec_set={spec_set!r}]')
        self.getter = getter
        self.attribute = attribute
        self.new = new
        self.new_callable = new_callable
        self.spec = spec
        self.create = create
        self.has_local = False
        self.spec_set = spec_set
        self.autospec = autospec
        self.kwargs = kwargs
        self.additional_patchers = []

    def copy(self):
        # A class decorator gives every test method a patcher of its own.
        twin = _patch(self.getter, self.attribute, self.new, self.spec,
                      self.create, self.spec_set, self.autospec,
                      self.new_callable, self.kwargs)
        twin.attribute_name = self.attribute_name
        twin.additional_patchers = [p.copy()
                                    for p in self.additional_patchers]
        return twin

    # -- as a decorator --------------------------------------------------------

    def __call__(self, func):
        if isinstance(func, type):
            return self.decorate_class(func)
        if inspect.iscoroutinefunction(func):
            return self.decorate_async_callable(func)
        return self.decorate_callable(func)

    def decorate_class(self, klass):
        for attr in dir(klass):
            if not attr.startswith(patch.TEST_PREFIX):
                continue
            attr_value = getattr(klass, attr)
            if not hasattr(attr_value, "__call__"):
                continue
            setattr(klass, attr, self.copy()(attr_value))
        return klass

    @contextlib.contextmanager
    def decoration_helper(self, patched, args, keywargs):
        extra_args = []
        with contextlib.ExitStack() as exit_stack:
            for patching in patched.patchings:
                arg = exit_stack.enter_context(patching)
                if patching.attribute_name is not None:
                    keywargs.update(arg)
                elif patching.new is DEFAULT:
                    extra_args.append(arg)
            args += tuple(extra_args)
            yield (args, keywargs)

    def decorate_callable(self, func):
        if hasattr(func, 'patchings'):
            # Already patched: one wrapper serves the whole stack.
            func.patchings.append(self)
            return func

        @wraps(func)
        def patched(*args, **keywargs):
            with self.decoration_helper(patched, args,
                                        keywargs) as (newargs, newkeywargs):
                return func(*newargs, **newkeywargs)

        patched.patchings = [self]
        return patched

    def decorate_async_callable(self, func):
        if hasattr(func, 'patchings'):
            func.patchings.append(self)
            return func

        @wraps(func)
        async def patched(*args, **keywargs):
            with self.decoration_helper(patched, args,
                                        keywargs) as (newargs, newkeywargs):
                return await func(*newargs, **newkeywargs)

        patched.patchings = [self]
        return patched

    # -- as a context manager --------------------------------------------------

    def get_original(self):
        target = self.getter()
        name = self.attribute
        local = False
        try:
            original = target.__dict__[name]
        except (AttributeError, KeyError):
            original = getattr(target, name, DEFAULT)
        else:
            local = True
        if name in _builtins and isinstance(target, ModuleType):
            # A module may shadow a builtin it does not define yet.
            self.create = True
        if not self.create and original is DEFAULT:
            raise AttributeError(
                "%s does not have the attribute %r" % (target, name))
        return original, local

    def _make_new(self, original):
        """The replacement patch makes when no `new` and no autospec were
        given: a MagicMock (or AsyncMock, NonCallableMagicMock,
        new_callable()) honouring spec/spec_set."""
        spec, spec_set = self.spec, self.spec_set
        if spec is False:
            spec = None
        if spec_set is False:
            spec_set = None
        inherit = False
        # spec=True / spec_set=True mean "the original"; spec=X with
        # spec_set=True means spec_set=X.
        if spec is True:
            spec = original
            if spec_set is True:
                spec_set = original
                spec = None
        elif spec is not None:
            if spec_set is True:
                spec_set = spec
                spec = None
        elif spec_set is True:
            spec_set = original
        if spec is not None or spec_set is not None:
            if original is DEFAULT:
                raise TypeError("Can't use 'spec' with create=True")
            if isinstance(original, type):
                # Patching a class: its return value is an instance mock.
                inherit = True

        if spec is None and _is_async_obj(original):
            Klass = _mock.AsyncMock
        else:
            Klass = _mock.MagicMock
        mock_kwargs = {}
        if self.new_callable is not None:
            Klass = self.new_callable
        elif spec is not None or spec_set is not None:
            this_spec = spec_set if spec_set is not None else spec
            if _is_list(this_spec):
                not_callable = '__call__' not in this_spec
            else:
                not_callable = not callable(this_spec)
            if _is_async_obj(this_spec):
                Klass = _mock.AsyncMock
            elif not_callable:
                Klass = _mock.NonCallableMagicMock
        if spec is not None:
            mock_kwargs['spec'] = spec
        if spec_set is not None:
            mock_kwargs['spec_set'] = spec_set
        if (isinstance(Klass, type)
                and issubclass(Klass, _mock.NonCallableMock)
                and self.attribute):
            mock_kwargs['name'] = self.attribute
        mock_kwargs.update(self.kwargs)
        new = Klass(**mock_kwargs)

        if inherit and _is_instance_mock(new):
            this_spec = spec_set if spec_set is not None else spec
            if (not _is_list(this_spec)
                    and not _instance_callable(this_spec)):
                Klass = _mock.NonCallableMagicMock
            mock_kwargs.pop('name')
            new.return_value = Klass(_new_parent=new, _new_name='()',
                                     **mock_kwargs)
        return new

    def _make_autospec(self, original, autospec):
        spec_set = self.spec_set
        if self.new is not DEFAULT:
            raise TypeError(
                "autospec creates the mock for you. Can't specify "
                "autospec and new.")
        if original is DEFAULT:
            raise TypeError("Can't use 'autospec' with create=True")
        spec_set = bool(spec_set)
        if autospec is True:
            autospec = original
        if _is_instance_mock(self.target):
            raise InvalidSpecError(
                f'Cannot autospec attr {self.attribute!r} as the patch '
                f'target has already been mocked out. '
                f'[target={self.target!r}, attr={autospec!r}]')
        if _is_instance_mock(autospec):
            target_name = getattr(self.target, '__name__', self.target)
            raise InvalidSpecError(
                f'Cannot autospec attr {self.attribute!r} from target '
                f'{target_name!r} as it has already been mocked out. '
                f'[target={self.target!r}, attr={autospec!r}]')
        return _mock.create_autospec(autospec, spec_set=spec_set,
                                     _name=self.attribute, **self.kwargs)

    def __enter__(self):
        """Perform the patch."""
        self.target = self.getter()
        spec, spec_set, autospec = self.spec, self.spec_set, self.autospec
        if spec is False:
            spec = None
        if spec_set is False:
            spec_set = None
        if autospec is False:
            autospec = None
        if spec is not None and autospec is not None:
            raise TypeError("Can't specify spec and autospec")
        if ((spec is not None or autospec is not None)
                and spec_set not in (True, None)):
            raise TypeError(
                "Can't provide explicit spec_set *and* spec or autospec")

        original, local = self.get_original()
        if self.new is DEFAULT and autospec is None:
            new = self._make_new(original)
        elif autospec is not None:
            new = self._make_autospec(original, autospec)
        elif self.kwargs:
            raise TypeError("Can't pass kwargs to a mock we aren't creating")
        else:
            new = self.new

        self.temp_original = original
        self.is_local = local
        self._exit_stack = contextlib.ExitStack()
        try:
            setattr(self.target, self.attribute, new)
            if self.attribute_name is not None:
                # patch.multiple: a dict of the mocks made, by attribute.
                extra_args = {}
                if self.new is DEFAULT:
                    extra_args[self.attribute_name] = new
                for patching in self.additional_patchers:
                    arg = self._exit_stack.enter_context(patching)
                    if patching.new is DEFAULT:
                        extra_args.update(arg)
                return extra_args
            return new
        except:
            if not self.__exit__(*sys.exc_info()):
                raise

    def __exit__(self, *exc_info):
        """Undo the patch."""
        if self.is_local and self.temp_original is not DEFAULT:
            setattr(self.target, self.attribute, self.temp_original)
        else:
            delattr(self.target, self.attribute)
            # Some attributes cannot be deleted for good (function
            # __doc__ and friends come back as None): restore those too.
            if not self.create and (
                    not hasattr(self.target, self.attribute)
                    or self.attribute in ('__doc__', '__module__',
                                          '__defaults__', '__annotations__',
                                          '__kwdefaults__')):
                setattr(self.target, self.attribute, self.temp_original)
        del self.temp_original
        del self.is_local
        del self.target
        exit_stack = self._exit_stack
        del self._exit_stack
        return exit_stack.__exit__(*exc_info)

    def start(self):
        """Activate a patch, returning any created mock."""
        result = self.__enter__()
        self._active_patches.append(self)
        return result

    def stop(self):
        """Stop an active patch."""
        try:
            self._active_patches.remove(self)
        except ValueError:
            # Stopping a patch that is not active does nothing.
            return None
        return self.__exit__(None, None, None)


def _patch_object(target, attribute, new=DEFAULT, spec=None, create=False,
                  spec_set=None, autospec=None, new_callable=None, *,
                  unsafe=False, **kwargs):
    """
    patch the named member (`attribute`) on an object (`target`) with a mock
    object.

    `patch.object` can be used as a decorator, class decorator or a context
    manager. Arguments `new`, `spec`, `create`, `spec_set`,
    `autospec` and `new_callable` have the same meaning as for `patch`. Like
    `patch`, `patch.object` takes arbitrary keyword arguments for configuring
    the mock object it creates.

    When used as a class decorator `patch.object` honours `patch.TEST_PREFIX`
    for choosing which methods to wrap.
    """
    if type(target) is str:
        raise TypeError(
            f"{target!r} must be the actual object to be patched, not a str")
    return _patch(lambda: target, attribute, new, spec, create, spec_set,
                  autospec, new_callable, kwargs, unsafe=unsafe)


def _patch_multiple(target, spec=None, create=False, spec_set=None,
                    autospec=None, new_callable=None, **kwargs):
    """Perform multiple patches in a single call. It takes the object to be
    patched (either as an object or a string to fetch the object by importing)
    and keyword arguments for the patches::

        with patch.multiple(settings, FIRST_PATCH='one', SECOND_PATCH='two'):
            ...

    Use `DEFAULT` as the value if you want `patch.multiple` to create
    mocks for you. In this case the created mocks are passed into a decorated
    function by keyword, and a dictionary is returned when `patch.multiple` is
    used as a context manager.
    """
    if type(target) is str:
        getter = partial(_resolve_name, target)
    else:
        getter = lambda: target
    if not kwargs:
        raise ValueError(
            'Must supply at least one keyword argument with patch.multiple')
    # The first patcher leads; the others ride along as its additional
    # patchers, entered when it is.
    leader = None
    for attribute, new in kwargs.items():
        patcher = _patch(getter, attribute, new, spec, create, spec_set,
                         autospec, new_callable, {})
        patcher.attribute_name = attribute
        if leader is None:
            leader = patcher
        else:
            leader.additional_patchers.append(patcher)
    return leader


def patch(target, new=DEFAULT, spec=None, create=False, spec_set=None,
          autospec=None, new_callable=None, *, unsafe=False, **kwargs):
    """
    `patch` acts as a function decorator, class decorator or a context
    manager. Inside the body of the function or with statement, the `target`
    is patched with a `new` object. When the function/with statement exits
    the patch is undone.

    If `new` is omitted, then the target is replaced with an
    `AsyncMock if the patched object is an async function or a
    `MagicMock` otherwise. If `patch` is used as a decorator and `new` is
    omitted, the created mock is passed in as an extra argument to the
    decorated function. If `patch` is used as a context manager the created
    mock is returned by the context manager.

    `target` should be a string in the form `'package.module.ClassName'`. The
    `target` is imported and the specified object replaced with the `new`
    object, so the `target` must be importable from the environment you are
    calling `patch` from. The target is imported when the decorated function
    is executed, not at decoration time.

    `spec`, `spec_set`, `autospec`, `create` and `new_callable` configure
    the mock made (see the documentation of unittest.mock); other keyword
    arguments are passed to it.
    """
    getter, attribute = _get_target(target)
    return _patch(getter, attribute, new, spec, create, spec_set, autospec,
                  new_callable, kwargs, unsafe=unsafe)


class _patch_dict(object):
    """
    Patch a dictionary, or dictionary like object, and restore the dictionary
    to its original state after the test.

    `in_dict` can be a dictionary or a mapping like container (or its dotted
    name, imported when the patch starts).  `values` is a dictionary or an
    iterable of `(key, value)` pairs to set; keyword arguments are set too.
    If `clear` is True the dictionary is cleared first.

    `patch.dict` can be used as a context manager, decorator or class
    decorator. When used as a class decorator `patch.dict` honours
    `patch.TEST_PREFIX` for choosing which methods to wrap.
    """

    def __init__(self, in_dict, values=(), clear=False, **kwargs):
        self.in_dict = in_dict
        self.values = dict(values)
        self.values.update(kwargs)
        self.clear = clear
        self._original = None

    def __call__(self, f):
        if isinstance(f, type):
            return self.decorate_class(f)
        if inspect.iscoroutinefunction(f):
            return self.decorate_async_callable(f)
        return self.decorate_callable(f)

    def decorate_callable(self, f):
        @wraps(f)
        def _inner(*args, **kw):
            self._patch_dict()
            try:
                return f(*args, **kw)
            finally:
                self._unpatch_dict()
        return _inner

    def decorate_async_callable(self, f):
        @wraps(f)
        async def _inner(*args, **kw):
            self._patch_dict()
            try:
                return await f(*args, **kw)
            finally:
                self._unpatch_dict()
        return _inner

    def decorate_class(self, klass):
        for attr in dir(klass):
            attr_value = getattr(klass, attr)
            if (attr.startswith(patch.TEST_PREFIX)
                    and hasattr(attr_value, "__call__")):
                decorator = _patch_dict(self.in_dict, self.values, self.clear)
                setattr(klass, attr, decorator(attr_value))
        return klass

    def __enter__(self):
        """Patch the dict."""
        self._patch_dict()
        return self.in_dict

    def _patch_dict(self):
        if isinstance(self.in_dict, str):
            self.in_dict = _resolve_name(self.in_dict)
        in_dict = self.in_dict
        # Mapping-like objects without copy()/update() work item by item.
        try:
            original = in_dict.copy()
        except AttributeError:
            original = {}
            for key in in_dict:
                original[key] = in_dict[key]
        self._original = original
        if self.clear:
            _clear_dict(in_dict)
        try:
            in_dict.update(self.values)
        except AttributeError:
            for key in self.values:
                in_dict[key] = self.values[key]

    def _unpatch_dict(self):
        in_dict = self.in_dict
        original = self._original
        _clear_dict(in_dict)
        try:
            in_dict.update(original)
        except AttributeError:
            for key in original:
                in_dict[key] = original[key]

    def __exit__(self, *args):
        """Unpatch the dict."""
        if self._original is not None:
            self._unpatch_dict()
        return False

    def start(self):
        """Activate a patch, returning any created mock."""
        result = self.__enter__()
        _patch._active_patches.append(self)
        return result

    def stop(self):
        """Stop an active patch."""
        try:
            _patch._active_patches.remove(self)
        except ValueError:
            return None
        return self.__exit__(None, None, None)


def _clear_dict(in_dict):
    try:
        in_dict.clear()
    except AttributeError:
        for key in list(in_dict):
            del in_dict[key]


def _patch_stopall():
    """Stop all active patches. LIFO to unroll nested patches."""
    for active in reversed(_patch._active_patches):
        active.stop()


# The patchers report themselves as unittest.mock's, where users meet them.
for _cls in (_patch, _patch_dict):
    _cls.__module__ = 'unittest.mock'
del _cls

patch.object = _patch_object
patch.dict = _patch_dict
patch.multiple = _patch_multiple
patch.stopall = _patch_stopall
patch.TEST_PREFIX = 'test'
