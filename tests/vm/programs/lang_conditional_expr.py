# Conditional expressions: laziness, nesting, precedence with lambda and comprehensions.
def side(msg, value):
    print("  eval", msg)
    return value

print(side("then", 1) if side("cond", True) else side("else", 2))
print(side("then", 1) if side("cond", 0) else side("else", 2))

def sign(n):
    return "neg" if n < 0 else "zero" if n == 0 else "pos"

print([sign(n) for n in (-3, 0, 4)])
f = lambda x: x * 2 if x else -1
print(f(0), f(5))
print([x if x % 2 else -x for x in range(5) if x != 3])
value = (1 if False else 2) + 10
print(value)
x = 1 if True else 1 / 0
print(x)
print("yes" if [] else "no", "yes" if [0] else "no")
nested = "a" if 1 > 2 else ("b" if 2 > 3 else "c")
print(nested)
try:
    print(1 if undefined_name else 2)
except NameError as e:
    print("NameError:", e)
