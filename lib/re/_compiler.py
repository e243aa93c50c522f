# _compiler.py: parse tree -> the code list that _sre executes.
# Mirrors CPython 3.11 Lib/re/_compiler.py (minipy's own code): the same
# opcodes and layout (modules/_sre/sre_lib.cpp documents each form), the
# same charset optimizations (literal runs, 256-bit CHARSET bitmaps,
# BIGCHARSET block tables) and the same INFO block (width bounds, literal
# prefix or first-character set) that lets the search skip ahead. Book
# chapter 12, "The Standard Library".

import _sre
from . import _parser
from ._constants import *
from ._casefix import _EXTRA_CASES

assert _sre.MAGIC == MAGIC, "SRE module mismatch"

_LITERAL_CODES = {LITERAL, NOT_LITERAL}
_SUCCESS_CODES = {SUCCESS, FAILURE}
_ASSERT_CODES = {ASSERT, ASSERT_NOT}
_UNIT_CODES = _LITERAL_CODES | {ANY, IN}

# parse-tree repeat -> (general opcode, its end, one-character form)
_REPEATING_CODES = {
    MIN_REPEAT: (REPEAT, MIN_UNTIL, MIN_REPEAT_ONE),
    MAX_REPEAT: (REPEAT, MAX_UNTIL, REPEAT_ONE),
    POSSESSIVE_REPEAT: (POSSESSIVE_REPEAT, SUCCESS, POSSESSIVE_REPEAT_ONE),
}


def _combine_flags(flags, add_flags, del_flags, TYPE_FLAGS=_parser.TYPE_FLAGS):
    # a type flag turned on replaces the current one
    if add_flags & TYPE_FLAGS:
        flags &= ~TYPE_FLAGS
    return (flags | add_flags) & ~del_flags


def _case_helpers(flags):
    """(iscased, tolower, fixes) for IGNORECASE without LOCALE, else Nones."""
    if flags & SRE_FLAG_IGNORECASE and not flags & SRE_FLAG_LOCALE:
        if flags & SRE_FLAG_UNICODE:
            return _sre.unicode_iscased, _sre.unicode_tolower, _EXTRA_CASES
        return _sre.ascii_iscased, _sre.ascii_tolower, None
    return None, None, None


def _emit_skip(code):
    """Reserves a skip word; returns its index for _patch_skip."""
    code.append(0)
    return len(code) - 1


def _patch_skip(code, at):
    code[at] = len(code) - at


