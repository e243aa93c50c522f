# match with literal, capture, wildcard, value (dotted) and or-patterns,
# guards, and None/True/False compared by identity.
class Color:
    RED = "red"
    GREEN = "green"

def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case "hello":
            return "greeting"
        case b"bytes":
            return "bytes literal"
        case -1.5:
            return "negative float"
        case 1j:
            return "imaginary"
        case None:
            return "None"
        case True:
            return "True"
        case Color.RED:
            return "the red value"
        case str() as s if len(s) > 5:
            return f"long string {s!r}"
        case n if isinstance(n, int) and n < 0:
            return f"negative int {n}"
        case _:
            return f"something else: {x!r}"

for v in [0, 2, "hello", b"bytes", -1.5, 1j, None, True, 1.0, False, "red", "lengthy", -7, 99, [1]]:
    print(repr(v), "->", describe(v))

def capture(x):
    match x:
        case y:
            return y * 2

print(capture(21))
status = 404
match status:
    case 200 | 201:
        print("ok")
    case 400 | 404 as code:
        print("client error", code)
match "no case matches":
    case "a":
        print("never")
print("fell through")
for src in ["match x:\n    case y:\n        pass\n    case 1:\n        pass\n",
            "match x:\n    case a | 1:\n        pass\n",
            "match x:\n    case [a, a]:\n        pass\n"]:
    try:
        compile(src, "<m>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
