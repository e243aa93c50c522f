# Mutating containers while iterating: lists (defined but surprising),
# dicts and sets (RuntimeError), and the safe copy idioms.
items = [1, 2, 3, 4, 5, 6]
for x in items:
    if x % 2 == 0:
        items.remove(x)
print(items)
nums = [1, 2, 3]
for n in nums:
    if len(nums) < 6:
        nums.append(n * 10)
print(nums)
d = {"a": 1, "b": 2}
try:
    for k in d:
        d[k + k] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
s = {1, 2, 3}
try:
    for v in s:
        s.add(v + 100)
except RuntimeError as e:
    print("RuntimeError:", e)
d = {"a": 1, "b": 2, "c": 3}
for k in list(d):
    if d[k] % 2:
        del d[k]
print(d)
d2 = {"x": 1}
for k in d2:
    d2[k] = 99
print(d2)
lst = [1, 2, 3]
it = iter(lst)
next(it)
lst.clear()
print(list(it))
lst2 = [1, 2]
it2 = iter(lst2)
lst2.extend([3, 4])
print(list(it2))
keys_view = {"p": 1}.keys()
d3 = {"p": 1}
kv = d3.keys()
d3["q"] = 2
print(sorted(kv), len(kv))
