# Strings: methods, slicing, formatting, f-strings (FORMAT_VALUE,
# BUILD_STRING) and str/repr conversions.
s = "Hello, World"
print(s.upper(), s.lower(), s.swapcase(), len(s))
print(s[0], s[-1], s[2:5], s[::-1], s[::2], s[100:])
print(s.split(", "), "-".join(["a", "b", "c"]), s.replace("l", "L", 2))
print(s.find("o"), s.rfind("o"), s.index("W"), s.count("l"))
print(s.startswith("Hell"), s.endswith("x"), "  pad  ".strip() + "|")
print("abc" * 3, "a" + "b", "b" in "abc", "z" not in "abc")
name, n, f = "minipy", 42, 3.14159
print(f"{name} {n} {f:.2f} {n:>6} {n:<4}| {n:^7}| {n:08b} {n:x} {f!r} {name!r}")
print(f"{n + 1} {'nested'} {[1, 2][1]} {n:{'>'}{5}}")
print("%s=%d (%.1f%%)" % ("x", 5, 12.34))
print("{} and {}".format("a", "b"), "{1}{0}".format("x", "y"), "{k}".format(k="v"))
print(repr("quote's"), repr('dq"'), str(12), repr(1.0), ascii("é"))
print(ord("A"), chr(97), "é".encode("utf-8"), b"bytes".decode())
words = "the quick brown fox".split()
print(sorted(words), sorted(words, key=len), max(words, key=len))
print(",".join([str(i) for i in range(5)]))
print("a\tb\\n", "line1\nline2")
print(format(1234567.891, ",.2f"), format(0.5, "%"), format("x", "*^5"))
print(str(None), str(True), str([1, "a"]), str((1,)), str({"k": 1}))
