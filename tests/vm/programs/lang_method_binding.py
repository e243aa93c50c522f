# Method binding: bound methods remember self, functions stored on
# instances are not bound, staticmethod/classmethod binding, and methods
# taken from the class called with an explicit self.
class Counter:
    def __init__(self):
        self.n = 0
    def inc(self, by=1):
        self.n += by
        return self.n

c = Counter()
bound = c.inc
bound(); bound(5)
print(c.n, bound.__self__ is c, bound.__func__ is Counter.inc, Counter.inc(c, 10))
c.plain = lambda x: x * 2
print(c.plain(21))
other = Counter()
print(Counter.inc(other), type(bound).__name__, bound == c.inc, bound is c.inc)

class Tools:
    @staticmethod
    def util(x):
        return x + 1
    @classmethod
    def make(cls):
        return cls.__name__

class SubTools(Tools):
    pass

print(Tools.util(1), Tools().util(2), SubTools.make(), SubTools().make())
m = Counter().inc
del Counter.inc
print(m(), hasattr(Counter, "inc"))
try:
    Counter().inc()
except AttributeError as e:
    print("AttributeError:", e)
