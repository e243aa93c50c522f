# SyntaxError attributes when compile() parses a string. CPython tokenizes
# 'eval' and 'single' input without the implicit final newline that
# 'exec' input gets, and its ENDMARKER has column -1 (offset 0), so errors
# at the end of the input have their own offsets and text.
CASES = [
    ("if x:\n", "exec"),
    ("if x:", "exec"),
    ("(1,\n", "exec"),
    ("x = (1,", "eval"),
    ("if x:", "single"),
    ("def f(", "exec"),
    ("1 +", "eval"),
    ("1 +\n", "eval"),
    ("1 +", "exec"),
    ("x = 1 +", "single"),
    ("1 +  ", "eval"),
    ("(1,\n 2) +", "eval"),
    ("1 + # c", "eval"),
    ("1 2", "eval"),
    ("1\n2", "eval"),
]
for src, mode in CASES:
    try:
        compile(src, "s", mode)
        print(repr(src), mode, "compiles")
    except SyntaxError as e:
        print(repr(src), mode, type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
