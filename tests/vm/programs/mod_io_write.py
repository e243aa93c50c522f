# Writing real files with open(): text and binary modes, 'a'/'x'/'r+'/'w+',
# newline translation on disk, line buffering seen by a second reader,
# truncate, tell()/seek() cookies in a UTF-8 file, encoding errors; files
# live in a tempfile.TemporaryDirectory.
import os
import tempfile


def show(label, f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(label, repr(r))


def raw(path):
    with open(path, "rb") as f:
        return f.read()


with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "data.txt")
    with open(path, "w", encoding="utf-8") as f:
        print(f.write("alpha\n"), f.write("b\u00e9ta\r\n"), f.writelines(["g", "amma\n"]), f.tell())
    print(raw(path))
    for newline in (None, "", "\n", "\r", "\r\n"):
        with open(path, "w", newline=newline) as f:
            f.write("one\ntwo\r\nthree\r")
        with open(path, newline=newline) as f:
            print("newline=%r" % (newline,), raw(path), f.readlines(), f.newlines)

    with open(path, "a") as f:
        print(f.tell(), f.write("appended\n"), f.tell(), f.mode)
    print(raw(path))
    try:
        open(path, "x")
    except FileExistsError as e:
        print("exclusive", e.errno, e.strerror, e.filename == path)
    with open(os.path.join(tmp, "new.bin"), "xb") as f:
        print(f.mode, f.write(b"\x00\x01\x02"), type(f).__name__)
    print(raw(os.path.join(tmp, "new.bin")))

    with open(path, "w+", encoding="utf-8") as f:
        f.write("h\u00e9llo w\u00f6rld\nsecond line\n")
        print(f.tell(), f.seek(0), f.read(3), f.tell())
        cookie = f.tell()
        print(repr(f.readline()), f.tell())
        f.seek(cookie)
        print(repr(f.read(4)))
        f.seek(0, 2)
        f.write("third\n")
        f.seek(0)
        print(f.readlines())
        print(f.truncate(5), f.seek(0), repr(f.read()))
    with open(path, "r+b") as f:
        print(f.read(2), f.write(b"XY"), f.tell(), f.seek(0), f.read())
        print(f.truncate(3), raw(path))

    reader = open(path, "w+")
    writer = open(path, "a", buffering=1)
    writer.write("no newline yet")
    print("line buffered", raw(path))
    writer.write(" now\n")
    print("line buffered", raw(path))
    full = open(path, "a")
    full.write("buffered")
    print("fully buffered", raw(path))
    full.flush()
    print("after flush", raw(path))
    for f in (reader, writer, full):
        f.close()

    with open(path, "w", encoding="ascii", errors="replace") as f:
        f.write("caf\u00e9 \u2603\n")
    print(raw(path))
    with open(path, "wb") as f:
        f.write(b"ok\xffbad\n")
    show("strict decode", lambda: open(path, encoding="utf-8").read())
    print(repr(open(path, encoding="utf-8", errors="replace").read()))
    print(repr(open(path, encoding="utf-8", errors="surrogateescape").read()))
    print(repr(open(path, encoding="latin-1").read()))

    fd = os.open(path, os.O_RDONLY)
    with open(fd, "rb") as f:
        print(f.name == fd, f.read(2))
    show("fd closed by the file", lambda: os.close(fd))
    fd = os.open(path, os.O_RDONLY)
    with open(fd, "rb", closefd=False) as f:
        print(f.read(2))
    os.close(fd)
    with os.fdopen(os.open(path, os.O_RDONLY), "rb") as f:
        print(type(f).__name__, f.read())
    print(sorted(os.listdir(tmp)))
