# Recursion: deep but legal recursion, mutual recursion, RecursionError
# caught and the program continuing, recursion limit introspection.
import sys

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

print(depth(500))

def is_even(n):
    return True if n == 0 else is_odd(n - 1)

def is_odd(n):
    return False if n == 0 else is_even(n - 1)

print(is_even(100), is_odd(77))

def forever(n):
    return forever(n + 1)

try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)
print(sys.getrecursionlimit())

def hanoi(n, src, dst, via, moves):
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append((src, dst))
        hanoi(n - 1, via, dst, src, moves)
    return moves

print(len(hanoi(10, "A", "C", "B", [])), hanoi(2, "A", "C", "B", []))

class Node:
    def __init__(self, child=None):
        self.child = child
    def __repr__(self):
        return f"Node({self.child!r})"

chain = None
for _ in range(5):
    chain = Node(chain)
print(chain)
loop = []
loop.append(loop)
print(loop, {"self": None})
d = {}
d["d"] = d
print(d)

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

print(ackermann(2, 3))
try:
    forever(0)
except RecursionError:
    print("caught a second time")
