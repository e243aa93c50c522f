# NotImplemented: binary-operator fallback to reflected methods, comparisons, and the final TypeError.
class Meters:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        if isinstance(other, Meters):
            return Meters(self.v + other.v)
        if isinstance(other, (int, float)):
            return Meters(self.v + other)
        return NotImplemented

    __radd__ = __add__

    def __eq__(self, other):
        if not isinstance(other, Meters):
            return NotImplemented
        return self.v == other.v

    def __lt__(self, other):
        if not isinstance(other, Meters):
            return NotImplemented
        return self.v < other.v

    def __repr__(self):
        return f"Meters({self.v})"


class Feet:
    def __init__(self, v):
        self.v = v

    def __radd__(self, other):
        if isinstance(other, Meters):
            return Meters(other.v + self.v * 0.3048)
        return NotImplemented

    def __gt__(self, other):
        return "Feet.__gt__ reflected"


print(Meters(1) + Meters(2), Meters(1) + 5, 5 + Meters(1), Meters(1) + Feet(10))
print(Meters(1) == Meters(1), Meters(1) == 1, Meters(1) != "x", Meters(1) < Meters(2))
print(Meters(1) < Feet(3))
print(repr(NotImplemented), type(NotImplemented).__name__, NotImplemented is NotImplemented)
print((1).__add__("x"), (1.5).__add__("x"), [].__eq__(5), (3).__lt__(2.5), (3.0).__eq__(3))
for expr in (lambda: Meters(1) + "s", lambda: "s" + Meters(1), lambda: Meters(1) < 3,
             lambda: Meters(1) >= Meters(2), lambda: Feet(1) + Feet(2), lambda: Meters(1) - Meters(1)):
    try:
        print(expr())
    except TypeError as e:
        print(type(e).__name__, e)
print(type(NotImplemented)() is NotImplemented)
Meters(1) * 2
