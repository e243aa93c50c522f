# typing: TypeVar, Generic user classes and their subscription, Protocol and
# runtime_checkable, NewType, ParamSpec, Concatenate, the 3.11 helpers.
import sys
from typing import (TypeVar, Generic, Protocol, runtime_checkable, NewType, List, Dict,
                    Iterable, Callable, ParamSpec, Concatenate, Union, Optional, cast,
                    assert_never, assert_type, reveal_type, overload, get_overloads,
                    clear_overloads, final, TYPE_CHECKING, SupportsInt, SupportsAbs,
                    SupportsIndex, Sized, TypeVarTuple, Unpack, no_type_check, Any)
import typing

def check(f):
    try:
        r = f()
        print("ok", r)
    except (TypeError, ValueError, AssertionError) as e:
        print(type(e).__name__ + ":", e)

T = TypeVar("T")
S = TypeVar("S", int, str)
B = TypeVar("B", bound=Iterable)
T_co = TypeVar("T_co", covariant=True)
T_contra = TypeVar("T_contra", contravariant=True)
print(T, S, B, T_co, T_contra, T.__name__, S.__constraints__, B.__bound__, T.__module__)
print(T_co.__covariant__, T_contra.__contravariant__, T.__bound__, T | int, Optional[T])
check(lambda: TypeVar("X", int))
check(lambda: TypeVar("X", int, str, bound=int))
check(lambda: TypeVar("X", covariant=True, contravariant=True))
check(lambda: isinstance(1, T))

class Box(Generic[T]):
    def __init__(self, item: T):
        self.item = item
    def get(self) -> T:
        return self.item

class Pair(Generic[T, S]):
    pass

print(Box, Box[int], Box.__parameters__, Box[int].__origin__, Box[int].__args__)
print(Pair[T, int], Pair[str, int], Pair[T, int][bytes], Box[List[T]][int])
b = Box[int](5)
print(b.get(), b.__orig_class__, type(b).__name__, Box.__orig_bases__, Box.__mro__)

class IntBox(Box[int]):
    pass
print(IntBox.__parameters__, IntBox.__orig_bases__, IntBox(3).get())

class Sub(Box[T], Generic[T]):
    pass
print(Sub.__parameters__, Sub[str])

class Multi(Dict[str, T]):
    pass
print(Multi.__parameters__, Multi[int], Multi.__mro__[:3])

check(lambda: Box[int, str])
check(lambda: IntBox[int])
check(lambda: Generic[int])
check(lambda: Generic[T, T])
check(lambda: Generic[()])
def bad_class(src):
    try:
        exec(src, {"Generic": Generic, "T": T, "S": S, "Box": Box, "Protocol": Protocol,
                   "List": List})
        print("no error")
    except TypeError as e:
        print("TypeError:", e)
bad_class("class X(Generic): pass")
bad_class("class X(Generic[T], Generic[S]): pass")
bad_class("class X(List[T], Generic[S]): pass")
bad_class("class X(Protocol[T], int): pass")
print(Generic[T], typing.Protocol[T])

@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...

class HasX(Protocol):
    x: int

@runtime_checkable
class HasY(Protocol):
    y: int

class File:
    def close(self):
        pass

class Thing:
    y = 1

print(isinstance(File(), Closable), isinstance(3, Closable), issubclass(File, Closable))
print(isinstance(Thing(), HasY), isinstance(File(), HasY), Closable._is_protocol, File._is_protocol if hasattr(File, "_is_protocol") else "-")
check(lambda: isinstance(File(), HasX))
check(lambda: issubclass(Thing, HasY))
check(lambda: Closable())
check(lambda: runtime_checkable(File))

class Impl(Closable):
    def __init__(self, v):
        self.v = v
print(Impl(4).v, isinstance(Impl(1), Closable))

print(isinstance(3, SupportsInt), isinstance("x", SupportsInt), isinstance(-2, SupportsAbs), isinstance(2, SupportsIndex))
print(SupportsAbs[int], isinstance([], Sized))

class GP(Protocol[T]):
    def get(self) -> T: ...
print(GP[int], GP.__parameters__)

UserId = NewType("UserId", int)
print(UserId, UserId(5), UserId.__supertype__, UserId.__name__, type(UserId(5)))
print(UserId | None, List[UserId])
bad_class("UserId = __import__('typing').NewType('UserId', int)\nclass Admin(UserId): pass")

P = ParamSpec("P")
print(P, P.args, P.kwargs, Callable[P, int], Callable[Concatenate[int, P], str])
print(Callable[P, T][[int, str], bool], Callable[Concatenate[int, P], T][..., str])

Ts = TypeVarTuple("Ts")
print(Ts, Unpack[Ts])

print(cast(int, "x"), cast("List[int]", 3), assert_type(5, int), TYPE_CHECKING)
check(lambda: assert_never(42))
check(lambda: assert_never("x" * 200))
sys.stderr = sys.stdout
print(reveal_type([1]))

@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x):
    return x
print(f(3), len(get_overloads(f)), [o.__annotations__ for o in get_overloads(f)])
clear_overloads()
print(get_overloads(f))

@overload
def g(x: int) -> int: ...
try:
    g(1)
except NotImplementedError as e:
    print("NotImplementedError:", e)

@final
class Fin:
    @final
    def m(self): pass
print(Fin.__final__, Fin.m.__final__)

@no_type_check
def ntc(a: "bogus") -> "junk":
    return a
print(ntc.__no_type_check__, typing.get_type_hints(ntc))

class Node(Generic[T]):
    children: List["Node[T]"]
print(typing.get_type_hints(Node))
