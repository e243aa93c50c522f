# os: files and directories in a private temporary directory: mkdir,
# makedirs, listdir, rename/replace, remove, links, errors with errno and
# filenames (issue 10).
import os
import errno

base = os.path.join('/tmp', 'minipy_os_files_%d' % os.getpid())
os.mkdir(base)
here = os.getcwd()
os.chdir(base)
try:
    print(os.listdir('.'), os.listdir(), os.listdir(b'.'))
    os.mkdir('d1')
    os.makedirs('d2/sub/leaf')
    os.makedirs('d2/sub/leaf', exist_ok=True)
    try:
        os.makedirs('d2/sub/leaf')
    except FileExistsError as e:
        print('makedirs:', type(e).__name__, e.errno == errno.EEXIST, e.filename)
    fd = os.open('f.txt', os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    print(os.write(fd, b'hello world\n'), os.get_inheritable(fd))
    os.close(fd)
    fd = os.open('f.txt', os.O_RDONLY)
    print(os.read(fd, 5), os.lseek(fd, 0, os.SEEK_CUR), os.read(fd, 100))
    print(os.lseek(fd, 0, os.SEEK_SET), os.read(fd, 3), os.fstat(fd).st_size)
    os.close(fd)
    print(sorted(os.listdir('.')), sorted(os.listdir(b'.')))
    os.rename('f.txt', 'g.txt')
    print(os.path.exists('f.txt'), os.path.exists('g.txt'), os.path.isfile('g.txt'), os.path.isdir('d1'))
    fd = os.open('h.txt', os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, b'x' * 10)
    os.close(fd)
    os.replace('h.txt', 'g.txt')
    print(os.path.getsize('g.txt'))
    os.link('g.txt', 'hard.txt')
    os.symlink('g.txt', 'soft.txt')
    os.symlink('missing', 'broken')
    print(os.readlink('soft.txt'), os.readlink(b'soft.txt'), os.stat('g.txt').st_nlink)
    print(os.path.islink('soft.txt'), os.path.islink('g.txt'), os.path.exists('broken'), os.path.lexists('broken'))
    print(os.path.samefile('hard.txt', 'g.txt'), os.path.samefile('soft.txt', 'g.txt'))
    print(os.access('g.txt', os.R_OK), os.access('nope', os.F_OK), os.access('g.txt', os.X_OK))
    os.chmod('g.txt', 0o755)
    print(oct(os.stat('g.txt').st_mode & 0o777), os.access('g.txt', os.X_OK))
    os.utime('g.txt', (1000000000, 1500000000.25))
    s = os.stat('g.txt')
    print(s.st_atime, s.st_mtime, s.st_mtime_ns, s[8], os.path.getmtime('g.txt'))
    os.utime('g.txt', ns=(5, 1234567890123456789))
    s = os.stat('g.txt')
    print(s.st_atime_ns, s.st_mtime_ns, s.st_mtime)
    os.truncate('g.txt', 3)
    print(os.path.getsize('g.txt'))
    for bad in ['nope', b'nope', 'd1']:
        try:
            os.remove(bad)
        except OSError as e:
            print('remove:', type(e).__name__, e.errno, e.strerror, e.filename, e)
    try:
        os.rmdir('d2')
    except OSError as e:
        print('rmdir:', type(e).__name__, e)
    try:
        os.rename('nope', 'other')
    except OSError as e:
        print('rename:', type(e).__name__, e, e.filename, e.filename2)
    try:
        os.mkdir('d1')
    except FileExistsError as e:
        print('mkdir:', e)
    try:
        os.listdir('g.txt')
    except NotADirectoryError as e:
        print('listdir:', e)
    try:
        os.chdir('nope')
    except FileNotFoundError as e:
        print('chdir:', e)
    os.removedirs('d2/sub/leaf')
    print(sorted(os.listdir()))
    os.renames('g.txt', 'new/dir/g.txt')
    print(sorted(os.listdir()), os.listdir('new/dir'))
    for name in ['hard.txt', 'soft.txt', 'broken', 'new/dir/g.txt']:
        os.unlink(name)
    os.removedirs('new/dir')
    os.rmdir('d1')
    print(os.listdir())
finally:
    os.chdir(here)
    for root, dirs, files in os.walk(base, topdown=False):
        for name in files:
            os.remove(os.path.join(root, name))
        for name in dirs:
            p = os.path.join(root, name)
            os.unlink(p) if os.path.islink(p) else os.rmdir(p)
    os.rmdir(base)
print(os.path.exists(base))
