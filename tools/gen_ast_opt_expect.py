#!/usr/bin/env python3.11
"""gen_ast_opt_expect.py: what python3.11's AST optimizer makes of a list of
expressions, as C++ initializers for tests/unit/compiler/ast_opt_test.cpp.

    python3.11 tools/gen_ast_opt_expect.py > tests/unit/compiler/ast_opt_expect.inc

3.11 has no API that returns the optimized AST, so the answer is read from
the bytecode of compile(SOURCE, "<s>", "exec", optimize=LEVEL), where
SOURCE puts the expression where the fold shows:

  value  `x = (EXPR)`: "C:<type>:<repr>" when the code only loads a constant
         (folded), "F:<parts>" when it builds an f-string from names and
         constants (the %-format rewrite; parts joined with '|', a
         formatted value as {name!conv:spec-repr}), "N" otherwise.
  in     `x = (a in EXPR)` (the last comparator of `in`/`not in`), and
  for    `for i in EXPR: pass`: "C:..." for a constant tuple or frozenset,
         "T" for a tuple built at run time, "L" a list, "S" a set.

A frozenset's repr depends on string hashes, so it is described by its
sorted item reprs. The test describes minipy's optimized AST the same way.
The list: corner cases of every fold and limit, then random expressions
from a fixed seed. Book ch. 7.
"""
import dis
import random
import sys

from c_literal import c_string

assert sys.version_info[:2] == (3, 11), "the reference must be CPython 3.11"


def describe_const(c):
    if isinstance(c, frozenset):
        return "C:frozenset:" + ",".join(sorted(repr(i) for i in c))
    return "C:%s:%s" % (type(c).__name__, repr(c))


def body_instructions(code, stop):
    out = []
    for ins in dis.get_instructions(code):
        if ins.opname in ("RESUME", "NOP", "CACHE"):
            continue
        if stop(ins):
            break
        out.append(ins)
    return out


def describe_value(code):
    ins = body_instructions(code, lambda i: i.opname == "STORE_NAME" and i.argval == "x")
    if len(ins) == 1 and ins[0].opname == "LOAD_CONST":
        return describe_const(ins[0].argval)
    names = {"LOAD_CONST", "LOAD_NAME", "FORMAT_VALUE", "BUILD_STRING"}
    if ins and all(i.opname in names for i in ins) and any(i.opname in ("FORMAT_VALUE", "BUILD_STRING") for i in ins):
        stack = []
        for i in ins:
            if i.opname == "LOAD_CONST":
                stack.append(repr(i.argval))
            elif i.opname == "LOAD_NAME":
                stack.append(i.argval)
            elif i.opname == "FORMAT_VALUE":
                spec = stack.pop() if i.arg & 4 else None
                value = stack.pop()
                conv = {0: "", 1: "s", 2: "r", 3: "a"}[i.arg & 3]
                stack.append("{%s!%s%s}" % (value, conv, ":" + spec if spec is not None else ""))
            else:
                n = i.arg
                parts = stack[len(stack) - n:]
                del stack[len(stack) - n:]
                stack.append("|".join(parts))
        return "F:" + stack[0]
    return "N"


def describe_iter(code, consumer):
    ins = body_instructions(code, lambda i: i.opname == consumer)
    last = ins[-1]
    if last.opname == "LOAD_CONST":
        return describe_const(last.argval)
    return {"BUILD_TUPLE": "T", "BUILD_LIST": "L", "LIST_EXTEND": "L", "BUILD_SET": "S",
            "SET_UPDATE": "S"}.get(last.opname, "?" + last.opname)


def expectation(kind, expr, level):
    if kind == "value":
        code = compile("x = (%s)\n" % expr, "<s>", "exec", optimize=level)
        return describe_value(code)
    if kind == "in":
        code = compile("x = (a in %s)\n" % expr, "<s>", "exec", optimize=level)
        return describe_iter(code, "CONTAINS_OP")
    code = compile("for i in %s: pass\n" % expr, "<s>", "exec", optimize=level)
    return describe_iter(code, "GET_ITER")


