"""The minipy command line, run as a process and compared with python3.11.

Covers main/ (Modules/main.c, Python/initconfig.c; book chapter 5): usage
errors, -h/-V, missing files, and the stage commands of stages that have not
landed yet. Where python3.11 has the same behaviour, its own output is the
expectation; program names are the only part normalized away.

Run by CTest as: test_cli.py --minipy PATH --reference python3.11
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import unittest

MINIPY = None
REFERENCE = None


def run(argv, **kwargs):
    return subprocess.run(argv, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                          timeout=60, **kwargs)


def normalize(text):
    """Hide the program's own name: python3.11 prints its path, minipy its argv[0]."""
    text = re.sub(r"^usage: \S+ ", "usage: PROG ", text, flags=re.M)
    text = re.sub(r"^\S+: can't open file", "PROG: can't open file", text, flags=re.M)
    text = re.sub(r"^Try `\S+ -h'", "Try `PROG -h'", text, flags=re.M)
    return text


def stage_cards():
    """{'lexer': True/False, ...} from `minipy --stages`."""
    out = run([MINIPY, "--stages"]).stdout
    return {m.group(1): m.group(2) == "implemented"
            for m in re.finditer(r"^(\w+)\s+(implemented|not yet)\s", out, re.M)}


class SameAsCPython(unittest.TestCase):
    """Command lines both interpreters reject, or answer, the same way."""

    def assert_same(self, args, cwd=None):
        ours = run([MINIPY] + args, cwd=cwd)
        theirs = run([REFERENCE] + args, cwd=cwd)
        self.assertEqual(normalize(ours.stderr), normalize(theirs.stderr), args)
        self.assertEqual(ours.returncode, theirs.returncode, args)
        return ours

    def test_usage_errors(self):
        for args in (["--foo"], ["--foo=1"], ["-z"], ["-uz"], ["-c"], ["-m"], ["-X"], ["-W"],
                     ["--version=3"], ["--check-hash-based-pycs", "sometimes"]):
            with self.subTest(args=args):
                ours = self.assert_same(args)
                self.assertEqual(ours.returncode, 2)
                self.assertEqual(ours.stdout, "")

    def test_missing_file(self):
        with tempfile.TemporaryDirectory() as tmp:
            for name in ("missing.py", "./sub/../missing.py", os.path.join(tmp, "abs.py")):
                with self.subTest(name=name):
                    ours = self.assert_same([name, "arg"], cwd=tmp)
                    self.assertIn("[Errno 2] No such file or directory", ours.stderr)

    def test_missing_file_after_options(self):
        with tempfile.TemporaryDirectory() as tmp:
            self.assert_same(["-B", "-u", "-X", "dev", "nope.py", "-c", "x"], cwd=tmp)

    def test_source_rejected_before_running(self):
        """Errors found while compiling a file (tokenizer, parser, symbol
        table) print what python3.11 prints, before any stage runs code."""
        sources = {"tokenizer.py": "s = 'abc\n",
                   "parser.py": "x = = 1\n",
                   "comma.py": "print(1 2)\n",
                   "symtable.py": "def f():\n    nonlocal x\n",
                   "deep.py": "x = " + "-" * 100000 + "1\n"}
        with tempfile.TemporaryDirectory() as tmp:
            for name, text in sources.items():
                with open(os.path.join(tmp, name), "w") as f:
                    f.write(text)
                with self.subTest(name=name):
                    ours = self.assert_same([name], cwd=tmp)
                    self.assertEqual(ours.returncode, 1)

    def test_help_lists_every_cpython_option(self):
        ours = run([MINIPY, "-h"])
        theirs = run([REFERENCE, "-h"])
        self.assertEqual(ours.returncode, 0)
        self.assertEqual(normalize(ours.stdout).splitlines()[0],
                         normalize(theirs.stdout).splitlines()[0])
        option = re.compile(r"^(-\w+|--[\w-]+)", re.M)
        self.assertLessEqual(set(option.findall(theirs.stdout)), set(option.findall(ours.stdout)))
        for spelling in ("-?", "--help"):
            self.assertEqual(run([MINIPY, spelling]).stdout, ours.stdout)

    def test_help_variants(self):
        env = run([MINIPY, "--help-env"])
        xopt = run([MINIPY, "--help-xoptions"])
        full = run([MINIPY, "--help-all"])
        self.assertIn("PYTHONMALLOC", env.stdout)
        self.assertIn("showrefcount", xopt.stdout)
        for part in (env.stdout, xopt.stdout, run([MINIPY, "-h"]).stdout):
            self.assertIn(part, full.stdout)
        self.assertEqual({env.returncode, xopt.returncode, full.returncode}, {0})


class Version(unittest.TestCase):
    def test_version_names_minipy_and_the_python_it_mirrors(self):
        python_version = run([REFERENCE, "-V"]).stdout.split()[1]
        major_minor = ".".join(python_version.split(".")[:2])
        for flag in ("-V", "--version"):
            out = run([MINIPY, flag])
            self.assertEqual(out.returncode, 0)
            self.assertRegex(out.stdout, r"^minipy \d+\.\d+\.\d+ \(Python %s\.\d+\)\n$"
                             % re.escape(major_minor))
        self.assertRegex(run([MINIPY, "-VV"]).stdout, r"^minipy .*\) \[.+\]\n$")

    def test_help_wins_over_version(self):
        self.assertTrue(run([MINIPY, "-V", "-h"]).stdout.startswith("usage:"))


