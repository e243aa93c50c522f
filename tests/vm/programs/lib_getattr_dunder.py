# Attribute access on special names: __class__, __dict__, __doc__, __name__, __module__, method objects.
class Widget:
    "A widget."

    size = 3

    def area(self):
        return self.size ** 2


w = Widget()
print(getattr(w, "__class__") is Widget, w.__class__.__name__, Widget.__doc__, w.__doc__, Widget.__module__)
print(Widget.__name__, Widget.__qualname__, type(Widget.__dict__).__name__, "area" in Widget.__dict__)
m = w.area
print(type(m).__name__, m.__self__ is w, m.__func__ is Widget.area, m.__name__, m.__qualname__, m())
print(getattr(w, "area")(), getattr(Widget, "area")(w), Widget.area.__name__, Widget.area.__qualname__)
print(len.__name__, len.__qualname__, len.__module__, type(len).__name__, [].append.__name__, [].append.__qualname__)
print(type([].append).__name__, [].append.__self__, str.upper.__name__, type(str.upper).__name__, type(str.__dict__["upper"]).__name__)
print(int.__add__.__name__, type(int.__add__).__name__, (1).__add__.__self__, type((1).__add__).__name__)
print((5).__class__, "s".__class__.__class__, None.__class__.__name__, type.__class__ is type)
print(Widget.size.__class__.__name__, w.__dict__, hasattr(w, "__dict__"), hasattr(5, "__dict__"))
print(hasattr(len, "__self__"), type(len.__self__).__name__, hasattr(w.area, "__wrapped__"))
for obj, name in ((5, "__dict__"), (w, "__nope__"), (Widget, "__nope__"), (len, "__func__")):
    try:
        getattr(obj, name)
    except AttributeError as e:
        print(type(e).__name__, e)
try:
    w.area.attr = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    (5).__class__ = float
except TypeError as e:
    print(type(e).__name__, e)
print(Widget.__bases__, Widget.__base__, Widget.__mro__, object.__base__)
len.__name__ = "x"
