# os functions that share helpers in modules/posixmodule.cpp: fd arguments
# (PyObject_AsFileDescriptor: ints, fileno() objects, negative fds), the
# inheritable/blocking flags, getcwd/getcwdb, mkdir/mkfifo/rmdir/unlink/
# remove (path + dir_fd), os.fspath; select's fd arguments and
# signal.valid_signals use the same converters.
import os
import select
import signal
import tempfile


TMP = [None]


def attempt(label, fn, *args, **kwargs):
    try:
        r = fn(*args, **kwargs)
        print(label, "->", r)
    except Exception as e:
        text = str(e)
        if TMP[0]:
            text = text.replace(TMP[0], "TMP")
        print(label, "->", type(e).__name__, text)


class HasFileno:
    def __init__(self, value):
        self.value = value

    def fileno(self):
        return self.value


for fn in (os.fsync, os.fdatasync, os.fchdir):
    for arg in (-1, -5, 2 ** 40, "x", 1.5, HasFileno(-3), HasFileno("no"), object(), True and 10 ** 30):
        attempt(fn.__name__ + " " + type(arg).__name__, fn, arg)

r, w = os.pipe()
print(os.get_inheritable(r), os.get_blocking(r))
os.set_inheritable(r, True)
os.set_blocking(r, False)
print(os.get_inheritable(r), os.get_blocking(r))
os.set_inheritable(r, 0)
os.set_blocking(r, 7)
print(os.get_inheritable(r), os.get_blocking(r))
attempt("set_blocking few", os.set_blocking, r)
attempt("set_inheritable float", os.set_inheritable, r, 1.0)
attempt("get_blocking bad fd", os.get_blocking, 9999)
attempt("set_inheritable bad fd", os.set_inheritable, 9999, True)
attempt("get_inheritable str", os.get_inheritable, "0")
print(select.select([HasFileno(r)], [w], [], 0)[1] == [w])
attempt("select negative", select.select, [-1], [], [], 0)
attempt("select fileno str", select.select, [HasFileno("x")], [], [], 0)
os.close(r)
os.close(w)

print(type(os.getcwd()).__name__, type(os.getcwdb()).__name__, os.fsencode(os.getcwd()) == os.getcwdb())

with tempfile.TemporaryDirectory() as tmp:
    TMP[0] = tmp
    d = os.path.join(tmp, "d")
    os.mkdir(d)
    os.mkdir(os.path.join(d, "sub"), 0o700)
    print(sorted(os.listdir(d)), oct(os.stat(os.path.join(d, "sub")).st_mode & 0o777))
    attempt("mkdir again", lambda: os.mkdir(d) or None)
    fifo = os.path.join(d, "fifo")
    os.mkfifo(fifo)
    os.mkfifo("fifo2", 0o600, dir_fd=os.open(d, os.O_RDONLY))
    print(sorted(os.listdir(d)))
    attempt("mkfifo again", lambda: os.mkfifo(fifo) or None)
    attempt("mkdir bad mode", os.mkdir, os.path.join(d, "x"), "777")
    os.unlink(fifo)
    os.remove(os.path.join(d, "fifo2"))
    attempt("rmdir non-empty", lambda: os.rmdir(d) or None)
    os.rmdir(os.path.join(d, "sub"))
    attempt("unlink dir", lambda: os.unlink(d) or None)
    attempt("remove missing", lambda: os.remove(os.path.join(d, "nope")) or None)
    attempt("rmdir kw", lambda: os.rmdir(path=d) or None)
    print(os.path.exists(d))
    attempt("rmdir missing", lambda: os.rmdir(d) or None)
    attempt("unlink bad arg", os.unlink, 3.0)
    attempt("mkfifo too many", os.mkfifo, "a", 1, 2, 3)


class P:
    def __init__(self, v):
        self.v = v

    def __fspath__(self):
        return self.v


for arg in ("s", b"b", P("p"), P(b"q"), P(3), 3, None):
    attempt("fspath " + type(arg).__name__, os.fspath, arg)

v = signal.valid_signals()
print(type(v).__name__, signal.SIGINT in v, signal.SIGKILL in v, 0 in v, min(v))
