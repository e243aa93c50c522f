# Exception state: __notes__ in the instance dict, __setstate__, notes
# copied into the parts of a split group, and the RecursionError text when
# __getattr__ recurses (no " while calling a Python object" suffix).
e = ValueError("x")
print("__notes__" in dir(ValueError), e.__dict__)
e.add_note("first")
e.add_note("second")
print(e.__dict__, e.__notes__)
e.__setstate__({"code": 3, "where": "here"})
print(e.code, e.where, e.__reduce__())
for state in (5, None):
    try:
        print(e.__setstate__(state))
    except TypeError as x:
        print("TypeError", x)
g = ExceptionGroup("many", [ValueError(1), TypeError(2), ValueError(3)])
g.add_note("group note")
match, rest = g.split(ValueError)
print(match, match.__notes__, rest.__notes__, match.__notes__ is g.__notes__)
match.__notes__.append("only on match")
print(g.__notes__, rest.__notes__)
try:
    raise g
except* TypeError as eg:
    print("caught", repr(eg), eg.__notes__)
except* ValueError as eg:
    print("caught", repr(eg), eg.__notes__)


class A:
    def __getattr__(self, name):
        return self.missing


try:
    A().anything
except RecursionError as x:
    print("RecursionError:", x)


class R:
    def __repr__(self):
        return repr(self)


try:
    repr(R())
except RecursionError as x:
    print("RecursionError:", x)
for f in (lambda: (1).__reduce_ex__(), lambda: range(3).__reduce_ex__(1, 2), lambda: True.bit_length(1)):
    try:
        f()
    except TypeError as x:
        print("TypeError", x)
raise ValueError("with a note") from None
