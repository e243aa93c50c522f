# re/__init__.py: regular expressions, the public interface of re.
# Mirrors CPython 3.11 Lib/re/__init__.py (minipy's own code): compile()
# parses (_parser) and compiles (_compiler) a pattern into the code list of
# the native engine (_sre, modules/_sre/), with a cache of compiled
# patterns; the module functions are thin wrappers over Pattern methods.
# Book chapter 12, "The Standard Library".

r"""Support for regular expressions (RE).

This module provides regular expression matching operations similar to
those found in Perl.  It supports both 8-bit and Unicode strings; both
the pattern and the strings being processed can contain null bytes and
characters outside the US ASCII range.

The functions are match, fullmatch, search, sub, subn, split, findall,
finditer, compile, purge, template and escape; see the Python
documentation of the re module for the pattern syntax and the flags.
"""

import enum
import functools
from . import _compiler, _parser

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "template", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag",
]

__version__ = "2.2.1"


@enum.global_enum
@enum._simple_enum(enum.IntFlag, boundary=enum.KEEP)
class RegexFlag:
    NOFLAG = 0
    ASCII = A = _compiler.SRE_FLAG_ASCII            # \w, \d, \s, \b and case folding ASCII-only
    IGNORECASE = I = _compiler.SRE_FLAG_IGNORECASE
    LOCALE = L = _compiler.SRE_FLAG_LOCALE          # bytes only: the current locale
    UNICODE = U = _compiler.SRE_FLAG_UNICODE        # implied for str patterns
    MULTILINE = M = _compiler.SRE_FLAG_MULTILINE    # ^ and $ at line boundaries
    DOTALL = S = _compiler.SRE_FLAG_DOTALL          # . matches a newline too
    VERBOSE = X = _compiler.SRE_FLAG_VERBOSE        # whitespace and comments ignored
    TEMPLATE = T = _compiler.SRE_FLAG_TEMPLATE      # deprecated
    DEBUG = _compiler.SRE_FLAG_DEBUG                # print the parse tree and code
    __str__ = object.__str__
    _numeric_repr_ = hex


error = _compiler.error


# --------------------------------------------------------------------
# The public functions.

def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """Return the string obtained by replacing the leftmost
    non-overlapping occurrences of the pattern in string by the
    replacement repl (a string with backslash escapes, or a callable
    given the Match object)."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """Return a 2-tuple containing (new_string, number): what sub()
    returns and the number of substitutions made."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split the source string by the occurrences of the pattern,
    returning a list containing the resulting substrings (and the text of
    the groups, if the pattern has any)."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Return a list of all non-overlapping matches in the string
    (the groups' text if the pattern has groups).

    Empty matches are included in the result."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping matches in the
    string.  For each match, the iterator returns a Match object.

    Empty matches are included in the result."""
    return _compile(pattern, flags).finditer(string)


def compile(pattern, flags=0):
    "Compile a regular expression pattern, returning a Pattern object."
    return _compile(pattern, flags)


def purge():
    "Clear the regular expression caches"
    _cache.clear()
    _compile_repl.cache_clear()


def template(pattern, flags=0):
    "Compile a template pattern, returning a Pattern object, deprecated"
    import warnings
    warnings.warn("The re.template() function is deprecated "
                  "as it is an undocumented function "
                  "without an obvious purpose. "
                  "Use re.compile() instead.",
                  DeprecationWarning)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return _compile(pattern, flags | T)


# Characters escape() protects: the special characters, the closing
# brackets, '-' and the set-operation characters, '#' and whitespace
# (VERBOSE).
_special_chars_map = {i: '\\' + chr(i) for i in b'()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}


def escape(pattern):
    """
    Escape special characters in a string.
    """
    if isinstance(pattern, str):
        return pattern.translate(_special_chars_map)
    pattern = str(pattern, 'latin1')
    return pattern.translate(_special_chars_map).encode('latin1')


Pattern = type(_compiler.compile('', 0))
Match = type(_compiler.compile('', 0).match(''))


# --------------------------------------------------------------------
# The cache of compiled patterns, keyed by (type, pattern, flags): the
# type keeps b'a' and 'a' apart. Insertion-ordered; the oldest goes first.

_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = flags.value
    try:
        return _cache[type(pattern), pattern, flags]
    except KeyError:
        pass
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError(
                "cannot process flags argument with a compiled pattern")
        return pattern
    if not _compiler.isstring(pattern):
        raise TypeError("first argument must be string or compiled pattern")
    if flags & T:
        import warnings
        warnings.warn("The re.TEMPLATE/re.T flag is deprecated "
                      "as it is an undocumented flag "
                      "without an obvious purpose. "
                      "Don't use it.",
                      DeprecationWarning)
    p = _compiler.compile(pattern, flags)
    if not (flags & DEBUG):
        if len(_cache) >= _MAXCACHE:
            try:
                del _cache[next(iter(_cache))]
            except (StopIteration, RuntimeError, KeyError):
                pass
        _cache[type(pattern), pattern, flags] = p
    return p


@functools.lru_cache(_MAXCACHE)
def _compile_repl(repl, pattern):
    return _parser.parse_template(repl, pattern)


def _expand(pattern, match, template):
    """Match.expand: the template with its group references filled in."""
    template = _parser.parse_template(template, pattern)
    return _parser.expand_template(template, match)


def _subx(pattern, template):
    """Pattern.sub/subn with a template that has backslashes: a literal
    (when the escapes were only character escapes) or a function."""
    template = _compile_repl(template, pattern)
    if not template[0] and len(template[1]) == 1:
        return template[1][0]

    def filter(match, template=template):
        return _parser.expand_template(template, match)
    return filter


import copyreg


def _pickle(p):
    return _compile, (p.pattern, p.flags)


copyreg.pickle(Pattern, _pickle, _compile)


class Scanner:
    """A tokenizer from (pattern, action) pairs: scan() matches the
    alternatives in turn at each position and collects the actions'
    results (experimental in CPython too)."""

    def __init__(self, lexicon, flags=0):
        from ._constants import BRANCH, SUBPATTERN
        if isinstance(flags, RegexFlag):
            flags = flags.value
        self.lexicon = lexicon
        state = _parser.State()
        state.flags = flags
        alternatives = []
        for phrase, action in lexicon:
            gid = state.opengroup()
            alternatives.append(_parser.SubPattern(state, [
                (SUBPATTERN, (gid, 0, 0, _parser.parse(phrase, flags))),
            ]))
            state.closegroup(gid, alternatives[-1])
        tree = _parser.SubPattern(state, [(BRANCH, (None, alternatives))])
        self.scanner = _compiler.compile(tree)

    def scan(self, string):
        result = []
        match = self.scanner.scanner(string).match
        i = 0
        while True:
            m = match()
            if not m:
                break
            j = m.end()
            if i == j:
                break
            action = self.lexicon[m.lastindex - 1][1]
            if callable(action):
                self.match = m
                action = action(self, m.group())
            if action is not None:
                result.append(action)
            i = j
        return result, string[i:]
