# io.BytesIO: reading, writing, seeking, getbuffer() exports and errors.
import io


def show(label, f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(label, repr(r))


b = io.BytesIO(b"line one\nline two\nend")
print(b.read(4), b.tell(), b.readline(), b.readline(3), b.readlines())
print(b.seek(0), b.read1(3), b.read1(), b.read(), b.read(5))
b.seek(0)
print(list(b), b.readlines(), b.tell())
b.seek(0)
print(b.readlines(10))
b = io.BytesIO()
print(b.write(b"abc"), b.write(bytearray(b"de")), b.write(memoryview(b"fg")), b.getvalue())
b.seek(10)
print(b.write(b"Z"), b.getvalue(), b.tell())
print(b.seek(-2, 2), b.read(), b.seek(-100, 1), b.tell(), b.seek(3, 0), b.seek(2, 1))
print(b.truncate(5), b.getvalue(), b.tell(), b.truncate(), b.getvalue())
buf = bytearray(4)
b.seek(1)
print(b.readinto(buf), buf, b.readinto(buf), buf)
b.writelines([b"x", b"yy", bytearray(b"z")])
print(b.getvalue())

b = io.BytesIO(b"hello")
view = b.getbuffer()
print(bytes(view), len(view))
view[0] = ord("J")
print(b.getvalue())
show("write while exported", lambda: b.write(b"x"))
show("truncate while exported", lambda: b.truncate(1))
show("close while exported", b.close)
view.release()
print(b.write(b"!"), b.getvalue())

show("seek negative", lambda: b.seek(-1))
show("seek whence", lambda: b.seek(0, 7))
show("seek float", lambda: b.seek(0.5))
show("write str", lambda: b.write("text"))
show("read str", lambda: b.read("1"))
show("readlines str", lambda: b.readlines("1"))
show("truncate negative", lambda: b.truncate(-2))
show("fileno", b.fileno)
show("initial str", lambda: io.BytesIO("abc"))

with io.BytesIO(b"ctx") as b:
    print(b.read(), b.readable(), b.writable(), b.seekable(), b.isatty(), b.closed)
print(b.closed)
for name in ("read", "getvalue", "tell", "readable", "flush", "isatty", "getbuffer"):
    show(name + " closed", getattr(b, name))
show("write closed", lambda: b.write(b"x"))
show("iter closed", lambda: iter(b) is b)


class Counting(io.BytesIO):
    def write(self, data):
        print("  write", bytes(data))
        return super().write(data)


c = Counting()
c.writelines([b"a", b"b"])
print(c.getvalue(), isinstance(c, io.BufferedIOBase))
