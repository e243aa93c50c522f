# format(): the builtin with ints, floats, strings and custom __format__.
print(format(42), format(42, ""), format(42, "d"), format(42, "5d"), format(42, "<5") + "|")
print(format(255, "x"), format(255, "#X"), format(255, "o"), format(255, "#b"), format(-255, "#x"))
print(format(1234567, ","), format(1234567, "_"), format(1234567890, "_x"))
print(format(3.14159, ".2f"), format(3.14159, "e"), format(3.14159, ".3g"), format(0.5, "%"))
print(format("hi", "^10") + "|", format("hi", "*>6"), format("hello", ".3"))
print(format(True), format(True, "d"), format(None), format([1, 2]))
print(format(12, "+"), format(-12, " "), format(12, " "), format(12, "=+6"), format(12, "06"))


class Temp:
    def __init__(self, c):
        self.c = c

    def __format__(self, spec):
        if spec == "F":
            return f"{self.c * 9 / 5 + 32:.1f}F"
        return f"{self.c}C"


t = Temp(100)
print(format(t), format(t, "F"), f"{t:F} and {t}")


class Bad:
    def __format__(self, spec):
        return 42


for args in [(1, "z"), ("s", "d"), (1.5, "d"), (object(), "x"), (Bad(), ""), (1, 5), ([1], "<5")]:
    try:
        print(format(*args))
    except Exception as e:
        print(type(e).__name__, e)
print(format(object.__new__(object), "") [:8])
print(format(10**30, ","), format(-0.0), format(float("inf"), "10.2f"))
