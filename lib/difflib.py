# difflib.py: comparing sequences. SequenceMatcher finds matching blocks
# (Ratcliff/Obershelp "gestalt pattern matching" with junk and popularity
# heuristics); Differ/ndiff, unified_diff, context_diff and diff_bytes
# format line diffs; get_close_matches ranks near-matches. minipy's own
# module with the API and results of CPython 3.11's Lib/difflib.py.
# Book chapter 12, "The Standard Library".
#
# The matching algorithm, with its tie-breaks, decides every output here,
# so SequenceMatcher reproduces CPython's exactly:
# - find_longest_match(alo, ahi, blo, bhi) returns the longest block of
#   a[alo:ahi] equal to a block of b[blo:bhi] that contains no junk
#   element of b; among the longest, the one starting earliest in a, then
#   earliest in b. It is then widened on both sides, first over equal
#   non-junk elements (popular elements count as non-junk here), then over
#   equal junk elements.
# - get_matching_blocks applies it recursively to the parts left of and
#   right of each block found.
# - "junk" is b's elements for which isjunk is true; with autojunk and
#   len(b) >= 200, an element filling more than 1% of b (+1) is "popular"
#   and never starts a match either.
#
# Missing: HtmlDiff (side-by-side HTML tables); importing the name fails.

__all__ = ['get_close_matches', 'ndiff', 'restore', 'SequenceMatcher',
           'Differ', 'IS_CHARACTER_JUNK', 'IS_LINE_JUNK', 'context_diff',
           'unified_diff', 'diff_bytes', 'Match']

from heapq import nlargest as _nlargest
from collections import namedtuple as _namedtuple
from types import GenericAlias

Match = _namedtuple('Match', 'a b size')


def _calculate_ratio(matches, length):
    if length:
        return 2.0 * matches / length
    return 1.0


