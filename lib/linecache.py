# linecache.py: the lines of source files, cached by file name.
# minipy's own version of CPython 3.11 Lib/linecache.py (written for
# minipy; same cache layout and API). Book chapter 12.
#
# cache maps a file name to (size, mtime, lines, fullname), or, for a
# "lazy" entry registered before the file is read, to a 1-tuple holding a
# function that returns the source (a module loader's get_source). Lines
# keep their '\n'; the last one gets one if the file lacks it.
#
# Files are read with open() when the interpreter has it, else through
# the native _traceback._read_source (minipy without _io); mtimes come
# from os.stat when os exists, so checkcache can only drop stale entries
# then.
"""Cache lines from Python source files.

This is intended to read lines from modules imported -- hence if a filename
is not found, it will look down the module search path for a file by
that name.
"""

import sys

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]

cache = {}


def clearcache():
    """Clear the cache entirely."""
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Get a line for a Python source file from the cache.
    Update the cache if it doesn't contain an entry for this file already."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def getlines(filename, module_globals=None):
    """Get the lines for a Python source file from the cache.
    Update the cache if it doesn't contain an entry for this file already."""
    if filename in cache:
        entry = cache[filename]
        if len(entry) != 1:
            return cache[filename][2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def _stat(fullname):
    # (size, mtime) of a file, None if there is no such file, or
    # (None, None) when this interpreter cannot stat (no os module).
    try:
        import os
    except ImportError:
        return (None, None)
    try:
        st = os.stat(fullname)
    except (OSError, ValueError):
        return None
    return (st.st_size, st.st_mtime)


def checkcache(filename=None):
    """Discard cache entries that are out of date.
    (This is not checked upon each call!)"""
    if filename is None:
        filenames = list(cache.keys())
    elif filename in cache:
        filenames = [filename]
    else:
        return
    for filename in filenames:
        entry = cache[filename]
        if len(entry) == 1:
            # lazy entries are never stale
            continue
        size, mtime, lines, fullname = entry
        if mtime is None:
            # no stat information: an entry made by lazycache's source
            continue
        st = _stat(fullname)
        if st is None or (st != (None, None) and st != (size, mtime)):
            cache.pop(filename, None)


def _read_text(fullname):
    # The decoded text of a file, or None if it cannot be read.
    opener = getattr(__import__('builtins'), 'open', None)
    if opener is not None:
        try:
            with opener(fullname, 'rb') as f:
                data = f.read()
        except (OSError, UnicodeDecodeError, SyntaxError):
            return None
        if data.startswith(b'\xef\xbb\xbf'):
            data = data[3:]
        try:
            return data.decode(_source_encoding(data))
        except (UnicodeDecodeError, LookupError):
            return None
    try:
        import _traceback
    except ImportError:
        return None
    return _traceback._read_source(fullname)


def _source_encoding(data):
    # PEP 263: a "coding[:=]name" comment on one of the first two lines.
    for line in data.split(b'\n', 2)[:2]:
        stripped = line.lstrip()
        if not stripped.startswith(b'#'):
            continue
        k = stripped.find(b'coding')
        if k >= 0 and stripped[k + 6:k + 7] in (b':', b'='):
            name = stripped[k + 7:].lstrip()
            end = 0
            while end < len(name) and (chr(name[end]).isalnum() or name[end] in b'-_.'):
                end += 1
            if end:
                return name[:end].decode('ascii')
    return 'utf-8'


def _split_lines(text):
    # universal newlines, each line keeping its '\n'
    text = text.replace('\r\n', '\n').replace('\r', '\n')
    lines = text.splitlines(True)
    if lines and not lines[-1].endswith('\n'):
        lines[-1] += '\n'
    return lines


def updatecache(filename, module_globals=None):
    """Update a cache entry and return its list of lines.
    If something's wrong, print a message, discard the cache entry,
    and return an empty list."""
    if filename in cache:
        if len(cache[filename]) != 1:
            cache.pop(filename, None)
    if not filename or (filename.startswith('<') and filename.endswith('>')):
        return []

    fullname = filename
    st = _stat(fullname)
    text = None
    if st is None:
        basename = filename
        # A lazy entry or a loader may know the source.
        if lazycache(filename, module_globals):
            try:
                data = cache[filename][0]()
            except (ImportError, OSError):
                pass
            else:
                if data is None:
                    return []
                lines = _split_lines(data)
                cache[filename] = (len(data), None, lines, fullname)
                return cache[filename][2]
        # Relative names are looked up along sys.path.
        if basename.startswith('/') or basename.startswith('\\'):
            return []
        for dirname in sys.path:
            try:
                fullname = dirname.rstrip('/') + '/' + basename if dirname else basename
            except (TypeError, AttributeError):
                continue
            st = _stat(fullname)
            if st is not None:
                break
        else:
            return []
    text = _read_text(fullname)
    if text is None:
        return []
    lines = _split_lines(text)
    size, mtime = st if st != (None, None) else (len(text), None)
    cache[filename] = size, mtime, lines, fullname
    return lines


def lazycache(filename, module_globals):
    """Seed the cache for filename with module_globals.

    The module loader will be asked for the source only when getlines is
    called, not immediately.

    If there is an entry in the cache already, it is not altered.

    :return: True if a lazy load is registered in the cache,
        otherwise False. To register such a load a module loader with a
        get_source method must be found, the filename must be a cacheable
        filename, and the filename must not be already cached.
    """
    if filename in cache:
        if len(cache[filename]) == 1:
            return True
        return False
    if not filename or (filename.startswith('<') and filename.endswith('>')):
        return False
    if module_globals and '__name__' in module_globals:
        name = module_globals['__name__']
        if (loader := module_globals.get('__loader__')) is None:
            if spec := module_globals.get('__spec__'):
                try:
                    loader = spec.loader
                except AttributeError:
                    pass
        get_source = getattr(loader, 'get_source', None)
        if name and get_source:
            def get_lines(name=name, *args, **kwargs):
                return get_source(name, *args, **kwargs)
            cache[filename] = (get_lines,)
            return True
    return False
