# match: **rest in mapping patterns collects the other keys (a new dict),
# *rest in sequences is always a list, and they survive after the match.
config = {"host": "h", "port": 80, "debug": True, "user": "u"}
match config:
    case {"host": host, "port": port, **rest}:
        print(host, port, rest, type(rest).__name__)
rest["added"] = 1
print("original untouched:", sorted(config))
match (1, 2, 3, 4):
    case (first, *middle, last):
        print(first, middle, last, type(middle).__name__)
match "text":
    case [*chars]:
        print("never: str is not a sequence here")
    case str():
        print("str matched by class pattern")
match {}:
    case {**empty}:
        print("empty mapping rest:", empty)
match [[]]:
    case [[*inner]]:
        print("nested empty star:", inner)
match range(5):
    case [0, 1, *tail]:
        print("range tail:", tail)
