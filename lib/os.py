"""Operating system interfaces: the posix module's system calls, os.path
(posixpath), the process environment and directory walks.
"""

# minipy's own os module (CPython 3.11 has Lib/os.py): the native posix
# module (modules/posixmodule.cpp) plus what CPython writes in Python on
# top of it: os.path, environ as a str mapping, makedirs/removedirs/walk/
# fwalk, fsencode/fsdecode, the exec*p and spawn* families. Linux only.
# Book chapter 12.

import abc
import sys
import stat as st

from _collections_abc import _check_methods, Mapping, MutableMapping

GenericAlias = type(list[int])

_names = sys.builtin_module_names

__all__ = ["altsep", "curdir", "pardir", "sep", "pathsep", "linesep",
           "defpath", "name", "path", "devnull", "SEEK_SET", "SEEK_CUR",
           "SEEK_END", "fsencode", "fsdecode", "get_exec_path", "fdopen",
           "extsep"]


def _exists(name):
    return name in globals()


def _get_exports_list(module):
    try:
        return list(module.__all__)
    except AttributeError:
        return [n for n in dir(module) if n[0] != '_']


name = 'posix'
linesep = '\n'
from posix import *
try:
    from posix import _exit
    __all__.append('_exit')
except ImportError:
    pass
import posixpath as path
try:
    from posix import _have_functions
except ImportError:
    pass
import posix
__all__.extend(_get_exports_list(posix))
del posix

sys.modules['os.path'] = path
from os.path import (curdir, pardir, sep, pathsep, defpath, extsep, altsep,
                     devnull)

del _names

# Which functions take dir_fd, an fd as path, effective_ids or
# follow_symlinks (the *at() calls the posix module uses on Linux).
if _exists("_have_functions"):
    _globals = globals()

    def _add(str, fn):
        if (fn in _globals) and (str in _have_functions):
            _set.add(_globals[fn])

    _set = set()
    _add("HAVE_FACCESSAT", "access")
    _add("HAVE_FCHMODAT", "chmod")
    _add("HAVE_FCHOWNAT", "chown")
    _add("HAVE_FSTATAT", "stat")
    _add("HAVE_LINKAT", "link")
    _add("HAVE_MKDIRAT", "mkdir")
    _add("HAVE_MKFIFOAT", "mkfifo")
    _add("HAVE_OPENAT", "open")
    _add("HAVE_READLINKAT", "readlink")
    _add("HAVE_RENAMEAT", "rename")
    _add("HAVE_SYMLINKAT", "symlink")
    _add("HAVE_UNLINKAT", "unlink")
    _add("HAVE_UNLINKAT", "rmdir")
    _add("HAVE_UTIMENSAT", "utime")
    supports_dir_fd = _set

    _set = set()
    _add("HAVE_FACCESSAT", "access")
    supports_effective_ids = _set

    _set = set()
    _add("HAVE_FCHDIR", "chdir")
    _add("HAVE_FCHMOD", "chmod")
    _add("HAVE_FCHOWN", "chown")
    _add("HAVE_FDOPENDIR", "listdir")
    _add("HAVE_FDOPENDIR", "scandir")
    _add("HAVE_FSTATAT", "stat")
    _add("HAVE_FTRUNCATE", "truncate")
    _add("HAVE_FUTIMENS", "utime")
    supports_fd = _set

    _set = set()
    _add("HAVE_FACCESSAT", "access")
    _add("HAVE_FCHOWNAT", "chown")
    _add("HAVE_FSTATAT", "stat")
    _add("HAVE_LINKAT", "link")
    _add("HAVE_UTIMENSAT", "utime")
    supports_follow_symlinks = _set

    del _set
    del _globals
    del _add

# lseek's whence values.
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


