# The io class hierarchy: the native bases, the ABCs of lib/io.py,
# registration, UnsupportedOperation, and the generic IOBase/RawIOBase
# methods (readline via peek or read, readlines, writelines, iteration,
# context management, read/readall via readinto) on user subclasses.
import io
import _io


def show(label, f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(label, repr(r))


def names(cls):
    return [c.__module__ + "." + c.__qualname__ for c in cls.__mro__]


for cls in (io.FileIO, io.BytesIO, io.StringIO, io.BufferedReader, io.BufferedWriter,
            io.BufferedRandom, io.BufferedRWPair, io.TextIOWrapper, io.IncrementalNewlineDecoder):
    print(cls.__name__, names(cls))
print(names(io.RawIOBase), names(io.TextIOBase))
print(names(io.UnsupportedOperation), io.UnsupportedOperation is _io.UnsupportedOperation)
for obj in (io.StringIO(), io.BytesIO(), io.BufferedReader(io.BytesIO())):
    print(type(obj).__name__, [isinstance(obj, c) for c in (io.IOBase, io.RawIOBase, io.BufferedIOBase, io.TextIOBase)])
print(issubclass(io.FileIO, io.RawIOBase), issubclass(io.TextIOWrapper, io.IOBase), issubclass(io.BytesIO, io.TextIOBase))
print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, io.DEFAULT_BUFFER_SIZE, io.BlockingIOError is BlockingIOError)
print(sorted(io.__all__))
print(io.text_encoding("latin-1"), io.text_encoding(None))


class Virtual:
    pass


io.IOBase.register(Virtual)
print(isinstance(Virtual(), io.IOBase), issubclass(Virtual, io.RawIOBase))


class Chunks(io.RawIOBase):
    """Serves its data two bytes per readinto() call."""

    def __init__(self, data):
        self.data = data
        self.pos = 0

    def readable(self):
        return True

    def readinto(self, b):
        chunk = self.data[self.pos:self.pos + min(2, len(b))]
        b[:len(chunk)] = chunk
        self.pos += len(chunk)
        return len(chunk)


c = Chunks(b"alpha\nbeta\ngamma")
print(c.read(3), c.readline(), c.readall(), c.read(), c.readline())
c = Chunks(b"one\ntwo\nthree\n")
print(list(c), c.closed)
c = Chunks(b"x\ny\nz\n")
print(c.readlines(2), c.readlines())
with Chunks(b"w") as c:
    print(c.read(), c.closed, c.seekable(), c.writable())
print(c.closed)
show("read closed", lambda: c.read(1))
show("iter closed", lambda: iter(c))
show("enter closed", lambda: c.__enter__())
show("readline closed", c.readline)


class Lines(io.IOBase):
    def __init__(self):
        self.written = []

    def writable(self):
        return True

    def write(self, s):
        self.written.append(s)
        return len(s)


w = Lines()
w.writelines(["a", "b", "c"])
print(w.written, w.tell.__name__)
show("tell", w.tell)
show("seek", lambda: w.seek(0))
show("truncate", w.truncate)
show("fileno", w.fileno)
show("read", lambda: w.read())
show("isatty", w.isatty)
show("check readable", w._checkReadable)
show("check writable", w._checkWritable)
show("check seekable", w._checkSeekable)
print(w.flush(), w.close(), w.closed)
show("flush closed", w.flush)
show("check closed", w._checkClosed)
show("writelines closed", lambda: w.writelines([]))
show("raw read", lambda: io.RawIOBase().read(1))
show("raw readall", lambda: io.RawIOBase().readall())
show("buffered read", lambda: io.BufferedIOBase().read())
show("buffered readinto", lambda: io.BufferedIOBase().readinto(bytearray(1)))
show("text write", lambda: io.TextIOBase().write("x"))
print(io.TextIOBase().encoding, io.TextIOBase().newlines, io.TextIOBase().errors)
try:
    io.StringIO().fileno()
except OSError as e:
    print("caught as OSError", type(e).__name__)
try:
    io.StringIO().fileno()
except ValueError as e:
    print("caught as ValueError", type(e).__name__)


class Peeking(io.BufferedIOBase):
    def __init__(self, data):
        self.data = data
        self.calls = []

    def peek(self, n=0):
        self.calls.append("peek")
        return self.data[:4]

    def read(self, n=-1):
        self.calls.append("read(%d)" % n)
        out, self.data = self.data[:n], self.data[n:]
        return out


p = Peeking(b"ab\ncdefgh\nij")
print(p.readline(), p.readline(), p.calls)
b = bytearray(3)
print(p.readinto(b), b)
