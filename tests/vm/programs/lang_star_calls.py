# *iterable and **mapping unpacking in calls, in any order and repeated.
def show(*args, **kwargs):
    return f"args={args} kwargs={dict(sorted(kwargs.items()))}"

print(show(*[1, 2], 3, *(4,), *"ab"))
print(show(**{"a": 1}, b=2, **{"c": 3}))
print(show(*range(3), x=1, *[9], **{"y": 2}))
gen = (i * i for i in range(4))
print(show(*gen))
print(show(*{}, **{}))

class Keys:
    def keys(self):
        return ["p", "q"]
    def __getitem__(self, key):
        return key.upper()

print(show(**Keys()))

def three(a, b, c):
    return a + b + c

print(three(*"xy", "z"), three(1, *[2, 3]), three(**dict(c=1, b=2, a=3)))
for bad in ({"a": 1, "b": 2, "c": 3, "d": 4}, {"a": 1}):
    try:
        three(**bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    show(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    show(a=1, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    show(*5)
except TypeError as e:
    print("TypeError:", e)
try:
    show(**[1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    show(**{1: "non-str key"})
except TypeError as e:
    print("TypeError:", e)
print(max(*[3, 9, 2]), min(*"hello"))
print(*[1, 2, 3], sep=" | ")
args = (1, 2)
kwargs = {"sep": "-"}
print(*args, **kwargs)
