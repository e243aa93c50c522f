# match against a small expression tree: recursive evaluation with class
# patterns, nested sequence patterns and keyword sub-patterns.
class Num:
    __match_args__ = ("value",)
    def __init__(self, value):
        self.value = value

class BinOp:
    __match_args__ = ("op", "left", "right")
    def __init__(self, op, left, right):
        self.op, self.left, self.right = op, left, right

class Neg:
    __match_args__ = ("operand",)
    def __init__(self, operand):
        self.operand = operand

def evaluate(node):
    match node:
        case Num(value):
            return value
        case Neg(Neg(inner)):
            return evaluate(inner)
        case Neg(operand):
            return -evaluate(operand)
        case BinOp("+", left, right):
            return evaluate(left) + evaluate(right)
        case BinOp("*", Num(0), _) | BinOp("*", _, Num(0)):
            return 0
        case BinOp("*", left, right):
            return evaluate(left) * evaluate(right)
        case BinOp(op=op):
            raise ValueError(f"unknown operator {op!r}")

def show(node):
    match node:
        case Num(v):
            return str(v)
        case Neg(x):
            return f"-{show(x)}"
        case BinOp(op, l, r):
            return f"({show(l)} {op} {show(r)})"

tree = BinOp("+", Num(2), BinOp("*", Num(3), Neg(Neg(Num(4)))))
print(show(tree), "=", evaluate(tree))
print(evaluate(BinOp("*", Num(0), BinOp("/", Num(1), Num(0)))))
try:
    evaluate(BinOp("/", Num(1), Num(2)))
except ValueError as e:
    print("ValueError:", e)
print(evaluate(Neg(BinOp("+", Num(1), Num(1)))))
