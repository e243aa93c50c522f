"""os.path for POSIX systems: pathname manipulation on str, bytes and
os.PathLike arguments.
"""
# minipy's own posixpath (CPython 3.11 has Lib/posixpath.py): every function
# answers in the kind (str or bytes) it was given; mixing them is a TypeError.
# Pure string functions never touch the file system. Book chapter 12.
import os
import sys
import stat
import genericpath
from genericpath import *

# Constants (os.curdir and friends are these).
curdir = '.'
pardir = '..'
extsep = '.'
sep = '/'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'

__all__ = ["normcase", "isabs", "join", "splitdrive", "split", "splitext",
           "basename", "dirname", "commonprefix", "getsize", "getmtime",
           "getatime", "getctime", "islink", "exists", "lexists", "isdir", "isfile",
           "ismount", "expanduser", "expandvars", "normpath", "abspath",
           "samefile", "sameopenfile", "samestat",
           "curdir", "pardir", "sep", "pathsep", "defpath", "altsep", "extsep",
           "devnull", "realpath", "supports_unicode_filenames", "relpath",
           "commonpath"]

supports_unicode_filenames = (sys.platform == 'darwin')


def _get_sep(path):
    return b'/' if isinstance(path, bytes) else '/'


def normcase(s):
    """Return s unchanged: POSIX paths are case-sensitive."""
    return os.fspath(s)


def isabs(s):
    """Whether s starts with '/'."""
    s = os.fspath(s)
    return s.startswith(_get_sep(s))


def join(a, *p):
    """Join path components with '/'; an absolute component restarts the path,
    and an empty last component leaves a trailing '/'.
    """
    a = os.fspath(a)
    sep = _get_sep(a)
    path = a
    try:
        if not p:
            path[:0] + sep  # a lone argument of the wrong kind fails here
        for b in map(os.fspath, p):
            if b.startswith(sep):
                path = b
            elif not path or path.endswith(sep):
                path += b
            else:
                path += sep + b
    except (TypeError, AttributeError, BytesWarning):
        genericpath._check_arg_types('join', a, *p)
        raise
    return path


def split(p):
    """Return (head, tail): tail is what follows the last '/', head the rest
    without its trailing slashes (unless it is all slashes).
    """
    p = os.fspath(p)
    sep = _get_sep(p)
    cut = p.rfind(sep) + 1
    head, tail = p[:cut], p[cut:]
    # Trailing slashes go, unless the head is nothing but slashes.
    if head and head.strip(sep):
        head = head.rstrip(sep)
    return head, tail


def splitext(p):
    p = os.fspath(p)
    if isinstance(p, bytes):
        return genericpath._splitext(p, b'/', None, b'.')
    return genericpath._splitext(p, '/', None, '.')


splitext.__doc__ = genericpath._splitext.__doc__


def splitdrive(p):
    """Return ('', p): POSIX paths have no drive."""
    p = os.fspath(p)
    return p[:0], p


def basename(p):
    """The part of p after the last '/'."""
    p = os.fspath(p)
    return p[p.rfind(_get_sep(p)) + 1:]


def dirname(p):
    """The part of p before the last '/', trailing slashes removed."""
    p = os.fspath(p)
    sep = _get_sep(p)
    head = p[:p.rfind(sep) + 1]
    if head and head.strip(sep):
        head = head.rstrip(sep)
    return head


def islink(path):
    """Whether path names a symbolic link (False when it cannot be stat()ed)."""
    try:
        st = os.lstat(path)
    except (OSError, ValueError, AttributeError):
        return False
    return stat.S_ISLNK(st.st_mode)


def lexists(path):
    """Whether path exists, counting broken symbolic links."""
    try:
        os.lstat(path)
    except (OSError, ValueError):
        return False
    return True


