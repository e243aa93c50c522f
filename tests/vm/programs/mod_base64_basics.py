# base64: the RFC 4648 test vectors for every alphabet, the URL-safe and
# alternative alphabets, Ascii85/Base85, MIME line wrapping through files,
# and the errors (lib/base64.py over modules/binascii.cpp).
import base64
import io

for word in [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar"]:
    print(word, base64.b64encode(word), base64.b32encode(word), base64.b32hexencode(word),
          base64.b16encode(word), base64.a85encode(word), base64.b85encode(word))
    assert base64.b32decode(base64.b32encode(word)) == word
    assert base64.a85decode(base64.a85encode(word)) == word

data = bytes(range(250, 256)) + b"\xfb\xff"
print(base64.urlsafe_b64encode(data), base64.b64encode(data, altchars=b"*!"))
print(base64.urlsafe_b64decode("-_v_"), base64.b64decode(b"*!v!", altchars=b"*!"))
print(base64.b32decode("mzxw6===", casefold=True), base64.b32decode("MZXW6YQ=", map01="L"))
print(base64.a85encode(b"    \0\0\0\0xyz", foldspaces=True, adobe=True, wrapcol=6))
print(base64.a85decode(b"<~y\nz\nG^+G~>", foldspaces=True, adobe=True))

big = bytes(range(256)) * 2
lines = base64.encodebytes(big)
print(lines.count(b"\n"), max(len(line) for line in lines.split(b"\n")))
out = io.BytesIO()
base64.encode(io.BytesIO(big), out)
back = io.BytesIO()
base64.decode(io.BytesIO(out.getvalue()), back)
print(out.getvalue() == lines, back.getvalue() == big)

for call in (lambda: base64.b64decode("abc"), lambda: base64.b64decode("ab!=", validate=True),
             lambda: base64.b32decode("MZXW6==="[:7]), lambda: base64.b32decode("MZXW6YQ0"),
             lambda: base64.b16decode("0a"), lambda: base64.a85decode("abcz"),
             lambda: base64.a85decode(b"s8W-\""), lambda: base64.b85decode(b"|NsC1~"),
             lambda: base64.b64decode("é"), lambda: base64.b64decode(3),
             lambda: base64.encodebytes("text"), lambda: base64.b32encode("text")):
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
