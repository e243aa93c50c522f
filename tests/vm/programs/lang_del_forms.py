# del statement forms: names, attributes, subscripts, slices, tuples of
# targets, and the errors for deleting what is not there.
x = 1
del x
try:
    x
except NameError as e:
    print("NameError:", e)
a, b, c = 1, 2, 3
del a, (b, c)
print([n for n in ("a", "b", "c") if n in globals()])
lst = list(range(10))
del lst[0]
del lst[-1]
del lst[::3]
print(lst)
del lst[1:3]
print(lst)
d = {"k": 1, "j": 2}
del d["k"]
print(d)
try:
    del d["missing"]
except KeyError as e:
    print("KeyError:", e)

class Obj:
    cls_attr = "class"

o = Obj()
o.attr = "instance"
del o.attr
try:
    del o.attr
except AttributeError as e:
    print("AttributeError:", e)
try:
    del o.cls_attr
except AttributeError as e:
    print("AttributeError:", e)
del Obj.cls_attr
print(hasattr(Obj, "cls_attr"))

def local_del():
    v = "local"
    del v
    try:
        return v
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"

print(local_del())
try:
    del undefined_global
except NameError as e:
    print("NameError:", e)

class Tracked:
    def __delitem__(self, key):
        print("__delitem__", key)
    def __delattr__(self, name):
        print("__delattr__", name)

t = Tracked()
del t[1:2, ...], t.anything
try:
    del (1, 2)[0]
except TypeError as e:
    print("TypeError:", e)
try:
    del "abc"[0]
except TypeError as e:
    print("TypeError:", e)
nested = [[1, 2], [3, 4]]
del nested[0][1], nested[1]
print(nested)
for i in range(2):
    pass
del i
print("i" in globals())
