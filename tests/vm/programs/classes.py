# Classes: __build_class__, methods, class and instance attributes,
# inheritance and super(), properties, classmethod/staticmethod, dunder
# methods reaching their slots.
class Animal:
    kind = "animal"
    count = 0

    def __init__(self, name):
        self.name = name
        Animal.count += 1

    def speak(self):
        return f"{self.name} makes a sound"

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

class Dog(Animal):
    kind = "dog"

    def speak(self):
        return super().speak() + " (woof)"

class Puppy(Dog):
    def speak(self):
        return super(Puppy, self).speak().upper()

a, d, p = Animal("generic"), Dog("rex"), Puppy("bit")
print(a.speak(), d.speak(), p.speak(), sep="\n")
print(a, d, [p], Animal.count, Dog.kind, p.kind, isinstance(p, Animal), Puppy.__mro__)

class Vector:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)
    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __eq__(self, other):
        return isinstance(other, Vector) and (self.x, self.y) == (other.x, other.y)
    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __iter__(self):
        yield_values = [self.x, self.y]
        return iter(yield_values)
    def __bool__(self):
        return bool(self.x or self.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"Vector({self.x}, {self.y})"
    def __neg__(self):
        return Vector(-self.x, -self.y)
    def __contains__(self, v):
        return v in (self.x, self.y)

v, w = Vector(1, 2), Vector(3, 4)
print(v + w, v * 3, 2 * w, v == Vector(1, 2), v != w, v < w, len(v), v[1], list(w), -v)
print(bool(Vector(0, 0)), 3 in w, sorted([w, v]), {v: "first"}[Vector(1, 2)])

class Temperature:
    def __init__(self):
        self._c = 0.0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value
    @classmethod
    def from_f(cls, f):
        t = cls()
        t.celsius = (f - 32) * 5 / 9
        return t
    @staticmethod
    def describe():
        return "a temperature"

t = Temperature.from_f(212)
print(t.celsius, Temperature.describe(), t.describe())
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)

class Stack(list):
    def peek(self):
        return self[-1]

s = Stack([1, 2])
s.append(3)
print(s.peek(), len(s), s)

class Meta(type):
    tag = "from the metaclass"

class Tagged(metaclass=Meta):
    pass

print(Tagged.tag, type(Tagged).__name__, isinstance(Tagged, Meta))

class WithClassVar:
    items = [i * 2 for i in range(3)]
    total = sum(items)
print(WithClassVar.items, WithClassVar.total)

class Ctx:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return exc_type is KeyError

with Ctx("a") as c1, Ctx("b"):
    print("inside", c1.name)
with Ctx("suppress"):
    raise KeyError("hidden")
try:
    with Ctx("propagate"):
        raise ValueError("shown")
except ValueError as e:
    print("propagated", e)
print(Animal.__name__, Dog.__qualname__, Dog.__bases__, Animal.__doc__)
