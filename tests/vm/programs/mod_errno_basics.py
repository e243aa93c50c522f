# errno: the codes, errorcode and its order (compared with python3.11).
import errno

print(errno.ENOENT, errno.EACCES, errno.EEXIST, errno.EAGAIN, errno.EWOULDBLOCK, errno.EINTR, errno.EPIPE)
print(errno.errorcode[errno.ENOENT], errno.errorcode[errno.EAGAIN], errno.errorcode[errno.EDEADLK],
      errno.errorcode[errno.EOPNOTSUPP])
print(len(errno.errorcode), list(errno.errorcode.items())[:8])
print(sorted(errno.errorcode) == sorted(set(errno.errorcode)), all(getattr(errno, n) == c for c, n in errno.errorcode.items()))
names = [n for n in dir(errno) if n.startswith("E")]
print(len(names), names[:10])
for code in [errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EAGAIN, errno.ECHILD, errno.EPIPE]:
    exc = OSError(code, "message")
    print(type(exc).__name__, exc.errno == code, errno.errorcode[exc.errno], exc)
