# io.TextIOWrapper over BytesIO: encodings, error handlers, newline
# translation, line buffering, tell()/seek() cookies, detach, reconfigure;
# io.IncrementalNewlineDecoder.
import io


def show(label, f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(label, repr(r))


data = "caf\u00e9 \u4e2d\u6587\nsecond \U0001F600\r\nthird\rlast".encode("utf-8")
t = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
print(repr(t), t.encoding, t.errors, t.line_buffering, t.write_through)
print(repr(t.readline()), t.tell())
pos = t.tell()
print(repr(t.read(4)), t.tell())
print(repr(t.readline()), t.newlines)
t.seek(pos)
print(repr(t.read()), t.newlines)
t.seek(0)
print(t.readlines())
t.seek(0)
cookies = []
while True:
    cookies.append(t.tell())
    if not t.read(3):
        break
print(cookies)
for c in reversed(cookies[::3]):
    t.seek(c)
    print(c, repr(t.read(5)))

for newline in (None, "", "\n", "\r", "\r\n"):
    t = io.TextIOWrapper(io.BytesIO(b"a\rb\r\nc\nd\r"), encoding="ascii", newline=newline)
    print("read newline=%r" % (newline,), t.readlines(), t.newlines)
    raw = io.BytesIO()
    t = io.TextIOWrapper(raw, encoding="ascii", newline=newline)
    t.write("x\ny\r\nz\r")
    t.flush()
    print("  write", raw.getvalue())

raw = io.BytesIO()
t = io.TextIOWrapper(raw, encoding="utf-8", line_buffering=True)
t.write("no newline")
print("line buffering", raw.getvalue())
t.write(" ... newline\n")
print("line buffering", raw.getvalue())
raw = io.BytesIO()
t = io.TextIOWrapper(raw, encoding="utf-8", write_through=True)
t.write("through")
print("write through", raw.getvalue())
raw = io.BytesIO()
t = io.TextIOWrapper(raw, encoding="utf-8")
t.write("held")
print("held back", raw.getvalue())
t.flush()
print("flushed", raw.getvalue())

for enc, errors in (("ascii", "strict"), ("ascii", "replace"), ("ascii", "ignore"),
                    ("ascii", "backslashreplace"), ("latin-1", "xmlcharrefreplace"), ("utf-8", "surrogateescape")):
    raw = io.BytesIO()
    t = io.TextIOWrapper(raw, encoding=enc, errors=errors)
    show("encode %s %s" % (enc, errors), lambda: (t.write("\u00e9\u20ac!"), t.flush(), raw.getvalue()))
    t = io.TextIOWrapper(io.BytesIO(b"ok\xff\xe9end"), encoding=enc, errors=errors)
    show("decode %s %s" % (enc, errors), t.read)

t = io.TextIOWrapper(io.BytesIO(b"\xe4\xb8"), encoding="utf-8")
show("truncated utf-8", t.read)
show("unknown encoding", lambda: io.TextIOWrapper(io.BytesIO(), encoding="no-such-codec"))
show("bad newline", lambda: io.TextIOWrapper(io.BytesIO(), newline="x"))
show("bad errors type", lambda: io.TextIOWrapper(io.BytesIO(), errors=1))
t = io.TextIOWrapper(io.BytesIO(b"abc"), encoding="utf-8")
show("seek cur", lambda: t.seek(1, 1))
show("seek end", lambda: t.seek(1, 2))
show("seek negative", lambda: t.seek(-1))
show("seek whence", lambda: t.seek(0, 5))
show("write bytes", lambda: t.write(b"x"))
show("seek end 0", lambda: t.seek(0, 2))
show("tell", t.tell)
print(next(t, "eof"))
t.seek(0)
print(next(t))
show("tell in iteration", t.tell)
print(t.name if hasattr(t, "name") else "no name", t.buffer.getvalue())
show("fileno", t.fileno)
t.reconfigure(line_buffering=True)
print(t.line_buffering)
show("reconfigure after read", lambda: t.reconfigure(encoding="ascii"))
b = t.detach()
print(type(b).__name__, b.getvalue())
show("read detached", t.read)
show("repr detached", lambda: repr(t).split(" object")[0])
t = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
t.close()
print(t.closed)
show("write closed", lambda: t.write("x"))
show("read closed", t.read)
show("close twice", t.close)

d = io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode("a\r")), repr(d.decode("\nb\r")), d.getstate(), repr(d.decode("", final=True)), d.newlines)
d.reset()
print(d.getstate(), d.newlines)
d = io.IncrementalNewlineDecoder(None, translate=False)
print(repr(d.decode("x\r\ny\rz\n")), d.newlines)
d.setstate((b"", 1))
print(repr(d.decode("q")))
show("decoder bytes", lambda: io.IncrementalNewlineDecoder(None, True).decode(b"x"))
