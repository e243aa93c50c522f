# c_generator.py: turns a grammar into a C++ packrat parser (one function per
# rule, memoized where marked, left recursion grown from a seed, invalid_
# rules only in the second, error-reporting pass). Mirrors CPython 3.11
# Tools/peg_generator/pegen/c_generator.py; the code it writes mirrors
# Parser/parser.c and calls the helpers of parser/pegen.h. Book ch. 4, 6.
import re

from grammar import (Alt, Cut, Forced, Gather, Group, NamedItem, NameLeaf, NegativeLookahead,
                     Opt, PositiveLookahead, Repeat0, Repeat1, Rhs, Rule, StringLeaf)
from parser_generator import compute_left_recursives, compute_nullables

# Token items with their own helper (they return an AST node, not a Token*).
TOKEN_HELPERS = {
    "NAME": ("name_token", "expr_ty"),
    "NUMBER": ("number_token", "expr_ty"),
    "STRING": ("string_token", "Token*"),
    "SOFT_KEYWORD": ("soft_keyword_token", "expr_ty"),
}

KEYWORD_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def c_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class ItemCode:
    def __init__(self, var, type, cond, decl=True):
        self.var = var      # the C++ variable bound to the item, or None
        self.type = type    # its C++ type
        self.cond = cond    # the C++ condition that runs the item
        self.decl = decl


