# Comprehensions as nested functions; assignment expressions binding in
# the enclosing function; match captures.
def f(data):
    total = [(last := item) for item in data if item]
    pairs = {k: v for k, v in data.items()}
    nested = [[i * j for j in range(i)] for i in range(3)]
    gen = (w for w in (u for u in data))
    return total, last, pairs, nested, gen


def g(command):
    match command:
        case ["go", direction] if direction:
            return direction
        case {"action": act, **rest}:
            return act, rest
        case (Point(x=0, y=yy) as point) | [point, yy]:
            return point, yy
        case [*_, tail]:
            return tail
        case _:
            return None
