"""symtable_reference.py: python3.11's answers for test_symtable.cpp, computed
at test time. Book chapter 7.

usage: python3.11 symtable_reference.py FILE

Prints, for FILE:
- its symbol tables as tools/symtable_dump.py prints them (the
  --dump=symtable form), or, when symtable.symtable() raises a SyntaxError,
  the line "error", then msg, then "lineno offset end_lineno end_offset",
  then the text line as the exception carries it;
- then "--- code" and one sorted line per code object of
  compile(FILE, 'exec') that shows the symtable's block flags:
  "NAME LINE" followed by the co_flags the compiler derives from
  ste_nested, ste_generator, ste_coroutine, ste_varargs, ste_varkeywords,
  and "class_cell" when a class body creates the implicit __class__ cell
  (ste_needs_class_closure); or "uncompilable" when the compiler itself
  rejects the source (its errors are not the symtable's).
"""
import inspect
import os
import sys
import symtable
import types

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "tools"))
import symtable_dump  # noqa: E402

FLAGS = [("NESTED", inspect.CO_NESTED), ("GENERATOR", inspect.CO_GENERATOR),
         ("COROUTINE", inspect.CO_COROUTINE), ("ASYNC_GENERATOR", inspect.CO_ASYNC_GENERATOR),
         ("VARARGS", inspect.CO_VARARGS), ("VARKEYWORDS", inspect.CO_VARKEYWORDS)]


def code_lines(code, out):
    words = [code.co_name, str(code.co_firstlineno)]
    words += [name for name, bit in FLAGS if code.co_flags & bit]
    if "__class__" in code.co_cellvars and not code.co_flags & inspect.CO_OPTIMIZED:
        words.append("class_cell")
    out.append(" ".join(words))
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            code_lines(const, out)


def main():
    path = sys.argv[1]
    with open(path, encoding="utf-8") as f:
        source = f.read()
    try:
        table = symtable.symtable(source, path, "exec")
    except SyntaxError as e:
        print("error")
        print(e.msg)
        # A location without an end (future.c) has None where minipy keeps 0.
        print(e.lineno, e.offset, e.end_lineno, e.end_offset or 0)
        sys.stdout.write(e.text or "\n")
        return
    symtable_dump.dump(table, 0, sys.stdout)
    print("--- code")
    try:
        code = compile(source, path, "exec", dont_inherit=True)
    except SyntaxError:
        print("uncompilable")
        return
    lines = []
    code_lines(code, lines)
    for line in sorted(lines):
        print(line)


if __name__ == "__main__":
    main()
