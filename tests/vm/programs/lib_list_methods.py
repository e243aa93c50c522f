# list methods: insert/pop/remove/index/count/extend/copy/clear and their errors.
a = [3, 1, 4, 1, 5]
a.insert(0, "first")
a.insert(100, "last")
a.insert(-1, "before last")
a.insert(-100, "very first")
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1)
print(a, a.index(1), a.index(4, 1), a.count(1), a.count("x"))
a.extend("ab")
a.extend(range(2))
a.extend(x for x in (7, 8))
print(a)
a.append(a[:2])
print(a, len(a))
b = a.copy()
b.clear()
print(b, len(a), a.reverse(), a[:3])
print([1, 2] + [3], [1, 2] == [1, 2.0], [1, 2] < [1, 3], [1] < [1, 0], [] == [], [[]] != [[]])
print([1, [2, 3]].index([2, 3]), [float("nan")].count(float("nan")), [None, None].count(None))
attempts = [
    lambda: [].pop(),
    lambda: [1].pop(1),
    lambda: [1].pop(-2),
    lambda: [1].remove(2),
    lambda: [1].index(2),
    lambda: [1, 2, 3].index(1, 1),
    lambda: [1].insert("0", 1),
    lambda: [1].insert(0),
    lambda: [1] + (2,),
    lambda: [1].extend(5),
    lambda: [1] * 1.5,
    lambda: [1].pop("0"),
    lambda: [1] < ["a"],
]
for attempt in attempts:
    try:
        print(attempt())
    except Exception as e:
        print(type(e).__name__, e)
c = [1, 2, 3]
c.extend(c)
print(c)
c += c
print(len(c), c.__len__(), c.__contains__(3), 9 in c, list("abc"), list(), list({"k": 1}))
d = [1, 2]
d.append(d)
print(d, d[2][2][0])
[10, 20].remove(30)
