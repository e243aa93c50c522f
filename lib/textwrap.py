# textwrap.py: wrapping and filling paragraphs, shortening, dedent and
# indent. minipy's own module with the API of CPython 3.11's
# Lib/textwrap.py. Book chapter 12, "The Standard Library".
#
# Wrapping is greedy: the text is cut into chunks (words, hyphenated word
# parts, whitespace runs), then each line takes chunks while they fit;
# a chunk longer than a whole line is broken (preferably after a hyphen).
# The chunking pattern and every tie-break are CPython's, so lines break at
# the same places.
#
# The chunking needs re. TextWrapper compiles its patterns when re can be
# imported, else on first use (minipy before its re module existed);
# dedent and indent need no re at all.

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

# Whitespace as textwrap understands it: ASCII only (string.whitespace).
_whitespace = '\t\n\x0b\x0c\r '


def _chunk_patterns(re):
    """(wordsep_re, wordsep_simple_re, sentence_end_re) compiled with re."""
    ws = '[%s]' % re.escape(_whitespace)
    nws = '[^' + ws[1:]
    word_punct = r'[\w!"\'&.,?]'
    letter = r'[^\d\W]'
    # A chunk is, in order of preference: a whitespace run; an em-dash of
    # two or more hyphens between words; a word, ending at a hyphen that
    # joins two letters (so "goof-ball" splits as "goof-", "ball" but
    # "-b" and "x--y" do not), at whitespace or the end, or before an
    # em-dash; or else a run of non-whitespace.
    wordsep = re.compile(r'''
        ( %(ws)s+
        | (?<=%(wp)s) -{2,} (?=\w)
        | %(nws)s+? (?:
              -(?: (?<=%(lt)s{2}-) | (?<=%(lt)s-%(lt)s-))
              (?= %(lt)s -? %(lt)s)
            | (?=%(ws)s|\Z)
            | (?<=%(wp)s) (?=-{2,}\w)
            )
        )''' % {'wp': word_punct, 'lt': letter, 'ws': ws, 'nws': nws},
        re.VERBOSE)
    simple = re.compile(r'(%s+)' % ws)
    # A lowercase letter, sentence punctuation, maybe a closing quote.
    sentence_end = re.compile(r'[a-z][\.\!\?][\"\']?\Z')
    return wordsep, simple, sentence_end


try:
    import re as _re
except ImportError:         # minipy without its re module yet
    _re = None