class StageCommands(unittest.TestCase):
    """--dump/--diff/--compile: errors, and the stages still missing."""

    @classmethod
    def setUpClass(cls):
        cls.cards = stage_cards()
        cls.tmp = tempfile.TemporaryDirectory()
        cls.source = os.path.join(cls.tmp.name, "ok.py")
        with open(cls.source, "w") as f:
            f.write("x = 1\nprint(x)\n")
        probe = run([MINIPY, "--dump=tokens", cls.source])
        cls.tokens_wired = "not implemented yet" not in probe.stderr

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_stages_lists_every_layer_lowest_first(self):
        self.assertEqual(list(self.cards),
                         ["memory", "runtime", "lexer", "parser", "compiler", "vm"])

    def test_unknown_stage(self):
        for option in ("--dump", "--diff"):
            out = run([MINIPY, option + "=bytecode", self.source])
            self.assertEqual(out.returncode, 2)
            self.assertIn("unknown stage 'bytecode' for " + option, out.stderr)
        self.assertIn("unknown stage 'run' for --dump",
                      run([MINIPY, "--dump=run", self.source]).stderr)

    def test_stage_command_needs_a_file(self):
        out = run([MINIPY, "--dump=tokens"])
        self.assertEqual(out.returncode, 2)
        self.assertIn("--dump=tokens needs a FILE", out.stderr)

    def test_compile_needs_output(self):
        out = run([MINIPY, "--compile", self.source])
        self.assertEqual(out.returncode, 2)
        self.assertIn("--compile FILE needs -o OUT.pyc", out.stderr)

    def test_missing_stage_is_named(self):
        """A stage command whose stage has not landed names the stage and
        exits 2; one that has landed must at least not crash (its own tests
        and the conformance runs check what it prints)."""
        commands = [("lexer", ["--dump=tokens", self.source]),
                    ("lexer", ["--diff=tokens", self.source]),
                    ("parser", ["--dump=ast", self.source]),
                    ("compiler", ["--dump=dis", self.source]),
                    ("compiler", ["--dump=symtable", self.source]),
                    ("compiler", ["--compile", self.source, "-o", os.path.join(self.tmp.name, "o.pyc")]),
                    ("vm", [self.source]),
                    ("vm", ["-c", "pass"]),
                    ("vm", ["-m", "json"])]
        missing = 0
        for stage, args in commands:
            with self.subTest(args=args):
                out = run([MINIPY] + args)
                self.assertGreaterEqual(out.returncode, 0, "killed by a signal")
                message = "needs the %s stage, which is not implemented yet" % stage
                if message not in out.stderr:
                    continue  # wired to its stage
                self.assertEqual(out.returncode, 2)
                self.assertEqual(out.stdout, "")
                self.assertFalse(self.cards[stage], "the card says %s is implemented" % stage)
                missing += 1
        if missing == 0:
            self.skipTest("every stage command is wired")

    def test_stage_command_on_missing_file(self):
        out = run([MINIPY, "--compile", "nope.py", "-o", "x.pyc"], cwd=self.tmp.name)
        self.assertEqual(out.returncode, 2)
        self.assertIn("can't open file '%s': [Errno 2]" % os.path.join(self.tmp.name, "nope.py"),
                      out.stderr)

    def test_diff_with_unusable_reference(self):
        if not self.tokens_wired:
            self.skipTest("needs --dump=tokens")
        out = run([MINIPY, "--diff=tokens", "--reference", "/nonexistent/python", self.source])
        self.assertEqual(out.returncode, 2)
        self.assertIn("cannot run the reference '/nonexistent/python'", out.stderr)

    def test_diff_of_identical_stage_is_empty(self):
        if not self.tokens_wired:
            self.skipTest("needs --dump=tokens")
        out = run([MINIPY, "--diff=tokens", self.source])
        self.assertEqual((out.stdout, out.returncode), ("", 0))

    def test_diff_reports_a_difference(self):
        if not self.tokens_wired:
            self.skipTest("needs --dump=tokens")
        # A fake reference that prints one token line differently.
        fake = os.path.join(self.tmp.name, "fake_python")
        with open(fake, "w") as f:
            f.write("#!/bin/sh\n%s \"$@\" | sed 's/NAME/NOUN/'\n" % REFERENCE)
        os.chmod(fake, 0o755)
        out = run([MINIPY, "--diff=tokens", "--reference", fake, self.source])
        self.assertEqual(out.returncode, 1)
        self.assertRegex(out.stdout, r"^--- .*fake_python -m tokenize -e .*ok\.py\n\+\+\+ minipy --dump=tokens ")
        self.assertIn("\n-1,0-1,1:", out.stdout)
        self.assertIn("\n+1,0-1,1:", out.stdout)


def main():
    global MINIPY, REFERENCE
    parser = argparse.ArgumentParser()
    parser.add_argument("--minipy", required=True)
    parser.add_argument("--reference", default="python3.11")
    args, rest = parser.parse_known_args()
    MINIPY = os.path.abspath(args.minipy)
    REFERENCE = args.reference
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)


if __name__ == "__main__":
    main()
