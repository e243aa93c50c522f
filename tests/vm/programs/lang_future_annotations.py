# from __future__ import annotations: annotations are kept as strings
# (PEP 563), never evaluated, so undefined names in them are fine.
from __future__ import annotations

def f(a: UndefinedType, b: list[int] = [], *args: tuple[str, ...], **kw: dict[str, "X"]) -> Result | None:
    return a

print(f.__annotations__)

class Node:
    next: Node | None
    value: int = 0
    def link(self, other: Node) -> Node:
        return other

print(Node.__annotations__, Node.link.__annotations__)
x: some.dotted.name[1:2, ...] = 5
print(__annotations__, x)

def complex_exprs(a: 1 + 2, b: lambda: 0 if True else 1, c: f"{x}", d: (1, *[2]), e: {"k": ...}, f: not x):
    pass

print(complex_exprs.__annotations__)
try:
    compile("from __future__ import braces", "<f>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    compile("x = 1\nfrom __future__ import annotations", "<f>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    compile("from __future__ import no_such_feature", "<f>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
