# enumerate/zip/dict.items() unpacking in for loops with else, and loop
# variables remaining bound after the loop (or not, for empty loops).
for i, (a, b) in enumerate(zip("abc", [1, 2, 3]), start=1):
    print(i, a, b)
print("after loop:", i, a, b)
for k, v in sorted({"z": 26, "a": 1}.items()):
    pass
print("last pair:", k, v)

def empty_loop():
    for never in []:
        pass
    try:
        return never
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"

print(empty_loop())
for idx, ch in enumerate("hey"):
    if ch == "e":
        break
else:
    idx = -1
print("break at", idx)
totals = {}
for name, score in [("a", 1), ("b", 2), ("a", 3)]:
    totals[name] = totals.get(name, 0) + score
print(totals)
