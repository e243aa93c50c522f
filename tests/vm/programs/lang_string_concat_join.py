# String building: +, +=, join, repetition, implicit concatenation across
# lines, and the errors for mixing types.
parts = []
for i in range(5):
    parts.append(str(i))
print("".join(parts), "-".join(parts[::-1]), ", ".join(map(str, range(3))))
s = ""
for word in ["alpha", "beta"]:
    s += word[0].upper() + word[1:] + " "
print(repr(s.rstrip()))
long = ("this is "
        "one string "
        "over three lines")
print(long, len(long))
print("ab" * 3, 3 * "ab", "x" * 0, "x" * -2, repr("" * 100))
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    "-".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    "a" * 2.0
except TypeError as e:
    print("TypeError:", e)
print("".join(reversed("stressed")), "".join(sorted("python")), str(1) + str(2.5) + str(None))