class SequenceMatcher:
    """Compares two sequences of hashable elements: a (set_seq1) and b
    (set_seq2). Information about b is cached, so compare one b against
    many a's by setting b once."""

    def __init__(self, isjunk=None, a='', b='', autojunk=True):
        self.isjunk = isjunk
        self.a = self.b = None
        self.autojunk = autojunk
        self.set_seqs(a, b)

    def set_seqs(self, a, b):
        """Set both sequences to compare."""
        self.set_seq1(a)
        self.set_seq2(b)

    def set_seq1(self, a):
        """Set the first sequence (cheap: nothing is precomputed for a)."""
        if a is self.a:
            return
        self.a = a
        self.matching_blocks = self.opcodes = None

    def set_seq2(self, b):
        """Set the second sequence (indexes b: its positions per element,
        its junk and popular elements)."""
        if b is self.b:
            return
        self.b = b
        self.matching_blocks = self.opcodes = None
        self.fullbcount = None
        self.__chain_b()

    def __chain_b(self):
        # b2j: element -> ascending list of its indices in b, for the
        # elements that may start a match (neither junk nor popular).
        b = self.b
        b2j = {}
        for index, elt in enumerate(b):
            b2j.setdefault(elt, []).append(index)
        self.b2j = b2j

        self.bjunk = junk = set()
        if self.isjunk:
            junk.update(elt for elt in b2j if self.isjunk(elt))
            for elt in junk:
                del b2j[elt]

        self.bpopular = popular = set()
        if self.autojunk and len(b) >= 200:
            limit = len(b) // 100 + 1
            popular.update(elt for elt, where in b2j.items()
                           if len(where) > limit)
            for elt in popular:
                del b2j[elt]

    def find_longest_match(self, alo=0, ahi=None, blo=0, bhi=None):
        """The longest matching block in a[alo:ahi] and b[blo:bhi], as a
        Match(a, b, size); see the file header for the tie-breaks."""
        a, b, b2j, isbjunk = self.a, self.b, self.b2j, self.bjunk.__contains__
        if ahi is None:
            ahi = len(a)
        if bhi is None:
            bhi = len(b)
        best_i, best_j, best_size = alo, blo, 0
        # run_at[j]: length of the match ending at a[i-1] and b[j], for the
        # previous i (dynamic programming over a, one row at a time).
        run_at = {}
        no_indices = []
        for i in range(alo, ahi):
            next_run_at = {}
            for j in b2j.get(a[i], no_indices):
                if j < blo:
                    continue
                if j >= bhi:
                    break
                k = next_run_at[j] = run_at.get(j - 1, 0) + 1
                if k > best_size:
                    best_i, best_j, best_size = i - k + 1, j - k + 1, k
            run_at = next_run_at

        # Widen over equal non-junk elements (popular ones included), then
        # over equal junk, so junk sticks to the block it touches.
        for want_junk in (False, True):
            while (best_i > alo and best_j > blo and
                   isbjunk(b[best_j - 1]) == want_junk and
                   a[best_i - 1] == b[best_j - 1]):
                best_i, best_j, best_size = best_i - 1, best_j - 1, \
                    best_size + 1
            while (best_i + best_size < ahi and best_j + best_size < bhi and
                   isbjunk(b[best_j + best_size]) == want_junk and
                   a[best_i + best_size] == b[best_j + best_size]):
                best_size += 1
        return Match(best_i, best_j, best_size)

    def get_matching_blocks(self):
        """The matching blocks as Match triples, ascending and not
        adjacent to one another, ending with the dummy (len(a), len(b), 0)."""
        if self.matching_blocks is not None:
            return self.matching_blocks
        la, lb = len(self.a), len(self.b)
        # An explicit work list instead of recursion: deep inputs must not
        # hit the recursion limit. The order of the work does not matter:
        # a block depends only on its bounds, and the result is sorted.
        todo = [(0, la, 0, lb)]
        found = []
        while todo:
            alo, ahi, blo, bhi = todo.pop()
            i, j, k = block = self.find_longest_match(alo, ahi, blo, bhi)
            if k:
                found.append(block)
                if alo < i and blo < j:
                    todo.append((alo, i, blo, j))
                if i + k < ahi and j + k < bhi:
                    todo.append((i + k, ahi, j + k, bhi))
        found.sort()

        # Merge blocks that touch (they can when junk split a match).
        merged = []
        cur_i = cur_j = cur_k = 0
        for i, j, k in found:
            if cur_i + cur_k == i and cur_j + cur_k == j:
                cur_k += k
                continue
            if cur_k:
                merged.append((cur_i, cur_j, cur_k))
            cur_i, cur_j, cur_k = i, j, k
        if cur_k:
            merged.append((cur_i, cur_j, cur_k))
        merged.append((la, lb, 0))
        self.matching_blocks = [Match._make(block) for block in merged]
        return self.matching_blocks

    def get_opcodes(self):
        """How to turn a into b: a list of (tag, i1, i2, j1, j2) with tag
        'replace', 'delete', 'insert' or 'equal' for a[i1:i2] -> b[j1:j2]."""
        if self.opcodes is not None:
            return self.opcodes
        i = j = 0
        self.opcodes = codes = []
        for ai, bj, size in self.get_matching_blocks():
            # The gap before this block, then the block.
            if i < ai and j < bj:
                codes.append(('replace', i, ai, j, bj))
            elif i < ai:
                codes.append(('delete', i, ai, j, bj))
            elif j < bj:
                codes.append(('insert', i, ai, j, bj))
            i, j = ai + size, bj + size
            if size:
                codes.append(('equal', ai, i, bj, j))
        return codes

    def get_grouped_opcodes(self, n=3):
        """Yield groups of opcodes with at most n lines of context around
        each change (the hunks of unified/context diffs)."""
        codes = self.get_opcodes()
        if not codes:
            codes = [("equal", 0, 1, 0, 1)]
        # Trim the leading and trailing equal runs to n elements.
        tag, i1, i2, j1, j2 = codes[0]
        if tag == 'equal':
            codes[0] = tag, max(i1, i2 - n), i2, max(j1, j2 - n), j2
        tag, i1, i2, j1, j2 = codes[-1]
        if tag == 'equal':
            codes[-1] = tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n)

        group = []
        for tag, i1, i2, j1, j2 in codes:
            if tag == 'equal' and i2 - i1 > 2 * n:
                # A long equal run ends a group after n elements; the next
                # group starts n elements before the run's end.
                group.append((tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n)))
                yield group
                group = []
                i1, j1 = max(i1, i2 - n), max(j1, j2 - n)
            group.append((tag, i1, i2, j1, j2))
        if group and not (len(group) == 1 and group[0][0] == 'equal'):
            yield group

    def ratio(self):
        """Similarity in [0, 1]: 2*M/T, M the matched elements and T the
        total length of both sequences."""
        matches = sum(block[-1] for block in self.get_matching_blocks())
        return _calculate_ratio(matches, len(self.a) + len(self.b))

    def quick_ratio(self):
        """An upper bound on ratio() from the element counts alone."""
        if self.fullbcount is None:
            self.fullbcount = counts = {}
            for elt in self.b:
                counts[elt] = counts.get(elt, 0) + 1
        counts = self.fullbcount
        # left[elt]: how many of elt in b are not yet paired with one in a.
        left = {}
        matches = 0
        for elt in self.a:
            n = left[elt] if elt in left else counts.get(elt, 0)
            left[elt] = n - 1
            if n > 0:
                matches += 1
        return _calculate_ratio(matches, len(self.a) + len(self.b))

    def real_quick_ratio(self):
        """An upper bound on ratio() from the lengths alone."""
        la, lb = len(self.a), len(self.b)
        return _calculate_ratio(min(la, lb), la + lb)

    __class_getitem__ = classmethod(GenericAlias)


