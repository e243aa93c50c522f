# **kwargs preserve the order of the call; dict() and dict displays keep
# insertion order; keyword names can be any identifier, even non-ASCII.
def collect(**kwargs):
    return list(kwargs)

print(collect(z=1, a=2, m=3))
print(collect(**{"b": 1}, a=2, **{"c": 3}))
print(collect(ñ=1, λ=2, _private=3))

def forward(*args, **kwargs):
    return collect(**kwargs), args

print(forward(1, 2, y=1, x=2))

def keyword_named_self(self, **kw):
    return self, kw

print(keyword_named_self(1, other=2))
try:
    keyword_named_self(1, self=2)
except TypeError as e:
    print("TypeError:", e)
print(collect(**{"not an identifier": 1, "1x": 2}))
d = dict(c=3, a=1)
d["b"] = 2
print(list(d), list({**d, "a": 0}))
del d["c"]
d["c"] = 3
print(list(d))

def f(a, **kw):
    kw["added"] = True
    return kw

orig = {"x": 1}
print(f(0, **orig), orig)
