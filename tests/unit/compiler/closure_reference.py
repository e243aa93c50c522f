"""closure_reference.py: python3.11's co_cellvars and co_freevars for the
chapter 7 exercise (test_symtable_exercise.cpp), computed at test time.

usage: python3.11 closure_reference.py FILE

One sorted line per code object of compile(FILE, 'exec'):
"NAME LINE cells=A,B frees=C,D" (each list sorted).
"""
import sys
import types


def lines(code, out):
    out.append("%s %d cells=%s frees=%s" % (code.co_name, code.co_firstlineno,
                                           ",".join(sorted(code.co_cellvars)),
                                           ",".join(sorted(code.co_freevars))))
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            lines(const, out)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        code = compile(f.read(), sys.argv[1], "exec", dont_inherit=True)
    out = []
    lines(code, out)
    for line in sorted(out):
        print(line)


if __name__ == "__main__":
    main()
