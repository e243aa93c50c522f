# abc with the native _abc: __abc_tpflags__ makes Sequence/Mapping subclasses
# and registered classes match sequence/mapping patterns.
from collections.abc import Sequence, Mapping, MutableSequence
from collections import UserList, UserDict, OrderedDict, deque, defaultdict, Counter
class S(Sequence):
    def __init__(self, *a): self.a = a
    def __getitem__(self, i): return self.a[i]
    def __len__(self): return len(self.a)
class M(Mapping):
    def __getitem__(self, k): return {'x': 1}[k]
    def __iter__(self): return iter(['x'])
    def __len__(self): return 1
class Plain:
    def __getitem__(self, i): return i
    def __len__(self): return 2
Sequence.register(Plain)
for obj in [S(1, 2), M(), UserList([1, 2]), UserDict(x=1), OrderedDict(x=1), deque([1, 2]), defaultdict(int, x=1), Counter(x=1), Plain(), "ab", [1, 2]]:
    match obj:
        case {"x": v}: print(type(obj).__name__, "mapping", v)
        case [a, b]: print(type(obj).__name__, "sequence", a, b)
        case _: print(type(obj).__name__, "other")
print(hasattr(Sequence, '__abc_tpflags__'), '__abc_tpflags__' in Sequence.__dict__)
import abc
print(type(Sequence._abc_impl).__name__, type(abc.get_cache_token()).__name__)