def get_close_matches(word, possibilities, n=3, cutoff=0.6):
    """The up to n best matches for word among possibilities with a
    SequenceMatcher ratio of at least cutoff, best first."""
    if not n > 0:
        raise ValueError("n must be > 0: %r" % (n,))
    if not 0.0 <= cutoff <= 1.0:
        raise ValueError("cutoff must be in [0.0, 1.0]: %r" % (cutoff,))
    scored = []
    matcher = SequenceMatcher()
    matcher.set_seq2(word)
    for candidate in possibilities:
        matcher.set_seq1(candidate)
        # Cheapest bounds first.
        if (matcher.real_quick_ratio() >= cutoff and
                matcher.quick_ratio() >= cutoff and
                matcher.ratio() >= cutoff):
            scored.append((matcher.ratio(), candidate))
    return [candidate for score, candidate in _nlargest(n, scored)]


def _keep_original_ws(s, tag_s):
    """Where the tag line has a blank under a whitespace character of s,
    use that character (tabs stay tabs, so the tags line up)."""
    return ''.join(c if tag == " " and c.isspace() else tag
                   for c, tag in zip(s, tag_s))


class Differ:
    """Produces ndiff-style deltas of sequences of lines: each line is
    prefixed "- " (only in a), "+ " (only in b), "  " (both) or "? " (a
    hint line marking the changed characters of a similar pair)."""

    def __init__(self, linejunk=None, charjunk=None):
        self.linejunk = linejunk
        self.charjunk = charjunk

    def compare(self, a, b):
        """Yield the delta lines turning the lines a into the lines b."""
        matcher = SequenceMatcher(self.linejunk, a, b)
        for tag, alo, ahi, blo, bhi in matcher.get_opcodes():
            if tag == 'replace':
                lines = self._fancy_replace(a, alo, ahi, b, blo, bhi)
            elif tag == 'delete':
                lines = self._dump('-', a, alo, ahi)
            elif tag == 'insert':
                lines = self._dump('+', b, blo, bhi)
            elif tag == 'equal':
                lines = self._dump(' ', a, alo, ahi)
            else:
                raise ValueError('unknown tag %r' % (tag,))
            yield from lines

    def _dump(self, tag, x, lo, hi):
        for i in range(lo, hi):
            yield '%s %s' % (tag, x[i])

    def _plain_replace(self, a, alo, ahi, b, blo, bhi):
        assert alo < ahi and blo < bhi
        # The shorter block first.
        if bhi - blo < ahi - alo:
            yield from self._dump('+', b, blo, bhi)
            yield from self._dump('-', a, alo, ahi)
        else:
            yield from self._dump('-', a, alo, ahi)
            yield from self._dump('+', b, blo, bhi)

    def _fancy_replace(self, a, alo, ahi, b, blo, bhi):
        # Replace a[alo:ahi] by b[blo:bhi]: find the most similar pair of
        # lines (ratio above 0.75; the first by b then a on ties) and use it
        # as a synchronisation point, with "?" hint lines; recurse on both
        # sides. Without such a pair, an identical pair serves (shown as
        # unchanged), else everything is deleted and inserted.
        best_ratio, cutoff = 0.74, 0.75
        matcher = SequenceMatcher(self.charjunk)
        eqi = eqj = None
        for j in range(blo, bhi):
            bj = b[j]
            matcher.set_seq2(bj)
            for i in range(alo, ahi):
                ai = a[i]
                if ai == bj:
                    if eqi is None:
                        eqi, eqj = i, j
                    continue
                matcher.set_seq1(ai)
                if (matcher.real_quick_ratio() > best_ratio and
                        matcher.quick_ratio() > best_ratio and
                        matcher.ratio() > best_ratio):
                    best_ratio, best_i, best_j = matcher.ratio(), i, j
        if best_ratio < cutoff:
            if eqi is None:
                yield from self._plain_replace(a, alo, ahi, b, blo, bhi)
                return
            best_i, best_j, best_ratio = eqi, eqj, 1.0
        else:
            eqi = None

        yield from self._fancy_helper(a, alo, best_i, b, blo, best_j)

        aelt, belt = a[best_i], b[best_j]
        if eqi is None:
            marks = {'replace': ('^', '^'), 'delete': ('-', ''),
                     'insert': ('', '+'), 'equal': (' ', ' ')}
            atags = []
            btags = []
            matcher.set_seqs(aelt, belt)
            for tag, ai1, ai2, bj1, bj2 in matcher.get_opcodes():
                if tag not in marks:
                    raise ValueError('unknown tag %r' % (tag,))
                amark, bmark = marks[tag]
                atags.append(amark * (ai2 - ai1))
                btags.append(bmark * (bj2 - bj1))
            yield from self._qformat(aelt, belt, ''.join(atags),
                                     ''.join(btags))
        else:
            yield '  ' + aelt

        yield from self._fancy_helper(a, best_i + 1, ahi, b, best_j + 1, bhi)

    def _fancy_helper(self, a, alo, ahi, b, blo, bhi):
        if alo < ahi:
            if blo < bhi:
                yield from self._fancy_replace(a, alo, ahi, b, blo, bhi)
            else:
                yield from self._dump('-', a, alo, ahi)
        elif blo < bhi:
            yield from self._dump('+', b, blo, bhi)

    def _qformat(self, aline, bline, atags, btags):
        # The pair with its hint lines; a hint line is left out when it
        # marks nothing.
        atags = _keep_original_ws(aline, atags).rstrip()
        btags = _keep_original_ws(bline, btags).rstrip()
        yield "- " + aline
        if atags:
            yield f"? {atags}\n"
        yield "+ " + bline
        if btags:
            yield f"? {btags}\n"