CORNERS = [
    # int arithmetic and the 128-bit limits of *, ** and <<
    "1 + 2", "7 - 10", "6 * 7", "7 / 2", "7 // 2", "-7 // 2", "7 % -3", "-7 % 3", "2 ** 10", "2 ** -1",
    "2 ** 64", "2 ** 127", "2 ** 128", "3 ** 80", "3 ** 81", "10 ** 38", "10 ** 39", "(-2) ** 127", "0 ** 0",
    "0 ** 1000000", "1 ** 1000000", "(-1) ** 1000001", "2 ** 0", "0 ** -1", "4 ** 0.5", "(-8) ** (1/3)",
    "1 << 127", "1 << 128", "3 << 126", "3 << 127", "0 << 1000", "1 << 0", "1 << -1", "-1 << 100",
    "(1 << 100) >> 50", "1 >> 1000", "-1 >> 1000", "1 >> -1",
    "(1 << 64) * (1 << 63)", "(1 << 63) * (1 << 63)", "(1 << 64) * (1 << 64)", "0 * (1 << 127)",
    "12345678901234567890 * 98765432109876543210", "123456789012345678901234567890 + 1",
    "1 / 0", "1 // 0", "1 % 0", "1.0 / 0", "5 & 3", "5 | 3", "5 ^ 3", "~5", "-5", "+5", "~-1",
    "True + True", "True * 3", "~True", "-False", "not 0", "not 1", "not ''", "not 'a'", "not ()", "not None",
    "not ...", "-0", "-0.0", "+-0.0", "-(-(0.0))",
    # floats and complex numbers
    "1.5 + 2", "0.1 + 0.2", "1e308 * 10", "-1e308 * 10", "1e308 * 10 - 1e308 * 10", "2.0 ** 1024",
    "2.0 ** 1023", "1.0 // 0.3", "-1.0 % 0.3", "5.5 % -2", "1e-320 / 10", "1j * 1j", "2 + 3j", "(1+2j) ** 2",
    "1j ** 0.5", "-1j", "(1+1j) / 0", "(1+1j) // 1", "3 - 0j", "1e16 + 1", "1 / 3", "2 / 3 * 3",
    # strings and bytes, the 4096-character limit of *
    "'a' + 'b'", "'a' * 3", "3 * 'a'", "'a' * 4096", "'a' * 4097", "'ab' * 2048", "'ab' * 2049",
    "4096 * 'x'", "4097 * 'x'", "'' * 100000", "'' * (1 << 70)", "'a' * (1 << 70)", "'a' * -1", "-5 * 'a'",
    "'a' * 0", "'a' * True", "b'a' * 4096", "b'a' * 4097", "b'ab' + b'c'", "'a' + b'b'", "'a' - 'b'",
    "'\\u20ac' * 2", "'\\ud800' + 'x'", "'abc'[1]", "'abc'[-1]", "'abc'[3]", "b'abc'[1]", "'abc'[1:]",
    "'abc'['a']", "'abc' * 2.0", "'x' * 4096 + 'y'",
    # tuples: the 256-item and 1024-total limits
    "()", "(1,)", "(1, 2)", "(1, 'a', None, True, ..., 2.5, b'z')", "(1, (2, (3,)))", "(1, [2])",
    "(1, 2) + (3,)", "(1,) * 256", "(1,) * 257", "(1, 2) * 128", "(1, 2) * 129", "256 * (1,)", "(1,) * -1",
    "(1,) * 0", "() * 1000", "((1, 2),) * 200", "((1, 2, 3, 4),) * 200", "((1,) * 10,) * 100",
    "((1,) * 10,) * 94", "((1,) * 10,) * 93", "(((1, 2), 3),) * 150", "(1,) * (1 << 70)", "(1, 2)[0]",
    "(1, 2)[-1]", "(1, 2)[2]", "(1, 2)[True]", "(1, 2)['a']", "(1, 2)[1:]", "((1, 2), 3)[0][1]",
    "(1, 2) * 2 * 2", "(1, *(2, 3))", "(1, 2) < (1, 3)", "(1, 2) == (1, 2)",
    # no folding: comparisons, containers, calls, names (boolean operators and
    # conditionals on constants are left to the CFG optimizer, whose result
    # would look folded here)
    "1 < 2", "1 == 1", "1 is 1", "[1, 2]", "{1: 2}", "{1, 2}", "{1: 2}[1]",
    "[1, 2][0]", "len('abc')", "a + 1", "1 + a", "a * 0", "(a, 1)", "-a", "not a", "a[0]", "x",
    "1 @ 2", "(1 + 2) + a", "a + (1 + 2)", "lambda: 1 + 2",
    # __debug__ (also at -O)
    "__debug__", "not __debug__", "__debug__ + 1", "(__debug__, 1)",
    # not in front of a comparison
    "not a is b", "not a is not b", "not a in b", "not a not in b", "not a == b", "not a < b",
    "not a is b is c", "not (a is b)",
    # '%'-formatting into f-strings
    "'%s' % (a,)", "'%r' % (a,)", "'%a' % (a,)", "'%s %r %a' % (a, b, c)", "'x%sy' % (a,)",
    "'%s' % a", "'%s' % ()", "'x' % ()", "'' % ()", "'%s' % (a, b)", "'%s %s' % (a,)", "'%d' % (a,)",
    "'%i' % (a,)", "'%5s' % (a,)", "'%-5s' % (a,)", "'%05s' % (a,)", "'%.3s' % (a,)", "'%5.2r' % (a,)",
    "'%-5.2a' % (a,)", "'%99s' % (a,)", "'%100s' % (a,)", "'%.99s' % (a,)", "'%.100s' % (a,)",
    "'%.s' % (a,)", "'%-s' % (a,)", "'%+s' % (a,)", "'% s' % (a,)", "'%#s' % (a,)", "'%*s' % (a, b)",
    "'%%' % ()", "'%%s %s' % (a,)", "'100%% %s' % (a,)", "'%s' % (*a,)", "'%s' % (1,)", "'%s' % ('a',)",
    "'%' % (a,)", "'%s%' % (a,)", "'%(k)s' % (a,)", "b'%s' % (a,)", "'%s\\u20ac%r' % (a, b)",
    "'%s' % (a, )", "'%c' % (a,)", "'%s-%s' % (a, 1 + 2)",
]

