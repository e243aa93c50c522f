# GenericAlias and UnionType (genericaliasobject.cpp,
# unionobject.cpp): list[int] and friends, | between aliases and None,
# isinstance/issubclass with unions, __class_getitem__.
GenericAlias = type(list[int])
UnionType = type(list[int] | None)
aliases = [list[int], dict[str, list[int]], tuple[int, ...], tuple[()], set[bytes], frozenset[str], type[int],
           list[list[int] | None], list[[int, str]], BaseExceptionGroup[ValueError]]
for a in aliases:
    print(a, a.__origin__, a.__args__, a.__parameters__, type(a) is GenericAlias, GenericAlias.__name__, UnionType.__module__)
print(list[int] == list[int], list[int] != list[str], list[int] == list, hash(list[int]) == hash(list[int]))
print(list[int]([1, 2]), dict[str, int](a=1), list[int].append, list[int].__mro_entries__(()))
print(list[int] | None, None | list[int], list[int] | dict[str, int] | None)
u = list[int] | None
print(type(u) is UnionType, u.__args__, u == (None | list[int]), list[int] | list[int])
print(isinstance(None, None.__class__ | dict[str, int]), issubclass(bool, (str, u.__class__)))
for f in (lambda: isinstance(None, u), lambda: isinstance([], list[int]), lambda: issubclass(list, list[int]), lambda: list[int][int],
          lambda: str[int], lambda: UnionType(), lambda: list[int] | 3, lambda: u[int]):
    try:
        print(f())
    except TypeError as e:
        print("TypeError", e)


class C:
    def __class_getitem__(cls, item):
        return f"C[{item.__name__}]"


class D:
    __class_getitem__ = None


print(C[int], GenericAlias(C, (int, str)), GenericAlias(list, int).__reduce__()[1])
try:
    D[int]
except TypeError as e:
    print("TypeError", e)
print(*tuple[int, str], (*tuple[int],)[0].__unpacked__, sorted(set(dir(list[int])) - set(dir(list))))