def IS_LINE_JUNK(line, pat=None):
    """True for a line that is blank or holds only a '#' (with
    whitespace around it)."""
    if pat is not None:
        return pat(line) is not None
    stripped = line.strip()
    return stripped == '' or stripped == '#'


def IS_CHARACTER_JUNK(ch, ws=" \t"):
    """True for a blank or a tab."""
    return ch in ws


def _format_range_unified(start, stop):
    # "start,length" (1-based), "start" for one line; an empty range names
    # the line before it.
    beginning = start + 1
    length = stop - start
    if length == 1:
        return '{}'.format(beginning)
    if not length:
        beginning -= 1
    return '{},{}'.format(beginning, length)


def _format_range_context(start, stop):
    # "first,last" (1-based), "first" for at most one line.
    beginning = start + 1
    length = stop - start
    if not length:
        beginning -= 1
    if length <= 1:
        return '{}'.format(beginning)
    return '{},{}'.format(beginning, beginning + length - 1)


def _check_types(a, b, *args):
    # Catch bytes passed where str is expected before they make
    # confusing output ("b'...'").
    for lines in (a, b):
        if lines and not isinstance(lines[0], str):
            raise TypeError('lines to compare must be str, not %s (%r)' %
                            (type(lines[0]).__name__, lines[0]))
    for arg in args:
        if not isinstance(arg, str):
            raise TypeError('all arguments must be str, not: %r' % (arg,))


def _file_headers(marks, fromfile, tofile, fromfiledate, tofiledate,
                  lineterm):
    # The two header lines of a unified or context diff (only written when
    # there is a difference): the mark, the name, a tab and the date if any.
    for mark, name, date in zip(marks, (fromfile, tofile),
                                (fromfiledate, tofiledate)):
        yield '{} {}{}{}'.format(mark, name, '\t' + date if date else '',
                                 lineterm)


