# min and max: iterables, varargs, key=, default= and their error messages.
print(min(3, 1, 2), max(3, 1, 2))
print(min([4, 5, 6]), max((4, 5, 6)))
print(min("hello"), max("hello"))
print(min([], default="empty"), max([], default=None))
print(min([7], default=0), max(iter([2, 8, 3])))
words = ["pear", "fig", "banana", "kiwi"]
print(min(words, key=len), max(words, key=len))
print(max(words, key=lambda w: w[-1]))
print(min(1, 2.0, key=lambda v: -v))
# ties: the first maximal/minimal element wins
print(max([(1, "a"), (1, "b")], key=lambda t: t[0]))
print(min([(1, "a"), (1, "b")], key=lambda t: t[0]))
print(max({"a": 3, "b": 9, "c": 1}.items(), key=lambda kv: kv[1]))
print(max(True, 0), min(0.0, -0.0), max(-0.0, 0.0))

attempts = [
    lambda: min([]),
    lambda: max([]),
    lambda: min(),
    lambda: max(1),
    lambda: min(1, 2, default=0),
    lambda: max([1, "a"]),
    lambda: min([1, 2], bad=1),
    lambda: max([1, 2], key=5),
]
for attempt in attempts:
    try:
        print(attempt())
    except Exception as e:
        print(type(e).__name__, e)

print(max(range(10**6, 10**6 + 5)))
print(min((x * x - 10 * x for x in range(20))))
print(max([float("nan"), 1.0]), max([1.0, float("nan")]))
max([], key=len)
