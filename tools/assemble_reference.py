#!/usr/bin/env python3.11
"""assemble_reference.py: expectations for minipy's CFG passes and assembler
(compiler/flowgraph.cpp, compiler/assemble.cpp), computed by python3.11.

Book chapter 7. Used by tests/unit/compiler/test_assemble_units.cpp.

Two modes, both printing "unit" records (format below):

  deassemble FILE...   Every code object of each file without an exception
                       table is turned back into the CFG 3.11's codegen would
                       have handed to its assembler once optimized: prefix
                       instructions (COPY_FREE_VARS, MAKE_CELL,
                       RETURN_GENERATOR, POP_TOP) removed, EXTENDED_ARG and
                       caches dropped, jumps made pseudo (JUMP,
                       POP_JUMP_IF_FALSE, ...) with block targets, cell and
                       free opargs turned back into codegen's indices. The
                       expectation is the code object itself; re-assembling
                       must give the same bytes.

  cases FILE           Hand-written CFGs ("case NAME [FIRSTLINE]") (what codegen emits, before any
                       optimization) next to the source they come from; the
                       expectation is the code object python3.11 compiles
                       for that source (a function found by name).

Record format (one item per line, fields separated by spaces):
  unit NAME QUALNAME
  meta FLAGS FIRSTLINENO ARGCOUNT POSONLY KWONLY
  varnames|cellvars|freevars|names N name...
  consts N tag...          N None, T True, F False, I<int>, S<hex utf-8>, O other
  block                    starts the next block (emission order)
  i OPNAME ARG LINE ENDLINE COL ENDCOL   (ARG ">k": jump to block k)
  expect code|linetable|exceptiontable|localspluskinds HEX
  expect stacksize|nconsts|flags N
  expect localsplusnames N name...
  end
"""
import dis
import opcode
import sys

PSEUDO = {
    "JUMP_FORWARD": "JUMP",
    "JUMP_BACKWARD": "JUMP",
    "JUMP_BACKWARD_NO_INTERRUPT": "JUMP_NO_INTERRUPT",
    "POP_JUMP_FORWARD_IF_FALSE": "POP_JUMP_IF_FALSE",
    "POP_JUMP_BACKWARD_IF_FALSE": "POP_JUMP_IF_FALSE",
    "POP_JUMP_FORWARD_IF_TRUE": "POP_JUMP_IF_TRUE",
    "POP_JUMP_BACKWARD_IF_TRUE": "POP_JUMP_IF_TRUE",
    "POP_JUMP_FORWARD_IF_NONE": "POP_JUMP_IF_NONE",
    "POP_JUMP_BACKWARD_IF_NONE": "POP_JUMP_IF_NONE",
    "POP_JUMP_FORWARD_IF_NOT_NONE": "POP_JUMP_IF_NOT_NONE",
    "POP_JUMP_BACKWARD_IF_NOT_NONE": "POP_JUMP_IF_NOT_NONE",
}
JUMPS = set(opcode.hasjrel) | set(opcode.hasjabs)
EXITS = {"RETURN_VALUE", "RAISE_VARARGS", "RERAISE"}
UNCONDITIONAL = {"JUMP_FORWARD", "JUMP_BACKWARD", "JUMP_BACKWARD_NO_INTERRUPT"}
CELL_OPS = {"MAKE_CELL", "LOAD_CLOSURE", "LOAD_DEREF", "STORE_DEREF", "DELETE_DEREF",
            "LOAD_CLASSDEREF"}
PREFIX = {"COPY_FREE_VARS", "MAKE_CELL", "RETURN_GENERATOR", "POP_TOP"}
CO_FAST_LOCAL, CO_FAST_CELL, CO_FAST_FREE = 0x20, 0x40, 0x80


def const_tag(c):
    if c is None:
        return "N"
    if c is True:
        return "T"
    if c is False:
        return "F"
    if type(c) is int and abs(c) < 2**62:
        return "I%d" % c
    if type(c) is str:
        return "S" + (c.encode("utf-8", "surrogatepass").hex() or "-")
    return "O"


def names_line(kind, names):
    return "%s %d %s" % (kind, len(names), " ".join(names))


def localsplus(co):
    n = co.co_nlocals + len([c for c in co.co_cellvars if c not in co.co_varnames])
    n += len(co.co_freevars)
    names = [co._varname_from_oparg(i) for i in range(n)]
    kinds = []
    for name in names:
        if name in co.co_varnames:
            kinds.append(CO_FAST_LOCAL | (CO_FAST_CELL if name in co.co_cellvars else 0))
        elif name in co.co_cellvars:
            kinds.append(CO_FAST_CELL)
        else:
            kinds.append(CO_FAST_FREE)
    return names, bytes(kinds)


