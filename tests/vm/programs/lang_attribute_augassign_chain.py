# Augmented assignment through attribute and subscript chains: only the
# last link is re-assigned; the earlier ones are read once.
class Node:
    def __init__(self):
        self.data = {"count": 0, "items": []}
        self.child = None

root = Node()
root.child = Node()
root.child.data["count"] += 5
root.child.data["items"] += ["a"]
root.data["items"] += ("t",)
print(root.child.data, root.data)
matrix = [[1, 2], [3, 4]]
matrix[1][0] *= 10
matrix[0] += [99]
print(matrix)

class Counter:
    total = 0

c = Counter()
c.total += 1
print(c.total, Counter.total, "total" in c.__dict__)
Counter.total += 10
print(c.total, Counter.total)
s = {"k": "ab"}
s["k"] *= 2
print(s)
try:
    root.missing += 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    root.data["nope"] += 1
except KeyError as e:
    print("KeyError:", e)
