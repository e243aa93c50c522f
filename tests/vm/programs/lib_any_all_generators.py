# any/all with generator expressions over real data: validation rules, early exit counting, nested checks.
rows = [
    {"id": 1, "name": "ann", "tags": ["a", "b"], "score": 90},
    {"id": 2, "name": "", "tags": [], "score": 0},
    {"id": 3, "name": "cy", "tags": ["c"], "score": 75},
]
print(all(r["id"] > 0 for r in rows), any(not r["name"] for r in rows), all(r["tags"] for r in rows))
print(any(r["score"] >= 90 for r in rows), all(isinstance(r["score"], int) for r in rows))
print([r["id"] for r in rows if all(r.values())], [r["id"] for r in rows if any(t == "c" for t in r["tags"])])
checks = 0


def positive(n):
    global checks
    checks += 1
    return n > 0


print(all(positive(n) for n in [3, 2, -1, 5, 6]), checks)
checks = 0
print(any(positive(n) for n in [-3, -2, 1, 5, 6]), checks)
matrix = [[1, 2], [3, 0], [5, 6]]
print(all(all(row) for row in matrix), any(all(row) for row in matrix), all(any(row) for row in matrix))
print(all([]), any([]), all([[]]), any([[]]), all(iter(())), any(x for x in ()))
words = ["alpha", "beta", "gamma"]
print(all(w.isalpha() and w.islower() for w in words), any(len(w) > 4 and w.endswith("a") for w in words))
gen = (n for n in range(10))
print(any(n > 3 for n in gen), next(gen), list(gen))
print(all(map(str.isdigit, ["1", "22", "x"])), any(map(bool, [0, "", None])), all(filter(None, [0, 1, 2])))
all(r["missing"] for r in rows)
