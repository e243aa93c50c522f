# sorted: key, reverse, stability, and the errors it raises.
records = [("bob", 3), ("amy", 1), ("cal", 3), ("dee", 2), ("eve", 1)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted(records))
print(sorted("hello world"))
print(sorted({3: "c", 1: "a", 2: "b"}))
print(sorted([3, 1, 2], reverse=0))
print(sorted([], key=len))
print(sorted(["bb", "a", "ccc", ""], key=len))
print(sorted([-3, 2, -1, 0], key=abs))
print(sorted([1.5, 1, True, 0.5]))
words = ["Banana", "apple", "cherry", "Apple"]
print(sorted(words), sorted(words, key=str.lower))
data = [5, 2, 9]
result = sorted(data)
print(result is data, data, result)

try:
    sorted([1, "a", 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1, 2], key=lambda v: None if v == 1 else 3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1, 2], 3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted()
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([3, 1], key=lambda v: 1 / (v - 1))
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    sorted([1, 2], cmp=None)
except TypeError as e:
    print(type(e).__name__, e)
print(sorted([[2, "b"], [1, "z"], [2, "a"]]))
print(sorted((c for c in "zyx"), key=ord))
