# Chained comparisons evaluate each operand once and stop at the first false link.
calls = []

def v(x):
    calls.append(x)
    return x

print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0)
print(v(1) < v(2) < v(3), calls)
calls.clear()
print(v(1) < v(0) < v(3), calls)
calls.clear()
z = None
print(1 == 1.0 == True, z is None is not False)
x = 5
print(0 <= x < 10, 0 <= x < 5, x in [5] in [[5]])
print("a" < "b" <= "b" != "c")
print([1, 2] < [1, 3] < [2], (1, 2) == (1, 2) > (0, 9))

class Loud:
    def __init__(self, n):
        self.n = n
    def __lt__(self, other):
        print(f"  {self.n} < {other.n}")
        return self.n < other.n
    def __bool__(self):
        raise RuntimeError("never truth-tested")

a, b, c = Loud(1), Loud(2), Loud(3)
print(a < b < c)
print(b < a < c)

class Weird:
    def __eq__(self, other):
        return "truthy"

print(Weird() == 1)
print(1 < 2 == Weird())
try:
    print(1 < "2" < 3)
except TypeError as e:
    print("TypeError:", e)
try:
    print(None < 1)
except TypeError as e:
    print("TypeError:", e)
print(float("nan") == float("nan"), float("nan") != float("nan"))
n = float("nan")
print(n is n, n == n, [n] == [n])
