# Warnings the tokenizer and the parser issue while compiling: SyntaxWarning
# for a number run into a keyword, DeprecationWarning for invalid escapes
# (unknown ones, octal ones above \377, in str, bytes and f-string
# literals), each through the warnings machinery: recorded, filtered, and
# under an "error" filter turned into the SyntaxError they describe.
import warnings

SOURCES = [
    'x = [0x1for y in (1,)]\n',
    'x = "\\d" + "\\777"\n',
    'x = (1,\n 2, b"a\\q")\n',
    '1if 1 else 2',
    'f"{1}\\d"\n',
    'x = "\\d\\e"\ny = 0x1for y in (1,)\n',
    'x = r"\\d" + "\\n" + "\\400"\n',
    'if x is 1:\n  pass\n',
    'def f(:\n  "\\d"\n',
]

for src in SOURCES:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            compile(src, "s", "exec")
            status = "ok"
        except SyntaxError as e:
            status = "SyntaxError: %s" % e.msg
    print(repr(src), status, [(str(i.message), i.category.__name__, i.lineno, i.filename) for i in w])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            compile(src, "s", "exec")
            print("  error filter: compiles")
        except SyntaxError as e:
            print("  error filter:", type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))

# Only DeprecationWarning made an error: the SyntaxWarning stays a warning.
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.filterwarnings("error", category=DeprecationWarning)
    try:
        compile('y = 0x1for y in (1,)\nx = "\\d"\n', "s", "exec")
    except SyntaxError as e:
        print("mixed:", e.msg, e.lineno, [str(i.message) for i in w])

# eval() and exec() strings warn too.
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(eval('"\\w"'), [(str(i.message), i.filename) for i in w])