def header(co, out):
    out.append("unit %s %s" % (co.co_name, co.co_qualname))
    out.append("meta %d %d %d %d %d" % (co.co_flags, co.co_firstlineno,
                                        co.co_argcount - co.co_posonlyargcount,
                                        co.co_posonlyargcount, co.co_kwonlyargcount))
    out.append(names_line("varnames", co.co_varnames))
    # codegen's cellvars dict is sorted (dictbytype); freevars too, after the cells
    out.append(names_line("cellvars", sorted(co.co_cellvars)))
    out.append(names_line("freevars", co.co_freevars))
    out.append(names_line("names", co.co_names))
    out.append("consts %d %s" % (len(co.co_consts), " ".join(const_tag(c) for c in co.co_consts)))


def expectations(co, out):
    names, kinds = localsplus(co)
    out.append("expect code " + (co.co_code.hex() or "-"))
    out.append("expect linetable " + (co.co_linetable.hex() or "-"))
    out.append("expect exceptiontable " + (co.co_exceptiontable.hex() or "-"))
    out.append("expect stacksize %d" % co.co_stacksize)
    out.append("expect nconsts %d" % len(co.co_consts))
    out.append("expect flags %d" % co.co_flags)
    out.append("expect localsplusnames %d %s" % (len(names), " ".join(names)))
    out.append("expect localspluskinds " + (kinds.hex() or "-"))
    out.append("end")


def pos(p):
    return " ".join("-1" if v is None else str(v) for v in
                    (p.lineno, p.end_lineno, p.col_offset, p.end_col_offset))


def deassemble(co, out):
    everything = list(dis.get_instructions(co))
    # A jump to an EXTENDED_ARG goes to the instruction it extends.
    real_offset = {}
    for k in range(len(everything) - 1, -1, -1):
        i = everything[k]
        real_offset[i.offset] = (real_offset[everything[k + 1].offset]
                                 if i.opname == "EXTENDED_ARG" else i.offset)
    instrs = [i for i in everything if i.opname != "EXTENDED_ARG"]
    start = next(k for k, i in enumerate(instrs) if i.opname == "RESUME")
    assert all(i.opname in PREFIX for i in instrs[:start])
    instrs = instrs[start:]
    leaders = {instrs[0].offset}
    for k, i in enumerate(instrs):
        if i.opcode in JUMPS:
            leaders.add(real_offset[i.argval])
        if (i.opcode in JUMPS or i.opname in EXITS) and k + 1 < len(instrs):
            leaders.add(instrs[k + 1].offset)
    block_of = {off: n for n, off in enumerate(sorted(leaders))}
    cells = sorted(co.co_cellvars)
    slots = localsplus(co)[0]
    header(co, out)
    for i in instrs:
        if i.offset in block_of:
            out.append("block")
        name = PSEUDO.get(i.opname, i.opname)
        arg = i.arg if i.arg is not None else 0
        if i.opcode in JUMPS:
            arg = ">%d" % block_of[real_offset[i.argval]]
        elif i.opname in CELL_OPS:
            var = slots[i.arg]
            arg = cells.index(var) if var in co.co_cellvars else len(cells) + co.co_freevars.index(var)
        out.append("i %s %s %s" % (name, arg, pos(i.positions)))
    expectations(co, out)


def walk(co):
    yield co
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            yield from walk(c)


def find_code(co, name):
    for c in walk(co):
        if c.co_name == name:
            return c
    raise SystemExit("no code object named %r" % name)


def run_cases(path, out):
    # case NAME / source lines / cfg / block lines / end
    lines = open(path, encoding="utf-8").read().split("\n")
    k = 0
    while k < len(lines):
        line = lines[k]
        k += 1
        if not line.startswith("case "):
            continue
        words = line.split()
        name = words[1]
        # "case NAME LINE": the source starts at LINE (as the CFG's locations say)
        src = [""] * (int(words[2]) - 1 if len(words) > 2 else 0)
        while lines[k] != "cfg":
            src.append(lines[k])
            k += 1
        k += 1
        body = []
        while lines[k] != "end":
            if lines[k].strip() and not lines[k].lstrip().startswith("#"):
                body.append(lines[k].strip())
            k += 1
        k += 1
        co = find_code(compile("\n".join(src) + "\n", "<case>", "exec"), name)
        header(co, out)
        out.extend(body)
        expectations(co, out)


def main():
    out = []
    if sys.argv[1] == "deassemble":
        for path in sys.argv[2:]:
            with open(path, "rb") as f:
                top = compile(f.read(), path, "exec")
            for co in walk(top):
                if not co.co_exceptiontable:
                    deassemble(co, out)
    else:
        run_cases(sys.argv[2], out)
    print("\n".join(out))


if __name__ == "__main__":
    main()
