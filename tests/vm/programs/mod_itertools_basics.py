# itertools: every tool's output, reprs and argument errors (compared with python3.11).
import itertools
from itertools import (accumulate, chain, combinations, combinations_with_replacement, compress, count, cycle,
                       dropwhile, filterfalse, groupby, islice, pairwise, permutations, product, repeat, starmap,
                       takewhile, tee, zip_longest)
import operator

print(list(islice(count(), 5)), list(islice(count(10, -3), 4)), list(islice(count(0.5, 0.25), 3)))
c = count(5)
print(repr(c), next(c), repr(c), repr(count(2, 1)), repr(count(0, 1.0)), repr(count(1.5)), repr(count(2 ** 70, -2)))
print(list(islice(cycle("abc"), 8)), list(cycle([])))
print(list(repeat("x", 3)), repr(repeat("a", 3)), repr(repeat("a")), repr(repeat(None, -5)))
r = repeat(1, 4)
next(r)
print(r, r.__length_hint__(), list(r))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([1, 2], initial=10)))
print(list(accumulate([], initial=7)), list(accumulate("abc")), list(accumulate([2, 3, 4], operator.mul)))
print(list(chain("ab", [1, 2], ())), list(chain.from_iterable(["xy", "z"])), list(chain()))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(compress(range(10), cycle([0, 1]))))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a", None])))
print([(k, list(g)) for k, g in groupby("AAAABBBCCDAABBB")])
print([(k, list(g)) for k, g in groupby([1, 3, 2, 4, 5, 7], key=lambda v: v % 2)])
groups = list(groupby("aabbc"))
print([(k, list(g)) for k, g in groups])  # earlier groups are exhausted once the groupby moves on
print(list(islice("ABCDEFG", 2)), list(islice("ABCDEFG", 2, 4)), list(islice("ABCDEFG", 2, None)),
      list(islice("ABCDEFG", 0, None, 2)), list(islice(count(), 3, 20, 5)))
print(list(pairwise("ABCDE")), list(pairwise("A")), list(pairwise([])))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(operator.add, [[1, 2], "ab"])))
a, b = tee(iter(range(5)))
print(next(a), next(a), list(b), list(a))
t1, t2, t3 = tee("xyz", 3)
print(list(t1), list(t2), list(t3), tee([1], 0), type(t1).__name__)
t4 = t1.__copy__()
print(list(t4))
import weakref
w = weakref.ref(t4)
print(w() is t4)
del t4
print(w())
big1, big2 = tee(range(200))
print(sum(big1), sum(big2))
print(list(zip_longest("ABCD", "xy", fillvalue="-")), list(zip_longest([1], [2, 3], [4, 5, 6])), list(zip_longest()))
print(list(product("ab", range(2))), list(product(range(2), repeat=3))[:4], list(product()), list(product("ab", [])))
print(list(permutations("ABC", 2)), list(permutations(range(3))), list(permutations("ab", 3)), list(permutations([], 0)))
print(list(combinations("ABCD", 2)), list(combinations(range(4), 3)), list(combinations("ab", 3)), list(combinations("ab", 0)))
print(list(combinations_with_replacement("ABC", 2)), list(combinations_with_replacement([], 2)),
      list(combinations_with_replacement([], 0)))
print(len(list(permutations(range(6)))), len(list(combinations(range(12), 5))), len(list(product(range(4), repeat=4))))


def gen():
    yield 1
    raise ValueError("boom")


for maker in [lambda: list(chain([0], gen())), lambda: list(accumulate(gen())), lambda: list(zip_longest(gen(), [1, 2, 3]))]:
    try:
        maker()
    except ValueError as exc:
        print("ValueError", exc)

for expr in ["count('a')", "count(1, 2, 3)", "count(x=1)", "cycle()", "cycle([1], x=1)", "repeat()",
             "repeat('a', 'b')", "accumulate()", "accumulate([1], None, 5)", "chain(x=1)",
             "chain.from_iterable()", "compress([1])", "dropwhile(len)", "groupby()", "islice([1])",
             "islice([1], -1)", "islice([1], 'a')", "islice([1], 1, 2, 0)", "islice([1], -1, 2)",
             "islice([1], 1, 2, 3, 4)", "islice([1], stop=2)", "pairwise()", "starmap(len)",
             "list(starmap(len, [1]))", "tee([1], -1)", "tee(1)", "tee()", "zip_longest(fill=1)",
             "product([1], repeat=-1)", "product([1], x=1)", "permutations([1], -1)", "permutations([1], 'a')",
             "combinations([1])", "combinations([1], -1)", "combinations_with_replacement([1], -2)",
             "repeat(1).__length_hint__()"]:
    try:
        print(expr, "->", eval(expr))
    except Exception as exc:
        print(expr, "->", type(exc).__name__, exc)


class MyCount(count):
    pass


print(itertools.chain[int], list(itertools.chain[int]("ab")), list(product("ab", 1, repeat=0)))
print(repr(MyCount(3)), repr(MyCount(3, 2)), isinstance(MyCount(), count), itertools.chain.__name__)
print(type(groupby("a").__next__()[1]).__name__, itertools.islice.__module__ if hasattr(itertools.islice, "__module__") else "")
