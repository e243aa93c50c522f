# any / all: empty iterables, short-circuiting on generators, truthiness rules.
print(any([]), all([]), any([0, "", None]), all([1, "x", [0]]))
print(any([0, 0.0, 0j, False, (), 1]), all([1, 2, 0]))
print(any("abc"), all(""), any({}), all({0: "zero"}))
seen = []


def probe(v):
    seen.append(v)
    return v


print(any(probe(v) for v in [0, 0, 3, 0, 5]), seen)
seen.clear()
print(all(probe(v) for v in [1, 2, 0, 4]), seen)
it = iter([0, 1, 2, 3])
print(any(it), list(it))


class Truthy:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        return self.v


class Sized:
    def __len__(self):
        return 0


print(any([Truthy(False), Truthy(True)]), all([Sized()]), any([Sized()]))


class BadBool:
    def __bool__(self):
        return 1


for args in ([BadBool()], 5, None):
    try:
        print(any(args))
    except TypeError as e:
        print(type(e).__name__, e)
print(all(x > 0 for x in range(1, 10**9)) if False else all(x < 5 for x in range(10**9)))
all([1, Truthy(3)])
