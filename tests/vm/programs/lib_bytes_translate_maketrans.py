# bytes.translate / bytes.maketrans: tables, deletion, ROT13 over bytes, bytearray results.
rot13 = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
                        b"NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm")
msg = b"Hello, World!"
enc = msg.translate(rot13)
print(enc, enc.translate(rot13), len(rot13), type(rot13).__name__)
print(msg.translate(None, b"lo"), msg.translate(None), msg.translate(rot13, b"!,"), bytearray(msg).translate(None, b"H"))
identity = bytes(range(256))
print(msg.translate(identity) == msg, bytes.maketrans(b"", b"") == identity, bytearray.maketrans(b"a", b"b")[97])
upper = bytes.maketrans(bytes(range(97, 123)), bytes(range(65, 91)))
print(b"mixed Case 123".translate(upper), b"\x00\xff".translate(upper))
for call in (lambda: msg.translate(b"short"), lambda: bytes.maketrans(b"abc", b"ab"), lambda: msg.translate("str" * 86),
             lambda: bytes.maketrans("a", "b"), lambda: msg.translate(None, "l")):
    try:
        print(call())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(type(bytearray(b"abc").translate(None)).__name__, bytearray(b"abc").translate(rot13))
b"x".translate(5)
