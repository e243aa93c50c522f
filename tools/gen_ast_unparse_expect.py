#!/usr/bin/env python3.11
"""gen_ast_unparse_expect.py: the strings python3.11 makes of annotations under
`from __future__ import annotations` (its C unparser, Python/ast_unparse.c),
as C++ initializers for tests/unit/compiler/ast_unparse_test.cpp.

    python3.11 tools/gen_ast_unparse_expect.py > tests/unit/compiler/ast_unparse_expect.inc

For each expression EXPR, python3.11 runs
    from __future__ import annotations
    x: EXPR
and reads __annotations__['x']. The expressions: corner cases of every
node kind, precedence level, quoting and f-string form, then the distinct
annotations of python3.11's own Lib (their source text, in file order, the
first 400). Expressions 3.11 refuses in an annotation are left out.
Book ch. 7.
"""
import ast
import os
import sys
import sysconfig

assert sys.version_info[:2] == (3, 11), "the reference must be CPython 3.11"

CORNERS = [
    "int", "a.b.c", "List[int]", "Dict[str, int]", "x[1:2]", "x[1:2:3]", "x[::2]", "x[:]", "x[a:b, c]",
    "x[(1, 2)]", "x[()]", "x[1,]", "x[*a]",
    "1", "-1", "+1", "~1", "1.5", "1e300", "1e309", "-1e309", "1j", "2.5j", "1e309j", "1 + 1e309j",
    "0x10", "10**100", "True", "None", "...", "Ellipsis",
    "'s'", '"s"', "'it''s'", '"\'\\""', "'\\n\\t\\x00'", "'\\u20ac\\U0001f600'", "'\\ud800'", "u'x'",
    "b'x'", "b'\\xff\\''", "'{'", "r'\\d'",
    "a + b", "a - b - c", "a - (b - c)", "(a + b) * c", "a + b * c", "a ** b ** c", "(a ** b) ** c",
    "-a ** b", "(-a) ** b", "a ** -b", "not a", "not not a", "-(-a)", "~a", "- - a", "a and b or c",
    "a and (b or c)", "(a and b) and c", "a or b or c", "not a and b", "not (a and b)", "a if b else c",
    "(a if b else c) if d else e", "a if (b if c else d) else e", "a if b else (c if d else e)",
    "lambda: 1", "lambda x: x", "lambda x, y=1, *a, z, w=2, **k: 0", "lambda *a: 0", "lambda *, a: 0",
    "lambda **k: 0", "lambda x, /, y: 0", "lambda x=1, /: 0", "(lambda: 1)()", "a if lambda: 1 else b",
    "a < b", "a < b < c", "a is not b", "a not in b", "(a < b) < c", "a < (b < c)", "not a < b",
    "a | b ^ c & d << e >> f", "(a | b) & c", "a & (b | c)", "a << (b + c)", "(a << b) + c",
    "a @ b", "a // b % c", "a / (b * c)", "a * (b / c)",
    "f()", "f(a)", "f(a, b)", "f(*a)", "f(**k)", "f(a, *b, c=1, **d)", "f(x for x in y)",
    "f((x for x in y), 1)", "f(a)(b)", "f(a)[b]", "f(a).b", "(a + b).c", "(1).real", "1.5.real",
    "(-1).real", "a[b].c", "(a, b)", "(a,)", "()", "[]", "[a, b]", "[a, *b]", "{a, b}", "{*a}", "{}",
    "{a: b}", "{a: b, **c}", "{**a, 'k': 1}",
    "[x for x in y]", "[x for x in y if x if z]", "[x for x in y for z in w]", "{x for x in y}",
    "{x: y for x, y in z}", "(x for x in y)", "[x async for x in y]", "[(x, y) for x, y in z]",
    "[x for x in (a if b else c)]", "[x for x in lambda: y]", "[x for x in y if (a if b else c)]",
    "f'a'", "f'{a}'", "f'{a!r}'", "f'{a!s:>10}'", "f'{a:{b}}'", "f'{a:{b}.{c}}'", "f'{{}}'",
    "f'{a}{{b}}'", "f'{a=}'", "f'{a = }'", "f'{ {a} }'", "f'{a:}'", "f\"{'x'}\"", "f'{x!a}'",
    "f'{lambda: 1}'", "f'{(lambda: 1)}'", "f'{a if b else c}'", "f'{(a, b)}'", "f'{a, b}'", "f'{f\"{a}\"}'",
    "f'\\n{a}'", "f'{a}' 'b'", "'a' f'{b}'", "f'{\"}\"}'",
    "(yield)", "await a", "a := 1", "(a := 1)", "*a", "a.b(c).d[e]",
    "Callable[[int, str], Optional[List[Tuple[int, ...]]]]", "'ForwardRef'", "Literal['a', 'b']",
    "int | None", "dict[str, 'X'] | list[int]",
]


def annotation_of(expr):
    src = "from __future__ import annotations\nx: %s\n" % expr
    ns = {}
    exec(compile(src, "<s>", "exec"), ns)
    return ns["__annotations__"]["x"]


def lib_annotations(limit):
    lib = sysconfig.get_paths()["stdlib"]
    found = []
    seen = set()
    for root, dirs, files in os.walk(lib):
        dirs[:] = sorted(d for d in dirs if d not in ("site-packages", "test", "__pycache__"))
        for name in sorted(files):
            if not name.endswith(".py"):
                continue
            path = os.path.join(root, name)
            try:
                with open(path, "rb") as f:
                    source = f.read().decode("utf-8")
                tree = ast.parse(source)
            except (SyntaxError, UnicodeDecodeError, ValueError):
                continue
            for node in ast.walk(tree):
                ann = getattr(node, "annotation", None) if isinstance(node, (ast.arg, ast.AnnAssign)) else None
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    ann = node.returns
                if ann is None:
                    continue
                text = ast.get_source_segment(source, ann)
                if text is None or "\n" in text or text in seen:
                    continue
                seen.add(text)
                found.append(text)
                if len(found) >= limit:
                    return found
    return found


def c_string(text):
    out = '"'
    for b in text.encode("utf-8", "surrogatepass"):
        c = chr(b)
        if c == '"' or c == "\\":
            out += "\\" + c
        elif 32 <= b < 127:
            out += c
        else:
            out += '\\x%02x""' % b
    return out + '"'


def main():
    print("// Generated by tools/gen_ast_unparse_expect.py with python3.11; do not edit.")
    print("const AstUnparseExpectation ast_unparse_expectations[] = {")
    for expr in CORNERS + lib_annotations(400):
        try:
            want = annotation_of(expr)
        except SyntaxError:
            continue
        print("    {%s, %s}," % (c_string(expr), c_string(want)))
    print("};")


if __name__ == "__main__":
    main()
