# os: scandir/DirEntry, stat_result, walk (top-down, bottom-up, pruning,
# onerror, followlinks), fwalk and listdir on fds (issue 10).
import os
import stat

base = os.path.join('/tmp', 'minipy_os_walk_%d' % os.getpid())
os.makedirs(os.path.join(base, 'a', 'b', 'c'))
os.makedirs(os.path.join(base, 'x'))
for rel, size in [('top.txt', 3), ('a/one.py', 5), ('a/b/two.py', 7), ('a/b/c/three', 0), ('x/four', 1)]:
    fd = os.open(os.path.join(base, rel), os.O_WRONLY | os.O_CREAT, 0o644)
    os.write(fd, b'z' * size)
    os.close(fd)
os.symlink('a', os.path.join(base, 'link_to_a'))
os.symlink('top.txt', os.path.join(base, 'link_to_top'))
os.symlink('nowhere', os.path.join(base, 'dangling'))


def rel(p):
    return os.path.relpath(p, base) if isinstance(p, str) else os.path.relpath(p, os.fsencode(base))


try:
    with os.scandir(base) as it:
        entries = sorted(it, key=lambda e: e.name)
    for e in entries:
        print(repr(e), e.name, rel(e.path), e.is_dir(), e.is_file(), e.is_symlink(),
              e.is_dir(follow_symlinks=False), e.is_file(follow_symlinks=False),
              e.inode() == os.lstat(e.path).st_ino, os.fspath(e) == e.path)
        if e.name != 'dangling':
            print('   ', e.stat().st_size == os.stat(e.path).st_size,
                  stat.S_ISLNK(e.stat(follow_symlinks=False).st_mode))
    print(isinstance(entries[0], os.DirEntry), isinstance(entries[0], os.PathLike))
    try:
        entries[2].stat()
    except FileNotFoundError as e:
        print('dangling stat:', rel(e.filename))
    for e in os.scandir(os.fsencode(base)):
        if e.name == b'top.txt':
            print(repr(e), rel(e.path))
    try:
        os.DirEntry()
    except TypeError as e:
        print(e)
    it = os.scandir(base)
    next(it)
    it.close()
    print(list(it))

    st = os.stat(os.path.join(base, 'top.txt'))
    print(type(st).__name__, len(st), st.st_size, stat.S_ISREG(st.st_mode), stat.filemode(st.st_mode))
    print(st[0] == st.st_mode, st[6] == st.st_size, st[7] == int(st.st_atime), st[8] == st.st_mtime_ns // 10**9)
    print(os.stat_result.n_fields, os.stat_result.n_sequence_fields, os.stat_result.n_unnamed_fields)
    print(os.stat_result(range(10)))
    lst = os.lstat(os.path.join(base, 'link_to_top'))
    print(stat.S_ISLNK(lst.st_mode), stat.filemode(lst.st_mode)[0],
          os.stat(os.path.join(base, 'link_to_top'), follow_symlinks=False) == lst)

    for top, dirs, files in os.walk(base):
        dirs.sort()
        print('down', rel(top), dirs, sorted(files))
    # Bottom-up: the order of siblings follows readdir, so print sorted and
    # check that every directory comes after its subdirectories.
    up = [(rel(top), sorted(dirs), sorted(files)) for top, dirs, files in os.walk(base, topdown=False)]
    for item in sorted(up):
        print('up', *item)
    seen = [t for t, _, _ in up]
    print(all(seen.index(os.path.normpath(os.path.join(t, d))) < seen.index(t)
              for t, ds, _ in up for d in ds if d != 'link_to_a'))
    for top, dirs, files in os.walk(base, followlinks=True):
        dirs.sort()
        if 'b' in dirs:
            dirs.remove('b')
        print('follow', rel(top), dirs, sorted(files))
    for top, dirs, files in os.walk(os.fsencode(base)):
        dirs.sort()
        print('bytes', rel(top), dirs, sorted(files))
        break
    errors = []
    print(list(os.walk(os.path.join(base, 'missing'), onerror=errors.append)),
          [(type(e).__name__, rel(e.filename)) for e in errors])
    for top, dirs, files, fd in os.fwalk(base):
        dirs.sort()
        print('fwalk', rel(top), dirs, sorted(files), sorted(os.listdir(fd)) == sorted(dirs + files))
    fd = os.open(base, os.O_RDONLY)
    print(sorted(os.listdir(fd)), sorted(e.name for e in os.scandir(fd)))
    print(os.stat('top.txt', dir_fd=fd).st_size, os.path.exists(os.path.join(base, 'top.txt')))
    os.mkdir('made', dir_fd=fd)
    os.rename('made', 'made2', src_dir_fd=fd, dst_dir_fd=fd)
    os.rmdir('made2', dir_fd=fd)
    os.close(fd)
finally:
    for top, dirs, files in os.walk(base, topdown=False):
        for name in files + dirs:
            p = os.path.join(top, name)
            if os.path.isdir(p) and not os.path.islink(p):
                os.rmdir(p)
            else:
                os.remove(p)
    os.rmdir(base)
print(os.path.exists(base))
