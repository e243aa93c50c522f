# Chained assignment: the value is evaluated once and assigned to the
# targets left to right, which matters when targets depend on each other.
def value():
    print("  value() evaluated")
    return [0, 0]

a = b = value()
print(a is b)
x = [0, 0, 0]
i = 0
i = x[i] = 2
print(i, x)
node = {}
node = node["self"] = {}
print(node)
lst = lst2 = []
lst += [1]
print(lst2)

class Log:
    def __setattr__(self, name, v):
        print("  set", name, "=", v)
        object.__setattr__(self, name, v)

o = Log()
o.first = o.second = "shared"
p, q = r = (1, 2)
print(p, q, r)
