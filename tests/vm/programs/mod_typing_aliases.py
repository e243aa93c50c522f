# typing: reprs and introspection of the special forms and generic aliases,
# Union/Optional simplification, Literal, Annotated, Callable, get_origin/get_args.
import collections
import collections.abc
import typing

def check(f):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
from typing import (Any, Optional, Union, List, Dict, Set, FrozenSet, Tuple, Type,
                    Callable, Iterable, Iterator, Generator, Sequence, Mapping,
                    MutableMapping, Deque, DefaultDict, Counter, ChainMap, Literal,
                    Final, ClassVar, Annotated, NoReturn, Never, Self, LiteralString,
                    TypeVar, get_origin, get_args, AnyStr, Text, TypeAlias,
                    AbstractSet, Awaitable, Coroutine, AsyncIterator, Hashable, Sized)

print(Any, Optional, Union, List, Dict, Callable, Tuple, Type, NoReturn, Never, Self)
print(List[int], Dict[str, List[int]], Set[bytes], FrozenSet[int], Type[int])
print(Tuple[int, str], Tuple[int, ...], Tuple[()], Deque[int], DefaultDict[str, int])
print(Callable[[int, str], bool], Callable[..., int], Callable[[], None])
print(Iterable[int], Iterator[str], Generator[int, None, None], Sequence[float])
print(Mapping[str, Any], MutableMapping[str, int], Counter[str], ChainMap[str, int])
print(AbstractSet[int], Awaitable[int], Coroutine[int, int, int], AsyncIterator[int])
print(Optional[int], Union[int, None], Union[None, str], Union[int, str, None])
print(Union[int], Union[int, int, str], Union[int, Union[str, bytes]], Union[int, str] == Union[str, int])
print(Optional[Union[int, str]], Union[int, "Foo"], Optional["Bar"])
print(Literal[1, "a", None, True], Literal[1, 1, 2], Literal[Literal[1], 2])
print(Literal[1] == Literal[True], Literal[1, 2] == Literal[2, 1])
print(Final[int], ClassVar[List[int]], Annotated[int, "meta", 3])
print(Annotated[Annotated[int, 1], 2], Annotated[int, 1].__metadata__)
print(List[list[int]], Dict[str, tuple[int, ...]], list[List[int]])
print(int | List[str], List[int] | None, Union[int, str] | bytes)
print(AnyStr, Text is str, TypeAlias, Hashable, Sized)

for tp in [List[int], Dict[str, int], Callable[[int], str], Callable[..., str],
           Union[int, str], Optional[int], Literal[1, 2], Annotated[int, "x"],
           Tuple[int, ...], Tuple[()], int, list[int], int | str, List, Generic if False else typing.Generic,
           ClassVar[int], Final[str], Callable, Any]:
    print(tp, "->", get_origin(tp), get_args(tp))

print(List[int] == List[int], List[int] == list[int], List[int] == List[str], hash(List[int]) == hash(List[int]))
print(List[int].__origin__, List[int].__args__, List[int].__parameters__, List.__origin__)
print(Dict[str, int].__name__ if hasattr(Dict[str, int], "__name__") else "-", List.__name__)
check(lambda: List[int]())
print(List.append is list.append, Counter[str]("aab").__orig_class__, type(DefaultDict[str, int]()).__name__)
print(isinstance([], List), issubclass(list, List), isinstance({}, Mapping), issubclass(dict, MutableMapping))
print(isinstance(3, Union[int, str]), isinstance(3.0, Optional[str]))

check(lambda: isinstance([], List[int]))
check(lambda: issubclass(list, List[int]))
check(lambda: isinstance(1, Any))
check(lambda: isinstance(1, Optional))
check(lambda: issubclass(int, Union))
check(lambda: Union[()])
check(lambda: Union[int, 3])
check(lambda: List[int, str])
check(lambda: Dict[int])
check(lambda: List[int][str])
check(lambda: Callable[int])
check(lambda: Optional[int, str])
check(lambda: ClassVar[int, str])
check(lambda: Union())
check(lambda: Any())
check(lambda: List())
check(lambda: NoReturn[int])
check(lambda: Annotated[int])
check(lambda: Annotated())
check(lambda: Tuple[int, 3])
check(lambda: List[ClassVar[int]])
check(lambda: List[Final])
check(lambda: type("X", (Union,), {}))
check(lambda: type("X", (Optional[int],), {}))
check(lambda: Literal[[1]].__hash__())

T = TypeVar("T")
K = TypeVar("K")
print(Dict[K, T], Dict[K, T][str, int], Dict[str, T][List[int]], List[T].__parameters__)
print(Callable[[T], K], Callable[[T], K][int, str], Union[T, int][str], Optional[T][bytes])
print(Tuple[T, ...][int], Annotated[List[T], "m"][int], Type[T][int])
check(lambda: Dict[K, T][int])
print(typing.Union.__name__ if hasattr(typing.Union, "__name__") else "", repr(typing.Union[int, str].__origin__))
print(Union[int, str].__args__, Optional[int].__args__, Callable[[int], str].__args__)
print(repr(typing.ForwardRef("X")), Union["A", "B"].__args__, List["int"])

# subscriptions are cached: equal aliases give the first result computed
print(List[int] is List[int], Dict[str, T] is Dict[str, T], Union[T, int][str], Union[int, T][str], (int | T)[str])
print(Literal[1] is Literal[1], Literal[1] is Literal[True], Annotated[int, 1] is Annotated[int, 1])
