x: int = 1
y: str
z.attr: int
w[0]: int = 2
(q): int

class C:
    a: int
    b: list = []

def f():
    local: int = 3
    other: str
