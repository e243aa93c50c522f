# os.path (posixpath, genericpath) on str and bytes: the pure functions,
# expanduser/expandvars, realpath through symlinks and loops, the checks
# on the file system, argument errors (issue 10). The generated-vector
# test tests/modules/test_posixpath_vectors.py covers many more inputs.
import os
import posixpath
import genericpath
import stat

P = posixpath
for p in ['', '/', '//', '///', 'a', 'a/', '/a/b/', 'a/b/c.txt', '.hidden', 'a/.b.c', 'a..b', '../x.y/', 'a//b']:
    print(repr(p), P.split(p), P.splitext(p), P.basename(p), P.dirname(p), P.normpath(p), P.isabs(p),
          P.splitdrive(p), P.normcase(p))
for parts in [('a', 'b'), ('a/', 'b'), ('a', '/b'), ('', 'b'), ('a', ''), ('/', 'a', '', 'b/'), (b'x', b'y')]:
    print(parts, P.join(*parts))
for bad in [('a', b'b'), (b'a', 'b'), ('a', 1), (1,), (None, 'a')]:
    try:
        P.join(*bad)
    except TypeError as e:
        print('join', bad, e)
print(P.commonprefix(['/usr/lib', '/usr/local', '/usr/li']), repr(P.commonprefix([])),
      P.commonprefix([['a', 'b'], ['a', 'c']]))
print(P.commonpath(['/usr/lib', '/usr/local/x', '/usr/lib/']), P.commonpath(['a/b', 'a/./b/c']),
      P.commonpath([b'/x/y', b'/x/z']))
for bad in [[], ['/a', 'b'], ['a', b'b']]:
    try:
        P.commonpath(bad)
    except (ValueError, TypeError) as e:
        print('commonpath', type(e).__name__, e)
os.environ['MINIPY_PP'] = 'val'
os.environ.pop('MINIPY_PP_NOPE', None)
for s in ['$MINIPY_PP', '${MINIPY_PP}x', '$MINIPY_PP_NOPE/$', 'a$', '${MINIPY_PP', '$$MINIPY_PP', '${}', 'no vars',
          '$MINIPY_PP$MINIPY_PP', 'x${MINIPY_PP}y${MINIPY_PP_NOPE}z']:
    print(repr(s), repr(P.expandvars(s)), P.expandvars(s.encode()))
home = os.environ.get('HOME')
os.environ['HOME'] = '/home/minipy/'
print(P.expanduser('~'), P.expanduser('~/x'), P.expanduser('a/~'), P.expanduser(b'~/y'), P.expanduser('x~'))
os.environ['HOME'] = '/'
print(P.expanduser('~'), P.expanduser('~/z'))
if home is None:
    del os.environ['HOME']
else:
    os.environ['HOME'] = home
print(P.relpath('/a/b/c', '/a/x/y'), P.relpath('/a', '/a'), P.relpath(b'/a/b', b'/'), P.relpath('/x', '/x/y/z'))
try:
    P.relpath('')
except ValueError as e:
    print(e)
print(P.abspath('/a/../b/./c'), P.abspath('x') == P.join(os.getcwd(), 'x'), P.abspath(b'/q//r/'))

base = os.path.join('/tmp', 'minipy_posixpath_%d' % os.getpid())
os.makedirs(os.path.join(base, 'real', 'dir'))
try:
    os.symlink('real', os.path.join(base, 'ln'))
    os.symlink('ln/dir', os.path.join(base, 'ln2'))
    os.symlink('loop1', os.path.join(base, 'loop2'))
    os.symlink('loop2', os.path.join(base, 'loop1'))
    os.symlink('../real/dir', os.path.join(base, 'real', 'up'))
    rp = P.realpath(base)
    for name in ['ln', 'ln2', 'ln2/..', 'loop1', 'loop1/x', 'real/up/../dir', 'missing/../ln']:
        r = P.realpath(os.path.join(base, name))
        print(name, P.relpath(r, rp) if r.startswith(rp) else r)
    try:
        P.realpath(os.path.join(base, 'loop1'), strict=True)
    except OSError as e:
        print('strict', type(e).__name__, e.errno)
    try:
        P.realpath(os.path.join(base, 'missing'), strict=True)
    except OSError as e:
        print('strict', type(e).__name__)
    print(P.islink(os.path.join(base, 'ln')), P.isdir(os.path.join(base, 'ln')), P.isfile(os.path.join(base, 'ln')),
          P.exists(os.path.join(base, 'loop1')), P.lexists(os.path.join(base, 'loop1')), P.ismount('/'),
          P.ismount(base), P.exists('a\0b'), P.isdir(b'/'), P.islink(1.5) if False else None)
    print(P.samefile(os.path.join(base, 'ln2'), os.path.join(base, 'real', 'dir')),
          P.getsize(os.path.join(base, 'real')) == os.stat(os.path.join(base, 'real')).st_size)
    try:
        P.getsize(os.path.join(base, 'nope'))
    except FileNotFoundError as e:
        print('getsize', P.basename(e.filename))
finally:
    for name in ['ln', 'ln2', 'loop1', 'loop2', 'real/up']:
        os.unlink(os.path.join(base, name))
    os.removedirs(os.path.join(base, 'real', 'dir'))
print(P.exists(base), P.sep, P.curdir, P.pardir, P.extsep, P.pathsep, P.defpath, P.altsep, P.devnull)
print(sorted(P.__all__) == sorted(set(P.__all__)), len(P.__all__), genericpath.__all__)
print(stat.filemode(0o100644), stat.filemode(0o40755), stat.filemode(0o120777), stat.filemode(0o104755),
      stat.filemode(0o1777 | stat.S_IFDIR), stat.filemode(0o2644 | stat.S_IFREG), stat.filemode(0))
print(stat.S_IMODE(0o100644), stat.S_IFMT(0o100644) == stat.S_IFREG, stat.S_ISDIR(0o40000), stat.S_ISCHR(0o20000),
      stat.S_ISFIFO(0o10000), stat.S_ISSOCK(0o140000), stat.S_ISBLK(0o60000), stat.ST_MTIME, stat.S_IRWXU)
