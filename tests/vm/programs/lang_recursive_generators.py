# Recursive generators: permutations, tree walks with yield from, and a
# deep recursive generator chain hitting the recursion limit.
def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i, head in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield [head] + rest

print(["".join(p) for p in permutations("abc")])

def walk(tree, depth=0):
    name, children = tree
    yield "  " * depth + name
    for child in children:
        yield from walk(child, depth + 1)

tree = ("root", [("a", [("a1", []), ("a2", [])]), ("b", [("b1", [("b1x", [])])])])
print("\n".join(walk(tree)))

def countdown(n):
    if n:
        yield n
        yield from countdown(n - 1)

print(sum(countdown(100)))

def endless(n):
    yield from endless(n + 1)

try:
    next(endless(0))
except RecursionError as e:
    print("RecursionError:", e)
print(list(countdown(3)))
