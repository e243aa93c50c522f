# Evaluation order: operands left to right, call arguments, keyword
# arguments, dict displays (key before value), assignment (value before
# targets), subscript targets, and comparisons.
log = []

def t(label, value=None):
    log.append(label)
    return label if value is None else value

def show(title):
    print(title, log)
    log.clear()

t("a", 1) + t("b", 2) * t("c", 3)
show("binary ops:")

def f(*args, **kwargs):
    return None

f(t("p1"), t("p2"), k1=t("k1"), *[t("star")], k2=t("k2"), **{"k3": t("dstar")})
show("call args:")
{t("k1"): t("v1"), t("k2"): t("v2")}
show("dict display:")
d = {}
d[t("key")] = t("value")
show("subscript assignment:")
x = [0, 0]
x[t("index", 0)], x[t("index2", 1)] = t("rhs1", 5), t("rhs2", 6)
show("tuple assignment:")
t("obj", d)[t("k")] = t("v")
show("obj subscript:")
t("x", 1) < t("y", 2) < t("z", 3)
show("comparison chain:")
[t("e1"), *[t("e2")], t("e3")]
show("list display:")
t("cond", True) and t("rhs")
show("and:")
t("callee", f)(t("arg"))
show("callee first:")
getattr(t("target", d), t("attrname", "get"))(t("k", "missing"))
show("getattr:")
t("base", 2) ** t("exp", 3)
show("power:")
(t("lhs", [1]) if t("test", False) else t("other", [2]))[t("idx", 0)]
show("conditional:")
s = [1, 2, 3]
s[t("lo", 0):t("hi", 2)] = [t("new")]
show("slice assignment:")
