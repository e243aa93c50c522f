# callable() on every kind of object, and what calling non-callables says.
class WithCall:
    def __call__(self):
        return "called"


class Plain:
    def method(self):
        pass


p = Plain()
print(callable(len), callable(print), callable(lambda: 0), callable(int), callable(Plain))
print(callable(p), callable(p.method), callable(Plain.method), callable(WithCall()))
print(callable(None), callable(1), callable("s"), callable([]), callable(type), callable(object()))
print(callable(str.upper), callable("s".upper), callable(classmethod), callable(staticmethod(len)))
print(WithCall()(), callable(iter([])), callable(iter([]).__next__))
p.__call__ = lambda: "instance attr"
print(callable(p))
for obj in (1, "s", None, [1], p, (lambda: 0)()):
    try:
        obj()
    except TypeError as e:
        print(type(e).__name__, e)
Plain()()
