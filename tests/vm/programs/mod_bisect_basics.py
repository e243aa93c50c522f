# bisect: left/right searches, lo/hi bounds, key functions, insort on lists
# and on sequences with an insert method, errors.
import bisect

s = [1, 2, 2, 2, 3, 5, 8]
for v in [0, 1, 2, 4, 8, 9]:
    print(v, bisect.bisect_left(s, v), bisect.bisect_right(s, v), bisect.bisect(s, v),
          bisect.bisect_left(s, v, 2), bisect.bisect_right(s, v, 0, 3))
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], score)] for score in [33, 99, 77, 70, 89, 90, 100]])
L = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(L, x)
print(L)
bisect.insort_left(L, 5); bisect.insort_right(L, 5, 0, 3); print(L)
recs = [(1, "a"), (3, "c"), (5, "e")]
print(bisect.bisect_left(recs, 3, key=lambda r: r[0]), bisect.bisect_right(recs, 3, key=lambda r: r[0]))
bisect.insort(recs, (4, "d"), key=lambda r: r[0]); bisect.insort_left(recs, (3, "C"), key=lambda r: r[0]); print(recs)
print(bisect.bisect_right("abcde", "c"), bisect.bisect_left((1, 2, 3), 2.5), bisect.bisect([], 1))


class Recorder(list):
    def insert(self, i, x):
        print("insert", i, x)
        super().insert(i, x)


r = Recorder([1, 3]); bisect.insort(r, 2); print(r)
for bad in [lambda: bisect.bisect_right([1], 1, 0, 1, None), lambda: bisect.bisect_right([1]),
            lambda: bisect.bisect_right([1], 1, -1), lambda: bisect.bisect_right([1], 1, "a"),
            lambda: bisect.bisect_right([1], 1, hi="a"), lambda: bisect.bisect_right([1], 1, z=1),
            lambda: bisect.bisect_right(1, 1), lambda: bisect.bisect_right([1, 2, 3], 2, hi=10),
            lambda: bisect.insort(5, 1), lambda: bisect.bisect([1, "a"], 2)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__ + ":", e)
