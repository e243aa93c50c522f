"""codegen_reference.py: python3.11's code objects for a file, in the text
form test_codegen.cpp prints for minipy's (tests/unit/compiler/codegen_dump.h).

Usage: python3.11 codegen_reference.py FILE [optimize [mode]]
Prints every code object (depth first, in co_consts order): its fields, its
constants (code objects by qualname, frozensets sorted), its instructions
(co_code as opname + oparg, inline caches skipped), and its location and
exception tables in hex. On a SyntaxError prints `error: msg (lineno, offset,
end_lineno, end_offset)`. Book chapter 7.
"""
import dis
import sys


def const_repr(c):
    if hasattr(c, "co_code"):
        return "<code %s>" % c.co_qualname
    if isinstance(c, frozenset):
        return "frozenset({%s})" % ", ".join(sorted(const_repr(x) for x in c))
    if isinstance(c, tuple):
        inner = ", ".join(const_repr(x) for x in c)
        return "(%s,)" % inner if len(c) == 1 else "(%s)" % inner
    return repr(c)


def dump(co, out):
    out.append("code %s name=%s firstlineno=%d argcount=%d posonly=%d kwonly=%d flags=%d stacksize=%d nlocals=%d" % (
        co.co_qualname, co.co_name, co.co_firstlineno, co.co_argcount, co.co_posonlyargcount,
        co.co_kwonlyargcount, co.co_flags, co.co_stacksize, co.co_nlocals))
    out.append("  names: " + " ".join(co.co_names))
    out.append("  varnames: " + " ".join(co.co_varnames))
    out.append("  cellvars: " + " ".join(co.co_cellvars))
    out.append("  freevars: " + " ".join(co.co_freevars))
    for i, c in enumerate(co.co_consts):
        out.append("  const %d: %s" % (i, const_repr(c)))
    code = co.co_code
    positions = list(co.co_positions())
    for i in range(0, len(code), 2):
        op, arg = code[i], code[i + 1]
        if op == 0:
            continue
        pos = tuple(-1 if p is None else p for p in positions[i // 2])
        out.append("  %d %s %d (%d, %d, %d, %d)" % ((i, dis.opname[op], arg) + pos))
    out.append("  linetable: " + co.co_linetable.hex())
    out.append("  exceptiontable: " + co.co_exceptiontable.hex())
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            dump(c, out)


def main():
    path = sys.argv[1]
    optimize = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    mode = sys.argv[3] if len(sys.argv) > 3 else "exec"
    with open(path, "rb") as f:
        source = f.read()
    try:
        co = compile(source, path, mode, dont_inherit=True, optimize=optimize)
    except SyntaxError as e:
        print("error: %s: %s (%s, %s, %s, %s)" % (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset))
        return
    out = []
    dump(co, out)
    print("\n".join(out))


main()
