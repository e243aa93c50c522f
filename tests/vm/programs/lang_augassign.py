# Augmented assignment on names, attributes and subscripts; evaluation order
# and in-place versus rebinding semantics.
trace = []

class Obj:
    def __init__(self):
        self.__dict__["n"] = 10

    def __getattr__(self, name):
        trace.append(("getattr", name))
        raise AttributeError(name)

    def __setattr__(self, name, value):
        trace.append(("setattr", name, value))
        object.__setattr__(self, name, value)

class Seq:
    def __init__(self):
        self.data = {"k": 1}

    def __getitem__(self, key):
        trace.append(("getitem", key))
        return self.data[key]

    def __setitem__(self, key, value):
        trace.append(("setitem", key, value))
        self.data[key] = value

def key():
    trace.append("key()")
    return "k"

o = Obj()
o.n += 5
print(o.n, trace)
trace.clear()
s = Seq()
s[key()] *= 7
print(s.data, trace)
trace.clear()

a = [1, 2]
b = a
a += [3]
print(a, b, a is b)
t = (1, 2)
u = t
t += (3,)
print(t, u, t is u)
n = 7
n //= 2; print(n)
n **= 3; print(n)
n %= 5; print(n)
n <<= 4; print(n)
n >>= 1; print(n)
n |= 1; print(n)
n &= 0b1101; print(n)
n ^= 0xff; print(n)
f = 1.5
f -= 0.25; print(f)
f /= 4; print(f)
st = "ab"
st *= 3; print(st)

class Acc:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, other):
        self.v += other
        return self
    def __repr__(self):
        return f"Acc({self.v})"

acc = Acc(1)
alias = acc
acc += 41
print(acc, alias, acc is alias)
tup = ([1],)
try:
    tup[0] += [2]
except TypeError as e:
    print("TypeError:", e)
print(tup)
try:
    missing += 1
except NameError as e:
    print("NameError:", e)