def _compile(code, pattern, flags):
    emit = code.append
    iscased, tolower, fixes = _case_helpers(flags)
    for op, av in pattern:
        if op in _LITERAL_CODES:
            if not flags & SRE_FLAG_IGNORECASE:
                emit(op)
                emit(av)
            elif flags & SRE_FLAG_LOCALE:
                emit(OP_LOCALE_IGNORE[op])
                emit(av)
            elif not iscased(av):
                emit(op)
                emit(av)
            else:
                lo = tolower(av)
                if not fixes:
                    emit(OP_IGNORE[op])
                    emit(lo)
                elif lo not in fixes:
                    emit(OP_UNICODE_IGNORE[op])
                    emit(lo)
                else:
                    # several lower-case forms: a small set of them
                    emit(IN_UNI_IGNORE)
                    skip = _emit_skip(code)
                    if op is NOT_LITERAL:
                        emit(NEGATE)
                    for k in (lo,) + fixes[lo]:
                        emit(LITERAL)
                        emit(k)
                    emit(FAILURE)
                    _patch_skip(code, skip)
        elif op is IN:
            charset, hascased = _optimize_charset(av, iscased, tolower, fixes)
            if flags & SRE_FLAG_IGNORECASE and flags & SRE_FLAG_LOCALE:
                emit(IN_LOC_IGNORE)
            elif not hascased:
                emit(IN)
            elif not fixes:
                emit(IN_IGNORE)
            else:
                emit(IN_UNI_IGNORE)
            skip = _emit_skip(code)
            _compile_charset(charset, flags, code)
            _patch_skip(code, skip)
        elif op is ANY:
            emit(ANY_ALL if flags & SRE_FLAG_DOTALL else ANY)
        elif op in _REPEATING_CODES:
            if flags & SRE_FLAG_TEMPLATE:
                raise error("internal: unsupported template operator %r" % (op,))
            general, until, one = _REPEATING_CODES[op]
            if _simple(av[2]):
                emit(one)
                skip = _emit_skip(code)
                emit(av[0])
                emit(av[1])
                _compile(code, av[2], flags)
                emit(SUCCESS)
                _patch_skip(code, skip)
            else:
                emit(general)
                skip = _emit_skip(code)
                emit(av[0])
                emit(av[1])
                _compile(code, av[2], flags)
                _patch_skip(code, skip)
                emit(until)
        elif op is SUBPATTERN:
            group, add_flags, del_flags, p = av
            if group:
                emit(MARK)
                emit((group - 1) * 2)
            _compile(code, p, _combine_flags(flags, add_flags, del_flags))
            if group:
                emit(MARK)
                emit((group - 1) * 2 + 1)
        elif op is ATOMIC_GROUP:
            emit(ATOMIC_GROUP)
            skip = _emit_skip(code)
            _compile(code, av, flags)
            emit(SUCCESS)
            _patch_skip(code, skip)
        elif op in _SUCCESS_CODES:
            emit(op)
        elif op in _ASSERT_CODES:
            emit(op)
            skip = _emit_skip(code)
            if av[0] >= 0:
                emit(0)  # lookahead: start here
            else:
                lo, hi = av[1].getwidth()
                if lo > MAXCODE:
                    raise error("looks too much behind")
                if lo != hi:
                    raise error("look-behind requires fixed-width pattern")
                emit(lo)  # lookbehind: start this far back
            _compile(code, av[1], flags)
            emit(SUCCESS)
            _patch_skip(code, skip)
        elif op is AT:
            emit(op)
            if flags & SRE_FLAG_MULTILINE:
                av = AT_MULTILINE.get(av, av)
            if flags & SRE_FLAG_LOCALE:
                av = AT_LOCALE.get(av, av)
            elif flags & SRE_FLAG_UNICODE:
                av = AT_UNICODE.get(av, av)
            emit(av)
        elif op is BRANCH:
            emit(op)
            jumps = []
            for alternative in av[1]:
                skip = _emit_skip(code)
                _compile(code, alternative, flags)
                emit(JUMP)
                jumps.append(_emit_skip(code))
                _patch_skip(code, skip)
            emit(FAILURE)  # no more alternatives
            for at in jumps:
                _patch_skip(code, at)
        elif op is CATEGORY:
            emit(op)
            if flags & SRE_FLAG_LOCALE:
                av = CH_LOCALE[av]
            elif flags & SRE_FLAG_UNICODE:
                av = CH_UNICODE[av]
            emit(av)
        elif op is GROUPREF:
            if not flags & SRE_FLAG_IGNORECASE:
                emit(op)
            elif flags & SRE_FLAG_LOCALE:
                emit(GROUPREF_LOC_IGNORE)
            elif not fixes:
                emit(GROUPREF_IGNORE)
            else:
                emit(GROUPREF_UNI_IGNORE)
            emit(av - 1)
        elif op is GROUPREF_EXISTS:
            emit(op)
            emit(av[0] - 1)
            skipyes = _emit_skip(code)
            _compile(code, av[1], flags)
            if av[2]:
                emit(JUMP)
                skipno = _emit_skip(code)
                code[skipyes] = len(code) - skipyes + 1
                _compile(code, av[2], flags)
                _patch_skip(code, skipno)
            else:
                code[skipyes] = len(code) - skipyes + 1
        else:
            raise error("internal: unsupported operand type %r" % (op,))