def ismount(path):
    """Whether path is a mount point: on another device than its parent, or
    the same inode as its parent (/).
    """
    try:
        st = os.lstat(path)
    except (OSError, ValueError):
        return False
    if stat.S_ISLNK(st.st_mode):
        return False
    path = os.fspath(path)
    parent = join(path, b'..' if isinstance(path, bytes) else '..')
    parent = realpath(parent)
    try:
        parent_st = os.lstat(parent)
    except (OSError, ValueError):
        return False
    # A different device below, or the same inode as the parent (/).
    return st.st_dev != parent_st.st_dev or st.st_ino == parent_st.st_ino


def expanduser(path):
    """Replace a leading ~ by $HOME (or the user's home directory from pwd)
    and ~user by that user's; unknown users leave the path unchanged."""
    path = os.fspath(path)
    tilde = b'~' if isinstance(path, bytes) else '~'
    if not path.startswith(tilde):
        return path
    sep = _get_sep(path)
    end = path.find(sep, 1)
    if end < 0:
        end = len(path)
    if end == 1:
        if 'HOME' in os.environ:
            userhome = os.environ['HOME']
        else:
            try:
                import pwd
                userhome = pwd.getpwuid(os.getuid()).pw_dir
            except (ImportError, KeyError):
                return path
    else:
        try:
            import pwd
        except ImportError:
            return path
        name = path[1:end]
        if isinstance(name, bytes):
            name = str(name, 'ASCII')
        try:
            userhome = pwd.getpwnam(name).pw_dir
        except KeyError:
            return path
    if userhome is None and sys.platform == "vxworks":
        return path
    if isinstance(path, bytes):
        userhome = os.fsencode(userhome)
        root = b'/'
    else:
        root = '/'
    userhome = userhome.rstrip(root)
    return (userhome + path[end:]) or root


_ascii_word = frozenset('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_')
_ascii_word_bytes = frozenset(c.encode('ascii') for c in _ascii_word)


def _find_var(path, start, dollar, lbrace, rbrace, word):
    # The next $name or ${name} at or after start: (begin, end, name), or
    # None. name is ASCII word characters, or anything but '}' in braces;
    # a '$' that starts neither is skipped.
    n = len(path)
    i = path.find(dollar, start)
    while i >= 0:
        j = i + 1
        if path[j:j + 1] == lbrace:
            close = path.find(rbrace, j + 1)
            if close >= 0:
                return i, close + 1, path[j + 1:close]
        else:
            k = j
            while k < n and path[k:k + 1] in word:
                k += 1
            if k > j:
                return i, k, path[j:k]
        i = path.find(dollar, i + 1)
    return None


def expandvars(path):
    """Replace $name and ${name} by the environment variable's value;
    unknown names are left as they are.
    """
    path = os.fspath(path)
    if isinstance(path, bytes):
        if b'$' not in path:
            return path
        dollar, lbrace, rbrace = b'$', b'{', b'}'
        word = _ascii_word_bytes
        environ = getattr(os, 'environb', None)
    else:
        if '$' not in path:
            return path
        dollar, lbrace, rbrace = '$', '{', '}'
        word = _ascii_word
        environ = os.environ
    i = 0
    while True:
        found = _find_var(path, i, dollar, lbrace, rbrace, word)
        if found is None:
            break
        begin, end, name = found
        try:
            if environ is None:
                value = os.fsencode(os.environ[os.fsdecode(name)])
            else:
                value = environ[name]
        except KeyError:
            i = end
        else:
            tail = path[end:]
            path = path[:begin] + value
            i = len(path)
            path += tail
    return path


def normpath(path):
    """Collapse redundant separators and '.' components, and resolve '..'
    against the preceding component where possible ('' gives '.').
    """
    path = os.fspath(path)
    if isinstance(path, bytes):
        sep, empty, dot, dotdot = b'/', b'', b'.', b'..'
    else:
        sep, empty, dot, dotdot = '/', '', '.', '..'
    if path == empty:
        return dot
    # POSIX keeps exactly two leading slashes (their meaning is
    # implementation-defined); one, or three and more, become one.
    slashes = 0
    if path.startswith(sep):
        slashes = 2 if path.startswith(sep * 2) and not path.startswith(sep * 3) else 1
    parts = []
    for comp in path.split(sep):
        if comp == empty or comp == dot:
            continue
        if comp != dotdot or (not slashes and not parts) or (parts and parts[-1] == dotdot):
            parts.append(comp)
        elif parts:
            parts.pop()
    path = sep * slashes + sep.join(parts)
    return path or dot


