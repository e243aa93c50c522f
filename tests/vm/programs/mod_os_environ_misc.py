# os: environ/environb/getenv/putenv/unsetenv, fsencode/fsdecode, fspath
# and PathLike, pipes and fds, argument errors, constants (issue 10).
import os
import sys

os.environ['MINIPY_TEST_VAR'] = 'value one'
print(os.environ['MINIPY_TEST_VAR'], os.getenv('MINIPY_TEST_VAR'), os.environb[b'MINIPY_TEST_VAR'])
print('MINIPY_TEST_VAR' in os.environ, os.environ.get('MINIPY_NOPE'), os.getenv('MINIPY_NOPE', 'dflt'))
os.environb[b'MINIPY_TEST_B'] = b'\xffbytes'
print(ascii(os.environ['MINIPY_TEST_B']), os.getenvb(b'MINIPY_TEST_B'))
print(os.environ.setdefault('MINIPY_TEST_VAR', 'other'), os.environ.setdefault('MINIPY_TEST_C', 'c'))
print(os.environ.pop('MINIPY_TEST_C'), 'MINIPY_TEST_C' in os.environ)
del os.environ['MINIPY_TEST_B']
try:
    del os.environ['MINIPY_TEST_B']
except KeyError as e:
    print('KeyError', e)
try:
    os.environ['MINIPY_X'] = 1
except TypeError as e:
    print(e)
try:
    os.environ[1]
except TypeError as e:
    print(e)
try:
    os.environb['MINIPY_X']
except TypeError as e:
    print(e)
try:
    os.environ['A=B'] = 'x'
except ValueError as e:
    print(e)
try:
    os.putenv('MINIPY\0', 'x')
except ValueError as e:
    print(e)
try:
    os.environ['MINIPY_NUL'] = 'a\0b'
except ValueError as e:
    print(e)
d = os.environ.copy()
print(type(d).__name__, d['MINIPY_TEST_VAR'], type(os.environ).__name__, isinstance(os.environ, dict))
merged = os.environ | {'MINIPY_M': 'm'}
print(type(merged).__name__, merged['MINIPY_M'], 'MINIPY_M' in os.environ)
os.environ |= {'MINIPY_M': 'm2'}
print(os.environ['MINIPY_M'])
print(sorted(k for k in os.environ if k.startswith('MINIPY_')))
print(repr(os.environ).startswith('environ({'), len(os.environ) == len(os.environb))
os.unsetenv('MINIPY_M')
print('MINIPY_M' in os.environ)
print(os.get_exec_path({'PATH': '/x:/y'}), os.get_exec_path({}), os.get_exec_path({b'PATH': b'/b'}))
try:
    os.get_exec_path({'PATH': '/x', b'PATH': b'/y'})
except ValueError as e:
    print(e)

print(os.fsencode('abc'), os.fsencode(b'abc'), ascii(os.fsdecode(b'\xe9\xff')), os.fsencode('\udcff'))


class P:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


print(os.fspath('s'), os.fspath(b'b'), os.fspath(P('x')), os.fspath(P(b'y')))
for bad in [1, None, P(1)]:
    try:
        os.fspath(bad)
    except TypeError as e:
        print(e)
print(isinstance(P('a'), os.PathLike), issubclass(str, os.PathLike), os.PathLike[str])
print(os.path.join(P('a'), P('b')), os.stat(P('.')).st_mode == os.stat('.').st_mode)
for args in [([1],), (3.5,), ('a\0b',), (b'a\0b',), (P(3),)]:
    try:
        os.stat(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    os.listdir(1.5)
except TypeError as e:
    print(e)
try:
    os.mkdir()
except TypeError as e:
    print(e)
try:
    os.rename('minipy_missing', b'minipy_b')
except OSError as e:
    print(e)
try:
    os.stat('x', dir_fd='y')
except TypeError as e:
    print(e)

r, w = os.pipe()
print(os.get_inheritable(r), os.get_blocking(r), os.isatty(r))
os.set_inheritable(r, True)
print(os.get_inheritable(r))
print(os.write(w, b'through the pipe'), os.read(r, 7), os.read(r, 100))
w2 = os.dup(w)
os.write(w2, memoryview(b'dup'))
print(os.read(r, 10), os.get_inheritable(w2))
os.dup2(w, w2)
os.close(w)
os.close(w2)
print(os.read(r, 10))
os.close(r)
try:
    os.close(r)
except OSError as e:
    print(type(e).__name__, e)
try:
    os.read(-1, 1)
except OSError as e:
    print(e.errno, e)
print(os.strerror(2), os.strerror(13), os.name, os.sep, os.pathsep, os.curdir, os.pardir, os.extsep, os.altsep,
      repr(os.linesep), os.devnull, os.defpath)
print(os.SEEK_SET, os.SEEK_CUR, os.SEEK_END, os.O_RDONLY, os.O_WRONLY, os.O_RDWR, os.O_CREAT, os.F_OK, os.R_OK)
print(os.error is OSError, os.path is sys.modules['os.path'], os.path.__name__)
print(type(os.getpid()), os.getpid() == os.getpid(), type(os.getuid()), type(os.cpu_count()), len(os.urandom(16)))
print(os.uname()._fields if hasattr(os.uname(), '_fields') else len(os.uname()), type(os.uname().sysname))
t = os.times()
print(len(t), type(t.user), os.terminal_size((80, 24)), os.terminal_size((80, 24)).lines)
print(os.WIFEXITED(0), os.WEXITSTATUS(256), os.WIFSIGNALED(9), os.WTERMSIG(9), os.waitstatus_to_exitcode(256),
      os.waitstatus_to_exitcode(9))
old = os.umask(0o22)
print(os.umask(old) == 0o22)
print(os.major(os.makedev(8, 1)), os.minor(os.makedev(8, 1)))
