# Zero-argument super() relies on the __class__ cell and the first argument:
# it works in methods and lambdas with explicit arguments, not in
# comprehensions (3.11), and fails outside classes.
class Base:
    def greet(self):
        return "base"
    @classmethod
    def create(cls):
        return f"created {cls.__name__}"

class Child(Base):
    def greet(self):
        return "child+" + super().greet()
    def many(self):
        return [super().greet() for _ in range(2)]
    def via_lambda(self):
        f = lambda: super(Child, self).greet()
        return f()
    @classmethod
    def create(cls):
        return "child " + super().create()
    def uses_class_cell(self):
        return __class__.__name__

c = Child()
print(c.greet(), c.via_lambda(), Child.create(), c.uses_class_cell())
try:
    c.many()   # the comprehension's first argument is its iterator, not self
except TypeError as e:
    print("TypeError:", e)

def not_a_method():
    return super().greet()

try:
    not_a_method()
except RuntimeError as e:
    print("RuntimeError:", e)

class Weird:
    def method():
        return super().anything

try:
    Weird.method()
except RuntimeError as e:
    print("RuntimeError:", e)

class Grand(Child):
    def greet(self):
        return "grand+" + super().greet()

print(Grand().greet(), [k.__name__ for k in Grand.__mro__])
