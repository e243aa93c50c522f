"""c_literal.py: C++ string literals for the expectation generators in
tools/ that write .inc files (gen_ast_opt_expect.py, gen_ast_unparse_expect.py).

c_string(text) spells text as UTF-8 (lone surrogates as their 3 bytes, like
"surrogatepass"): printable ASCII as is, quotes and backslashes escaped,
every other byte as \\xNN followed by "" so that the next character cannot
extend the hex escape.
"""


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
