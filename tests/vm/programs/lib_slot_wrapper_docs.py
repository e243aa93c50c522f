# Slot wrappers (int.__add__, object.__init__, ...) and method-wrappers
# carry CPython's docstrings and text signatures, from which
# inspect.signature builds their signatures; a class without its own
# __init__ shows object's.
import inspect


class Plain:
    pass


class Vec:
    def __add__(self, other):
        return self


wrappers = [object.__init__, object.__lt__, object.__repr__, object.__setattr__, object.__getattribute__,
            int.__add__, int.__radd__, int.__pow__, int.__rpow__, int.__neg__, int.__bool__, int.__index__,
            float.__truediv__, float.__rtruediv__, list.__len__, list.__iadd__, list.__imul__, list.__contains__,
            tuple.__getitem__, set.__ior__, set.__iand__, dict.__setitem__, dict.__delitem__, property.__get__,
            property.__set__, property.__delete__, type.__call__, Plain.__init__, Plain.__eq__, Plain.__hash__,
            (1).__add__, [].__len__, Plain().__init__, iter([]).__next__, iter([]).__iter__]
for w in wrappers:
    print(type(w).__name__, w.__name__, repr(w.__doc__), w.__text_signature__)
    print("   ", inspect.signature(w))
print(inspect.signature(Vec.__add__), inspect.signature(Vec().__add__))
print(int.real.__doc__, type(int.real).__name__)
