from __future__ import annotations

x: list[int] = []
y: "str"

class C:
    a: dict[str, int | None]
    def m(self, p: C, *args: int, k: tuple[int, ...] = (), **kw: Any) -> C | None:
        return self

def f(a: lambda: 1, b: x.y[1:2]) -> Callable[[int], str]:
    pass
