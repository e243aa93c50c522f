# fnmatch.py: Unix shell-style filename matching on top of re.
# Mirrors CPython 3.11 Lib/fnmatch.py (minipy's own code): translate()
# produces the same regular expressions as CPython's, so joined translate()
# results behave the same. Book chapter 12, "The Standard Library".
"""Filename matching with shell patterns.

fnmatch(FILENAME, PATTERN) matches according to the local convention.
fnmatchcase(FILENAME, PATTERN) always takes case in account.

The functions operate by translating the pattern into a regular
expression.  They cache the compiled regular expressions for speed.

The function translate(PATTERN) returns a regular expression
corresponding to PATTERN.  (It does not compile it.)
"""
import functools
import re

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]


def _normcase(s):
    """os.path.normcase: on POSIX only os.fspath's type check."""
    try:
        import os
    except ImportError:
        if isinstance(s, (str, bytes)):
            return s
        fspath = getattr(type(s), '__fspath__', None)
        if fspath is None:
            raise TypeError("expected str, bytes or os.PathLike object, not "
                            + type(s).__name__)
        return fspath(s)
    return os.path.normcase(s)


def fnmatch(name, pat):
    """Test whether FILENAME matches PATTERN.

    Patterns are Unix shell style:

    *       matches everything
    ?       matches any single character
    [seq]   matches any character in seq
    [!seq]  matches any char not in seq

    An initial period in FILENAME is not special.
    Both FILENAME and PATTERN are first case-normalized
    if the operating system requires it.
    If you don't want this, use fnmatchcase(FILENAME, PATTERN).
    """
    return fnmatchcase(_normcase(name), _normcase(pat))


@functools.lru_cache(maxsize=32768, typed=True)
def _compile_pattern(pat):
    if isinstance(pat, bytes):
        text = translate(str(pat, 'ISO-8859-1'))
        return re.compile(bytes(text, 'ISO-8859-1')).match
    return re.compile(translate(pat)).match


def filter(names, pat):
    """Construct a list from those elements of the iterable NAMES that match PAT."""
    match = _compile_pattern(_normcase(pat))
    return [name for name in names if match(_normcase(name))]


def fnmatchcase(name, pat):
    """Test whether FILENAME matches PATTERN, including case.

    This is a version of fnmatch() which doesn't case-normalize
    its arguments.
    """
    return _compile_pattern(pat)(name) is not None


def _translate_set(pat, i, j):
    """The regex for the bracket expression pat[i-1:j+1] ('[' at i-1, ']' at j)."""
    stuff = pat[i:j]
    if '-' not in stuff:
        stuff = stuff.replace('\\', r'\\')
    else:
        # split at the hyphens that make ranges; drop empty ranges (a-b
        # with a > b) by merging their neighbours
        chunks = []
        k = i + 2 if pat[i] == '!' else i + 1
        while True:
            k = pat.find('-', k, j)
            if k < 0:
                break
            chunks.append(pat[i:k])
            i = k + 1
            k = k + 3
        rest = pat[i:j]
        if rest:
            chunks.append(rest)
        else:
            chunks[-1] += '-'
        for k in range(len(chunks) - 1, 0, -1):
            if chunks[k - 1][-1] > chunks[k][0]:
                chunks[k - 1] = chunks[k - 1][:-1] + chunks[k][1:]
                del chunks[k]
        # the hyphens that remain inside chunks are literal
        stuff = '-'.join(c.replace('\\', r'\\').replace('-', r'\-') for c in chunks)
    # the set operations re may grow one day (&&, ~~, ||) are escaped
    stuff = re.sub(r'([&~|])', r'\\\1', stuff)
    if not stuff:
        return '(?!)'          # an empty set never matches
    if stuff == '!':
        return '.'             # a negated empty set matches anything
    if stuff[0] == '!':
        stuff = '^' + stuff[1:]
    elif stuff[0] in ('^', '['):
        stuff = '\\' + stuff
    return '[%s]' % stuff


def translate(pat):
    """Translate a shell PATTERN to a regular expression.

    There is no way to quote meta-characters.
    """
    STAR = object()
    pieces = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not pieces or pieces[-1] is not STAR:
                pieces.append(STAR)
        elif c == '?':
            pieces.append('.')
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j += 1
            if j < n and pat[j] == ']':
                j += 1
            while j < n and pat[j] != ']':
                j += 1
            if j >= n:
                pieces.append('\\[')
            else:
                pieces.append(_translate_set(pat, i, j))
                i = j + 1
        else:
            pieces.append(re.escape(c))

    # Stars: a leading fixed part as it is; each interior "* fixed" as an
    # atomic lazy match (no backtracking into it, so no exponential time);
    # a final "*" or "* fixed" as a plain greedy match.
    out = []
    k, n = 0, len(pieces)
    while k < n and pieces[k] is not STAR:
        out.append(pieces[k])
        k += 1
    while k < n:
        k += 1  # the STAR
        if k == n:
            out.append('.*')
            break
        fixed = []
        while k < n and pieces[k] is not STAR:
            fixed.append(pieces[k])
            k += 1
        fixed = ''.join(fixed)
        if k == n:
            out.append('.*' + fixed)
        else:
            out.append('(?>.*?%s)' % fixed)
    return r'(?s:%s)\Z' % ''.join(out)