IN_CORNERS = [
    "[1, 2]", "[1, 'a', None]", "[]", "[b]", "[b, 1]", "[*b]", "[1, [2]]", "{1, 2}", "{1}", "{b, 1}",
    "{*b}", "(1, 2)", "[1 + 2, -3]", "{'a', 'b'}", "[(1, 2), (3,)]", "[__debug__]",
]


def random_atom(rng):
    choices = [
        lambda: str(rng.choice([0, 1, 2, 3, 7, 10, 255, 256, 1000, 2 ** 31, 2 ** 63, 2 ** 64 + 1, 10 ** 30])),
        lambda: repr(rng.choice([0.0, 0.5, 1.5, 2.0, 1e10, 1e-10, 1e300, 3.14])),
        lambda: rng.choice(["1j", "2.5j", "0j"]),
        lambda: repr(rng.choice(["", "a", "ab", "xyz", "\u00e9", "\u20ac\u20ac"])),
        lambda: repr(rng.choice([b"", b"a", b"xy"])),
        lambda: rng.choice(["True", "False", "None", "..."]),
        lambda: rng.choice(["(1, 2)", "()", "('a',)", "(1, (2,))"]),
        lambda: rng.choice(["a", "b"]),
    ]
    weights = [6, 3, 1, 3, 1, 2, 2, 1]
    return rng.choices(choices, weights)[0]()


def random_expr(rng, depth):
    if depth == 0 or rng.random() < 0.3:
        return random_atom(rng)
    r = rng.random()
    if r < 0.15:
        return "%s(%s)" % (rng.choice(["-", "+", "~", "not "]), random_expr(rng, depth - 1))
    if r < 0.25:
        return "(%s)[%s]" % (random_expr(rng, depth - 1), rng.choice(["0", "1", "-1", "2", "True"]))
    if r < 0.32:
        return "(%s, %s)" % (random_expr(rng, depth - 1), random_expr(rng, depth - 1))
    op = rng.choice(["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "|", "^", "&"])
    return "(%s %s %s)" % (random_expr(rng, depth - 1), op, random_expr(rng, depth - 1))


def main():
    cases = []
    for expr in CORNERS:
        cases.append(("value", expr, 0))
    for expr in ["__debug__", "not __debug__", "__debug__ + 1", "(__debug__, 1)"]:
        cases.append(("value", expr, 1))
        cases.append(("value", expr, 2))
    for expr in IN_CORNERS:
        cases.append(("in", expr, 0))
        cases.append(("for", expr, 0))
    rng = random.Random(311)
    seen = set(CORNERS)
    while len(seen) < len(CORNERS) + 400:
        expr = random_expr(rng, 3)
        if expr in seen:
            continue
        seen.add(expr)
        cases.append(("value", expr, 0))
    print("// Generated by tools/gen_ast_opt_expect.py with python3.11; do not edit.")
    print("const AstOptExpectation ast_opt_expectations[] = {")
    for kind, expr, level in cases:
        try:
            want = expectation(kind, expr, level)
        except SyntaxError:
            continue
        print("    {%s, %s, %d, %s}," % (c_string(kind), c_string(expr), level, c_string(want)))
    print("};")


if __name__ == "__main__":
    main()
