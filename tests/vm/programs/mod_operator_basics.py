# operator: the functions, the getters' results and reprs, and errors (compared with python3.11).
import operator
from operator import attrgetter, itemgetter, methodcaller

print(operator.add(2, 3), operator.sub(2, 3), operator.mul("ab", 2), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.mod(7, 3), operator.pow(2, 10), operator.neg(5), operator.pos(-5), operator.abs(-3), operator.inv(5))
print(operator.lshift(1, 4), operator.rshift(256, 2), operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq(1, 1.0), operator.ne(1, 2), operator.gt(1, 2), operator.ge(3, 2))
print(operator.not_([]), operator.truth([0]), operator.is_(None, None), operator.is_not(1, None), operator.index(7))
print(operator.concat([1], [2]), operator.contains("abc", "b"), operator.countOf([1, 2, 1, 1], 1), operator.indexOf("abc", "c"))
d = {"a": 1}
operator.setitem(d, "b", 2)
operator.delitem(d, "a")
print(d, operator.getitem([10, 20, 30], slice(1, None)), operator.call(max, 3, 9, key=lambda v: -v))
x = [1]
y = operator.iadd(x, [2])
print(x, y is x, operator.iconcat(x, [3]), operator.imul(3, 4), operator.ipow(2, 5), operator.ixor(5, 1))
print(operator.length_hint([1, 2, 3]), operator.length_hint(iter(range(10))), operator.length_hint(5, 7))


class Hinted:
    def __length_hint__(self):
        return NotImplemented


print(operator.length_hint(Hinted(), 4), operator.__add__ is operator.add, operator.__lt__(1, 2))
print(len(operator.__all__), "call" in operator.__all__, hasattr(operator, "_compare_digest"))

get1 = itemgetter(1)
get_many = itemgetter(0, -1, slice(1, 3))
print(get1("abc"), get_many("abcdef"), repr(get1), repr(get_many), repr(itemgetter("k")))
print(sorted([("b", 2), ("a", 3), ("c", 1)], key=itemgetter(1)))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
        self.inner = self

    def scale(self, k, offset=0):
        return Point(self.x * k + offset, self.y * k + offset)

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


p = Point(1, 2)
print(attrgetter("x")(p), attrgetter("x", "y")(p), attrgetter("inner.inner.y")(p))
print(repr(attrgetter("x")), repr(attrgetter("a.b", "c")))
print(methodcaller("scale", 3)(p), methodcaller("scale", 2, offset=1)(p), methodcaller("upper")("abc"))
print(repr(methodcaller("scale", 3, offset=1)), repr(methodcaller("f")), repr(methodcaller("g", "s", [1])))

for expr in ["operator.add(1)", "operator.concat(1, 2)", "operator.indexOf([1, 2], 3)", "operator.index(1.5)",
             "itemgetter()", "itemgetter(1, x=2)", "itemgetter(5)([1])", "itemgetter(1)()", "attrgetter()",
             "attrgetter(1)", "attrgetter('zz')(p)", "methodcaller()", "methodcaller(1)", "methodcaller('nope')(p)",
             "operator.length_hint()", "operator.length_hint(1, 'a')", "operator.is_(1)", "operator.neg('a')",
             "operator.lt(1, 'a')", "operator.setitem((1,), 0, 2)"]:
    try:
        print(expr, "->", eval(expr))
    except Exception as exc:
        print(expr, "->", type(exc).__name__, exc)