def unified_diff(a, b, fromfile='', tofile='', fromfiledate='',
                 tofiledate='', n=3, lineterm='\n'):
    """Yield the lines of a unified diff of the line lists a and b, with
    n lines of context; header and hunk lines end with lineterm."""
    _check_types(a, b, fromfile, tofile, fromfiledate, tofiledate, lineterm)
    started = False
    for group in SequenceMatcher(None, a, b).get_grouped_opcodes(n):
        if not started:
            started = True
            yield from _file_headers(('---', '+++'), fromfile, tofile,
                                     fromfiledate, tofiledate, lineterm)
        first, last = group[0], group[-1]
        yield '@@ -{} +{} @@{}'.format(_format_range_unified(first[1], last[2]),
                                       _format_range_unified(first[3], last[4]),
                                       lineterm)
        for tag, i1, i2, j1, j2 in group:
            if tag == 'equal':
                for line in a[i1:i2]:
                    yield ' ' + line
                continue
            if tag in {'replace', 'delete'}:
                for line in a[i1:i2]:
                    yield '-' + line
            if tag in {'replace', 'insert'}:
                for line in b[j1:j2]:
                    yield '+' + line


def context_diff(a, b, fromfile='', tofile='', fromfiledate='',
                 tofiledate='', n=3, lineterm='\n'):
    """Yield the lines of a context diff of the line lists a and b, with
    n lines of context."""
    _check_types(a, b, fromfile, tofile, fromfiledate, tofiledate, lineterm)
    prefix = dict(insert='+ ', delete='- ', replace='! ', equal='  ')
    started = False
    for group in SequenceMatcher(None, a, b).get_grouped_opcodes(n):
        if not started:
            started = True
            yield from _file_headers(('***', '---'), fromfile, tofile,
                                     fromfiledate, tofiledate, lineterm)
        first, last = group[0], group[-1]
        yield '***************' + lineterm

        yield '*** {} ****{}'.format(_format_range_context(first[1], last[2]),
                                     lineterm)
        # Each side's lines are listed only if that side changed.
        if any(code[0] in {'replace', 'delete'} for code in group):
            for tag, i1, i2, _, _ in group:
                if tag != 'insert':
                    for line in a[i1:i2]:
                        yield prefix[tag] + line

        yield '--- {} ----{}'.format(_format_range_context(first[3], last[4]),
                                     lineterm)
        if any(code[0] in {'replace', 'insert'} for code in group):
            for tag, _, _, j1, j2 in group:
                if tag != 'delete':
                    for line in b[j1:j2]:
                        yield prefix[tag] + line


def diff_bytes(dfunc, a, b, fromfile=b'', tofile=b'',
               fromfiledate=b'', tofiledate=b'', n=3, lineterm=b'\n'):
    """Run the str diff function dfunc (unified_diff, context_diff) on
    bytes: everything is decoded as ASCII with surrogateescape, so any
    byte survives the round trip."""
    def decode(s):
        try:
            return s.decode('ascii', 'surrogateescape')
        except AttributeError as err:
            msg = ('all arguments must be bytes, not %s (%r)' %
                   (type(s).__name__, s))
            raise TypeError(msg) from err
    a = [decode(line) for line in a]
    b = [decode(line) for line in b]
    fromfile, tofile, fromfiledate, tofiledate, lineterm = map(
        decode, (fromfile, tofile, fromfiledate, tofiledate, lineterm))
    for line in dfunc(a, b, fromfile, tofile, fromfiledate, tofiledate, n,
                      lineterm):
        yield line.encode('ascii', 'surrogateescape')


def ndiff(a, b, linejunk=None, charjunk=IS_CHARACTER_JUNK):
    """Differ(linejunk, charjunk).compare(a, b)."""
    return Differ(linejunk, charjunk).compare(a, b)


def restore(delta, which):
    """Yield sequence 1 or 2 (which) back from an ndiff/compare delta."""
    try:
        tag = {1: "- ", 2: "+ "}[int(which)]
    except KeyError:
        raise ValueError('unknown delta choice (must be 1 or 2): %r'
                         % which) from None
    for line in delta:
        if line[:2] in ("  ", tag):
            yield line[2:]
