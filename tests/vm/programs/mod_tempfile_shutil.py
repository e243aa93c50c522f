# tempfile and shutil together: mkstemp/mkdtemp names and modes,
# NamedTemporaryFile/TemporaryFile/SpooledTemporaryFile, TemporaryDirectory
# cleanup; shutil copyfile/copy/copy2/copytree/rmtree/move/which and their
# errors (issue 10). Paths are printed relative to the temporary directory.
import os
import shutil
import stat
import tempfile

print(tempfile.gettempprefix(), tempfile.gettempprefixb(), os.path.isdir(tempfile.gettempdir()),
      tempfile.gettempdirb() == os.fsencode(tempfile.gettempdir()), tempfile.template)
with tempfile.TemporaryDirectory(prefix='mp_', suffix='_x') as top:
    name = os.path.basename(top)
    print(name.startswith('mp_'), name.endswith('_x'), len(name), oct(os.stat(top).st_mode & 0o777))
    fd, path = tempfile.mkstemp(dir=top, suffix='.dat')
    print(os.path.dirname(path) == top, os.path.basename(path)[:3], path.endswith('.dat'),
          oct(os.stat(path).st_mode & 0o777), os.get_inheritable(fd))
    os.write(fd, b'0123456789' * 1000)
    os.close(fd)
    fdb, pathb = tempfile.mkstemp(dir=os.fsencode(top), prefix=b'b_')
    os.close(fdb)
    print(type(pathb).__name__, os.path.basename(pathb)[:2])
    d = tempfile.mkdtemp(dir=top)
    print(os.path.isdir(d), oct(os.stat(d).st_mode & 0o777))
    try:
        tempfile.mkstemp(prefix=b'x', suffix='y')
    except TypeError as e:
        print(e)
    with tempfile.NamedTemporaryFile('w+', dir=top, suffix='.txt', encoding='utf-8') as f:
        f.write('named\n')
        f.flush()
        print(os.path.exists(f.name), f.name.endswith('.txt'), type(f).__name__)
        f.seek(0)
        print(repr(f.read()), f.closed)
        kept = f.name
    print(os.path.exists(kept))
    f = tempfile.NamedTemporaryFile(dir=top, delete=False)
    f.write(b'stay')
    f.close()
    print(os.path.exists(f.name), open(f.name, 'rb').read())
    with tempfile.TemporaryFile(dir=top) as t:
        t.write(b'anon')
        t.seek(0)
        print(t.read(), type(t.name).__name__)
    with tempfile.SpooledTemporaryFile(max_size=10, dir=top) as s:
        s.write(b'short')
        print(s._rolled, s.tell())
        s.write(b' and now longer')
        print(s._rolled)
        s.seek(0)
        print(s.read())

    src = os.path.join(top, 'src')
    os.makedirs(os.path.join(src, 'sub', 'deeper'))
    for rel, text in [('a.txt', 'A'), ('sub/b.py', 'B' * 100), ('sub/deeper/c.txt', 'C'), ('skip.tmp', 'x')]:
        with open(os.path.join(src, rel), 'w') as fh:
            fh.write(text)
    os.chmod(os.path.join(src, 'a.txt'), 0o640)
    os.utime(os.path.join(src, 'a.txt'), (1000, 2000))
    os.symlink('a.txt', os.path.join(src, 'link'))
    dst = shutil.copyfile(os.path.join(src, 'a.txt'), os.path.join(top, 'copy1'))
    print(os.path.basename(dst), oct(os.stat(dst).st_mode & 0o777), os.stat(dst).st_mtime == 2000)
    shutil.copy(os.path.join(src, 'a.txt'), os.path.join(top, 'copy2'))
    print(oct(os.stat(os.path.join(top, 'copy2')).st_mode & 0o777), os.stat(os.path.join(top, 'copy2')).st_mtime != 2000)
    d2 = shutil.copy2(os.path.join(src, 'a.txt'), d)
    print(os.path.basename(d2), os.stat(d2).st_mtime, oct(os.stat(d2).st_mode & 0o777))
    try:
        shutil.copyfile(dst, dst)
    except shutil.SameFileError as e:
        print(type(e).__name__, isinstance(e, OSError), str(e).replace(top, 'TOP'))
    try:
        shutil.copyfile(os.path.join(top, 'missing'), os.path.join(top, 'x'))
    except FileNotFoundError as e:
        print('copyfile', e.errno, os.path.basename(e.filename))
    shutil.copyfile(os.path.join(src, 'link'), os.path.join(top, 'link_copy'), follow_symlinks=False)
    print(os.path.islink(os.path.join(top, 'link_copy')), os.readlink(os.path.join(top, 'link_copy')))

    def ignore(path, names):
        return {n for n in names if n.endswith('.tmp')}

    out = shutil.copytree(src, os.path.join(top, 'tree'), ignore=ignore)
    listing = sorted(os.path.relpath(os.path.join(r, n), out) for r, ds, fs in os.walk(out) for n in ds + fs)
    print(os.path.basename(out), listing, os.path.islink(os.path.join(out, 'link')))
    out2 = shutil.copytree(src, os.path.join(top, 'tree2'), symlinks=True)
    print(os.path.islink(os.path.join(out2, 'link')), os.stat(os.path.join(out2, 'a.txt')).st_mtime)
    try:
        shutil.copytree(src, out2)
    except FileExistsError as e:
        print('copytree', type(e).__name__)
    shutil.copytree(src, out2, dirs_exist_ok=True)
    moved = shutil.move(os.path.join(top, 'tree2'), os.path.join(top, 'moved'))
    print(os.path.basename(moved), os.path.exists(os.path.join(top, 'tree2')))
    print(os.path.basename(shutil.move(os.path.join(top, 'copy1'), d)), sorted(os.listdir(d)))
    try:
        shutil.move(os.path.join(top, 'copy2'), d)
        shutil.move(os.path.join(d, 'copy2'), d)
    except shutil.Error as e:
        print('move', str(e).replace(d, 'D'))
    shutil.rmtree(os.path.join(top, 'moved'))
    print(os.path.exists(moved))
    try:
        shutil.rmtree(os.path.join(top, 'nope'))
    except FileNotFoundError as e:
        print('rmtree', os.path.basename(e.filename))
    shutil.rmtree(os.path.join(top, 'nope'), ignore_errors=True)
    errs = []
    shutil.rmtree(os.path.join(top, 'nope'), onerror=lambda f, p, e: errs.append((f.__name__, os.path.basename(p), e[0].__name__)))
    print(errs)
    try:
        shutil.rmtree(os.path.join(out, 'link'))
    except OSError as e:
        print('rmtree link', str(e).replace(top, 'TOP'))
    with open(os.path.join(top, 'tool'), 'w') as fh:
        fh.write('#!/bin/sh\n')
    os.chmod(os.path.join(top, 'tool'), 0o755)
    print(shutil.which('tool', path=top) == os.path.join(top, 'tool'), shutil.which('tool', path=''),
          shutil.which('no-such-tool-here'), shutil.which(os.path.join(top, 'tool')) is not None,
          shutil.which('tool', path=top, mode=os.F_OK) is not None, shutil.which(b'tool', path=top) is not None)
    print(shutil.get_terminal_size((33, 44)) if 'COLUMNS' not in os.environ else 'env')
    t = tempfile.TemporaryDirectory(dir=top)
    print(repr(t).startswith('<TemporaryDirectory '), os.path.isdir(t.name))
    t.cleanup()
    print(os.path.exists(t.name))
print(os.path.exists(top))