class CppGenerator:
    def __init__(self, grammar, tokens, grammar_file):
        self.grammar = grammar
        self.tokens = tokens            # token name -> number (tokens.def)
        self.exact = {}                 # operator text -> token name
        self.grammar_file = grammar_file
        self.keywords = {}              # keyword text -> number (from 500)
        self.soft_keywords = []
        self.rules = dict(grammar.rules)
        self.synthetic = {}             # key -> synthetic Rule
        self.counter = 0
        self.out = []
        self.types = {}

    # -- Synthetic rules -------------------------------------------------
    def synthetic_rule(self, kind, node, make):
        key = (kind, str(node))
        if key not in self.synthetic:
            name = "_%s_%d" % (kind, self.counter)
            self.counter += 1
            rule = make(name)
            rule.synthetic = True
            self.synthetic[key] = rule
            self.rules[name] = rule
            self.pending.append(rule)
        return self.synthetic[key]

    # -- Types -----------------------------------------------------------
    def rule_type(self, rule):
        if rule.name in self.types:
            return self.types[rule.name]
        self.types[rule.name] = "void*"  # guards recursion
        t = rule.type
        if t is None and rule.synthetic and rule.kind == "group":
            t = self.group_type(rule.rhs)
        self.types[rule.name] = t or "void*"
        return self.types[rule.name]

    @staticmethod
    def value_items(alt):
        """The items of an alternative that produce a value (not lookaheads or cuts)."""
        return [i for i in alt.items
                if not isinstance(i.item, (PositiveLookahead, NegativeLookahead, Cut))]

    def alt_type(self, alt):
        """The type of an alternative's value when the generator can tell:
        its only item's, or that of the named item its action returns."""
        if alt.action is None:
            items = self.value_items(alt)
            return self.node_type(items[0]) if len(items) == 1 else None
        for item in alt.items:
            if item.name and item.name == alt.action.strip():
                return self.node_type(item)
        return None

    def group_type(self, rhs):
        types = set(self.alt_type(alt) for alt in rhs.alts)
        return types.pop() if len(types) == 1 else None

    def node_type(self, node):
        if isinstance(node, NamedItem):
            return node.type or self.node_type(node.item)
        if isinstance(node, NameLeaf):
            if node.value in TOKEN_HELPERS:
                return TOKEN_HELPERS[node.value][1]
            if node.value in self.tokens:
                return "Token*"
            return self.rule_type(self.rules[node.value])
        if isinstance(node, StringLeaf):
            if node.value.startswith('"') and KEYWORD_RE.match(node.text):
                return "expr_ty"
            return "Token*"
        if isinstance(node, Opt):
            return self.node_type(node.node)
        if isinstance(node, Group):
            return self.rule_type(self.group_rule(node))
        if isinstance(node, (Repeat0, Repeat1)):
            return "asdl_seq<%s>*" % self.node_type(node.node)
        if isinstance(node, Gather):
            return "asdl_seq<%s>*" % self.node_type(node.node)
        if isinstance(node, Forced):
            return self.node_type(node.node)
        return "void*"

    def group_rule(self, node):
        def make(name):
            r = Rule(name, None, node.rhs)
            r.kind = "group"
            return r
        return self.synthetic_rule("tmp", node.rhs, make)

    # -- Items -----------------------------------------------------------
    def token_number(self, name):
        return name

    def string_leaf_call(self, leaf):
        text = leaf.text
        if leaf.value.startswith('"') and KEYWORD_RE.match(text):
            if text not in self.soft_keywords:
                self.soft_keywords.append(text)
            return "expect_soft_keyword(p, %s)" % c_string(text), "expr_ty"
        if KEYWORD_RE.match(text):
            if text not in self.keywords:
                self.keywords[text] = 500 + len(self.keywords)
            return "expect_token(p, %d)" % self.keywords[text], "Token*"
        if text not in self.exact:
            raise ValueError("%s: %r is not a token of tokens.def" % (self.grammar_file, text))
        return "expect_token(p, %s)" % self.exact[text], "Token*"

    def call(self, node):
        """(C++ expression running node, its type, a default variable name)."""
        if isinstance(node, NameLeaf):
            name = node.value
            if name in TOKEN_HELPERS:
                fn, t = TOKEN_HELPERS[name]
                return "%s(p)" % fn, t, name.lower() + "_var"
            if name in self.tokens:
                return "expect_token(p, %s)" % name, "Token*", "_literal"
            rule = self.rules[name]
            return "%s_rule(p)" % name, self.rule_type(rule), name + "_var"
        if isinstance(node, StringLeaf):
            expr, t = self.string_leaf_call(node)
            return expr, t, "_keyword" if KEYWORD_RE.match(node.text) else "_literal"
        if isinstance(node, Group):
            rule = self.group_rule(node)
            return "%s_rule(p)" % rule.name, self.rule_type(rule), rule.name + "_var"
        if isinstance(node, Repeat0) or isinstance(node, Repeat1):
            kind = "loop0" if isinstance(node, Repeat0) else "loop1"
            t = "asdl_seq<%s>*" % self.node_type(node.node)

            def make(name):
                r = Rule(name, t, Rhs([Alt([NamedItem(None, node.node)])]))
                r.kind = kind
                r.element = node.node
                return r
            rule = self.synthetic_rule(kind, node.node, make)
            return "%s_rule(p)" % rule.name, t, rule.name + "_var"
        if isinstance(node, Gather):
            t = "asdl_seq<%s>*" % self.node_type(node.node)

            def make(name):
                r = Rule(name, t, Rhs([Alt([NamedItem(None, node.node)])]))
                r.kind = "gather"
                r.element = node.node
                r.separator = node.separator
                return r
            rule = self.synthetic_rule("gather", "%s.%s" % (node.separator, node.node), make)
            return "%s_rule(p)" % rule.name, t, rule.name + "_var"
        if isinstance(node, Opt):
            expr, t, var = self.call(node.node)
            return expr, t, var
        raise TypeError("cannot call %r" % node)

    def item_code(self, item, names):
        """The ItemCode of one NamedItem of an alternative."""
        node = item.item
        if isinstance(node, Cut):
            return ItemCode(None, None, "(_cut_var = 1)", decl=False)
        if isinstance(node, (PositiveLookahead, NegativeLookahead)):
            expr, _, _ = self.call(node.node)
            positive = "true" if isinstance(node, PositiveLookahead) else "false"
            return ItemCode(None, None, "lookahead(p, %s, [&]() { return %s != nullptr; })" % (positive, expr),
                            decl=False)
        if isinstance(node, Forced):
            inner = node.node
            if isinstance(inner, StringLeaf) and not KEYWORD_RE.match(inner.text) and not inner.value.startswith('"'):
                var = self.unique("_literal", names)
                return ItemCode(var, "Token*", "(%s = expect_forced_token(p, %s, %s))" % (
                    var, self.exact[inner.text], c_string(inner.text)))
            expr, t, var = self.call(inner)
            var = self.unique(var, names)
            return ItemCode(var, t, "(%s = expect_forced_result(p, %s, %s))" % (var, expr, c_string(str(inner))))
        expr, t, var = self.call(node)
        var = item.name or self.unique(var, names)
        if item.name:
            names.add(var)
        declared = item.type or t
        if declared != t:
            expr = "pegen_cast<%s>(%s)" % (declared, expr)
        if isinstance(node, Opt):
            return ItemCode(var, declared, "((%s = %s), !p->error_indicator)" % (var, expr))
        return ItemCode(var, declared, "(%s = %s)" % (var, expr))

    @staticmethod
    def unique(base, names):
        name, n = base, 1
        while name in names:
            name = "%s_%d" % (base, n)
            n += 1
        names.add(name)
        return name

    # -- Emission --------------------------------------------------------
    def w(self, line=""):
        self.out.append(line)

    def uses_extra(self, rule):
        return any(a.action and re.search(r"\b(EXTRA|_start_lineno|_start_col_offset|_end_lineno|_end_col_offset)\b",
                                          a.action) for a in rule.rhs.alts)

    def emit_alt(self, rule, alt, rtype, is_loop, extra, returns_on_fail):
        names = set()
        codes = [self.item_code(item, names) for item in alt.items]
        gated = len(alt.items) == 1 and isinstance(alt.items[0].item, NameLeaf) and \
            alt.items[0].item.value.startswith("invalid_")
        desc = c_string(str(alt))
        self.w("    %s // %s" % ("if (p->call_invalid_rules) {" if gated else "{", str(alt).replace("\n", " ")))
        self.w("        if (p->error_indicator) { p->level--; return nullptr; }")
        self.w('        D(p, ">", "%s", _mark, %s);' % (rule.name, desc))
        has_cut = any(isinstance(i.item, Cut) for i in alt.items)
        if has_cut:
            self.w("        int _cut_var = 0;")
        for c in codes:
            if c.decl and c.var:
                self.w("        %s %s{};" % (c.type, c.var))
        cond = "\n            && ".join(c.cond for c in codes)
        loop = "while" if is_loop else "if"
        self.w("        %s (%s) {" % (loop, cond))
        for c in codes:
            if c.decl and c.var:
                self.w("            (void)%s;" % c.var)
        self.w('            D(p, "+", "%s", _mark, %s);' % (rule.name, desc))
        if extra and alt.action:
            self.w("            Token* _token = get_last_nonwhitespace_token(p);")
            self.w("            if (_token == nullptr) { p->level--; return nullptr; }")
            self.w("            int _end_lineno = _token->end_lineno; (void)_end_lineno;")
            self.w("            int _end_col_offset = _token->end_col_offset; (void)_end_col_offset;")
        valued = [c for c in codes if c.var]
        if alt.action:
            value = alt.action
        elif len(valued) == 1:
            value = valued[0].var
        else:
            value = "dummy_name(p)"
        if is_loop:
            self.w("            _res = %s;" % value)
            self.w("            _children.push_back(_res);")
            self.w("            _mark = p->mark;")
            self.w("        }")
            self.w("        p->mark = _mark;")
            self.w("    }")
            return
        if rtype == "void*":
            self.w("            _res = static_cast<void*>(%s);" % value)
        else:
            self.w("            _res = pegen_cast<%s>(%s);" % (rtype, value))
        self.w("            if (_res == nullptr && p->error_occurred()) { p->error_indicator = 1; p->level--; return nullptr; }")
        self.w("            goto done;")
        self.w("        }")
        self.w("        p->mark = _mark;")
        self.w('        D(p, p->error_indicator ? "ERROR!" : "-", "%s", _mark, %s);' % (rule.name, desc))
        if has_cut:
            self.w("        if (_cut_var) { p->level--; return nullptr; }")
        self.w("    }")

    def emit_prologue(self, rtype, memo, rule):
        self.w("    if (p->level++ == MAXSTACK) stack_overflow(p);")
        self.w("    if (p->error_indicator) { p->level--; return nullptr; }")
        self.w("    %s _res{};" % rtype)
        if memo:
            self.w("    if (is_memoized(p, %s_type, &_res)) { p->level--; return _res; }" % rule.name)
        self.w("    int _mark = p->mark;")

    def emit_rule(self, rule):
        rtype = self.rule_type(rule)
        kind = getattr(rule, "kind", None)
        self.w("// %s" % str(rule).replace("\n", " "))
        if kind in ("loop0", "loop1", "gather"):
            self.emit_loop(rule, rtype, kind)
            return
        extra = self.uses_extra(rule)
        if rule.leader:
            # The seed-growing loop of a left-recursive rule: the memo holds
            # the best result so far; each round reparses with it and stops
            # when the match no longer gets longer.
            self.w("static %s %s_rule(Parser* p)" % (rtype, rule.name))
            self.w("{")
            self.w("    if (p->level++ == MAXSTACK) stack_overflow(p);")
            self.w("    %s _res{};" % rtype)
            self.w("    if (is_memoized(p, %s_type, &_res)) { p->level--; return _res; }" % rule.name)
            self.w("    int _mark = p->mark;")
            self.w("    int _resmark = p->mark;")
            self.w("    while (true) {")
            self.w("        if (update_memo(p, _mark, %s_type, _res)) { p->level--; return _res; }" % rule.name)
            self.w("        p->mark = _mark;")
            self.w("        %s _raw = %s_raw(p);" % (rtype, rule.name))
            self.w("        if (p->error_indicator) { p->level--; return nullptr; }")
            self.w("        if (_raw == nullptr || p->mark <= _resmark) break;")
            self.w("        _resmark = p->mark;")
            self.w("        _res = _raw;")
            self.w("    }")
            self.w("    p->mark = _resmark;")
            self.w("    p->level--;")
            self.w("    return _res;")
            self.w("}")
            self.w()
            self.w("static %s %s_raw(Parser* p)" % (rtype, rule.name))
            memo = False
        elif rule.name.endswith("_without_invalid"):
            # Rules named *_without_invalid never call invalid_ rules, even
            # in the second pass (CPython's generator treats them the same).
            self.w("static %s %s_raw(Parser* p);" % (rtype, rule.name))
            self.w("static %s %s_rule(Parser* p)" % (rtype, rule.name))
            self.w("{")
            self.w("    int _prev_call_invalid = p->call_invalid_rules;")
            self.w("    p->call_invalid_rules = 0;")
            self.w("    %s _res = %s_raw(p);" % (rtype, rule.name))
            self.w("    p->call_invalid_rules = _prev_call_invalid;")
            self.w("    return _res;")
            self.w("}")
            self.w()
            self.w("static %s %s_raw(Parser* p)" % (rtype, rule.name))
            memo = rule.memo
        else:
            self.w("static %s %s_rule(Parser* p)" % (rtype, rule.name))
            memo = rule.memo and not rule.left_recursive
        self.w("{")
        self.emit_prologue(rtype, memo, rule)
        if extra:
            self.w("    if (p->mark == p->fill && fill_token(p) < 0) { p->error_indicator = 1; p->level--; return nullptr; }")
            self.w("    int _start_lineno = p->tokens[_mark]->lineno; (void)_start_lineno;")
            self.w("    int _start_col_offset = p->tokens[_mark]->col_offset; (void)_start_col_offset;")
        for alt in rule.rhs.alts:
            self.emit_alt(rule, alt, rtype, False, extra, True)
        self.w("    _res = nullptr;")
        self.w("  done:")
        if memo:
            self.w("    insert_memo(p, _mark, %s_type, _res);" % rule.name)
        self.w("    p->level--;")
        self.w("    return _res;")
        self.w("}")
        self.w()

    def emit_loop(self, rule, rtype, kind):
        elem_type = self.node_type(rule.element)
        self.w("static %s %s_rule(Parser* p)" % (rtype, rule.name))
        self.w("{")
        self.emit_prologue(rtype, True, rule)
        self.w("    int _start_mark = p->mark;")
        self.w("    std::vector<%s> _children;" % elem_type)
        if kind == "gather":
            names = set()
            first = self.item_code(NamedItem(None, rule.element), names)
            sep = self.item_code(NamedItem(None, rule.separator), names)
            again = self.item_code(NamedItem(None, rule.element), names)
            desc = c_string("%s.%s+" % (rule.separator, rule.element))
            self.w('    D(p, ">", "%s", _mark, %s);' % (rule.name, desc))
            for c in (first, sep, again):
                self.w("    %s %s{};" % (c.type, c.var))
            self.w("    if (%s) {" % first.cond)
            self.w("        _children.push_back(%s);" % first.var)
            self.w("        _mark = p->mark;")
            self.w("        while (%s && %s) {" % (sep.cond, again.cond))
            self.w("            (void)%s;" % sep.var)
            self.w("            _children.push_back(%s);" % again.var)
            self.w("            _mark = p->mark;")
            self.w("        }")
            self.w("        p->mark = _mark;")
            self.w("    }")
        else:
            self.w("    %s _loop_res{};" % elem_type)
            # emit_alt in loop mode assigns _res; alias it to the element.
            self.w("    {")
            self.w("    auto& _res = _loop_res;")
            self.emit_alt(rule, rule.rhs.alts[0], elem_type, True, False, False)
            self.w("    }")
        empty_fails = kind in ("loop1", "gather")
        self.w("    if (%sp->error_indicator) { p->mark = _start_mark; p->level--; return nullptr; }" % (
            "_children.empty() || " if empty_fails else ""))
        self.w("    _res = make_seq(p, _children);")
        self.w("    if (_res == nullptr) { p->error_indicator = 1; p->level--; return nullptr; }")
        self.w("    insert_memo(p, _start_mark, %s_type, _res);" % rule.name)
        self.w("    p->level--;")
        self.w("    return _res;")
        self.w("}")
        self.w()

    def generate(self, tokens_def_names):
        rules = self.grammar.rules
        compute_nullables(rules)
        compute_left_recursives(rules)
        for rule in rules.values():
            rule.kind = "rule"
        # Synthetic rules are made while emitting; emit bodies to a buffer first.
        self.pending = []
        body = []
        saved = self.out
        self.out = body
        for rule in list(rules.values()):
            self.emit_rule(rule)
        while self.pending:
            rule = self.pending.pop(0)
            self.emit_rule(rule)
        self.out = saved

        w = self.w
        w("// parser.cpp: GENERATED by parser/pegen from %s; do not edit." % self.grammar_file)
        w("// The packrat parser of the Python grammar. Mirrors CPython 3.11 Parser/parser.c.")
        w("// Book ch. 6. Each rule is one function; its grammar text is the comment above it.")
        w('#include "pegen.h"')
        w()
        if "subheader" in self.grammar.metas:
            w(self.grammar.metas["subheader"])
        w("namespace minipy::parser {")
        w("using namespace minipy::ast;")
        w("using namespace minipy::lexer;  // the token kinds")
        w("namespace {")
        w()
        # Keyword tables.
        w("const KeywordToken reserved_keywords_table[] = {")
        for text, num in sorted(self.keywords.items(), key=lambda kv: kv[1]):
            w("    {%s, %d}," % (c_string(text), num))
        w("};")
        w("const char* const soft_keywords_table[] = {")
        for text in self.soft_keywords:
            w("    %s," % c_string(text))
        w("};")
        w()
        # The memo key of each rule (CPython: #define file_type 1000 ...).
        w("enum RuleType {")
        num = 1000
        for rule in self.rules.values():
            w("    %s_type = %d," % (rule.name, num))
            num += 1
        w("};")
        w()
        for rule in self.rules.values():
            w("static %s %s_rule(Parser* p);" % (self.rule_type(rule), rule.name))
            if rule.leader:
                w("static %s %s_raw(Parser* p);" % (self.rule_type(rule), rule.name))
        w()
        self.out.extend(body)
        w("}  // namespace")
        w()
        w("const Keywords& grammar_keywords()")
        w("{")
        w("    static const Keywords k{reserved_keywords_table, std::size(reserved_keywords_table),")
        w("                            soft_keywords_table, std::size(soft_keywords_table)};")
        w("    return k;")
        w("}")
        w()
        w("void* run_start_rule(Parser* p)")
        w("{")
        w("    switch (p->start_rule) {")
        for start, rule in (("FILE_INPUT", "file"), ("SINGLE_INPUT", "interactive"), ("EVAL_INPUT", "eval"),
                            ("FUNC_TYPE_INPUT", "func_type"), ("FSTRING_INPUT", "fstring")):
            if rule in self.rules:
                w("    case StartRule::%s: return %s_rule(p);" % (start, rule))
        w("    default: return nullptr;")
        w("    }")
        w("}")
        w()
        w("}  // namespace minipy::parser")
        w("")
        return "\n".join(self.out)
