# type_comments.py: `python -m ast` parses with type_comments=True.
x = []  # type: List[int]
def f(a,  # type: int
      b,  # type: str
      ):
    # type: (...) -> None
    pass
def g(a):  # type: (int) -> str
    return a
for i in range(3):  # type: int
    pass
with open(f) as fh:  # type: IO
    pass
import os  # type: ignore
import sys  # type: ignore[attr-defined]
y = 1  #type:int
z = 2  # type: ignored