def _compile_charset(charset, flags, code):
    emit = code.append
    for op, av in charset:
        emit(op)
        if op is NEGATE:
            pass
        elif op is LITERAL:
            emit(av)
        elif op is RANGE or op is RANGE_UNI_IGNORE:
            emit(av[0])
            emit(av[1])
        elif op is CHARSET or op is BIGCHARSET:
            code.extend(av)
        elif op is CATEGORY:
            if flags & SRE_FLAG_LOCALE:
                emit(CH_LOCALE[av])
            elif flags & SRE_FLAG_UNICODE:
                emit(CH_UNICODE[av])
            else:
                emit(av)
        else:
            raise error("internal: unsupported set operator %r" % (op,))
    emit(FAILURE)


def _optimize_charset(charset, iscased=None, fixup=None, fixes=None):
    """A set's items -> (shorter equivalent items, whether case matters).

    Literals and ranges go into a character map; the map becomes at most two
    runs (LITERAL/RANGE), a 256-bit CHARSET, or a BIGCHARSET of shared
    256-character blocks. Categories stay as they are. Under IGNORECASE the
    map holds lower-case forms (plus _casefix's partners); characters beyond
    U+FFFF keep their items (RANGE becomes RANGE_UNI_IGNORE)."""
    out = []
    tail = []
    charmap = bytearray(256)
    hascased = False
    for op, av in charset:
        while True:
            try:
                if op is LITERAL:
                    if fixup:
                        lo = fixup(av)
                        charmap[lo] = 1
                        if fixes and lo in fixes:
                            for k in fixes[lo]:
                                charmap[k] = 1
                        if not hascased and iscased(av):
                            hascased = True
                    else:
                        charmap[av] = 1
                elif op is RANGE:
                    r = range(av[0], av[1] + 1)
                    if fixup:
                        for i in map(fixup, r):
                            charmap[i] = 1
                            if fixes and i in fixes:
                                for k in fixes[i]:
                                    charmap[k] = 1
                        if not hascased:
                            hascased = any(map(iscased, r))
                    else:
                        for i in r:
                            charmap[i] = 1
                elif op is NEGATE:
                    out.append((op, av))
                else:
                    tail.append((op, av))
            except IndexError:
                if len(charmap) == 256:
                    # grow to the whole BMP and retry this item
                    charmap += b'\0' * 0xff00
                    continue
                # beyond the BMP: keep the item as it is
                if fixup:
                    hascased = True
                    if op is RANGE:
                        op = RANGE_UNI_IGNORE
                tail.append((op, av))
            break

    # at most two runs: LITERAL/RANGE items
    runs = []
    q = 0
    while True:
        p = charmap.find(1, q)
        if p < 0:
            break
        if len(runs) >= 2:
            runs = None
            break
        q = charmap.find(0, p)
        if q < 0:
            runs.append((p, len(charmap)))
            break
        runs.append((p, q))
    if runs is not None:
        for p, q in runs:
            if q - p == 1:
                out.append((LITERAL, p))
            else:
                out.append((RANGE, (p, q - 1)))
        out += tail
        if hascased or len(out) < len(charset):
            return out, hascased
        return charset, hascased

    if len(charmap) == 256:
        out.append((CHARSET, _mk_bitmap(charmap)))
        out += tail
        return out, hascased

    # BIGCHARSET: a byte per 256-character block naming one of the distinct
    # block bitmaps that follow
    charmap = bytes(charmap)
    blocks = {}
    mapping = bytearray(256)
    data = bytearray()
    for i in range(0, 65536, 256):
        chunk = charmap[i: i + 256]
        if chunk not in blocks:
            blocks[chunk] = len(blocks)
            data += chunk
        mapping[i // 256] = blocks[chunk]
    data = _mk_bitmap(data)
    data[0:0] = [len(blocks)] + _bytes_to_codes(mapping)
    out.append((BIGCHARSET, data))
    out += tail
    return out, hascased


_CODEBITS = _sre.CODESIZE * 8
MAXCODE = (1 << _CODEBITS) - 1


def _mk_bitmap(bits):
    """A bytearray of 0/1 flags -> code words, bit i of word w for flag 32w+i."""
    words = []
    for base in range(0, len(bits), _CODEBITS):
        word = 0
        for i in range(_CODEBITS - 1, -1, -1):
            word = (word << 1) | (1 if bits[base + i] else 0)
        words.append(word)
    return words


def _bytes_to_codes(b):
    """256 bytes -> 64 native-endian code words."""
    import sys
    size = _sre.CODESIZE
    return [int.from_bytes(b[i: i + size], sys.byteorder) for i in range(0, len(b), size)]


def _simple(p):
    """Whether p is one character wide and captures nothing (REPEAT_ONE can run it)."""
    if len(p) != 1:
        return False
    op, av = p[0]
    if op is SUBPATTERN:
        return av[0] is None and _simple(av[-1])
    return op in _UNIT_CODES


def _generate_overlap_table(prefix):
    """KMP failure table: table[i] is the length of the longest proper
    prefix of prefix[:i+1] that is also its suffix."""
    table = [0] * len(prefix)
    for i in range(1, len(prefix)):
        k = table[i - 1]
        while prefix[i] != prefix[k]:
            if k == 0:
                break
            k = table[k - 1]
        else:
            table[i] = k + 1
            continue
        table[i] = 0
    return table


def _get_iscased(flags):
    if not flags & SRE_FLAG_IGNORECASE:
        return None
    if flags & SRE_FLAG_UNICODE:
        return _sre.unicode_iscased
    return _sre.ascii_iscased


def _get_literal_prefix(pattern, flags):
    """(literal code points the pattern starts with, how many of them come
    before the first group, whether the prefix is the whole pattern)."""
    prefix = []
    prefix_skip = None
    iscased = _get_iscased(flags)
    for op, av in pattern.data:
        if op is LITERAL:
            if iscased and iscased(av):
                break
            prefix.append(av)
        elif op is SUBPATTERN:
            group, add_flags, del_flags, p = av
            flags1 = _combine_flags(flags, add_flags, del_flags)
            if flags1 & SRE_FLAG_IGNORECASE and flags1 & SRE_FLAG_LOCALE:
                break
            prefix1, prefix_skip1, got_all = _get_literal_prefix(p, flags1)
            if prefix_skip is None:
                if group is not None:
                    prefix_skip = len(prefix)
                elif prefix_skip1 is not None:
                    prefix_skip = len(prefix) + prefix_skip1
            prefix.extend(prefix1)
            if not got_all:
                break
        else:
            break
    else:
        return prefix, prefix_skip, True
    return prefix, prefix_skip, False


def _get_charset_prefix(pattern, flags):
    """The set the first character must be in, or None."""
    while True:
        if not pattern.data:
            return None
        op, av = pattern.data[0]
        if op is not SUBPATTERN:
            break
        group, add_flags, del_flags, pattern = av
        flags = _combine_flags(flags, add_flags, del_flags)
        if flags & SRE_FLAG_IGNORECASE and flags & SRE_FLAG_LOCALE:
            return None

    iscased = _get_iscased(flags)
    if op is LITERAL:
        if iscased and iscased(av):
            return None
        return [(op, av)]
    if op is BRANCH:
        charset = []
        for alternative in av[1]:
            if not alternative:
                return None
            op, av = alternative[0]
            if op is LITERAL and not (iscased and iscased(av)):
                charset.append((op, av))
            else:
                return None
        return charset
    if op is IN:
        charset = av
        if iscased:
            for op, av in charset:
                if op is LITERAL:
                    if iscased(av):
                        return None
                elif op is RANGE:
                    if av[1] > 0xffff:
                        return None
                    if any(map(iscased, range(av[0], av[1] + 1))):
                        return None
        return charset
    return None


def _compile_info(code, pattern, flags):
    """<INFO> <skip> <flags> <min> <max> [<len> <skip> prefix overlap | charset]"""
    lo, hi = pattern.getwidth()
    if hi > MAXCODE:
        hi = MAXCODE
    if lo == 0:
        code.extend([INFO, 4, 0, lo, hi])
        return
    prefix = []
    prefix_skip = 0
    charset = []
    if not (flags & SRE_FLAG_IGNORECASE and flags & SRE_FLAG_LOCALE):
        prefix, prefix_skip, got_all = _get_literal_prefix(pattern, flags)
        if not prefix:
            charset = _get_charset_prefix(pattern, flags)
    emit = code.append
    emit(INFO)
    skip = _emit_skip(code)
    mask = 0
    if prefix:
        mask = SRE_INFO_PREFIX
        if prefix_skip is None and got_all:
            mask |= SRE_INFO_LITERAL
    elif charset:
        mask |= SRE_INFO_CHARSET
    emit(mask)
    if lo < MAXCODE:
        emit(lo)
    else:
        emit(MAXCODE)
        prefix = prefix[:MAXCODE]
    emit(hi)
    if prefix:
        emit(len(prefix))
        if prefix_skip is None:
            prefix_skip = len(prefix)
        emit(prefix_skip)
        code.extend(prefix)
        code.extend(_generate_overlap_table(prefix))
    elif charset:
        charset, hascased = _optimize_charset(charset)
        assert not hascased
        _compile_charset(charset, flags, code)
    _patch_skip(code, skip)


def isstring(obj):
    return isinstance(obj, (str, bytes))


def _code(p, flags):
    flags = p.state.flags | flags
    code = []
    _compile_info(code, p, flags)
    _compile(code, p.data, flags)
    code.append(SUCCESS)
    return code


def _hex_code(code):
    return '[%s]' % ', '.join('%#0*x' % (_sre.CODESIZE * 2 + 2, x) for x in code)


def dis(code):
    """Prints the code list, one instruction a line (re.DEBUG)."""
    import sys
    labels = set()
    level = 0
    width = len(str(len(code) - 1))

    def dis_(start, end):
        nonlocal level

        def line(*args, to=None):
            if to is not None:
                labels.add(to)
                args += ('(to %d)' % (to,),)
            print('%*d%s ' % (width, start, ':' if start in labels else '.'),
                  end='  ' * (level - 1))
            print(*args)

        def line2(*args):
            print(end=' ' * (width + 2 * level))
            print(*args)

        level += 1
        i = start
        while i < end:
            start = i
            op = OPCODES[code[i]]
            i += 1
            if op in (SUCCESS, FAILURE, ANY, ANY_ALL, MAX_UNTIL, MIN_UNTIL, NEGATE):
                line(op)
            elif op in (LITERAL, NOT_LITERAL, LITERAL_IGNORE, NOT_LITERAL_IGNORE,
                        LITERAL_UNI_IGNORE, NOT_LITERAL_UNI_IGNORE,
                        LITERAL_LOC_IGNORE, NOT_LITERAL_LOC_IGNORE):
                arg = code[i]
                i += 1
                line(op, '%#02x (%r)' % (arg, chr(arg)))
            elif op is AT:
                arg = str(ATCODES[code[i]])
                i += 1
                line(op, arg[3:])
            elif op is CATEGORY:
                arg = str(CHCODES[code[i]])
                i += 1
                line(op, arg[9:])
            elif op in (IN, IN_IGNORE, IN_UNI_IGNORE, IN_LOC_IGNORE):
                skip = code[i]
                line(op, skip, to=i + skip)
                dis_(i + 1, i + skip)
                i += skip
            elif op in (RANGE, RANGE_UNI_IGNORE):
                lo, hi = code[i: i + 2]
                i += 2
                line(op, '%#02x %#02x (%r-%r)' % (lo, hi, chr(lo), chr(hi)))
            elif op is CHARSET:
                line(op, _hex_code(code[i: i + 256 // _CODEBITS]))
                i += 256 // _CODEBITS
            elif op is BIGCHARSET:
                arg = code[i]
                i += 1
                mapping = list(b''.join(x.to_bytes(_sre.CODESIZE, sys.byteorder)
                                        for x in code[i: i + 256 // _sre.CODESIZE]))
                line(op, arg, mapping)
                i += 256 // _sre.CODESIZE
                level += 1
                for _ in range(arg):
                    line2(_hex_code(code[i: i + 256 // _CODEBITS]))
                    i += 256 // _CODEBITS
                level -= 1
            elif op in (MARK, GROUPREF, GROUPREF_IGNORE, GROUPREF_UNI_IGNORE, GROUPREF_LOC_IGNORE):
                arg = code[i]
                i += 1
                line(op, arg)
            elif op is JUMP:
                skip = code[i]
                line(op, skip, to=i + skip)
                i += 1
            elif op is BRANCH:
                skip = code[i]
                line(op, skip, to=i + skip)
                while skip:
                    dis_(i + 1, i + skip)
                    i += skip
                    start = i
                    skip = code[i]
                    if skip:
                        line('branch', skip, to=i + skip)
                    else:
                        line(FAILURE)
                i += 1
            elif op in (REPEAT, REPEAT_ONE, MIN_REPEAT_ONE, POSSESSIVE_REPEAT, POSSESSIVE_REPEAT_ONE):
                skip, min, max = code[i: i + 3]
                if max == MAXREPEAT:
                    max = 'MAXREPEAT'
                line(op, skip, min, max, to=i + skip)
                dis_(i + 3, i + skip)
                i += skip
            elif op is GROUPREF_EXISTS:
                arg, skip = code[i: i + 2]
                line(op, arg, skip, to=i + skip)
                i += 2
            elif op in (ASSERT, ASSERT_NOT):
                skip, arg = code[i: i + 2]
                line(op, skip, arg, to=i + skip)
                dis_(i + 2, i + skip)
                i += skip
            elif op is ATOMIC_GROUP:
                skip = code[i]
                line(op, skip, to=i + skip)
                dis_(i + 1, i + skip)
                i += skip
            elif op is INFO:
                skip, flags, min, max = code[i: i + 4]
                if max == MAXREPEAT:
                    max = 'MAXREPEAT'
                line(op, skip, bin(flags), min, max, to=i + skip)
                start = i + 4
                if flags & SRE_INFO_PREFIX:
                    prefix_len, prefix_skip = code[i + 4: i + 6]
                    line2('  prefix_skip', prefix_skip)
                    start = i + 6
                    prefix = code[start: start + prefix_len]
                    line2('  prefix', '[%s]' % ', '.join('%#02x' % x for x in prefix),
                          '(%r)' % ''.join(map(chr, prefix)))
                    start += prefix_len
                    line2('  overlap', code[start: start + prefix_len])
                    start += prefix_len
                if flags & SRE_INFO_CHARSET:
                    level += 1
                    line2('in')
                    dis_(start, i + skip)
                    level -= 1
                i += skip
            else:
                raise ValueError(op)
        level -= 1

    dis_(0, len(code))


def compile(p, flags=0):
    """A pattern (str, bytes or parse tree) -> a compiled _sre Pattern."""
    if isstring(p):
        pattern = p
        p = _parser.parse(p, flags)
    else:
        pattern = None
    code = _code(p, flags)
    if flags & SRE_FLAG_DEBUG:
        print()
        dis(code)
    groupindex = p.state.groupdict
    indexgroup = [None] * p.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return _sre.compile(pattern, flags | p.state.flags, code,
                        p.state.groups - 1, groupindex, tuple(indexgroup))
