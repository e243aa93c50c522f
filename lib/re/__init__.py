# re/__init__.py: regular expressions, the public interface of re.
# Mirrors CPython 3.11 Lib/re/__init__.py (minipy's own code): compile()
# parses (_parser) and compiles (_compiler) a pattern into the code list of
# the native engine (_sre, modules/_sre/), with a cache of compiled
# patterns; the module functions are thin wrappers over Pattern methods.
# Book chapter 12, "The Standard Library".
#
# RegexFlag: CPython's is an enum.IntFlag decorated with enum.global_enum.
# minipy has no enum module yet, so RegexFlag here is a small int subclass
# with the same members, values, repr/str ("re.IGNORECASE|re.MULTILINE",
# unknown bits in hex), .name/.value, the bitwise operators (results stay
# RegexFlag), iteration over the canonical members and RegexFlag(value).
# isinstance(re.I, enum.IntFlag) is False.

r"""Support for regular expressions (RE).

This module provides regular expression matching operations similar to
those found in Perl.  It supports both 8-bit and Unicode strings; both
the pattern and the strings being processed can contain null bytes and
characters outside the US ASCII range.

The functions are match, fullmatch, search, sub, subn, split, findall,
finditer, compile, purge, template and escape; see the Python
documentation of the re module for the pattern syntax and the flags.
"""

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


class _FlagType(type):
    """The class side of RegexFlag: iteration and lookup of members."""

    def __iter__(cls):
        return iter([cls._value2member[v] for v in cls._canonical])

    def __len__(cls):
        return len(cls._canonical)

    def __contains__(cls, value):
        return isinstance(value, cls)

    def __getitem__(cls, name):
        return cls.__members__[name]

    def __repr__(cls):
        return "<flag 'RegexFlag'>"


class RegexFlag(int, metaclass=_FlagType):
    """An int subclass standing in for enum.IntFlag (see the file header)."""

    _canonical = []      # the single-bit members, in definition order
    _value2member = {}
    __members__ = {}

    def __new__(cls, value=0):
        member = cls._value2member.get(value)
        if member is not None:
            return member
        if not isinstance(value, int):
            raise ValueError("%r is not a valid RegexFlag" % (value,))
        return int.__new__(cls, value)

    @classmethod
    def _add(cls, name, value, *aliases):
        member = int.__new__(cls, value)
        cls._value2member[value] = member
        cls.__members__[name] = member
        setattr(cls, name, member)
        for alias in aliases:
            cls.__members__[alias] = member
            setattr(cls, alias, member)
        if value:
            cls._canonical.append(value)
        return member

    @property
    def value(self):
        return int(self)

    @property
    def name(self):
        names = self._names()
        if not names:
            return 'NOFLAG' if not int(self) else None
        if int(self) & ~self._all():
            return None
        return '|'.join(names)

    @classmethod
    def _all(cls):
        total = 0
        for v in cls._canonical:
            total |= v
        return total

    def _names(self):
        names = []
        for v in self._canonical:
            if int(self) & v:
                names.append(_FLAG_NAMES[v])
        return names

    def __repr__(self):
        value = int(self)
        if value == 0:
            return 're.NOFLAG'
        parts = ['re.' + n for n in self._names()]
        rest = value & ~self._all()
        if rest:
            parts.append(hex(rest))
        return '|'.join(parts)

    __str__ = __repr__

    def __format__(self, spec):
        return format(str(self), spec) if not spec else int.__format__(int(self), spec)

    def __or__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) | int(other))

    def __and__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) & int(other))

    def __xor__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) ^ int(other))

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(self._all() & ~int(self))

    def __reduce__(self):
        return RegexFlag, (int(self),)


_FLAG_NAMES = {}
for _name, _aliases, _value in (
        ('NOFLAG', (), 0),
        ('ASCII', ('A',), _compiler.SRE_FLAG_ASCII),
        ('IGNORECASE', ('I',), _compiler.SRE_FLAG_IGNORECASE),
        ('LOCALE', ('L',), _compiler.SRE_FLAG_LOCALE),
        ('UNICODE', ('U',), _compiler.SRE_FLAG_UNICODE),
        ('MULTILINE', ('M',), _compiler.SRE_FLAG_MULTILINE),
        ('DOTALL', ('S',), _compiler.SRE_FLAG_DOTALL),
        ('VERBOSE', ('X',), _compiler.SRE_FLAG_VERBOSE),
        ('TEMPLATE', ('T',), _compiler.SRE_FLAG_TEMPLATE),
        ('DEBUG', (), _compiler.SRE_FLAG_DEBUG)):
    _FLAG_NAMES[_value] = _name
    globals()[_name] = RegexFlag._add(_name, _value, *_aliases)
    for _alias in _aliases:
        globals()[_alias] = globals()[_name]
del _name, _aliases, _value, _alias

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
