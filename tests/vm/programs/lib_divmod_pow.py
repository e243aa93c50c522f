# divmod and pow: signs, floats, three-argument pow and negative exponents.
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (10**20, 7), (-10**20, 7)]:
    print(a, b, divmod(a, b), a // b, a % b)
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (1e300, 1e-300), (-0.0, 1.0)]:
    print(a, b, divmod(a, b))
print(divmod(True, 2), divmod(5, True))
print(pow(2, 10), pow(2, -1), pow(-2, 3), pow(2.0, 0.5), pow(0, 0), pow(0.0, 0))
print(pow(2, 100), pow(-1, 10**9 + 1), pow(10, -3))
print(pow(3, 4, 5), pow(3, 200, 1000), pow(-3, 3, 7), pow(3, 3, -7))
print(pow(3, -1, 7), pow(38, -1, 97), pow(2, -3, 9))
print(pow(base=2, exp=5), pow(2, 5, mod=3), pow(2, 5, None))
print(pow(-8, 1 / 3))
print(pow(1, 10**20, 7), pow(12345678901234567890, 98765, 10**9 + 7))

attempts = [
    lambda: divmod(1, 0),
    lambda: divmod(1.0, 0),
    lambda: divmod(1, 0.0),
    lambda: divmod("a", 1),
    lambda: pow(2, 3, 0),
    lambda: pow(2, -1, 4),
    lambda: pow(2.0, 3, 5),
    lambda: pow(0, -1),
    lambda: pow(0.0, -1),
    lambda: pow(2, 1.5, 3),
    lambda: pow("a", 2),
    lambda: pow(10.0, 400),
    lambda: divmod(1j, 2),
]
for attempt in attempts:
    try:
        print(attempt())
    except Exception as e:
        print(type(e).__name__, e)
print(pow(-8.0, 1 / 3).real < 0 or True, type(pow(-8, 0.5)).__name__)
print(pow(2, 3, 1), pow(7, 0, 1), pow(7, 0, 5))
