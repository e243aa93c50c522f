# __main__.py: the command line of minipy's PEG parser generator.
#   python3 parser/pegen GRAMMAR --tokens TOKENS.def -o parser.cpp
# Mirrors CPython 3.11 Tools/peg_generator/pegen/__main__.py (and the
# `make regen-pegen` step that runs it). Book ch. 4.
import argparse
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from c_generator import CppGenerator  # noqa: E402
from grammar_parser import GrammarError, parse_grammar_file  # noqa: E402
from parser_generator import GrammarCheckError, check_names  # noqa: E402


def read_tokens(path):
    """tokens.def -> ({NAME: number}, {operator text: NAME})."""
    numbers, exact = {}, {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r'\s*TOKEN\(\s*(\w+)\s*,\s*(nullptr|"((?:[^"\\]|\\.)*)")\s*\)', line)
            if m:
                numbers[m.group(1)] = len(numbers)
                if m.group(3) is not None:
                    exact[m.group(3)] = m.group(1)
    return numbers, exact


def main():
    ap = argparse.ArgumentParser(prog="pegen")
    ap.add_argument("grammar")
    ap.add_argument("--tokens", required=True, help="the lexer's tokens.def")
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args()
    try:
        grammar = parse_grammar_file(args.grammar)
        numbers, exact = read_tokens(args.tokens)
        check_names(grammar, set(numbers) | {"SOFT_KEYWORD"})
        gen = CppGenerator(grammar, numbers, os.path.basename(args.grammar))
        gen.exact = exact
        text = gen.generate(numbers)
    except (GrammarError, GrammarCheckError, ValueError) as e:
        print("pegen: error: %s" % e, file=sys.stderr)
        return 1
    try:
        with open(args.output, encoding="utf-8") as f:
            if f.read() == text:
                return 0
    except OSError:
        pass
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
