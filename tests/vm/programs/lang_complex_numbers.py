# Complex numbers: literals, arithmetic, attributes, repr of special
# values, comparisons and errors.
z = 3 + 4j
w = complex(1, -2)
print(z, w, z + w, z - w, z * w, z / w, -z, +z, z ** 2)
print(z.real, z.imag, z.conjugate(), abs(z), z == 3 + 4j, z != w)
print(complex("1+2j"), complex("-j"), complex(" (3-1j) "), complex(5), complex(), 1j * 1j)
print(repr(complex(0, -0.0)), repr(complex(-0.0, 0)), repr(1e300j * 1e10), repr(complex("nan+nanj")))
print(hash(1 + 0j) == hash(1), 2 + 0j == 2, (1j).imag, type(1j).__name__)
print(0j ** 0, (1 + 1j) ** 0, pow(1j, 2), 2 ** 1j)
print(f"{z}", f"{z:.2f}", f"{w:>20}", format(1.5 - 2.25j, "g"))
for thunk, label in [(lambda: z < w, "z < w"), (lambda: 1j / 0, "1j / 0"), (lambda: int(z), "int(z)"),
                     (lambda: complex("1+2"), "complex('1+2')"), (lambda: 0j ** -1, "0j ** -1"),
                     (lambda: z % 2, "z % 2"), (lambda: complex("x"), "complex('x')")]:
    try:
        print(label, thunk())
    except (TypeError, ZeroDivisionError, ValueError) as e:
        print(label, type(e).__name__ + ":", e)
print(sum([1j, 2, 3.5]), bool(0j), bool(1e-300j), complex(True, False))
