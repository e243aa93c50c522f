#!/usr/bin/env python3
"""symtable_dump.py: print python3.11's symbol tables of a file in the text
form `minipy --dump=symtable FILE` prints (docs/symtable-format.md).

It reads CPython's view through the `symtable` module (Lib/symtable.py over
Python/symtable.c; book chapter 7) and prints every table depth first, each
symbol with its scope and its DEF_* flags, in CPython's own insertion order,
so a diff shows exactly where minipy's symtable differs.

usage: python3.11 tools/symtable_dump.py FILE
"""
import _symtable
import sys
import symtable
import tokenize
import traceback

# The DEF_* bits of Include/internal/pycore_symtable.h, lowest first
# (_symtable exports all but DEF_COMP_ITER).
FLAGS = ["DEF_GLOBAL", "DEF_LOCAL", "DEF_PARAM", "DEF_NONLOCAL", "USE", "DEF_FREE",
         "DEF_FREE_CLASS", "DEF_IMPORT", "DEF_ANNOT", "DEF_COMP_ITER"]
SCOPES = {getattr(_symtable, name): name
          for name in ("LOCAL", "GLOBAL_EXPLICIT", "GLOBAL_IMPLICIT", "FREE", "CELL")}
FLAG_MASK = (1 << _symtable.SCOPE_OFF) - 1


def describe_flags(flags):
    names = [name for bit, name in enumerate(FLAGS) if flags & (1 << bit)]
    return "|".join(names) if names else "0"


def dump(table, depth, out):
    indent = "  " * depth
    words = ["symtable", table.get_type(), repr(table.get_name()), "line", str(table.get_lineno())]
    if table.is_optimized():
        words.append("optimized")
    if table.is_nested():
        words.append("nested")
    out.write(indent + " ".join(words) + "\n")
    if table.get_type() == "function":
        out.write(indent + "  varnames" + "".join(" " + v for v in table._table.varnames) + "\n")
    # A block that only forwards a child's free variable gets it appended
    # last with no DEF_* flag, in the iteration order of a set of str, which
    # follows the per-process string hashes: those come out sorted.
    names = list(table.get_identifiers())
    forwarded = sorted(n for n in names if table.lookup(n)._Symbol__flags & FLAG_MASK == 0)
    for name in [n for n in names if n not in forwarded] + forwarded:
        symbol = table.lookup(name)
        scope = SCOPES.get(symbol._Symbol__scope, "0")
        flags = describe_flags(symbol._Symbol__flags & FLAG_MASK)
        out.write("%s  symbol %r %s %s\n" % (indent, name, scope, flags))
    for child in table.get_children():
        dump(child, depth + 1, out)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip().splitlines()[-1])
    filename = sys.argv[1]
    try:
        with tokenize.open(filename) as f:  # honours the coding cookie, as compile() does
            source = f.read()
        table = symtable.symtable(source, filename, "exec")
    except OSError as e:
        sys.exit("%s: can't open file %r: [Errno %d] %s" % (sys.argv[0], filename, e.errno, e.strerror))
    except SyntaxError as e:
        # Printed as `python3.11 FILE` prints a SyntaxError: no traceback, exit 1.
        sys.stderr.write("".join(traceback.format_exception_only(e)))
        sys.exit(1)
    dump(table, 0, sys.stdout)


if __name__ == "__main__":
    main()
