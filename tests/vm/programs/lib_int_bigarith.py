# Big int arithmetic: huge products, powers, floor division and modulo signs, shifts, bit ops.
a = 2**200 + 12345
b = 3**90 - 7
print(a + b, a - b, b - a)
print(a * b)
print(a // b, a % b, -a // b, -a % b, a // -b, a % -b)
q, r = divmod(a, b)
print(q * b + r == a, 0 <= r < b)
print(a ** 3 % 10**20, pow(a, 5, b), (-a) ** 3 < 0)
print(a << 100, a >> 150, (-a) >> 150, -1 >> 1000, 1 << 0, (-a) << 3)
print(a & b, a | b, a ^ b, ~a, -a & 0xFFFF, (-a) | 1, (-a) ^ (-b))
print(factorial := 1)
for i in range(1, 60):
    factorial *= i
print(factorial, len(str(factorial)), factorial % (10**9 + 7))
fib = [0, 1]
for _ in range(300):
    fib.append(fib[-1] + fib[-2])
print(fib[-1], fib[-1] % 1000000, fib[-1].bit_length())
print(10**50 // 3, -(10**50) // 3, 10**50 % 7, -(10**50) % 7, 10**50 // -(10**25))
print(a == a + 0, a > b, -a < -b, a != b, a / b, 10**400 // 10**399, (10**20) / 3)
print(int(a / 2**100), int(1e30), int(-1e30), int(float(2**80)) == 2**80)
print(abs(-a) == a, -(-a) == a, +a == a, bool(a - a), hash(a) == hash(a + 0))
for expr in (lambda: a / 0, lambda: a // 0, lambda: a % 0, lambda: 1 << -1, lambda: a >> -2,
             lambda: 2.0 ** 10**6, lambda: 10**400 / 1, lambda: float(10**400), lambda: 1 << 2**100):
    try:
        print(expr())
    except Exception as e:
        print(type(e).__name__, e)
print(sum(range(10**6)) * 10**30, max(a, b) - min(a, b) == abs(a - b))
print(12345678901234567890 * 98765432109876543210 // 1234567890123)
x = 7 ** 77
print(x, x.bit_length(), str(x)[::-1][:10])
