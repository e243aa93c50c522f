# Star expressions in list, tuple, set and dict displays, in return and
# yield, and in for-loop targets.
a = [1, 2]
b = (3, 4)
print([*a, *b, 5], (*a, *b), {*a, *b, 1})
print([*"ab", *range(2), *{"k": 0}])
print({**{"x": 1}, "y": 2, **{"x": 10}}, {**{}})
print(*(), [*()], (*[],))
t = *a, *b
print(t, type(t).__name__)
single = *a,
print(single)

def ret():
    return *a, 0

def gen():
    yield *b, "end"

print(ret(), list(gen()))
for first, *rest in [(1, 2, 3), "xy"]:
    print(first, rest)
print([*(x * 2 for x in range(3))])
try:
    [*5]
except TypeError as e:
    print("TypeError:", e)
try:
    {**[1]}
except TypeError as e:
    print("TypeError:", e)
try:
    {**{1: 1}, **None}
except TypeError as e:
    print("TypeError:", e)
merged = {"a": 1} | {"b": 2}
print({**merged, "a": 0})
print(sorted({*range(5), *range(3, 8)}))
for src in ["*a", "print(*a for a in b)", "[**a]", "a = *b"]:
    try:
        compile(src, "<s>", "exec")
        print("compiled", src)
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
