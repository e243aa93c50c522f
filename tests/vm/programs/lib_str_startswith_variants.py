# startswith/endswith with tuples, start/end slices, negative indices, empty prefixes, bytes too.
path = "/usr/local/lib/python3.11/site.py"
print(path.startswith("/usr"), path.startswith(("/opt", "/usr/local")), path.endswith((".py", ".pyc")))
print(path.startswith("local", 5), path.startswith("local", 5, 9), path.startswith("local", 5, 10))
print(path.endswith("site", 0, -3), path.endswith("py", -2), path.endswith("py", -100, -1), path.startswith("", 999))
print("".startswith(""), "".endswith("", 1), "abc".startswith("", 3), "abc".startswith("", 4), "abc".endswith("", -1))
print("abc".startswith(("x", "", "y")), "abc".endswith(()), "abc".startswith(("abcd", "ab")))
exts = (".jpg", ".png", ".gif")
files = ["a.png", "b.txt", "c.GIF", "d.gif", ".jpg"]
print([f for f in files if f.endswith(exts)], [f for f in files if f.lower().endswith(exts)])
print(b"data.bin".endswith(b".bin"), b"data".startswith((b"x", b"d")), bytearray(b"abc").startswith(b"a"))
for call in (lambda: path.startswith(["/usr"]), lambda: path.startswith(("/usr", 5)), lambda: path.endswith(None),
             lambda: path.startswith("/", "0"), lambda: b"x".startswith("x"), lambda: "x".startswith(b"x"),
             lambda: path.startswith()):
    try:
        print(call())
    except TypeError as e:
        print(type(e).__name__, e)


class Idx:
    def __index__(self):
        return 1


print("xabc".startswith("abc", Idx()), "abc".startswith("a", None, None), "abc".endswith("c", None, 3))
"abc".endswith(["c"])
