# abc.py: abstract base classes (PEP 3119). minipy's own module with the
# API of CPython 3.11's Lib/abc.py: ABCMeta is a thin class over the native
# _abc (modules/_abcmodule.cpp), which keeps each ABC's registry of virtual
# subclasses and its caches of isinstance/issubclass answers.
# Book chapter 12, "The Standard Library".

from _abc import (get_cache_token, _abc_init, _abc_register,
                  _abc_instancecheck, _abc_subclasscheck, _get_dump,
                  _reset_registry, _reset_caches)


def abstractmethod(funcobj):
    """Mark funcobj abstract: an ABC that has it without a concrete override
    cannot be instantiated."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    """An abstract classmethod (deprecated: stack classmethod on abstractmethod)."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    """An abstract staticmethod (deprecated: stack staticmethod on abstractmethod)."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    """An abstract property (deprecated: stack property on abstractmethod)."""

    __isabstractmethod__ = True


class ABCMeta(type):
    """Metaclass of abstract base classes: classes whose abstract methods
    forbid instantiation and which accept virtual subclasses through
    register(). A virtual subclass passes isinstance/issubclass checks but
    does not inherit anything from the ABC."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        _abc_init(cls)
        return cls

    def register(cls, subclass):
        """Make subclass a virtual subclass of cls; returns subclass (so this
        works as a class decorator)."""
        return _abc_register(cls, subclass)

    def __instancecheck__(cls, instance):
        """isinstance(instance, cls), virtual subclasses included."""
        return _abc_instancecheck(cls, instance)

    def __subclasscheck__(cls, subclass):
        """issubclass(subclass, cls), virtual subclasses included."""
        return _abc_subclasscheck(cls, subclass)

    def _dump_registry(cls, file=None):
        """Print the registry and caches (debugging)."""
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {get_cache_token()}", file=file)
        (registry, cache, negative_cache,
         negative_cache_version) = _get_dump(cls)
        print(f"_abc_registry: {registry!r}", file=file)
        print(f"_abc_cache: {cache!r}", file=file)
        print(f"_abc_negative_cache: {negative_cache!r}", file=file)
        print(f"_abc_negative_cache_version: {negative_cache_version!r}",
              file=file)

    def _abc_registry_clear(cls):
        """Forget the virtual subclasses (debugging and tests)."""
        _reset_registry(cls)

    def _abc_caches_clear(cls):
        """Forget the cached answers (debugging and tests)."""
        _reset_caches(cls)


def update_abstractmethods(cls):
    """Recompute cls.__abstractmethods__ after methods were added or
    replaced on an already created abstract class (class decorators call
    this). Returns cls; a class without __abstractmethods__ is untouched."""
    if not hasattr(cls, '__abstractmethods__'):
        # Not an abstract class (or a class made before its metaclass
        # could compute the set).
        return cls
    abstracts = set()
    for scls in cls.__bases__:
        for name in getattr(scls, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if getattr(value, "__isabstractmethod__", False):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABC(metaclass=ABCMeta):
    """Base class whose metaclass is ABCMeta: subclass it to make an ABC."""
    __slots__ = ()
