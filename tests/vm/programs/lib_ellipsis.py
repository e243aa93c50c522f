# Ellipsis: the singleton, its repr, use as a placeholder and as a subscript.
print(..., repr(...), Ellipsis is ..., type(...).__name__, type(...)() is ..., bool(...))
print(... == ..., ... != None, hash(...) == hash(Ellipsis), str(Ellipsis))


def todo():
    ...


print(todo(), [..., 1], {...: "key"}[...], (...,))


class Grid:
    def __getitem__(self, key):
        if key is ...:
            return "everything"
        if isinstance(key, tuple):
            return tuple("E" if k is ... else k for k in key)
        return key


g = Grid()
print(g[...], g[..., 0], g[1, ..., 2], g[:, ...])
try:
    ... + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    e = ...
    e()
except TypeError as e:
    print(type(e).__name__, e)
try:
    type(...)(1)
except TypeError as e:
    print(type(e).__name__, e)
print(... if ... else "falsy", sorted([1, 2]) if ... is Ellipsis else None)
print(Ellipsis.__reduce__(), Ellipsis.__class__.__name__)
... < ...
