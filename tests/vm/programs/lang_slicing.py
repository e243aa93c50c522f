# Slicing semantics: negative and out-of-range bounds, steps, slice
# objects, assignment and deletion through slices, __getitem__ receiving
# slices and tuples.
s = "abcdefghij"
print(s[2:5], s[-3:], s[:-7], s[::2], s[::-1], s[8:2:-2], s[100:], s[-100:2])
lst = list(range(10))
print(lst[3:3], lst[5:2], lst[-2:-5:-1], lst[1::3], lst[None:None:None])
sl = slice(1, 8, 3)
print(sl, sl.start, sl.stop, sl.step, lst[sl], sl.indices(5), slice(None).indices(3))
lst[2:5] = ["a", "b"]
print(lst)
lst[:0] = [-1]
print(lst)
lst[::2] = "XXXXX"
print(lst)
try:
    lst[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
del lst[1::2]
print(lst)
lst[len(lst):] = [100, 200]
print(lst)
try:
    lst[::0]
except ValueError as e:
    print("ValueError:", e)
print((1, 2, 3, 4)[::-2], b"bytes"[1:3], bytearray(b"xyz")[::-1], range(10)[2:8:2])

class Probe:
    def __getitem__(self, key):
        return key

p = Probe()
print(p[1:2], p[::], p[1:2, 3], p[..., ::-1], p[:, None])
import sys
print(lst[-sys.maxsize:sys.maxsize], s[2 ** 100:], s[-2 ** 100:3])

class Idx:
    def __index__(self):
        return 2

print(s[Idx():], s[:Idx()], lst[Idx()])
try:
    s["1":]
except TypeError as e:
    print("TypeError:", e)
try:
    s[1.5]
except TypeError as e:
    print("TypeError:", e)