class TextWrapper:
    """
    Object for wrapping/filling text.  The public interface consists of
    the wrap() and fill() methods; the other methods are just there for
    subclasses to override in order to tweak the default behaviour.
    If you want to completely replace the main wrapping algorithm,
    you'll probably have to override _wrap_chunks().

    Several instance attributes control various aspects of wrapping:
      width (default: 70)
        the maximum width of wrapped lines (unless break_long_words
        is false)
      initial_indent (default: "")
        string that will be prepended to the first line of wrapped
        output.  Counts towards the line's width.
      subsequent_indent (default: "")
        string that will be prepended to all lines save the first
        of wrapped output; also counts towards each line's width.
      expand_tabs (default: true)
        Expand tabs in input text to spaces before further processing.
      tabsize (default: 8)
        The tab stops used when expanding tabs.
      replace_whitespace (default: true)
        Replace all whitespace characters in the input text by spaces
        after tab expansion.
      fix_sentence_endings (default: false)
        Ensure that sentence-ending punctuation is always followed
        by two spaces.
      break_long_words (default: true)
        Break words longer than 'width'.
      break_on_hyphens (default: true)
        Allow breaking hyphenated words.
      drop_whitespace (default: true)
        Drop leading and trailing whitespace from lines.
      max_lines (default: None)
        Truncate wrapped lines.
      placeholder (default: ' [...]')
        Append to the last line of truncated text.
    """

    unicode_whitespace_trans = dict.fromkeys(map(ord, _whitespace), ord(' '))

    if _re is not None:
        wordsep_re, wordsep_simple_re, sentence_end_re = _chunk_patterns(_re)

    def __init__(self,
                 width=70,
                 initial_indent="",
                 subsequent_indent="",
                 expand_tabs=True,
                 replace_whitespace=True,
                 fix_sentence_endings=False,
                 break_long_words=True,
                 drop_whitespace=True,
                 break_on_hyphens=True,
                 tabsize=8,
                 *,
                 max_lines=None,
                 placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def __getattr__(self, name):
        # Only reached for the patterns when re was missing at import.
        if name in ('wordsep_re', 'wordsep_simple_re', 'sentence_end_re'):
            import re
            cls = TextWrapper
            (cls.wordsep_re, cls.wordsep_simple_re,
             cls.sentence_end_re) = _chunk_patterns(re)
            return getattr(self, name)
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    # -- the steps, each overridable ------------------------------------

    def _munge_whitespace(self, text):
        """Expand tabs, then turn every other whitespace character into a
        space: " foo\\tbar\\n\\nbaz" becomes " foo    bar  baz"."""
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(self.unicode_whitespace_trans)
        return text

    def _split(self, text):
        """The indivisible chunks of text: "Look, goof-ball -- use the -b
        option!" gives 'Look,', ' ', 'goof-', 'ball', ' ', '--', ' ',
        'use', ' ', 'the', ' ', '-b', ' ', 'option!' (with
        break_on_hyphens false, 'goof-ball' stays whole)."""
        pattern = self.wordsep_re if self.break_on_hyphens is True else self.wordsep_simple_re
        return [c for c in pattern.split(text) if c]

    def _fix_sentence_endings(self, chunks):
        """Give a single space after a sentence end two spaces ("foo. Bar"
        becomes "foo.  Bar"), in place."""
        i = 0
        ends_sentence = self.sentence_end_re.search
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and ends_sentence(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        """Deal with the next chunk (reversed_chunks[-1]) when it cannot
        fit on any line: break it to fill the current line (after a hyphen
        when one is close enough), or, when long words must not be broken,
        put it whole on an empty line."""
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                hyphen = chunk.rfind('-', 0, space_left)
                # A hyphen only counts if something other than hyphens
                # precedes it.
                if hyphen > 0 and any(c != '-' for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        """The lines of at most self.width columns that chunks make
        (longer ones only when break_long_words is false). Whitespace
        chunks at the start and end of lines are dropped when
        drop_whitespace is true (except at the very start of the text)."""
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        lines = []
        chunks.reverse()          # popped from the end, in text order
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and chunks[-1].strip() == '' and lines:
                del chunks[-1]
            while chunks:
                n = len(chunks[-1])
                if cur_len + n > width:
                    break
                cur_line.append(chunks.pop())
                cur_len += n
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(map(len, cur_line))
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == '':
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            if not cur_line:
                continue
            # The line is kept whole unless max_lines cuts the text here:
            # then it ends with the placeholder, which replaces as many
            # trailing chunks as it needs.
            rest_is_blank = (not chunks or
                             self.drop_whitespace and len(chunks) == 1 and
                             not chunks[0].strip())
            if (self.max_lines is None or len(lines) + 1 < self.max_lines or
                    rest_is_blank and cur_len <= width):
                lines.append(indent + ''.join(cur_line))
                continue
            while cur_line:
                if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                    cur_line.append(self.placeholder)
                    lines.append(indent + ''.join(cur_line))
                    break
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            else:
                if lines:
                    prev_line = lines[-1].rstrip()
                    if len(prev_line) + len(self.placeholder) <= self.width:
                        lines[-1] = prev_line + self.placeholder
                        break
                lines.append(indent + self.placeholder.lstrip())
            break
        return lines

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    # -- the public interface -------------------------------------------

    def wrap(self, text):
        """Reformat the single paragraph in 'text' so it fits in lines of
        no more than 'self.width' columns, and return a list of wrapped
        lines.  Tabs in 'text' are expanded with string.expandtabs(),
        and all other whitespace characters (including newline) are
        converted to space.
        """
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """Reformat the single paragraph in 'text' to fit in lines of no
        more than 'self.width' columns, and return a new string
        containing the entire wrapped paragraph.
        """
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    """Wrap a single paragraph of text, returning a list of wrapped lines.

    The keyword arguments are TextWrapper's.
    """
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    """Fill a single paragraph of text, returning a new string.

    The keyword arguments are TextWrapper's.
    """
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """Collapse and truncate the given text to fit in the given width.

    The text first has its whitespace collapsed.  If it then fits in
    the *width*, it is returned as is.  Otherwise, as many words
    as possible are joined and then the placeholder is appended::

        >>> textwrap.shorten("Hello  world!", width=12)
        'Hello world!'
        >>> textwrap.shorten("Hello  world!", width=11)
        'Hello [...]'
    """
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))


def dedent(text):
    """Remove any common leading whitespace from every line in `text`.

    Lines of only spaces and tabs become empty and do not count; tabs and
    spaces are different characters ("  x" and "\\tx" have no common
    leading whitespace).
    """
    lines = text.split('\n')
    # Lines of only spaces and tabs are emptied (their newline stays).
    for i, line in enumerate(lines):
        if line and not line.strip(' \t'):
            lines[i] = ''
    margin = None
    for line in lines:
        stripped = line.lstrip(' \t')
        if not stripped:
            continue
        lead = line[:len(line) - len(stripped)]
        if margin is None or margin.startswith(lead):
            margin = lead
        elif not lead.startswith(margin):
            # The longest common prefix of the two.
            n = 0
            while n < len(margin) and n < len(lead) and margin[n] == lead[n]:
                n += 1
            margin = margin[:n]
    if margin:
        cut = len(margin)
        lines = [line[cut:] if line.startswith(margin) else line for line in lines]
    return '\n'.join(lines)


def indent(text, prefix, predicate=None):
    """Adds 'prefix' to the beginning of selected lines in 'text'.

    If 'predicate' is provided, 'prefix' will only be added to the lines
    where 'predicate(line)' is True. If 'predicate' is not provided,
    it will default to adding 'prefix' to all non-empty lines that do not
    consist solely of whitespace characters.
    """
    if predicate is None:
        def predicate(line):
            return line.strip()
    return ''.join(prefix + line if predicate(line) else line
                   for line in text.splitlines(True))
