# The gc module's API: tracking as CPython decides it, thresholds, counts,
# debug flags, freeze, referrers/referents, and the argument errors.
import gc


class C:
    pass


def f():
    pass


def g():
    yield 1


objects = [
    ("()", ()), ("(1, 2)", (1, 2)), ("(1, [])", (1, [])), ("{}", {}), ("{1: 2}", {1: 2}),
    ("{1: []}", {1: []}), ("dict()", dict()), ("[]", []), ("set()", set()), ("frozenset()", frozenset()),
    ("class", C), ("instance", C()), ("function", f), ("generator", g()), ("int", 1), ("str", "s"),
    ("None", None), ("bound method", C().__init__), ("type", type), ("builtin", print),
    ("lambda", lambda: 1), ("list iterator", iter([])), ("slice", slice(1, 2)), ("range", range(3)),
    ("bytes", b"x"), ("float", 1.5), ("object()", object()),
]
for name, obj in objects:
    print(name, gc.is_tracked(obj))

t = tuple([1, 2])
print("tuple of atoms before a collection:", gc.is_tracked(t))
gc.collect()
print("after:", gc.is_tracked(t))
nested = tuple([(1, 2), "x"])
gc.collect()
print("tuple of untracked tuples:", gc.is_tracked(nested))
d = {"a": 1}
d2 = {"a": []}
print("dicts:", gc.is_tracked(d), gc.is_tracked(d2))
d["b"] = [1]
print("after inserting a list:", gc.is_tracked(d))
d2["a"] = 1
gc.collect(0)
print("young collections keep dicts tracked:", gc.is_tracked(d2))
gc.collect()
print("a full collection untracks them:", gc.is_tracked(d2))
print("copy of a tracked dict:", gc.is_tracked(dict(d)), gc.is_tracked({**d}))


class DictSub(dict):
    pass


print("dict subclass:", gc.is_tracked(DictSub()))

print("threshold:", gc.get_threshold())
gc.set_threshold(500)
print("set 500:", gc.get_threshold())
gc.set_threshold(700, 11, 12)
print("set all:", gc.get_threshold())
gc.set_threshold(700, 10, 10)
print("count is a 3-tuple:", len(gc.get_count()), gc.isenabled())
gc.disable()
print("disabled:", gc.isenabled())
gc.enable()
print("enabled:", gc.isenabled())
print("debug flags:", gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL,
      gc.DEBUG_LEAK)
gc.set_debug(gc.DEBUG_SAVEALL)
print("get_debug:", gc.get_debug())
gc.set_debug(0)

gc.collect()
gc.freeze()
print("frozen some:", gc.get_freeze_count() > 0, "gen 2 after freeze:", len(gc.get_objects(2)))
gc.unfreeze()
print("after unfreeze:", gc.get_freeze_count())

target = ["target"]
holder1 = [target]
holder2 = {"k": target}
refs = gc.get_referrers(target)
print("referrers:", any(r is holder1 for r in refs), any(r is holder2 for r in refs))
print("referents:", gc.get_referents([1, "a"], (3,), 5))
print("referents of a dict:", sorted(map(str, gc.get_referents({(1,): "v"}))))
mine = [1, 2]
print("get_objects finds a new list:", any(o is mine for o in gc.get_objects()))
print("get_objects(0) is a list:", type(gc.get_objects(0)).__name__)
print("get_objects(None) works:", type(gc.get_objects(generation=None)).__name__)

for call in [
    "gc.collect(3)", "gc.collect('x')", "gc.collect(1, 2)", "gc.collect(-1)", "gc.collect(generation=5)",
    "gc.collect(2**70)", "gc.collect(gen=1)", "gc.set_threshold()", "gc.set_threshold(1, 2, 3, 4)",
    "gc.set_threshold('a')", "gc.set_threshold(1.5)", "gc.set_threshold(2**40)", "gc.set_threshold(-2**40)",
    "gc.get_objects(3)", "gc.get_objects(-2)", "gc.get_objects('a')", "gc.set_debug()", "gc.set_debug('a')",
    "gc.is_tracked()", "gc.get_count(1)", "gc.enable(1)", "gc.is_finalized(1, 2)", "gc.freeze(1)",
    "gc.get_stats(1)",
]:
    try:
        print(call, eval(call))
    except Exception as e:
        print(call, type(e).__name__, e)
gc.set_threshold(700, 10, 10)
print(sorted(x for x in dir(gc) if not x.startswith("__")))
