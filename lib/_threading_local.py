"""Thread-local data in Python: `local` objects whose attributes each
thread sees separately.

minipy's own module with the API of CPython 3.11's Lib/_threading_local.py
(written for minipy). threading.local is the native _thread._local when
_thread has it; this is the fallback and the reference. Book chapter 10,
"Parallelism and Concurrency".

How it works: a local object keeps one attribute dictionary per thread in
its _LocalImpl (keyed by the id of the thread's Thread object). Every
attribute access first installs the calling thread's dictionary as the
object's __dict__, under the impl's lock, so the ordinary attribute
machinery (descriptors, __slots__ of subclasses, __getattr__) works on it.
A thread's first access creates its dictionary and calls __init__ with the
arguments the object was created with. When a Thread object dies, a weak
reference callback drops its dictionaries from every local it used.
"""

from weakref import ref as _ref

__all__ = ["local"]


class _LocalImpl:
    """The per-thread dictionaries of one local object."""
    __slots__ = ('dicts', 'args', 'lock', '__weakref__')

    def __init__(self):
        # id(thread) -> (weak reference to the thread, its dictionary)
        self.dicts = {}

    def get_dict(self):
        """The calling thread's dictionary; KeyError if it has none yet."""
        from threading import current_thread
        return self.dicts[id(current_thread())][1]

    def create_dict(self):
        """Make the calling thread's (empty) dictionary; it goes away with
        the thread's Thread object or with this local, whichever dies
        first."""
        from threading import current_thread
        thread = current_thread()
        key = id(thread)
        impl_ref = _ref(self)

        def thread_deleted(_, key=key):
            impl = impl_ref()
            if impl is not None:
                impl.dicts.pop(key, None)

        d = {}
        self.dicts[key] = (_ref(thread, thread_deleted), d)
        return d


def _patch(self):
    """Install the calling thread's dictionary as self.__dict__; returns
    the impl's lock, held (the caller releases it)."""
    impl = object.__getattribute__(self, '_local__impl')
    impl.lock.acquire()
    try:
        try:
            d = impl.get_dict()
            fresh = False
        except KeyError:
            d = impl.create_dict()
            fresh = True
        object.__setattr__(self, '__dict__', d)
        if fresh:
            args, kw = impl.args
            # __init__ runs in each thread on its first access.
            self.__init__(*args, **kw)
    except:
        impl.lock.release()
        raise
    return impl.lock


class local:
    """An object whose attributes are separate for each thread."""
    __slots__ = ('_local__impl', '__dict__')

    def __new__(cls, /, *args, **kw):
        if (args or kw) and (cls.__init__ is object.__init__):
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        impl = _LocalImpl()
        impl.args = (args, kw)
        from threading import RLock
        # Reentrant: __init__ and descriptors run with the lock held and
        # may touch the object again.
        impl.lock = RLock()
        object.__setattr__(self, '_local__impl', impl)
        # The creating thread's dictionary; its __init__ is the call that
        # created the object, so it is not called again here.
        object.__setattr__(self, '__dict__', impl.create_dict())
        return self

    def __getattribute__(self, name):
        lock = _patch(self)
        try:
            return object.__getattribute__(self, name)
        finally:
            lock.release()

    def __setattr__(self, name, value):
        if name == '__dict__':
            raise AttributeError(
                "%r object attribute '__dict__' is read-only"
                % self.__class__.__name__)
        lock = _patch(self)
        try:
            return object.__setattr__(self, name, value)
        finally:
            lock.release()

    def __delattr__(self, name):
        if name == '__dict__':
            raise AttributeError(
                "%r object attribute '__dict__' is read-only"
                % self.__class__.__name__)
        lock = _patch(self)
        try:
            return object.__delattr__(self, name)
        finally:
            lock.release()
