# Sorting with multi-level keys, mixed reverse via negation, key errors mid-sort, and sort of sort results.
inventory = [
    {"name": "bolt", "kind": "hw", "qty": 100, "price": 0.1},
    {"name": "nut", "kind": "hw", "qty": 100, "price": 0.05},
    {"name": "glue", "kind": "chem", "qty": 5, "price": 3.5},
    {"name": "tape", "kind": "misc", "qty": 12, "price": 2.0},
    {"name": "oil", "kind": "chem", "qty": 5, "price": 7.25},
]
by_kind_then_price_desc = sorted(inventory, key=lambda it: (it["kind"], -it["price"]))
print([it["name"] for it in by_kind_then_price_desc])
by_qty_desc_name = sorted(inventory, key=lambda it: (-it["qty"], it["name"]))
print([it["name"] for it in by_qty_desc_name])
staged = sorted(inventory, key=lambda it: it["name"])
staged.sort(key=lambda it: it["qty"], reverse=True)
print([it["name"] for it in staged])
print(sorted(inventory, key=lambda it: it["qty"] * it["price"])[-1]["name"])
ranks = {"hw": 0, "misc": 1, "chem": 2}
print([it["name"] for it in sorted(inventory, key=lambda it: ranks[it["kind"]])])
try:
    sorted(inventory, key=lambda it: it["weight"])
except KeyError as e:
    print(type(e).__name__, e)
try:
    sorted(inventory)
except TypeError as e:
    print(type(e).__name__, e)
values = [("b", 2), ("a", 2), ("c", 1)]
print(sorted(values, key=lambda t: t[1]), sorted(values, key=lambda t: t[1], reverse=True))
print(sorted(sorted(values), key=lambda t: t[1]), sorted(values, key=lambda t: (t[1], t[0])))
print(sorted([3, 1, 2], key=None), sorted("bca", reverse=False), sorted([[3], [1, 2], []], key=len))
sorted(inventory, key=lambda it: it["price"] if it["qty"] > 10 else str(it["price"]))