def makedirs(name, mode=0o777, exist_ok=False):
    """Create directory name and any missing parents (mode applies to the
    leaf). An existing leaf is an error unless exist_ok is true and it is a
    directory.
    """
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            # Another process made it meanwhile.
            pass
        here = bytes(curdir, 'ASCII') if isinstance(tail, bytes) else curdir
        if tail == here:  # "a/b/." : the parent made, nothing is left to do
            return
    try:
        mkdir(name, mode)
    except OSError:
        # Only an existing directory is acceptable, and only with exist_ok.
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """Remove directory name, then each parent named in it while they are
    empty; stop quietly at the first parent that cannot be removed.
    """
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    """Rename old to new, creating new's missing parents first and removing
    old's parents that the rename left empty.
    """
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


__all__.extend(["makedirs", "removedirs", "renames"])


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Generate (dirpath, dirnames, filenames) for top and every directory
    below it.

    Top-down (the default), each directory comes before its subdirectories
    and the caller may edit dirnames in place to prune or order the walk;
    bottom-up, after them. Errors of os.scandir are ignored, or passed to
    onerror. Symbolic links to directories are listed in dirnames but
    entered only when followlinks is true.
    """
    sys.audit("os.walk", top, topdown, onerror, followlinks)
    top = fspath(top)
    dirs = []
    nondirs = []
    # Bottom-up walks decide now which subdirectories to enter: the
    # caller's changes to dirs come too late for them.
    later = []
    try:
        entries = scandir(top)
    except OSError as error:
        if onerror is not None:
            onerror(error)
        return
    with entries:
        while True:
            try:
                try:
                    entry = next(entries)
                except StopIteration:
                    break
            except OSError as error:
                if onerror is not None:
                    onerror(error)
                return
            try:
                is_dir = entry.is_dir()
            except OSError:
                # Like os.path.isdir(): an unreadable entry is no directory.
                is_dir = False
            if is_dir:
                dirs.append(entry.name)
            else:
                nondirs.append(entry.name)
            if not topdown and is_dir:
                if followlinks:
                    enter = True
                else:
                    try:
                        enter = not entry.is_symlink()
                    except OSError:
                        enter = True
                if enter:
                    later.append(entry.path)
    if topdown:
        yield top, dirs, nondirs
        # The caller may have pruned or reordered dirs.
        for dirname in dirs:
            new_path = path.join(top, dirname)
            # A symlink to a directory is listed but entered only when
            # following links (path.islink: it may have changed since).
            if followlinks or not path.islink(new_path):
                yield from walk(new_path, topdown, onerror, followlinks)
    else:
        for new_path in later:
            yield from walk(new_path, topdown, onerror, followlinks)
        yield top, dirs, nondirs


__all__.append("walk")


def fwalk(top=".", topdown=True, onerror=None, *, follow_symlinks=False, dir_fd=None):
    """Like walk(), but generate (dirpath, dirnames, filenames, dirfd) where
    dirfd is an open file descriptor of dirpath, valid until the next step.
    Without follow_symlinks the walk is safe against symlink races; dir_fd
    makes top relative to that directory.
    """
    sys.audit("os.fwalk", top, topdown, onerror, follow_symlinks, dir_fd)
    top = fspath(top)
    # The directory is checked again once open: it must be the one that
    # was stat()ed (no symlink swapped in between).
    if not follow_symlinks:
        orig_st = stat(top, follow_symlinks=False, dir_fd=dir_fd)
    topfd = open(top, O_RDONLY | O_NONBLOCK, dir_fd=dir_fd)
    try:
        if (follow_symlinks or (st.S_ISDIR(orig_st.st_mode) and
                                path.samestat(orig_st, stat(topfd)))):
            yield from _fwalk(topfd, top, isinstance(top, bytes),
                              topdown, onerror, follow_symlinks)
    finally:
        close(topfd)


def _fwalk(topfd, toppath, isbytes, topdown, onerror, follow_symlinks):
    # scandir of an fd names entries as str: bytes callers get them encoded.
    entries = scandir(topfd)
    dirs = []
    nondirs = []
    kept = None if topdown or follow_symlinks else []
    for entry in entries:
        name = entry.name
        if isbytes:
            name = fsencode(name)
        try:
            if entry.is_dir():
                dirs.append(name)
                if kept is not None:
                    kept.append(entry)
            else:
                nondirs.append(name)
        except OSError:
            try:
                # A broken symlink is still a name to report.
                if entry.is_symlink():
                    nondirs.append(name)
            except OSError:
                pass

    if topdown:
        yield toppath, dirs, nondirs, topfd

    for item in dirs if kept is None else zip(dirs, kept):
        try:
            if not follow_symlinks:
                if topdown:
                    name = item
                    orig_st = stat(name, dir_fd=topfd, follow_symlinks=False)
                else:
                    name, entry = item
                    orig_st = entry.stat(follow_symlinks=False)
            else:
                name = item
            dirfd = open(name, O_RDONLY | O_NONBLOCK, dir_fd=topfd)
        except OSError as err:
            if onerror is not None:
                onerror(err)
            continue
        try:
            if follow_symlinks or path.samestat(orig_st, stat(dirfd)):
                dirpath = path.join(toppath, name)
                yield from _fwalk(dirfd, dirpath, isbytes,
                                  topdown, onerror, follow_symlinks)
        finally:
            close(dirfd)

    if not topdown:
        yield toppath, dirs, nondirs, topfd


__all__.append("fwalk")


def execl(file, *args):
    """Replace the process with file run with the arguments args."""
    execv(file, args)


def execle(file, *args):
    """Replace the process with file run with the arguments args[:-1] and the
    environment args[-1].
    """
    env = args[-1]
    execve(file, args[:-1], env)


def execlp(file, *args):
    """Replace the process with file (looked up on PATH) run with args."""
    execvp(file, args)


def execlpe(file, *args):
    """Replace the process with file (looked up on PATH) run with the
    arguments args[:-1] and the environment args[-1].
    """
    env = args[-1]
    execvpe(file, args[:-1], env)


def execvp(file, args):
    """Replace the process with file (looked up on PATH) run with the
    argument list args.
    """
    _execvpe(file, args)


def execvpe(file, args, env):
    """Replace the process with file (looked up on PATH) run with the
    argument list args and the environment env.
    """
    _execvpe(file, args, env)


__all__.extend(["execl", "execle", "execlp", "execlpe", "execvp", "execvpe"])


def _execvpe(file, args, env=None):
    if env is not None:
        exec_func = execve
        argrest = (args, env)
    else:
        exec_func = execv
        argrest = (args,)
        env = environ

    if path.dirname(file):
        exec_func(file, *argrest)
        return
    # Try every directory of PATH. A "not found" is expected; any other
    # error (permission denied) is what is reported if nothing runs.
    first_other = None
    last = None
    for dir in map(fsencode, get_exec_path(env)):
        fullname = path.join(dir, fsencode(file))
        try:
            exec_func(fullname, *argrest)
        except (FileNotFoundError, NotADirectoryError) as e:
            last = e
        except OSError as e:
            last = e
            if first_other is None:
                first_other = e
    if first_other is not None:
        raise first_other
    raise last


def get_exec_path(env=None):
    """Return the list of directories searched for executables: the PATH
    of env (os.environ when None; str or bytes key), else os.defpath.
    """
    if env is None:
        env = environ
    try:
        path_list = env.get('PATH')
    except TypeError:
        path_list = None
    try:
        path_listb = env[b'PATH']
    except (KeyError, TypeError):
        pass
    else:
        if path_list is not None:
            raise ValueError("env cannot contain 'PATH' and b'PATH' keys")
        path_list = path_listb
    if path_list is not None and isinstance(path_list, bytes):
        path_list = fsdecode(path_list)
    if path_list is None:
        path_list = defpath
    return path_list.split(pathsep)


class _Environ(MutableMapping):
    # A str view of a bytes dict (posix.environ) that also changes the
    # process environment: every write goes through putenv/unsetenv.
    def __init__(self, data, encodekey, decodekey, encodevalue, decodevalue):
        self.encodekey = encodekey
        self.decodekey = decodekey
        self.encodevalue = encodevalue
        self.decodevalue = decodevalue
        self._data = data

    def __getitem__(self, key):
        try:
            value = self._data[self.encodekey(key)]
        except KeyError:
            raise KeyError(key) from None
        return self.decodevalue(value)

    def __setitem__(self, key, value):
        key = self.encodekey(key)
        value = self.encodevalue(value)
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        encoded = self.encodekey(key)
        unsetenv(encoded)
        try:
            del self._data[encoded]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        # A snapshot: the loop body may change the environment.
        for key in list(self._data):
            yield self.decodekey(key)

    def __len__(self):
        return len(self._data)

    def __repr__(self):
        items = ", ".join(f"{self.decodekey(key)!r}: {self.decodevalue(value)!r}"
                          for key, value in self._data.items())
        return f"environ({{{items}}})"

    def copy(self):
        return dict(self)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        new = dict(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        new = dict(other)
        new.update(self)
        return new


def _createenviron():
    encoding = sys.getfilesystemencoding()

    def encode(value):
        if not isinstance(value, str):
            raise TypeError("str expected, not %s" % type(value).__name__)
        return value.encode(encoding, 'surrogateescape')

    def decode(value):
        return value.decode(encoding, 'surrogateescape')

    return _Environ(environ, encode, decode, encode, decode)


environ = _createenviron()
del _createenviron


def getenv(key, default=None):
    """Return the environment variable key (str), or default when unset."""
    return environ.get(key, default)


supports_bytes_environ = True
__all__.extend(("getenv", "supports_bytes_environ"))


def _check_bytes(value):
    if not isinstance(value, bytes):
        raise TypeError("bytes expected, not %s" % type(value).__name__)
    return value


# The same dict seen with bytes keys and values.
environb = _Environ(environ._data, _check_bytes, bytes, _check_bytes, bytes)
del _check_bytes


def getenvb(key, default=None):
    """Return the environment variable key (bytes), or default when unset."""
    return environb.get(key, default)


__all__.extend(("environb", "getenvb"))


def _fscodec():
    encoding = sys.getfilesystemencoding()
    errors = sys.getfilesystemencodeerrors()

    def fsencode(filename):
        """Return filename (str, bytes or os.PathLike) as bytes in the file
        system encoding with 'surrogateescape'; bytes come back unchanged.
        """
        filename = fspath(filename)
        if isinstance(filename, str):
            return filename.encode(encoding, errors)
        return filename

    def fsdecode(filename):
        """Return filename (str, bytes or os.PathLike) as str decoded from the
        file system encoding with 'surrogateescape'; str comes back unchanged.
        """
        filename = fspath(filename)
        if isinstance(filename, bytes):
            return filename.decode(encoding, errors)
        return filename

    return fsencode, fsdecode


fsencode, fsdecode = _fscodec()
del _fscodec

# The spawn* family, on fork and exec as CPython's POSIX fallback.
P_WAIT = 0
P_NOWAIT = P_NOWAITO = 1

__all__.extend(["P_WAIT", "P_NOWAIT", "P_NOWAITO"])


def _spawnvef(mode, file, args, env, func):
    if not isinstance(args, (tuple, list)):
        raise TypeError('argv must be a tuple or a list')
    if not args or not args[0]:
        raise ValueError('argv first element cannot be empty')
    pid = fork()
    if not pid:
        # The child: exec, and never come back.
        try:
            if env is None:
                func(file, args)
            else:
                func(file, args, env)
        except:
            _exit(127)
    else:
        if mode == P_NOWAIT:
            return pid
        while True:
            wpid, sts = waitpid(pid, 0)
            if WIFSTOPPED(sts):
                continue
            return waitstatus_to_exitcode(sts)


def spawnv(mode, file, args):
    """Run file with the argument list args in a child process. P_NOWAIT
    returns its pid; P_WAIT waits and returns its exit code (-signal when
    a signal killed it).
    """
    return _spawnvef(mode, file, args, None, execv)


def spawnve(mode, file, args, env):
    """spawnv() with the environment env."""
    return _spawnvef(mode, file, args, env, execve)


def spawnvp(mode, file, args):
    """spawnv() with file looked up on PATH."""
    return _spawnvef(mode, file, args, None, execvp)


def spawnvpe(mode, file, args, env):
    """spawnv() with file looked up on PATH and the environment env."""
    return _spawnvef(mode, file, args, env, execvpe)


def spawnl(mode, file, *args):
    """spawnv() with the arguments given one by one."""
    return spawnv(mode, file, args)


def spawnle(mode, file, *args):
    """spawnve() with the arguments given one by one, the environment last."""
    env = args[-1]
    return spawnve(mode, file, args[:-1], env)


def spawnlp(mode, file, *args):
    """spawnvp() with the arguments given one by one."""
    return spawnvp(mode, file, args)


def spawnlpe(mode, file, *args):
    """spawnvpe() with the arguments given one by one, the environment last."""
    env = args[-1]
    return spawnvpe(mode, file, args[:-1], env)


__all__.extend(["spawnv", "spawnve", "spawnvp", "spawnvpe",
                "spawnl", "spawnle", "spawnlp", "spawnlpe"])


def popen(cmd, mode="r", buffering=-1):
    """Run cmd through /bin/sh with its stdout (mode 'r') or stdin (mode
    'w') connected to the returned text stream; closing it waits for the
    command and returns None on success, else the exit status << 8."""
    if not isinstance(cmd, str):
        raise TypeError("invalid cmd type (%s, expected string)" % type(cmd))
    if mode not in ("r", "w"):
        raise ValueError("invalid mode %r" % mode)
    if buffering == 0 or buffering is None:
        raise ValueError("popen() does not support unbuffered streams")
    import io
    # CPython runs subprocess.Popen(cmd, shell=True, text=True); minipy has
    # no subprocess yet, so the same is done by hand: a pipe, fork, and
    # /bin/sh -c in the child (every other fd is close-on-exec, PEP 446).
    r, w = pipe()
    pid = fork()
    if pid == 0:
        try:
            dup2(w if mode == "r" else r, 1 if mode == "r" else 0)
            execv('/bin/sh', ['/bin/sh', '-c', cmd])
        finally:
            _exit(127)
    if mode == "r":
        close(w)
        stream = io.open(r, "r", buffering, encoding=io.text_encoding(None))
    else:
        close(r)
        stream = io.open(w, "w", buffering, encoding=io.text_encoding(None))
    return _wrap_close(stream, pid)


class _wrap_close:
    # The stream of popen(): closing it also reaps the child.
    def __init__(self, stream, pid):
        self._stream = stream
        self._pid = pid
        self._returncode = None

    def close(self):
        self._stream.close()
        if self._returncode is None:
            while True:
                try:
                    _, status = waitpid(self._pid, 0)
                except ChildProcessError:
                    status = 0
                if not WIFSTOPPED(status):
                    break
            self._returncode = waitstatus_to_exitcode(status)
        if self._returncode == 0:
            return None
        return self._returncode << 8

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __getattr__(self, name):
        return getattr(self._stream, name)

    def __iter__(self):
        return iter(self._stream)


__all__.append("popen")


def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (%s, expected integer)" % type(fd))
    import io
    if "b" not in mode:
        encoding = io.text_encoding(encoding)
    return io.open(fd, mode, buffering, encoding, *args, **kwargs)


class PathLike(abc.ABC):

    """The file system path protocol: any class with __fspath__."""

    @abc.abstractmethod
    def __fspath__(self):
        """The path of this object as str or bytes."""
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return _check_methods(subclass, '__fspath__')
        return NotImplemented

    __class_getitem__ = classmethod(GenericAlias)
