# collections.ChainMap, UserDict, UserList, UserString.
from collections import ChainMap, UserDict, UserList, UserString

base = {"a": 1, "b": 2}
over = {"b": 20, "c": 30}
cm = ChainMap(over, base)
print(cm, cm["a"], cm["b"], cm.get("z", 0), len(cm), list(cm), "c" in cm, bool(ChainMap()))
cm["d"] = 4; print(over)
del cm["d"]
try:
    del cm["a"]
except KeyError as e:
    print("KeyError:", e)
child = cm.new_child(); child["a"] = 100; print(child, child.parents, child["a"], base["a"])
print(cm.new_child({"n": 1}, m=2), ChainMap.fromkeys("xy", 0))
print(cm.copy(), dict(cm), cm | {"z": 1}, {"z": 1} | cm)
cm2 = ChainMap({}, base); cm2 |= {"q": 1}; print(cm2)
print(ChainMap({1: 1}).pop(1), ChainMap().maps)
for bad in [lambda: ChainMap({}).popitem(), lambda: ChainMap({}).pop("x"), lambda: ChainMap({})["x"]]:
    try:
        bad()
    except KeyError as e:
        print("KeyError:", e)
r = ChainMap(); r.maps[0]["me"] = r; print(r)

u = UserDict(a=1); u["b"] = 2
print(u, len(u), "a" in u, u.get("c", 3), dict(u), u.copy(), type(u.copy()).__name__, u.data)
print(u | {"c": 3}, {"z": 0} | u, UserDict.fromkeys("ab", 1))


class Missing(UserDict):
    def __missing__(self, key):
        return key * 2


print(Missing()["ab"], Missing().get("x", "dflt"))
try:
    UserDict()["x"]
except KeyError as e:
    print("KeyError:", e)

ul = UserList([3, 1, 2])
ul.append(0); ul.sort(); print(ul, ul[1:], type(ul[1:]).__name__, ul + [9], [9] + ul, ul * 2, len(ul))
ul.extend(UserList([7])); ul.insert(0, -1); print(ul, ul.pop(), ul.index(2), ul.count(1), ul == [-1, 0, 1, 2, 3])
ul.reverse(); ul.remove(2); print(ul, ul < [5], 3 in ul, ul.copy())
ul += (8,); ul *= 2; print(ul)

us = UserString("Hello")
print(us, repr(us), us + "!", "<" + us, us * 2, us.upper(), us.lower(), us[1:3], len(us), "ell" in us)
print(us.replace("l", "L"), us.split("l"), us.find("l"), us.startswith("He"), us.center(9, "*"), us.zfill(7))
print(us == "Hello", us < "World", us.isalpha(), us.count("l"), us.strip("Ho"), type(us.title()).__name__)
print(UserString(42), int(UserString("12")) + 1, UserString("%s-%s") % (1, 2), hash(us) == hash("Hello"))
