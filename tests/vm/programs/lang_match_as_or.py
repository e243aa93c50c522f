# match: as-patterns at every level, or-patterns binding the same names,
# guards seeing bindings, and bindings left behind by a failed guard.
def classify(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"move {direction}"
        case ["take", *items] if items:
            return f"take {len(items)} item(s): {', '.join(items)}"
        case [("quit" | "exit" | "q") as word]:
            return f"bye ({word})"
        case [("look" | "l"), *_] as whole:
            return f"look ({len(whole)} words)"
        case [verb, *_] if verb.startswith("x"):
            return f"examine-ish {verb}"
        case []:
            return "empty command"
        case other:
            return f"unknown {other}"

for c in ["go north", "go up", "take lamp key", "take", "q", "look around here", "xray", "", "dance now"]:
    print(repr(c), "->", classify(c))

def point(p):
    match p:
        case (0, y) | (y, 0):
            return f"on an axis, other coordinate {y}"
        case (x, y) as pair if x == y:
            return f"diagonal {pair}"
        case _:
            return "elsewhere"

print(point((0, 5)), point((7, 0)), point((3, 3)), point((1, 2)))
value = None
match [1, 2]:
    case [value, 0]:
        pass
    case _:
        pass
print("binding from failed case:", value)
match 42:
    case int() as n if n > 100:
        print("big")
    case int() as n:
        print("bound n =", n)
try:
    compile("match x:\n    case (a | b):\n        pass\n", "<m>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    compile("match x:\n    case [a, *b, *c]:\n        pass\n", "<m>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
