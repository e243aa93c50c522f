# repr() and str() of built-in exceptions with various argument shapes, including nested and unicode.
excs = [
    ValueError(), ValueError("msg"), ValueError("a", "b"), ValueError(("tuple",)), ValueError(None),
    KeyError("k"), KeyError(""), KeyError(("a", "b")), KeyError(1, 2), IndexError("\u00e9"),
    OSError(), OSError("x"), OSError(2, "No such file"), StopIteration(), StopIteration(1, 2),
    SystemExit(), SystemExit("bye"), UnicodeError("u"), ZeroDivisionError("division by zero"),
    AttributeError("attr"), NameError("name"), RuntimeError(RuntimeError("nested")), Warning("w"),
    ExceptionGroup("g", [ValueError(1)]), Exception("multi\nline"), Exception("quote ' and \""),
]
for e in excs:
    print(type(e).__name__, repr(e), repr(str(e)), len(e.args))
print(str(KeyError("k")), str(KeyError()), str(KeyError(None)), str(LookupError("k")))
u = UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 1, "invalid start byte")
print(repr(u), str(u), u.args)
ue = UnicodeEncodeError("ascii", "\u00e9x", 0, 2, "nope")
print(str(ue), repr(ue))
ut = UnicodeTranslateError("\u00e9", 0, 1, "bad")
print(str(ut))
se = SyntaxError("bad", ("file.py", 3, 5, "x = = 1\n", 3, 6))
print(repr(se), str(se), se.filename, se.lineno, se.offset, se.text, se.end_lineno, se.end_offset)
print(str(SyntaxError("plain")), repr(SyntaxError()), SyntaxError("m", ("f", 1, 1, "t")).msg)
raise UnicodeDecodeError("utf-8", b"ab\xff", 2, 3, "invalid start byte")
