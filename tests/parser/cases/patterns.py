# patterns.py: every pattern kind of the match statement.
match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case Point(x=0, y=0):
        pass
    case Point(1, 2, z=3):
        pass
    case [Point(x=0, y=0), *_]:
        pass
    case {"x": x, "y": y, **rest}:
        pass
    case {1: _, "a": [1, 2]}:
        pass
    case 1 | 2 | 3:
        pass
    case -1 | 1.5 | -2j | 1 + 2j | -1 - 2j:
        pass
    case "s" "t" | b"b" | None | True | False:
        pass
    case a.b.c:
        pass
    case (1, 2) | (3, 4, *rest) | []:
        pass
    case (x) if x > 0:
        pass
    case str() as s:
        pass
    case _:
        pass
match = case = _ = 1
match(x)
print(match, case)
