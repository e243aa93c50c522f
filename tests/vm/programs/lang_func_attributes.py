# Function objects: __name__/__qualname__ of nested functions and methods,
# __doc__, __dict__ attributes, __code__ fields, __globals__, __module__.
def outer():
    def inner():
        """inner doc"""
    class Local:
        def method(self):
            pass
    return inner, Local.method

inner, method = outer()
print(inner.__name__, inner.__qualname__, inner.__doc__)
print(method.__qualname__)
inner.__name__ = "renamed"
inner.custom = {"attr": 1}
print(inner.__name__, inner.custom, inner.__dict__)
try:
    inner.__name__ = 5
except TypeError as e:
    print("TypeError:", e)

def sample(a, b=2, *args, c, **kw):
    local_one = a + b
    return local_one

code = sample.__code__
print(code.co_name, code.co_argcount, code.co_kwonlyargcount, code.co_posonlyargcount)
print(code.co_varnames, code.co_flags & 0x04 != 0, code.co_flags & 0x08 != 0)
print(sample.__globals__ is globals(), sample.__module__, sample.__defaults__)
print(callable(sample), type(sample).__name__, sample.__closure__)

def with_cells():
    x = 1
    y = 2
    def uses():
        return x + y
    return uses

print(with_cells().__code__.co_freevars, with_cells.__code__.co_cellvars)
print(len(with_cells().__closure__), type(with_cells().__closure__[0]).__name__)

def no_doc():
    pass

print(no_doc.__doc__, (lambda: None).__name__, (lambda: None).__qualname__)

class K:
    @staticmethod
    def s():
        pass
    @classmethod
    def c(cls):
        pass

print(K.s.__qualname__, K.c.__qualname__, K.c.__self__ is K, K().c.__func__.__name__)
try:
    sample.__code__ = 5
except TypeError as e:
    print("TypeError:", e)
try:
    del sample.__name__
except TypeError as e:
    print("TypeError:", e)
print(sample.__kwdefaults__, no_doc.__kwdefaults__)
