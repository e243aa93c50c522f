# bytes and bytearray methods called with wrong arguments: CPython's messages (bytearray's name, not
# bytes', in bytearray's), and startswith/endswith with start and end.
for value in (b"abc", bytearray(b"abc")):
    names = [n for n in dir(bytes) if not n.startswith("_") and callable(getattr(value, n, None))]
    for name in sorted(set(names) | {"append", "extend", "insert", "pop", "remove", "clear", "copy", "reverse"}):
        if not hasattr(value, name):
            continue
        for args in ((), (1, 2, 3, 4, 5), (None,), ("x",), (1.5,)):
            target = type(value)(b"abc")
            try:
                r = getattr(target, name)(*args)
                print(type(value).__name__, name, args, "ok", type(r).__name__)
            except Exception as e:
                print(type(value).__name__, name, args, type(e).__name__, e)
data = b"hello world"
for call in [("startswith", b"world", 6), ("startswith", b"hello", 1), ("startswith", b"", 11), ("startswith", b"", 12),
             ("endswith", b"hello", 0, 5), ("endswith", b"lo", None, 5), ("endswith", (b"x", b"wor"), 0, -2),
             ("startswith", (b"x", bytearray(b"he"))), ("endswith", memoryview(b"ld")), ("startswith", b"o w", -7, -3),
             ("endswith", b"", 5, 3), ("startswith", b"h", -100), ("endswith", b"d", 0, 100)]:
    for kind in (bytes, bytearray):
        print(kind.__name__, call[0], [bytes(a) if isinstance(a, memoryview) else a for a in call[1:]],
              getattr(kind(data), call[0])(*call[1:]))
for bad in [("startswith", 5), ("endswith", (5,)), ("startswith", "str"), ("startswith", b"a", "x"), ("count", b"a", 1.5),
            ("find", 300), ("index", b"zz"), ("join", None), ("join", [b"a", 1]), ("translate", None, 5)]:
    for kind in (bytes, bytearray):
        try:
            print(getattr(kind(data), bad[0])(*bad[1:]))
        except (TypeError, ValueError) as e:
            print(kind.__name__, bad[0], type(e).__name__, e)
