# recursion.py: deep and wide Python-to-Python calls: fib, Ackermann,
# Takeuchi and a recursive permutation count. Exercises CALL/RETURN_VALUE,
# frame push and pop, small-int arithmetic and comparisons.
import sys

sys.setrecursionlimit(10000)


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


def tak(x, y, z):
    if y >= x:
        return z
    return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))


def queens(n, row=0, cols=0, diag1=0, diag2=0):
    if row == n:
        return 1
    count = 0
    for c in range(n):
        if cols & (1 << c) or diag1 & (1 << (row + c)) or diag2 & (1 << (row - c + n)):
            continue
        count += queens(n, row + 1, cols | (1 << c), diag1 | (1 << (row + c)), diag2 | (1 << (row - c + n)))
    return count


def main(scale):
    print("fib", fib(20 + scale))
    print("ack", ack(2, 200 * scale), ack(3, 4 + (scale > 2)))
    print("tak", tak(12 + scale, 8, 4))
    print("queens", queens(5 + scale))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
