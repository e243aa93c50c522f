# print() converts with str(), not repr; sep/end strings of any content; printing containers and None.
class Both:
    def __str__(self):
        return "str-form"

    def __repr__(self):
        return "repr-form"


b = Both()
print(b, [b], (b,), {b: b}, f"{b}", f"{b!r}", "%s %r" % (b, b), str(b), repr(b))
print("a", "b", sep="\n")
print("no", "sep", sep="")
print("tab", "sep", sep="\t", end="\t|\n")
print("", "", "", sep="-")
print(None, True, 0.1, 1e100, -0.0, 2**70, 3j, b"b", bytearray(b"ba"), sep=" ; ")
print("unicode sep", "\u00e9", sep=" \u2192 ", end=" \u2713\n")
print(*"spread", sep=".")
print(*range(3), *"ab", sep=",", end="$\n")
print("multi", end="")
print("", end="")
print(" line continued")
print([], {}, set(), frozenset(), (), "", sep="|")
print("x" * 3, end="\n\n")
print(str(b) == format(b) == f"{b}", print.__name__, print("nested") is None)
print("end", end=5)
