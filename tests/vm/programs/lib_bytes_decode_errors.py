# bytes.decode error handlers over invalid UTF-8 sequences, and the UnicodeDecodeError fields.
samples = [b"ok", b"\xff", b"a\x80b", b"\xc3", b"\xc3\x28", b"\xe2\x82", b"\xf0\x9f\x98", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80"]
for raw in samples:
    results = []
    for handler in ("replace", "ignore", "backslashreplace"):
        results.append(raw.decode("utf-8", handler))
    try:
        raw.decode("utf-8")
        reason = "ok"
    except UnicodeDecodeError as e:
        reason = f"{e.start}-{e.end} {e.reason}"
    print(raw, [ascii(r) for r in results], reason)
print(b"caf\xe9".decode("latin-1"), b"caf\xe9".decode("utf-8", "replace"), b"\x00\x7f".decode("ascii"))
for raw in (b"\x80", b"abc\xff"):
    try:
        raw.decode("ascii")
    except UnicodeDecodeError as e:
        print(e.encoding, e.object, e.start, e.end, e.reason, str(e))
e = UnicodeDecodeError("utf-8", b"xyz", 1, 2, "custom reason")
print(str(e), e.args)
try:
    b"x".decode("utf-8", errors=5)
except TypeError as err:
    print(type(err).__name__, err)
print(bytearray(b"\xc3\xa9").decode(), bytes([0xe2, 0x82, 0xac]).decode(), str(b"\xe2\x82\xac", "utf-8"))
b"valid then \xc3\x28 invalid".decode()
