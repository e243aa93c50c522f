# str.join over every kind of iterable: generators, dict keys, sets of one, str itself, map objects, and failures midway.
print("-".join("abc"), "".join(reversed("abc")), ", ".join({"x": 1, "y": 2}), "+".join(map(str, range(4))))
print("|".join(w.upper() for w in "a b c".split()), " ".join({"solo"}), ":".join(("t", "u")), "".join([]) == "")
print("\n".join(["line1", "line2"]), repr("".join(["", "", ""])), len(",".join(["x"] * 1000)))
print("--".join(iter(["it", "er"])), "/".join(str(p) for p in (1, 2.5, None, True)), "\u00e9".join("ab"))
calls = []


def gen():
    for item in ["ok1", "ok2", 3, "never"]:
        calls.append(item)
        yield item


try:
    ",".join(gen())
except TypeError as e:
    print(type(e).__name__, e, calls)
for bad in (5, None, [b"x"], [["nested"]], ["a", None]):
    try:
        print("-".join(bad))
    except TypeError as e:
        print(type(e).__name__, e)
sep = ", "
print(sep.join(sorted({"pear", "apple", "fig"})), sep.join(f"{k}={v}" for k, v in sorted({"b": 2, "a": 1}.items())))
print(str.join("+", ["a", "b"]), str.join("", "xyz"))
" ".join(["a", 1.5])
