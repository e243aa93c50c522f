# sorting.py: list work: sorting with key functions and lambdas, tuples as
# composite keys, sorted() on records, binary search by hand, list
# comprehensions, slicing and a merge sort written in Python.
import sys


class Employee:
    __slots__ = ("name", "dept", "salary", "age")

    def __init__(self, name, dept, salary, age):
        self.name = name
        self.dept = dept
        self.salary = salary
        self.age = age


def make_data(n):
    seed = 42
    data = []
    for i in range(n):
        seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        data.append(seed >> 40)
    return data


def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    left = merge_sort(xs[:mid])
    right = merge_sort(xs[mid:])
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out


def bisect(xs, x):
    lo, hi = 0, len(xs)
    while lo < hi:
        mid = (lo + hi) // 2
        if xs[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def main(scale):
    data = make_data(10000 * scale)
    s1 = sorted(data)
    s2 = merge_sort(data)
    print("sorted", s1 == s2, s1[0], s1[-1])
    print("by digits", sorted(data, key=lambda x: (x % 1000, x))[:3])
    print("reverse", sorted(data, key=str, reverse=True)[:3])
    emps = [Employee("e%d" % i, "d%d" % (x % 7), x % 100000, 20 + x % 40) for i, x in enumerate(data)]
    emps.sort(key=lambda e: (e.dept, -e.salary, e.name))
    print("emps", [e.name for e in emps[:3]], emps[-1].dept)
    hits = 0
    for x in data[::3]:
        k = bisect(s1, x)
        if s1[k] == x:
            hits += 1
    print("bisect", hits)
    squares = [x * x % 1009 for x in data if x & 1]
    print("comp", len(squares), sum(squares))
    rows = [(x % 13, x % 17, x) for x in data]
    rows.sort()
    print("tuples", rows[:2], rows[-1])


main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
