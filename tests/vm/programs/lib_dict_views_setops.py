# Set algebra on dict views against sets, lists, other views and generators; results are plain sets.
inv_a = {"apple": 3, "pear": 0, "fig": 7}
inv_b = {"fig": 1, "kiwi": 2, "apple": 3}
ka, kb = inv_a.keys(), inv_b.keys()
print(sorted(ka & kb), sorted(ka | kb), sorted(ka - kb), sorted(ka ^ kb), type(ka & kb).__name__)
print(sorted(ka & ["fig", "x"]), sorted(ka | ("z",)), sorted(ka - (k for k in ["pear"])), sorted(["apple"] & ka) if False else sorted({"apple"} & ka))
ia, ib = inv_a.items(), inv_b.items()
print(sorted(ia & ib), sorted(ia - ib), sorted(ia ^ ib)[:2], ("apple", 3) in ia, ("apple", 4) in ia)
print(ka == {"apple", "pear", "fig"}, ka != kb, ka < (ka | {"new"}), ka >= {"fig"}, ka.isdisjoint(["kiwi"]), kb.isdisjoint(["x"]))
print(ia == {("apple", 3), ("pear", 0), ("fig", 7)}, ia.isdisjoint(ib))
vals = inv_a.values()
for op in (lambda: vals & {1}, lambda: vals == vals, lambda: vals == list(vals)):
    try:
        print(op())
    except TypeError as e:
        print(type(e).__name__, e)
unhashable_items = {"k": [1]}.items()
try:
    unhashable_items & {("k", 1)}
except TypeError as e:
    print(type(e).__name__, e)
print(("k", [1]) in unhashable_items, list(unhashable_items), len(unhashable_items))
inv_a["grape"] = 5
print(sorted(ka - kb), len(ka), "grape" in ka)
common = {k: (inv_a[k], inv_b[k]) for k in ka & kb}
print(sorted(common.items()))
ka & 5
