match command.split():
    case [action]:
        print(action)
    case [action, obj]:
        print(action, obj)
    case ["go", *rest]:
        print(rest)
    case [first, *_, last]:
        print(first, last)
    case [*_]:
        pass
    case {"x": x, "y": y, **rest}:
        print(x, y, rest)
    case {"k": 1}:
        pass
    case {}:
        pass
    case Point(x=0, y=0):
        print("origin")
    case Point(1, y=yy) as p:
        print(p, yy)
    case 1 | 2 | 3:
        pass
    case (a, b) | [b, a]:
        print(a, b)
    case None:
        pass
    case True:
        pass
    case Color.RED:
        pass
    case 1.5 | "s" | b"b":
        pass
    case x if x > 0:
        print(x)
    case _:
        print("default")

def f(v):
    match v:
        case [x, y, *z]:
            return x
        case str() | bytes():
            return 1
    match v:
        case _:
            pass
