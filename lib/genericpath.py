"""The path operations shared by every os.path flavour: existence and
kind of a path, sizes and times, common prefixes, same-file checks.
"""
# minipy's own genericpath (CPython 3.11 has Lib/genericpath.py): the
# functions that need only os.stat, and helpers posixpath builds on.
# Book chapter 12.
import os
import stat

__all__ = ['commonprefix', 'exists', 'getatime', 'getctime', 'getmtime',
           'getsize', 'isdir', 'isfile', 'samefile', 'sameopenfile',
           'samestat']


def exists(path):
    """Whether path exists (False for a broken symbolic link)."""
    try:
        os.stat(path)
    except (OSError, ValueError):
        return False
    return True


def isfile(path):
    """Whether path is a regular file (symbolic links followed)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return False
    return stat.S_ISREG(st.st_mode)


def isdir(s):
    """Whether s is a directory (symbolic links followed)."""
    try:
        st = os.stat(s)
    except (OSError, ValueError):
        return False
    return stat.S_ISDIR(st.st_mode)


def getsize(filename):
    """The size in bytes of filename (os.stat's st_size)."""
    return os.stat(filename).st_size


def getmtime(filename):
    """The modification time of filename (st_mtime)."""
    return os.stat(filename).st_mtime


def getatime(filename):
    """The access time of filename (st_atime)."""
    return os.stat(filename).st_atime


def getctime(filename):
    """The metadata change time of filename (st_ctime)."""
    return os.stat(filename).st_ctime


def commonprefix(m):
    """The longest leading part common to every item of m, character by
    character (not component by component).
    """
    if not m:
        return ''
    # Lists of components (relpath passes those) are compared as they are;
    # anything else is a path.
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(os.fspath, m))
    # The smallest and the largest item differ first where any two differ.
    lo = min(m)
    hi = max(m)
    n = 0
    for a, b in zip(lo, hi):
        if a != b:
            break
        n += 1
    return lo[:n]


def samestat(s1, s2):
    """Whether two stat results describe the same file (device and inode)."""
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def samefile(f1, f2):
    """Whether f1 and f2 name the same file; OSError when one cannot be stat()ed."""
    return samestat(os.stat(f1), os.stat(f2))


def sameopenfile(fp1, fp2):
    """Whether the file descriptors fp1 and fp2 refer to the same file."""
    return samestat(os.fstat(fp1), os.fstat(fp2))


def _splitext(p, sep, altsep, extsep):
    """Split p into (root, ext) at the last extsep of its last component,
    ignoring leading extseps; ext is empty when there is none.
    """
    last_sep = p.rfind(sep)
    if altsep:
        last_sep = max(last_sep, p.rfind(altsep))
    dot = p.rfind(extsep)
    if dot > last_sep:
        # A name made of leading dots only ('.bashrc', '..') has no extension.
        name_start = last_sep + 1
        if p[name_start:dot].strip(extsep):
            return p[:dot], p[dot:]
    return p, p[:0]


def _check_arg_types(funcname, *args):
    # Called after a path function failed on its arguments: replaces the
    # failure with a clear TypeError when an argument is neither str nor
    # bytes, or when both kinds are mixed.
    has_str = has_bytes = False
    for s in args:
        if isinstance(s, str):
            has_str = True
        elif isinstance(s, bytes):
            has_bytes = True
        else:
            raise TypeError(f'{funcname}() argument must be str, bytes, or '
                            f'os.PathLike object, not {s.__class__.__name__!r}') from None
    if has_str and has_bytes:
        raise TypeError("Can't mix strings and bytes in path components") from None
