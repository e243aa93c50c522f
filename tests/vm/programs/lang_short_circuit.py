# and/or return an operand (not a bool) and evaluate the right side only when needed.
log = []

def t(name, value):
    log.append(name)
    return value

print(t("a", 0) and t("b", 1), log); log.clear()
print(t("a", 2) and t("b", 3), log); log.clear()
print(t("a", "") or t("b", "x"), log); log.clear()
print(t("a", [1]) or t("b", None), log); log.clear()
print(t("a", 0) or t("b", 0) or t("c", 0), log); log.clear()
print(t("a", 1) and t("b", 0) or t("c", "z"), log); log.clear()
print(not t("a", []), log); log.clear()
print(None or [] or {} or 0 or "", repr(None and 1))
print(1 and 2 and 3, 0 or 0.0 or 0j)

class Truth:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        log.append(f"bool({self.v})")
        return self.v
    def __repr__(self):
        return f"Truth({self.v})"

print(Truth(True) and Truth(False), log); log.clear()
print(Truth(False) or Truth(True), log); log.clear()
if Truth(True) and Truth(True):
    print("both", log); log.clear()

class Sized:
    def __len__(self):
        return 0

print(bool(Sized()), Sized() or "empty")

class BadBool:
    def __bool__(self):
        return 2

try:
    if BadBool():
        pass
except TypeError as e:
    print("TypeError:", e)

class LenNeg:
    def __len__(self):
        return -1

try:
    not LenNeg()
except ValueError as e:
    print("ValueError:", e)
x = 0
result = x != 0 and 10 / x
print(result)
