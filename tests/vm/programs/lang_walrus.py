# Assignment expressions (:=): in conditions, comprehensions (binding in the
# enclosing scope), while loops, and where they are not allowed.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
stream = iter(data)
while (item := next(stream, None)) is not None:
    print("item", item, end="; ")
print()
squares = [y for x in data if (y := x * x) > 10]
print(squares, "y leaked:", y)
print(any((hit := v) > 8 for v in data), hit)
total = 0
partial = [total := total + v for v in data]
print(partial, total)

def f():
    [last := c for c in "abc"]
    return last

print(f())

def outer():
    found = None
    def inner():
        nonlocal found
        return [found := w for w in ("x", "y") if w == "y"]
    inner()
    return found

print(outer())
print((a := 5, a + 1))
print(f"{(b := 10)!r} and {b * 2}")
for line in ["key=value", "junk", "k2=v2"]:
    if (parts := line.partition("="))[1]:
        print(parts[0], "->", parts[2])
    else:
        print("no match:", line)
for src in ["[i := 0 for i in range(3)]", "(x := 1) = 2", "def g(): x := 1",
            "class C:\n    [(j := k) for k in range(2)]"]:
    try:
        compile(src, "<walrus>", "exec")
        print("compiled", repr(src))
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
