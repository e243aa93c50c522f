# glob: wildcards per component, hidden names, recursive '**', trailing
# separators, root_dir and dir_fd, bytes patterns, escape/has_magic
# (issue 10). Results are sorted: their order is the directory's.
import glob
import os
import shutil
import tempfile

top = tempfile.mkdtemp()
try:
    for rel in ['a.txt', 'b.txt', 'c.py', '.hidden', 'dir1/x.txt', 'dir1/y.py', 'dir1/sub/z.txt',
                'dir2/w.txt', 'dir2/.h/q.txt', '[odd].txt', 'star*.txt']:
        path = os.path.join(top, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'w') as f:
            f.write(rel)
    os.symlink('dir1', os.path.join(top, 'link1'))

    def g(pattern, **kw):
        return sorted(glob.glob(pattern, root_dir=top, **kw))

    for pat in ['*', '*.txt', '?.py', '[ab].txt', '[!a].txt', 'dir*/*.txt', '*/', 'dir1/*', 'dir1/sub/*',
                'nope*', 'a.txt', 'missing.txt', 'dir1/', '.*', '*/.*/*', '**', '**/*.txt', 'dir1/**',
                'dir1/**/', '**/', '[[]odd].txt', 'star[*].txt', '', 'link1/*.py', '*/*/*']:
        print(repr(pat), g(pat), g(pat, recursive=True) if '**' in pat else '')
    print(g('*', include_hidden=True))
    print(g('**', recursive=True, include_hidden=True))
    print(sorted(glob.glob(b'*.txt', root_dir=os.fsencode(top))))
    print(sorted(os.path.relpath(p, top) for p in glob.glob(os.path.join(top, 'dir1', '*.txt'))))
    print(sorted(os.path.relpath(p, top) for p in glob.iglob(os.path.join(top, '**', '*.py'), recursive=True)))
    fd = os.open(top, os.O_RDONLY)
    try:
        print(sorted(glob.glob('dir2/*', dir_fd=fd)), sorted(glob.glob(b'*.py', dir_fd=fd)))
    finally:
        os.close(fd)
    print(glob.escape('a*b?c[d]'), glob.escape(b'x[y]'), glob.has_magic('abc'), glob.has_magic('a?'),
          glob.has_magic(b'[x]'))
    print(sorted(glob.glob1(top, '*.py')), glob.glob0(top, 'a.txt'), glob.glob0(top, 'zzz'))
    print(type(glob.iglob('*')).__name__ in ('generator', 'chain'))
finally:
    shutil.rmtree(top)
print(os.path.exists(top))
