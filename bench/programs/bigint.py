# bigint.py: arbitrary-precision integers: factorials, digits of pi by
# Gibbons' unbounded spigot, big Fibonacci numbers by fast doubling, and
# modular exponentiation. Checksums are digit sums so output stays short.
import sys


def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def pi_digits(count):
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    digits = []
    while len(digits) < count:
        if 4 * q + r - t < n * t:
            digits.append(n)
            q, r, n = 10 * q, 10 * (r - n * t), (10 * (3 * q + r)) // t - 10 * n
        else:
            q, r, t, k, n, l = q * k, (2 * q + r) * l, t * l, k + 1, (q * (7 * k + 2) + r * l) // (t * l), l + 2
    return digits


def fib_pair(n):
    # (F(n), F(n+1)) by fast doubling.
    if n == 0:
        return 0, 1
    a, b = fib_pair(n >> 1)
    c = a * (2 * b - a)
    d = a * a + b * b
    if n & 1:
        return d, c + d
    return c, d


def digit_sum(x):
    return sum(int(ch) for ch in str(x))


def main(scale):
    f = factorial(400 * scale)
    print("factorial", f.bit_length(), f % 1000000007)
    digits = pi_digits(250 * scale)
    print("pi", "".join(map(str, digits[:30])), sum(digits))
    total = 0
    for n in range(1, 200 * scale):
        total ^= fib_pair(n * 37)[0] & 0xFFFFFFFF
    print("fib", total)
    print("fibdigits", digit_sum(fib_pair(3000 * scale)[0]))
    m = (1 << 127) - 1
    acc = 0
    for i in range(1, 300 * scale):
        acc = (acc + pow(i, m - 2, m)) % m
    print("pow", acc)


main(int(sys.argv[1]) if len(sys.argv) > 1 else 4)
