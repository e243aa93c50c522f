# match value patterns: dotted names compared with ==, custom __eq__,
# float/int equality, and constants looked up at match time.
class Status:
    OK = 200
    NOT_FOUND = 404
    TEAPOT = 418.0

class Loose:
    def __eq__(self, other):
        print("  __eq__ called with", other)
        return other == "anything"

class Holder:
    loose = Loose()

def check(code):
    match code:
        case Status.OK:
            return "ok"
        case Status.NOT_FOUND:
            return "missing"
        case Status.TEAPOT:
            return "teapot"
        case Holder.loose:
            return "loose matched"
        case _:
            return "other"

for c in [200, 200.0, 404, 418, "anything", "x"]:
    print(repr(c), "->", check(c))
Status.OK = 201
print(check(201), check(200))
match 1:
    case True:
        print("never: True is compared by identity")
    case 1:
        print("1 matches 1")
match 0.0:
    case 0:
        print("0.0 == 0 matches")
match -0.0:
    case -0.0:
        print("negative zero literal")
