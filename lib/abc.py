# abc.py: abstract base classes (PEP 3119). minipy's own pure-Python
# ABCMeta, with the semantics of CPython 3.11's Lib/abc.py over the C
# accelerator Modules/_abc.c (the same observable behaviour as
# Lib/_py_abc.py). Book chapter 12, "The Standard Library".
#
# Each ABC keeps three sets of classes: the registry (virtual subclasses
# added by register()), a positive cache and a negative cache of answers of
# __subclasscheck__. register() anywhere bumps one global counter, the
# cache token; a negative cache older than the token is thrown away before
# it is trusted, because a registration can turn a "no" into a "yes" for
# every ABC above the one registered with. Positive answers never expire.
# The sets hold strong references (minipy's weak references are newer than
# this module): a class tested against an ABC lives as long as the ABC.


def abstractmethod(funcobj):
    """A decorator indicating abstract methods."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    """A decorator indicating abstract classmethods (deprecated)."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    """A decorator indicating abstract staticmethods (deprecated)."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    """A decorator indicating abstract properties (deprecated)."""

    __isabstractmethod__ = True


# The cache token: how many registrations have happened in any ABC.
_abc_invalidation_counter = 0


def get_cache_token():
    """The number of registrations so far on any ABC (changes with each)."""
    return _abc_invalidation_counter


class _abc_data:
    # What Modules/_abc.c keeps in an ABC's _abc_impl.
    __slots__ = ('registry', 'cache', 'negative_cache', 'negative_cache_version')

    def __init__(self):
        self.registry = set()
        self.cache = set()
        self.negative_cache = set()
        self.negative_cache_version = _abc_invalidation_counter


def _compute_abstract_methods(cls, namespace, bases):
    abstracts = set()
    for name, value in namespace.items():
        if getattr(value, "__isabstractmethod__", False):
            abstracts.add(name)
    # An abstract method of a base stays abstract unless something
    # concrete overrides it here.
    for base in bases:
        for name in getattr(base, "__abstractmethods__", ()):
            value = getattr(cls, name, None)
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
    return frozenset(abstracts)


class ABCMeta(type):
    """Metaclass of abstract base classes: classes whose abstract methods
    forbid instantiation and which accept virtual subclasses through
    register(). A virtual subclass passes isinstance/issubclass checks but
    does not inherit anything from the ABC."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        # collections.abc marks Sequence and Mapping with the type flags
        # that `match` tests; minipy cannot set a type's flags from Python,
        # so the marker is only dropped, as Modules/_abc.c drops it.
        if '__abc_tpflags__' in cls.__dict__:
            delattr(cls, '__abc_tpflags__')
        cls.__abstractmethods__ = _compute_abstract_methods(cls, namespace, bases)
        cls._abc_impl = _abc_data()
        return cls

    def register(cls, subclass):
        """Make subclass a virtual subclass of cls; returns subclass (so this
        works as a class decorator)."""
        global _abc_invalidation_counter
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass  # already a subclass, nothing to remember
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_impl.registry.add(subclass)
        _abc_invalidation_counter += 1
        return subclass

    def __instancecheck__(cls, instance):
        """Override for isinstance(instance, cls)."""
        impl = cls._abc_impl
        subclass = instance.__class__
        if subclass in impl.cache:
            return True
        subtype = type(instance)
        if subtype is subclass:
            if (impl.negative_cache_version == _abc_invalidation_counter
                    and subclass in impl.negative_cache):
                return False
            return cls.__subclasscheck__(subclass)
        return cls.__subclasscheck__(subclass) or cls.__subclasscheck__(subtype)

    def __subclasscheck__(cls, subclass):
        """Override for issubclass(subclass, cls)."""
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        impl = cls._abc_impl
        if subclass in impl.cache:
            return True
        if impl.negative_cache_version < _abc_invalidation_counter:
            impl.negative_cache = set()
            impl.negative_cache_version = _abc_invalidation_counter
        elif subclass in impl.negative_cache:
            return False
        ok = cls.__subclasshook__(subclass)
        if ok is not NotImplemented:
            if not isinstance(ok, bool):
                raise AssertionError("__subclasshook__ must return either False, True, or NotImplemented")
            if ok:
                impl.cache.add(subclass)
            else:
                impl.negative_cache.add(subclass)
            return ok
        # A real subclass.
        if cls in getattr(subclass, '__mro__', ()):
            impl.cache.add(subclass)
            return True
        # A subclass of a registered class (recursively).
        for rcls in list(impl.registry):
            if issubclass(subclass, rcls):
                impl.cache.add(subclass)
                return True
        # A subclass of a subclass (recursively).
        subclasses = cls.__subclasses__()
        for scls in subclasses:
            if issubclass(subclass, scls):
                impl.cache.add(subclass)
                return True
        impl.negative_cache.add(subclass)
        return False

    def _dump_registry(cls, file=None):
        """Debug helper to print the ABC registry."""
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {get_cache_token()}", file=file)
        impl = cls._abc_impl
        print(f"_abc_registry: {impl.registry!r}", file=file)
        print(f"_abc_cache: {impl.cache!r}", file=file)
        print(f"_abc_negative_cache: {impl.negative_cache!r}", file=file)
        print(f"_abc_negative_cache_version: {impl.negative_cache_version!r}", file=file)

    def _abc_registry_clear(cls):
        """Clear the registry (for debugging or testing)."""
        cls._abc_impl.registry.clear()

    def _abc_caches_clear(cls):
        """Clear the caches (for debugging or testing)."""
        cls._abc_impl.cache.clear()
        cls._abc_impl.negative_cache.clear()


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
