# slice objects: attributes, indices(), use on sequences, hashing and errors.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, repr(slice(None)), slice(5))
print(s.indices(5), slice(None, None, -1).indices(4), slice(-3, None).indices(10))
print(slice(-100, 100).indices(7), slice(10, 0, -3).indices(20), slice(None, None, 2).indices(0))
data = list(range(10))
print(data[s], data[slice(None, None, -3)], "abcdef"[slice(1, -1)], (1, 2, 3)[slice(2)])
print(data[::-1][:3], data[-3:], data[:-7:-2], data[100:], data[-100:2])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2) < slice(1, 3))
print(slice("a", [1], None).start, slice(1.5, 2.5).stop)
try:
    hash(slice(1, 2))
    print("slices hash in 3.11?")
except TypeError as e:
    print(type(e).__name__, e)
for bad in (slice(0, 5, 0), slice("a", 2), slice(1.5, 2)):
    try:
        print(data[bad])
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for args in ((-1,), ("x",), (1.0,)):
    try:
        print(slice(1, 2).indices(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    slice()
except TypeError as e:
    print(type(e).__name__, e)
try:
    slice(1, 2, 3, 4)
except TypeError as e:
    print(type(e).__name__, e)
try:
    s.start = 3
except AttributeError as e:
    print(type(e).__name__, e)


class Recorder:
    def __getitem__(self, key):
        return key


r = Recorder()
print(r[1:2], r[::], r[1:2, ::3], r[...], r[:, None])


class Idx:
    def __index__(self):
        return 2


print(data[Idx():Idx() + 3], "hello"[:Idx()])
print(slice(2**100, -(2**100)).indices(5), data[2**100:], data[-(2**100):2])
print(range(20)[slice(2, 15, 4)], list(range(20))[::7])
print(data[0:10:0])
