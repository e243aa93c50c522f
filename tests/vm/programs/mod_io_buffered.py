# io.BufferedReader/Writer/Random/RWPair over BytesIO and over a logging
# RawIOBase subclass: which raw calls the buffer makes, peek/read1/readinto,
# seeks inside and outside the buffer, detach and errors.
import io


def show(label, f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(label, repr(r))


class LoggingRaw(io.RawIOBase):
    """A raw stream over bytes that prints every call it gets."""

    def __init__(self, data=b""):
        self.data = bytearray(data)
        self.pos = 0

    def readable(self):
        return True

    def writable(self):
        return True

    def seekable(self):
        return True

    def readinto(self, b):
        n = min(len(b), len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]
        print("  raw readinto(%d) -> %d at %d" % (len(b), n, self.pos))
        self.pos += n
        return n

    def write(self, b):
        b = bytes(b)
        print("  raw write(%r) at %d" % (b, self.pos))
        self.data[self.pos:self.pos + len(b)] = b
        self.pos += len(b)
        return len(b)

    def seek(self, pos, whence=0):
        new = [pos, self.pos + pos, len(self.data) + pos][whence]
        print("  raw seek(%d, %d) -> %d" % (pos, whence, new))
        self.pos = new
        return new

    def tell(self):
        return self.pos


r = io.BufferedReader(LoggingRaw(b"0123456789abcdefghij\nklmnop\nqrstuvwxyz"), 8)
print("read(3)", r.read(3))
print("read(2)", r.read(2))
print("peek", r.peek(1))
print("read1(100)", r.read1(100))
print("read(20)", r.read(20))
print("tell", r.tell())
print("seek(2, 1)", r.seek(2, 1))
print("seek(0)", r.seek(0))
print("readline", r.readline())
print("readline(4)", r.readline(4))
ba = bytearray(5)
print("readinto", r.readinto(ba), ba)
print("read()", r.read())
print("read at eof", r.read(3), r.read1(3), r.peek())

w = io.BufferedWriter(LoggingRaw(), 8)
print("write 5", w.write(b"abcde"))
print("write 4", w.write(b"fghi"))
print("write 20", w.write(b"J" * 20))
print("tell", w.tell())
print("flush", w.flush())
print("seek", w.seek(3))
print("write", w.write(b"XY"))
print("close", w.close(), w.closed)

raw = LoggingRaw(b"hello world, this is random access")
f = io.BufferedRandom(raw, 8)
print("read(5)", f.read(5))
print("write", f.write(b"_"))
print("read(5)", f.read(5))
print("seek(-3, 1)", f.seek(-3, 1))
print("write", f.write(b"WORLD"))
print("tell", f.tell())
print("flush", f.flush())
print("data", bytes(raw.data))
print("seek end", f.seek(0, 2))
print("write", f.write(b"!"))
print("read", f.read())
f.close()
print("data", bytes(raw.data))

p = io.BufferedRWPair(io.BytesIO(b"in1\nin2\n"), io.BytesIO())
print(p.readline(), p.peek(1)[:1], p.read1(2), p.readable(), p.writable(), p.write(b"out"), p.closed)
show("pair detach", p.detach)
p.close()
print(p.closed)

b = io.BufferedReader(io.BytesIO(b"xyz"))
print(repr(b), b.raw.getvalue(), b.readable(), b.seekable())
show("buffered write", lambda: b.write(b"q"))
show("reader truncate", b.truncate)
show("read -2", lambda: b.read(-2))
show("read1 None", lambda: b.read1(None))
show("seek float", lambda: b.seek(1.0))
show("seek whence", lambda: b.seek(0, 9))
show("writer not readable", lambda: io.BufferedWriter(io.BufferedReader(io.BytesIO())))
show("reader not readable", lambda: io.BufferedReader(io.BufferedWriter(io.BytesIO())))
show("zero buffer", lambda: io.BufferedReader(io.BytesIO(), 0))
show("writer read", lambda: io.BufferedWriter(io.BytesIO()).read())
show("writer peek", lambda: io.BufferedWriter(io.BytesIO()).peek())
raw = b.detach()
print(type(raw).__name__, repr(b))
show("read detached", b.read)
show("name detached", lambda: b.name)
w = io.BufferedWriter(io.BytesIO())
w.close()
for name in ("flush", "tell"):
    show(name + " closed", getattr(w, name))
show("write closed", lambda: w.write(b"x"))
show("seek closed", lambda: w.seek(0))
with io.BufferedRandom(io.BytesIO(b"ctx")) as f:
    print(f.read(), f.closed)
print(f.closed)
print(list(io.BufferedReader(io.BytesIO(b"a\nb\n\nc"))))
