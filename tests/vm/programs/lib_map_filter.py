# map and filter: multiple iterables, None predicate, laziness, errors.
print(list(map(str, [1, 2, 3])))
print(list(map(pow, [2, 3, 4], [5, 2])))
print(list(map(lambda a, b, c: a + b + c, "ab", "cd", "ef")))
print(list(filter(None, [0, 1, "", "x", None, [], [0], False, 2.0])))
print(list(filter(str.isdigit, "a1b2c3")))
print(list(filter(lambda v: v % 3 == 0, range(20))))
m = map(abs, [-1, -2])
print(iter(m) is m, type(m).__name__, next(m), list(m), list(m))
f = filter(None, [1])
print(type(f).__name__, list(f))
calls = []
def trace(v):
    calls.append(v)
    return v * 10
m = map(trace, range(5))
print(calls)
print(next(m), next(m), calls)
try:
    map(len)
except TypeError as e:
    print(type(e).__name__, e)
try:
    map()
except TypeError as e:
    print(type(e).__name__, e)
try:
    filter(None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    list(map(len, [1]))
except TypeError as e:
    print(type(e).__name__, e)
try:
    map(len, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    list(filter(lambda v: 1 / v, [1, 0]))
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(list(map(None.__class__, [])))
print(sum(map(int, "12345")))
print(list(map(int, ["1", "2", "x3"])))
