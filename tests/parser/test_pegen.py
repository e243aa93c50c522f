#!/usr/bin/env python3
"""test_pegen.py: unit tests of minipy's PEG parser generator (parser/pegen/,
book ch. 4): the grammar reader, the nullable and left-recursion analyses
(direct and indirect, with the cycle's leader), and the C++ it writes.

    test_pegen.py [--pegen-dir parser/pegen] [--tokens lexer/include/minipy/lexer/tokens.def]
"""
import argparse
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ARGS = None


def setUpModule():
    sys.path.insert(0, ARGS.pegen_dir)


class GrammarReader(unittest.TestCase):
    def read(self, text):
        from grammar_parser import GrammarParser
        return GrammarParser(text, "<test>").parse()

    def test_every_item_kind_reads_back(self):
        g = self.read(
            "start[mod_ty]: a=stmt* ENDMARKER { make(p, a) }\n"
            "stmt (memo): &'if' x=[y] | !NAME ','.z+ | (q | r)+ ~ s? | &&':' \"soft\"\n"
            "x: 'a' | b[expr_ty]=c { b }\n")
        self.assertEqual(list(g.rules), ["start", "stmt", "x"])
        self.assertEqual(g.rules["start"].type, "mod_ty")
        self.assertTrue(g.rules["stmt"].memo)
        self.assertEqual(str(g.rules["stmt"].rhs),
                         "&'if' x=[y] | !NAME ','.z+ | (q | r)+ ~ s? | &&':' \"soft\"")
        self.assertEqual(g.rules["start"].rhs.alts[0].action, "make(p, a)")
        self.assertEqual(g.rules["x"].rhs.alts[1].items[0].type, "expr_ty")

    def test_continuation_lines_and_comments(self):
        g = self.read("r: a  # comment\n    | b\n    | c { f(\n  x) }\nnext: d\n")
        self.assertEqual(str(g.rules["r"].rhs), "a | b | c")
        self.assertEqual(g.rules["r"].rhs.alts[2].action, "f(\n  x)")

    def test_errors_are_reported(self):
        from grammar_parser import GrammarError
        with self.assertRaises(GrammarError):
            self.read("r: a |\n")
        with self.assertRaises(GrammarError):
            self.read("r: { unterminated\n")


class Analyses(unittest.TestCase):
    def analyse(self, text):
        from grammar_parser import GrammarParser
        from parser_generator import compute_left_recursives, compute_nullables
        g = GrammarParser(text, "<test>").parse()
        compute_nullables(g.rules)
        compute_left_recursives(g.rules)
        return g.rules

    def test_nullable(self):
        r = self.analyse("a: b? c* | 'x'\nb: 'y'\nc: 'z'\nd: c+ | &b\n")
        self.assertTrue(r["a"].nullable)
        self.assertFalse(r["b"].nullable)
        self.assertTrue(r["d"].nullable)  # a lookahead consumes nothing

    def test_direct_left_recursion(self):
        r = self.analyse("sum: sum '+' term | term\nterm: NUMBER\n")
        self.assertTrue(r["sum"].left_recursive and r["sum"].leader)
        self.assertFalse(r["term"].left_recursive)

    def test_left_recursion_through_nullable_prefix(self):
        r = self.analyse("a: b? a 'x' | 'y'\nb: 'z'\n")
        self.assertTrue(r["a"].leader)

    def test_indirect_left_recursion_has_one_leader(self):
        r = self.analyse("a: b 'x' | 'y'\nb: c 'w' | a 'v'\nc: 'u'\n")
        self.assertTrue(r["a"].left_recursive and r["b"].left_recursive)
        self.assertEqual([n for n in ("a", "b") if r[n].leader], ["a"])
        self.assertFalse(r["c"].left_recursive)

    def test_cycle_without_leader_is_refused(self):
        from parser_generator import GrammarCheckError
        with self.assertRaises(GrammarCheckError):
            self.analyse("a: b 'x' | c 'y' | 'q'\nb: a 'z' | c 'u'\nc: a 'v' | b 'w'\n")


class Generator(unittest.TestCase):
    def generate(self, text):
        import runpy
        from c_generator import CppGenerator
        from grammar_parser import GrammarParser
        cli = runpy.run_path(os.path.join(ARGS.pegen_dir, "__main__.py"), run_name="pegen_cli")
        numbers, exact = cli["read_tokens"](ARGS.tokens)
        g = GrammarParser(text, "<test>").parse()
        gen = CppGenerator(g, numbers, "test.gram")
        gen.exact = exact
        return gen.generate(numbers), gen

    def test_keywords_soft_keywords_and_tokens(self):
        code, gen = self.generate(
            "file[mod_ty]: a=stmt ENDMARKER { nullptr }\n"
            "stmt: 'pass' | \"match\" NAME | expr ';'\n"
            "expr[expr_ty]: expr '+' NUMBER | NUMBER\n")
        self.assertIn("pass", gen.keywords)
        self.assertEqual(gen.soft_keywords, ["match"])
        self.assertIn("expect_token(p, SEMI)", code)
        self.assertIn("expect_soft_keyword(p, \"match\")", code)
        # The leader of a left-recursive rule grows its seed in a loop.
        self.assertIn("static expr_ty expr_raw(Parser* p)", code)
        self.assertIn("update_memo(p, _mark, expr_type, _res)", code)

    def test_invalid_rules_only_in_second_pass(self):
        code, _ = self.generate("file[mod_ty]: a | invalid_a\na: NAME\ninvalid_a: NUMBER { nullptr }\n")
        self.assertIn("if (p->call_invalid_rules) { // invalid_a", code)

    def test_loops_gathers_and_cut(self):
        code, _ = self.generate("file[mod_ty]: ','.NAME+ ~ NUMBER* { nullptr } | STRING { nullptr }\n")
        self.assertIn("asdl_seq<expr_ty>* _gather_", code)
        self.assertIn("asdl_seq<expr_ty>* _loop0_", code)
        self.assertIn("if (_cut_var) { p->level--; return nullptr; }", code)


def main():
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument("--pegen-dir", default=os.path.join(ROOT, "parser", "pegen"))
    ap.add_argument("--tokens", default=os.path.join(ROOT, "lexer", "include", "minipy", "lexer", "tokens.def"))
    ARGS, rest = ap.parse_known_args()
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)


if __name__ == "__main__":
    main()
