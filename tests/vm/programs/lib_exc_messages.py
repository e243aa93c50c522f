# The exact messages of common built-in errors raised by core types.
cases = [
    lambda: [1][5], lambda: (1,)[5], lambda: "a"[5], lambda: b"a"[5], lambda: range(1)[5],
    lambda: {}["k"], lambda: {}[("t",)], lambda: {}[1.5], lambda: set().remove(0), lambda: [].remove(0),
    lambda: int("1.0"), lambda: float("x"), lambda: "a".index("b"), lambda: [1].index(2), lambda: (1,).index(2),
    lambda: 1 + "a", lambda: "a" + 1, lambda: [] + (), lambda: {} + {}, lambda: None + 1, lambda: -None,
    lambda: ~1.5, lambda: abs("a"), lambda: 1 < "a", lambda: [] < {}, lambda: None < None,
    lambda: len(1), lambda: iter(1), lambda: next(1), lambda: one(), lambda: None.x, lambda: (1).x,
    lambda: "a".x, lambda: [].x, lambda: {}.x, lambda: int.x, lambda: empty[None], lambda: {}[[]],
    lambda: abc[1.5], lambda: [1][:"a"], lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0,
    lambda: 1.0 / 0, lambda: divmod(1, 0), lambda: 2 ** -1 // 0, lambda: "%d" % "a",
    lambda: "{}".format(), lambda: hash([]), lambda: {[]: 1}, lambda: [].pop(), lambda: {}.popitem(),
    lambda: "a" * "a", lambda: [1] * [1], lambda: del_item(), lambda: chr(-1), lambda: ord(""),
]


one, empty, abc = 1, [], "abc"


def del_item():
    t = (1, 2)
    del t[0]


for i, case in enumerate(cases):
    try:
        case()
        print(i, "no error")
    except Exception as e:
        print(i, type(e).__name__ + ":", e)