def abspath(path):
    """Return the normalized absolute form of path (joined to the cwd)."""
    path = os.fspath(path)
    if not isabs(path):
        cwd = os.getcwdb() if isinstance(path, bytes) else os.getcwd()
        path = join(cwd, path)
    return normpath(path)


def realpath(filename, *, strict=False):
    """Return the canonical path of filename with every symbolic link
    resolved; strict makes a missing component or a link loop an OSError.
    """
    filename = os.fspath(filename)
    path, ok = _joinrealpath(filename[:0], filename, strict, {})
    return abspath(path)


def _joinrealpath(path, rest, strict, seen):
    # Resolves rest against path, which has no symlinks left. seen maps each
    # symlink being resolved to its resolution (None while in progress), so
    # a loop is noticed. Returns (path, ok); ok is False after a loop.
    if isinstance(path, bytes):
        sep, curdir, pardir = b'/', b'.', b'..'
    else:
        sep, curdir, pardir = '/', '.', '..'
    if isabs(rest):
        rest = rest[1:]
        path = sep
    while rest:
        name, _, rest = rest.partition(sep)
        if not name or name == curdir:
            continue
        if name == pardir:
            if path:
                path, name = split(path)
                if name == pardir:
                    path = join(path, pardir, pardir)
            else:
                path = pardir
            continue
        newpath = join(path, name)
        try:
            st = os.lstat(newpath)
        except OSError:
            if strict:
                raise
            is_link = False
        else:
            is_link = stat.S_ISLNK(st.st_mode)
        if not is_link:
            path = newpath
            continue
        if newpath in seen:
            path = seen[newpath]
            if path is not None:
                continue
            # A symlink loop.
            if strict:
                os.stat(newpath)  # raises OSError(ELOOP)
            return join(newpath, rest), False
        seen[newpath] = None
        path, ok = _joinrealpath(path, os.readlink(newpath), strict, seen)
        if not ok:
            return join(path, rest), False
        seen[newpath] = path
    return path, True


def relpath(path, start=None):
    """Return path relative to start (the cwd by default)."""
    if not path:
        raise ValueError("no path specified")
    path = os.fspath(path)
    if isinstance(path, bytes):
        curdir, sep, pardir = b'.', b'/', b'..'
    else:
        curdir, sep, pardir = '.', '/', '..'
    start = curdir if start is None else os.fspath(start)
    try:
        start_parts = [x for x in abspath(start).split(sep) if x]
        path_parts = [x for x in abspath(path).split(sep) if x]
        common = len(commonprefix([start_parts, path_parts]))
        rel = [pardir] * (len(start_parts) - common) + path_parts[common:]
        if not rel:
            return curdir
        return join(*rel)
    except (TypeError, AttributeError, BytesWarning, DeprecationWarning):
        genericpath._check_arg_types('relpath', path, start)
        raise


def commonpath(paths):
    """Return the longest common sub-path of the paths (all absolute or all
    relative); ValueError for an empty sequence or a mix.
    """
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    paths = tuple(map(os.fspath, paths))
    if isinstance(paths[0], bytes):
        sep, curdir = b'/', b'.'
    else:
        sep, curdir = '/', '.'
    try:
        split_paths = [p.split(sep) for p in paths]
        kinds = set(p[:1] == sep for p in paths)
        if len(kinds) != 1:
            raise ValueError("Can't mix absolute and relative paths") from None
        isabs_ = kinds.pop()
        split_paths = [[c for c in s if c and c != curdir] for s in split_paths]
        lo = min(split_paths)
        hi = max(split_paths)
        common = lo
        for i, c in enumerate(lo):
            if c != hi[i]:
                common = lo[:i]
                break
        prefix = sep if isabs_ else sep[:0]
        return prefix + sep.join(common)
    except (TypeError, AttributeError):
        genericpath._check_arg_types('commonpath', *paths)
        raise
