# complex: construction, arithmetic, repr, attributes, comparisons and errors.
z = complex(3, 4)
print(z, z.real, z.imag, abs(z), z.conjugate(), -z, +z, repr(1j), repr(-1j), repr(complex(-0.0, -0.0)))
print(complex("1+2j"), complex(" 3-4J "), complex("j"), complex("-1.5e3j"), complex("(2+3j)"), complex(2), complex())
print(complex(1, 2) + 1, 2 * complex(1, 2), complex(1, 2) * complex(3, -1), complex(1, 2) / complex(0, 1))
print((1 + 2j) ** 2, (1j) ** 2, 2 ** 1j == 2 ** 1j, (1 + 1j) ** 0, (1 + 2j) - (1 + 2j), 1j * 1j == -1)
print(complex(1.5, -0.0), complex(float("inf"), float("nan")), repr(complex(0, float("inf"))), 1e300j * 1e300)
print(1 + 2j == complex(1, 2), 1 + 0j == 1, (1 + 0j) == 1.0, hash(1 + 0j) == hash(1), 2j != 2)
print(complex(1, 2).__repr__(), str(3 + 0j), repr(0j), repr(-0j), repr(1e20 + 1e-20j))
print(complex(complex(1, 2), complex(3, 4)), complex(real=1, imag=2), complex(True, False))
attempts = [
    lambda: 1j < 2j,
    lambda: complex("1+2"),
    lambda: complex("abc"),
    lambda: complex("1", 2),
    lambda: complex(1, "2"),
    lambda: complex(None),
    lambda: 1j / 0,
    lambda: 1j // 1,
    lambda: 1j % 1,
    lambda: int(1j),
    lambda: float(1 + 0j),
    lambda: 0j ** -1,
    lambda: complex("1 + 2j"),
    lambda: round(1j),
]
for attempt in attempts:
    try:
        print(attempt())
    except Exception as e:
        print(type(e).__name__, e)


class C:
    def __complex__(self):
        return 5j


print(complex(C()), complex(C()) * 2, abs(3 + 4j) == 5.0, (3 + 4j).__abs__())
print(sum([1j, 2j, 3]), [1j, 2] == [1j, 2.0], {1j: "i"}[1j], bool(0j), bool(1e-300j))
1j > 0
