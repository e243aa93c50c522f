# open() and io.FileIO on real files: this program's own source (read only),
# /dev/null and missing paths: modes, buffering, reprs, tell()/seek(),
# closefd/opener and open()'s argument checks.
import io
import sys

HERE = sys._getframe().f_code.co_filename  # the .py file in every run mode


def show(label, f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(label, repr(r))


def tidy(obj):
    return repr(obj).replace(repr(HERE), "HERE")


with open(HERE, encoding="utf-8") as f:
    print(tidy(f), f.mode, f.encoding, f.newlines, f.readable(), f.writable(), f.seekable())
    first = f.readline()
    print(repr(first), f.tell())
    pos = f.tell()
    second = f.readline()
    f.seek(pos)
    print(f.readline() == second, f.tell() > pos)
    rest = f.read()
    print(len(rest) > 100, f.read(), f.tell() == len(open(HERE, "rb").read()))
    print(type(f.buffer).__name__, type(f.buffer.raw).__name__, f.buffer.raw.closefd, f.line_buffering)
print(f.closed, tidy(f))
show("read closed", f.read)

with open(HERE, "rb") as f:
    print(tidy(f), f.mode, f.read(13), f.peek(1)[:1], f.tell(), f.seek(-5, 2) > 0, len(f.read()))
with open(HERE, "rb", buffering=0) as f:
    print(tidy(f), f.mode, f.closefd, f.read(5), f.readall()[-1:], f.tell() > 5, f.seekable())
    show("write", lambda: f.write(b"x"))
print(tidy(f))
lines = open(HERE, encoding="utf-8").readlines()
print(len(lines) > 20, lines[0] == first, sum(1 for _ in open(HERE, "rb")) == len(lines))

# Universal newlines: the source has only "\n"; newline='' keeps them.
print(open(HERE, newline="").read() == open(HERE).read())

f = open(HERE, "rb")
g = open(f.fileno(), "rb", closefd=False)
print(tidy(g).replace(str(f.fileno()), "FD"), g.read(4))
g.close()
print(f.closed, f.read(4))
f.close()

# An opener gets (path, flags) and returns a descriptor, which the file
# object then owns: closing the opener's own FileIO afterwards fails.
holders = []


def opener(path, flags):
    raw = io.FileIO(path, "rb")
    holders.append(raw)
    print("opener", path == HERE, flags & 3)
    return raw.fileno()


with open(HERE, "rb", opener=opener) as f:
    print(f.read(2), f.raw.name == HERE)
show("double close", holders[0].close)
print(holders[0].closed)

with open("/dev/null", "w") as f:
    print(f.write("discarded\n"), f.tell(), f.writable(), f.readable(), f.isatty())
    show("read from w", f.read)
with open("/dev/null", "ab") as f:
    print(f.mode, f.write(b"x"), tidy(f))
with open("/dev/null", "r+b") as f:
    print(f.mode, type(f).__name__, f.read(), f.write(b"y"))
with open("/dev/null", "rb", buffering=1) as f:
    print(type(f).__name__)

show("missing", lambda: open("/nonexistent-dir/file.txt"))
show("directory", lambda: open("/"))
show("mode rw", lambda: open(HERE, "rw"))
show("mode dup", lambda: open(HERE, "rr"))
show("mode bad", lambda: open(HERE, "q"))
show("mode U", lambda: open(HERE, "U"))
show("text+binary", lambda: open(HERE, "rbt"))
show("binary encoding", lambda: open(HERE, "rb", encoding="utf-8"))
show("binary errors", lambda: open(HERE, "rb", errors="strict"))
show("binary newline", lambda: open(HERE, "rb", newline=""))
show("unbuffered text", lambda: open(HERE, "r", buffering=0))
show("bad newline", lambda: open(HERE, newline="\t"))
show("encoding type", lambda: open(HERE, encoding=8))
show("file type", lambda: open(1.5))
show("closefd name", lambda: open(HERE, closefd=False))
show("negative fd", lambda: open(-3))
show("opener -1", lambda: open(HERE, opener=lambda p, f: -1))
show("FileIO mode", lambda: io.FileIO(HERE, "rw"))
show("FileIO mode t", lambda: io.FileIO(HERE, "rt"))
show("no such encoding", lambda: open(HERE, encoding="nope"))
print(open is io.open, open.__module__, io.open.__name__)
