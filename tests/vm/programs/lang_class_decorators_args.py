# Decorators with arguments applied to methods and classes: decorating
# at class creation time, wrapping methods, and class decorators that add
# attributes or replace the class.
def log_calls(prefix):
    def deco(fn):
        def wrapper(self, *args):
            result = fn(self, *args)
            print(f"{prefix}{fn.__name__}{args} -> {result}")
            return result
        return wrapper
    return deco

def add_attrs(**attrs):
    def deco(cls):
        for k, v in attrs.items():
            setattr(cls, k, v)
        return cls
    return deco

def singleton(cls):
    instance = cls()
    return lambda: instance

@add_attrs(version=2, author="me")
class Calc:
    @log_calls(">> ")
    def add(self, a, b):
        return a + b

    @log_calls("** ")
    def neg(self, a):
        return -a

c = Calc()
c.add(2, 3)
c.neg(4)
print(Calc.version, Calc.author, Calc.add.__name__)

@singleton
class Config:
    def __init__(self):
        print("Config created once")

print(Config() is Config())
order = []

def mark(n):
    order.append(f"factory {n}")
    def deco(f):
        order.append(f"apply {n}")
        return f
    return deco

class Marked:
    @mark(1)
    @mark(2)
    def method(self):
        pass

print(order)
