# io.StringIO: reading, writing, seeking, newline modes and errors.
import io


def show(label, f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(label, repr(r))


s = io.StringIO("first\nsecond\nthird")
print(s.read(3), s.tell(), s.readline(), s.readline(2), s.readlines())
print(s.tell(), repr(s.read()), s.seek(0), list(s))
s.seek(0, 2)
s.write("\nfourth")
print(repr(s.getvalue()))
s.seek(2)
s.write("XY")
print(repr(s.getvalue()), s.tell())
s.seek(40)
s.write("far")
print(repr(s.getvalue()), len(s.getvalue()))
print(s.truncate(10), repr(s.getvalue()), s.tell())
s.seek(3)
print(s.truncate(), repr(s.getvalue()))

for newline in (None, "", "\n", "\r", "\r\n"):
    s = io.StringIO("a\rb\r\nc\nd", newline=newline)
    print("newline=%r" % (newline,), repr(s.getvalue()), s.readlines(), s.newlines)
    s = io.StringIO(newline=newline)
    s.write("x\ny\r\nz\r")
    print("  written", repr(s.getvalue()), s.newlines)

with io.StringIO("ctx") as s:
    print(s.read(), s.closed, s.readable(), s.writable(), s.seekable(), s.line_buffering)
print(s.closed)
show("read closed", s.read)
show("getvalue closed", s.getvalue)
show("write closed", lambda: s.write("x"))
show("tell closed", s.tell)

s = io.StringIO("abc")
show("seek cur", lambda: s.seek(1, 1))
show("seek end", lambda: s.seek(-1, 2))
show("seek neg", lambda: s.seek(-1))
show("seek whence", lambda: s.seek(0, 3))
show("seek float", lambda: s.seek(1.5))
show("seek cur 0", lambda: s.seek(0, 1))
show("seek end 0", lambda: s.seek(0, 2))
show("write bytes", lambda: s.write(b"x"))
show("read str", lambda: s.read("2"))
show("read None", lambda: s.read(None))
show("truncate neg", lambda: s.truncate(-1))
show("bad newline", lambda: io.StringIO(newline="x"))
show("bad newline type", lambda: io.StringIO(newline=3))
show("bad initial", lambda: io.StringIO(b"x"))
show("fileno", s.fileno)
show("detach", s.detach)
show("isatty", s.isatty)
show("write count", lambda: s.write("\u00e9\u4e2d\U0001F600"))
print(repr(s.getvalue()), s.tell())


class Upper(io.StringIO):
    def readline(self, size=-1):
        return super().readline(size).upper()


u = Upper("one\ntwo\n")
print(list(u), isinstance(u, io.TextIOBase), isinstance(u, io.IOBase))
s = io.StringIO()
print(s.write("a"), s.writelines(["b", "c\n", "d"]), repr(s.getvalue()))
print(io.StringIO(None).getvalue() == "", io.StringIO("x\ny").readline(-1))
it = iter(io.StringIO("p\nq"))
print(next(it), next(it))
show("next at end", lambda: next(it))
