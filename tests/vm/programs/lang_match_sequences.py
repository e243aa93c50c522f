# match sequence patterns: fixed length, star captures, nesting, and the
# rule that str/bytes/bytearray never match sequence patterns.
def shape(x):
    match x:
        case []:
            return "empty"
        case [one]:
            return f"singleton {one}"
        case [first, second]:
            return f"pair {first},{second}"
        case [0, *rest]:
            return f"starts with 0, rest {rest}"
        case [first, *_, last] if first == last:
            return f"same ends {first}"
        case [[a, b], [c, d]]:
            return f"2x2 {a}{b}{c}{d}"
        case (x1, y1, z1):
            return f"triple {x1} {y1} {z1}"
        case [*head, "end"]:
            return f"ends with 'end' after {head}"
        case _:
            return "no match"

for v in [[], [7], (1, 2), [0, 1, 2, 3], [5, 6, 5], [[1, 2], [3, 4]], (9, 8, 7),
          ["a", "b", "c", "end"], "ab", b"xy", [1, 2, 3, 4], range(3), iter([1])]:
    print(repr(v) if not hasattr(v, "__next__") else type(v).__name__, "->", shape(v))

def star_positions(x):
    match x:
        case [*before, 99] if False:
            pass
        case [a, *mid, b]:
            return a, mid, b

print(star_positions(list(range(6))), star_positions("no"))
match (1, [2, (3, 4)]):
    case (a, [b, (c, d)]):
        print("nested", a + b + c + d)
match {"k": [1, 2]}:
    case {"k": [_, second]}:
        print("inside mapping", second)
