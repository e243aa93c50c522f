# sys.stdin/stdout/stderr are io.TextIOWrapper stacks over file descriptors
# 0, 1, 2 (CPython's create_stdio): their types, names, modes, encodings,
# buffering layers and the usual file methods.
import io
import sys

for name in ("stdin", "stdout", "stderr"):
    f = getattr(sys, name)
    print(name, type(f).__name__, isinstance(f, io.TextIOWrapper), isinstance(f, io.TextIOBase))
    print("  name", f.name, "mode", f.mode, "encoding", f.encoding)
    print("  errors", f.errors, "newlines", f.newlines, "closed", f.closed)
    print("  fileno", f.fileno(), "readable", f.readable(), "writable", f.writable(), "seekable", f.seekable())
    print("  same as __%s__" % name, f is getattr(sys, "__%s__" % name))
    raw = f.buffer if not hasattr(f.buffer, "raw") else f.buffer.raw
    print("  raw", type(raw).__name__, raw.name, raw.mode, raw.closefd, raw.fileno())
    print("  buffer name", f.buffer.name)
print(repr(sys.stdout)[:40])
print(repr(sys.stderr)[:40])
print(sys.stderr.line_buffering or sys.stderr.write_through)

# Wrong types and unsupported operations.
for call in (lambda: sys.stdout.write(b"bytes"), lambda: sys.stdout.write(5), lambda: sys.stdout.read(),
             lambda: sys.stdin.write("x"), lambda: sys.stdout.readline(), lambda: sys.stdout.seek(0)):
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
print(sys.stdout.write("written: 11\n"))
print(sys.stdout.write("caf\u00e9\n"))
sys.stdout.writelines(["a\n", "b\n"])
