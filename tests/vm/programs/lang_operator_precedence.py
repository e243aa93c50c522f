# Operator precedence and associativity, unary operators, and the corners
# (power binds tighter than unary minus on its left, not on its right).
print(-2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(1 + 2 * 3 - 4 / 2, (1 + 2) * 3, 7 - 3 - 2, 2 * 3 % 4, 2 + 3 % 4)
print(1 << 2 + 1, (1 << 2) + 1, 6 & 3 | 8, 6 & (3 | 8), 1 | 2 ^ 3 & 4)
print(not 1 == 2, not (1 == 2), (not 1) == 2, -~5, ~-5, - - 5, + - + 3)
print(1 < 2 == True, (1 < 2) == True, 3 if 0 else 4 if 1 else 5)
print(True + True * 2, 10 // 3 * 3 + 10 % 3, -7 // 2, -(7 // 2))
print("a" + "b" * 3, [1] * 2 + [3], "x" in "xyz" == True)
print(2 * -3, 2 ** -2 ** 2, -3 % 5, 3 % -5, -(3 % 5))
print(0 or 1 and 2, (0 or 1) and 2, 0 or (1 and 2), 1 and 0 or 3)
print(callable(lambda: 1 if True else 2), (lambda: 1 if True else 2)())
x = 5
print(x > 3 and x < 10 or x == 100, not x > 3 or x == 5)
print(1 + 2 == 3 & 1, (1 + 2 == 3) & 1, 2 ** 0.5 * 2 ** 0.5 == 2.0)
a = b = 1
print(a is b is not None, a == b != 2, 1 in [1] not in [[2]])
print(divmod(-7, 2), -7 / 2, int(-7 / 2), round(-3.5))
print(3 * "ab" [1], ("ab" * 3)[1], [10, 20][-1:], -[1, 2][0])
print(10 - 2 - 3 == (10 - 2) - 3, 2 ** 2 ** 3 == 2 ** (2 ** 3), 100 / 10 / 5)
