# grammar.py: the in-memory form of a PEG grammar file (parser/python.gram):
# rules made of alternatives made of items. Mirrors CPython 3.11
# Tools/peg_generator/pegen/grammar.py. Book ch. 4 ("Python Language and Grammar").
#
# Every node prints back as grammar text (str()), which is what the parser's
# debug trace (-d) and the comments in the generated C++ show.


class Rule:
    def __init__(self, name, type, rhs, memo=False):
        self.name = name
        self.type = type        # the C++ type of the result, or None (void*)
        self.rhs = rhs          # Rhs
        self.memo = memo        # (memo): cache the result at each position
        self.left_recursive = False
        self.leader = False     # the rule of a left-recursive cycle that grows the seed
        self.nullable = False
        self.synthetic = False  # made up by the generator (loops, groups)

    def is_invalid(self):
        return self.name.startswith("invalid_")

    def __str__(self):
        return "%s: %s" % (self.name, self.rhs)


class Rhs:
    """Ordered choice: alternatives tried in order, the first that matches wins."""

    def __init__(self, alts):
        self.alts = alts

    def __str__(self):
        return " | ".join(str(a) for a in self.alts)


class Alt:
    """A sequence of items, and the C++ action that builds the result."""

    def __init__(self, items, action=None):
        self.items = items
        self.action = action

    def __str__(self):
        return " ".join(str(i) for i in self.items)


class NamedItem:
    def __init__(self, name, item, type=None):
        self.name = name    # the C++ variable the action sees, or None
        self.item = item
        self.type = type    # an explicit C++ type: a[asdl_expr_seq*]=...

    def __str__(self):
        if self.name:
            return "%s=%s" % (self.name, self.item)
        return str(self.item)


class NameLeaf:
    """A rule name or a token name (NAME, NUMBER, NEWLINE, ...)."""

    def __init__(self, value):
        self.value = value

    def __str__(self):
        return self.value


class StringLeaf:
    """'if' (a keyword), "match" (a soft keyword) or '+' (an operator)."""

    def __init__(self, value):
        self.value = value  # with its quotes

    @property
    def text(self):
        return self.value[1:-1]

    def __str__(self):
        return self.value


class Group:
    def __init__(self, rhs):
        self.rhs = rhs

    def __str__(self):
        return "(%s)" % self.rhs


class Opt:
    def __init__(self, node):
        self.node = node

    def __str__(self):
        s = str(self.node)
        if s.startswith("(") and s.endswith(")"):
            return "[%s]" % s[1:-1]
        return "%s?" % s


class Repeat0:
    def __init__(self, node):
        self.node = node

    def __str__(self):
        return "%s*" % self.node


class Repeat1:
    def __init__(self, node):
        self.node = node

    def __str__(self):
        return "%s+" % self.node


class Gather:
    """sep.node+: one or more node separated by sep (no trailing sep)."""

    def __init__(self, separator, node):
        self.separator = separator
        self.node = node

    def __str__(self):
        return "%s.%s+" % (self.separator, self.node)


class PositiveLookahead:
    def __init__(self, node):
        self.node = node

    def __str__(self):
        return "&%s" % self.node


class NegativeLookahead:
    def __init__(self, node):
        self.node = node

    def __str__(self):
        return "!%s" % self.node


class Forced:
    """&&item: the item must match here, or the parse fails with "expected ..."."""

    def __init__(self, node):
        self.node = node

    def __str__(self):
        return "&&%s" % self.node


class Cut:
    """~: once past this point, the rule's later alternatives are not tried."""

    def __str__(self):
        return "~"


class Grammar:
    def __init__(self, rules, metas):
        self.rules = rules    # name -> Rule, in file order
        self.metas = metas    # @name value directives
