# object(): the base of everything; its default methods and what it refuses.
o = object()
print(type(o).__name__, object.__bases__, object.__mro__, isinstance(o, object), issubclass(type, object))
print(o == o, o != o, o.__eq__(1), o.__ne__(o), o.__hash__() == hash(o), bool(o))
print(str(o).startswith("<object object at "), repr(o)[:17], format(o, "") == str(o))
print(sorted(n for n in dir(o) if n in ("__class__", "__eq__", "__init__", "__repr__", "__str__")))
for attempt in (lambda: setattr(o, "x", 1), lambda: o.x, lambda: o < o, lambda: object(1),
                lambda: object.__new__(5), lambda: o.__dict__, lambda: delattr(o, "__class__")):
    try:
        print(attempt())
    except Exception as e:
        print(type(e).__name__, e)


class Plain:
    pass


p = Plain()
print(p.__dict__, Plain.__base__, p.__class__.__name__, p.__module__, type(p.__init__).__name__)
p.__dict__["via_dict"] = 1
print(p.via_dict, vars(p))
print(object.__init__(p), object.__new__(Plain).__class__.__name__, p.__reduce_ex__(2)[0].__name__ if False else "skip")
print(p.__sizeof__() > 0, p.__format__("") == str(p), p.__getattribute__("via_dict"), object.__subclasshook__())
try:
    object.__init__(p, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    Plain(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    p.__class__ = int
except TypeError as e:
    print(type(e).__name__, e)


class Other:
    pass


p.__class__ = Other
print(type(p).__name__)
object() < object()
