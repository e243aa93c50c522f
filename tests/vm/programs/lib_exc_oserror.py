# OSError: errno/strerror/filename args, subclass mapping by errno, str forms.
e = OSError(2, "No such file or directory")
print(type(e).__name__, e.errno, e.strerror, e.filename, e.args, str(e))
e = OSError(2, "No such file or directory", "/missing")
print(type(e).__name__, str(e), e.filename, e.filename2, e.args)
e = OSError(1, "Operation not permitted", "a", None, "b")
print(type(e).__name__, str(e), e.filename2)
for errno_value in (1, 2, 4, 11, 13, 17, 20, 21, 32, 104, 110, 111, 999):
    exc = OSError(errno_value, "msg")
    print(errno_value, type(exc).__name__)
print(OSError("only message").errno, str(OSError("only message")), OSError().args, str(OSError()))
print(str(OSError(1, 2, 3, 4, 5, 6)), OSError(1, 2, 3, 4, 5, 6).args)
print(FileNotFoundError(2, "gone").errno, FileNotFoundError("x").errno, type(FileNotFoundError(13, "x")).__name__)
print(repr(OSError(5, "io")), repr(PermissionError(13, "denied", "f")))
try:
    raise FileExistsError(17, "File exists", "dir")
except OSError as err:
    print(type(err).__name__, err, isinstance(err, FileExistsError))
try:
    raise BlockingIOError(11, "again", 7)
except OSError as err:
    print(type(err).__name__, err.characters_written, err.args)


class MyOSError(OSError):
    pass


print(type(MyOSError(2, "x")).__name__, MyOSError(2, "x").errno)
err = OSError(2, "gone")
err.filename = "late"
print(str(err))
raise FileNotFoundError(2, "No such file or directory", "data.csv")
