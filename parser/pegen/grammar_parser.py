# grammar_parser.py: reads a grammar file into grammar.py's nodes.
# CPython 3.11 generates this reader from Tools/peg_generator/pegen/
# metagrammar.gram; minipy's is written by hand, a recursive-descent reader
# of the same notation (see the header of parser/python.gram). Book ch. 4.
#
#   rule:  NAME ['[' TYPE ']'] ['(' 'memo' ')'] ':' ['|'] alt ('|' alt)*
#   alt:   item+ ['{' C++ action '}']
#   item:  [NAME ['[' TYPE ']'] '='] ('&&' atom | '&' atom | '!' atom | '~'
#          | atom '?' | atom '*' | atom '+' | atom '.' atom '+' | atom)
#   atom:  '(' alts ')' | '[' alts ']' | NAME | STRING
# A rule ends where the next line starts in column 0; '#' starts a comment;
# `@name value` lines are directives.
import re

from grammar import (Alt, Cut, Forced, Gather, Grammar, Group, NamedItem, NameLeaf,
                     NegativeLookahead, Opt, PositiveLookahead, Repeat0, Repeat1, Rhs,
                     Rule, StringLeaf)


class GrammarError(Exception):
    pass


class Tok:
    def __init__(self, kind, value, line, col):
        self.kind, self.value, self.line, self.col = kind, value, line, col

    def __repr__(self):
        return "%s %r at %d:%d" % (self.kind, self.value, self.line, self.col)


_PUNCT = ["&&", "[", "]", "(", ")", ":", "|", "=", "&", "!", "~", "?", "*", "+", ".", "@", "<", ">", ","]


def tokenize(text, filename):
    """Tokens: NAME, STRING, ACTION (braces included), TYPE (after 'name['),
    OP, and RULE_START markers before a NAME that begins a line at column 0."""
    toks = []
    line, col, i, n = 1, 0, 0, len(text)
    at_line_start = True
    while i < n:
        c = text[i]
        if c == "\n":
            line, col, i, at_line_start = line + 1, 0, i + 1, True
            continue
        if c in " \t\r":
            i += 1
            col += 1
            continue
        if c == "#":
            while i < n and text[i] != "\n":
                i += 1
            continue
        start_col = col
        if at_line_start and col == 0:
            toks.append(Tok("RULE_START", None, line, 0))
        at_line_start = False
        if text.startswith(("'''", '"""'), i):
            q = text[i:i + 3]
            j = text.find(q, i + 3)
            if j < 0:
                raise GrammarError("%s:%d: unterminated string" % (filename, line))
            value = text[i:j + 3]
        elif c in "'\"":
            j = i + 1
            while j < n and text[j] != c:
                if text[j] == "\\":
                    j += 1
                if text[j] == "\n":
                    raise GrammarError("%s:%d: unterminated string" % (filename, line))
                j += 1
            value = text[i:j + 1]
        elif c == "{":
            depth, j = 0, i
            while j < n:
                if text[j] in "'\"":
                    q = text[j]
                    j += 1
                    while j < n and text[j] != q:
                        j += 2 if text[j] == "\\" else 1
                elif text[j] == "{":
                    depth += 1
                elif text[j] == "}":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if j >= n:
                raise GrammarError("%s:%d: unterminated action" % (filename, line))
            value = text[i:j + 1]
            toks.append(Tok("ACTION", value[1:-1].strip(), line, start_col))
            line += value.count("\n")
            col = len(value) - value.rfind("\n") - 1 if "\n" in value else col + len(value)
            i = j + 1
            continue
        else:
            m = re.compile(r"[A-Za-z_][A-Za-z0-9_]*").match(text, i)
            if m:
                value = m.group(0)
                toks.append(Tok("NAME", value, line, start_col))
                i += len(value)
                col += len(value)
                continue
            for p in _PUNCT:
                if text.startswith(p, i):
                    value = p
                    break
            else:
                raise GrammarError("%s:%d:%d: unexpected character %r" % (filename, line, col, c))
            toks.append(Tok("OP", value, line, start_col))
            i += len(value)
            col += len(value)
            continue
        toks.append(Tok("STRING", value, line, start_col))
        line += value.count("\n")
        i += len(value)
        col += len(value)
    toks.append(Tok("RULE_START", None, line, 0))
    toks.append(Tok("EOF", None, line, 0))
    return toks


