# min/max over strings and bytes: code-point order, case, key=len ties, unicode, empty strings.
words = ["banana", "Apple", "cherry", "apple", "", "Zebra", "\u00e9clair", "date"]
print(min(words), max(words), min(words, key=len), max(words, key=len), min(words, key=str.lower), max(words, key=str.casefold))
print(min("hello world"), max("hello world"), min("Hello"), max("\u00e9a\U0001F600z"), min(["b", "a", "aa"]))
print(max(b"bytes"), min(b"bytes"), max([b"b", b"ab", b"ba"]), min([bytearray(b"z"), b"a"]))
print(max(words, key=lambda w: (len(w), w)), min(words[1:4], key=lambda w: w[-1]), max("abc", "abd", "ab"))
print(sorted(words) == sorted(words, key=lambda w: [ord(c) for c in w]), min(words, default="x"))
try:
    max(["a", b"a"])
except TypeError as e:
    print(type(e).__name__, e)
try:
    min("")
except ValueError as e:
    print(type(e).__name__, e)
print(max("", default="empty"), min([""]), max(["", "a"]), min("a", "b", key=lambda s: -ord(s)))
max("a", 1)
