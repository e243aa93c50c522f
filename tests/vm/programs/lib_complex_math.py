# complex arithmetic corners: division, powers, conjugates, mixed-type equality, and attribute immutability.
a = 3 + 4j
b = 1 - 2j
print(a + b, a - b, a * b, a / b, a ** 2, b ** -1, a * a.conjugate(), (a * a.conjugate()).real)
print(abs(a) == 5, a.real + a.imag, complex(a.imag, a.real), a == complex(3, 4), a != 3)
print(1j ** 2 == -1, (1 + 1j) ** 4, (2 + 0j) ** 10, 4 ** 0.5j == 4 ** 0.5j, 0j ** 0)
print(a / 2, a // 1 if False else "no floor div", -a, +a, a * 0, 0 * a, a - a)
print(complex(1e308, 1e308) * 10, complex(0.0, -0.0).imag, (-1) ** 0.5, pow(-8, 1 / 3))
print(round(abs(complex(1, 1)), 10), (1 + 2j).__eq__(1 + 2j), (1 + 0j).__eq__(1), (1j).__ne__(1))
for expr in (lambda: a < b, lambda: a % 2, lambda: divmod(a, 2), lambda: a // b, lambda: int(a),
             lambda: 0j / 0j, lambda: 0 ** (1j - 1)):
    try:
        print(expr())
    except Exception as e:
        print(type(e).__name__, e)
try:
    a.real = 5
except AttributeError as e:
    print(type(e).__name__, e)
print({1 + 0j: "one"}.get(1), {1: "x"}.get(1 + 0j), 1 + 0j in {1}, hash(2 + 0j) == hash(2.0))
print(sum([1 + 1j] * 3), [x.imag for x in (1j, 2, 3.5)], complex("1e3-2.5e-1j"), complex("infj"))
a.imag = 0