class GrammarParser:
    def __init__(self, text, filename="<grammar>"):
        self.filename = filename
        self.text = text
        self.toks = tokenize(text, filename)
        self.pos = 0

    def peek(self, k=0):
        return self.toks[self.pos + k]

    def at(self, kind, value=None):
        t = self.peek()
        return t.kind == kind and (value is None or t.value == value)

    def take(self, kind, value=None):
        t = self.peek()
        if not self.at(kind, value):
            raise GrammarError("%s:%d:%d: expected %s, got %r" % (
                self.filename, t.line, t.col, value or kind, t.value))
        self.pos += 1
        return t

    def parse(self):
        rules, metas = {}, {}
        while not self.at("EOF"):
            self.take("RULE_START")
            if self.at("EOF"):
                break
            if self.at("OP", "@"):
                self.take("OP")
                name = self.take("NAME").value
                value = None
                if self.at("STRING") or self.at("NAME"):
                    value = self.peek().value
                    self.pos += 1
                    if value[:1] in "'\"":
                        value = value[3:-3] if value[:3] in ("'''", '"""') else value[1:-1]
                metas[name] = value
                continue
            rule = self.rule()
            if rule.name in rules:
                raise GrammarError("%s: rule %s defined twice" % (self.filename, rule.name))
            rules[rule.name] = rule
        return Grammar(rules, metas)

    def bracket_type(self):
        # The text between '[' and the matching ']' (a C++ type).
        open_tok = self.take("OP", "[")
        depth, parts = 1, []
        while True:
            t = self.peek()
            if t.kind == "OP" and t.value == "[":
                depth += 1
            elif t.kind == "OP" and t.value == "]":
                depth -= 1
                if depth == 0:
                    self.pos += 1
                    break
            if t.kind in ("EOF", "RULE_START"):
                raise GrammarError("%s:%d: unclosed type" % (self.filename, open_tok.line))
            parts.append(t.value)
            self.pos += 1
        text = ""
        for p in parts:
            if text and (p[0].isalnum() or p[0] == "_") and (text[-1].isalnum() or text[-1] == "_"):
                text += " "
            text += p
        return text

    def rule(self):
        name = self.take("NAME").value
        type_ = None
        memo = False
        if self.at("OP", "["):
            type_ = self.bracket_type()
        if self.at("OP", "("):
            self.take("OP", "(")
            self.take("NAME", "memo")
            self.take("OP", ")")
            memo = True
        self.take("OP", ":")
        if self.at("OP", "|"):
            self.take("OP")
        return Rule(name, type_, self.alts(), memo)

    def alts(self):
        alts = [self.alt()]
        while self.at("OP", "|"):
            self.take("OP")
            alts.append(self.alt())
        return Rhs(alts)

    def alt(self):
        items = []
        while True:
            t = self.peek()
            if t.kind in ("NAME", "STRING") or (t.kind == "OP" and t.value in ("(", "[", "&", "&&", "!", "~")):
                items.append(self.named_item())
            else:
                break
        if not items:
            t = self.peek()
            raise GrammarError("%s:%d:%d: empty alternative" % (self.filename, t.line, t.col))
        action = None
        if self.at("ACTION"):
            action = self.take("ACTION").value
        return Alt(items, action)

    def named_item(self):
        if self.at("NAME") and self.peek(1).kind == "OP" and self.peek(1).value in ("=", "["):
            # a=item or a[type]=item; but `x [y]` is not a name binding.
            save = self.pos
            name = self.take("NAME").value
            type_ = None
            if self.at("OP", "["):
                type_ = self.bracket_type()
            if self.at("OP", "="):
                self.take("OP")
                return NamedItem(name, self.item(), type_)
            self.pos = save
        return NamedItem(None, self.item())

    def item(self):
        if self.at("OP", "&&"):
            self.take("OP")
            return Forced(self.atom())
        if self.at("OP", "&"):
            self.take("OP")
            return PositiveLookahead(self.atom())
        if self.at("OP", "!"):
            self.take("OP")
            return NegativeLookahead(self.atom())
        if self.at("OP", "~"):
            self.take("OP")
            return Cut()
        atom = self.atom()
        if self.at("OP", "?"):
            self.take("OP")
            return Opt(atom)
        if self.at("OP", "*"):
            self.take("OP")
            return Repeat0(atom)
        if self.at("OP", "+"):
            self.take("OP")
            return Repeat1(atom)
        if self.at("OP", "."):
            self.take("OP")
            node = self.atom()
            self.take("OP", "+")
            return Gather(atom, node)
        return atom

    def atom(self):
        if self.at("OP", "("):
            self.take("OP")
            rhs = self.alts()
            self.take("OP", ")")
            return Group(rhs)
        if self.at("OP", "["):
            self.take("OP")
            rhs = self.alts()
            self.take("OP", "]")
            return Opt(Group(rhs))
        if self.at("NAME"):
            return NameLeaf(self.take("NAME").value)
        t = self.take("STRING")
        return StringLeaf(t.value)


def parse_grammar_file(path):
    with open(path, encoding="utf-8") as f:
        return GrammarParser(f.read(), path).parse()
