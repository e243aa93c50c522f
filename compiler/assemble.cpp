// assemble.cpp: the assembler: from the optimized CFG of one compiler unit
// to a code object. Runs the flowgraph passes in 3.11's order, lays out the
// localsplus array (arguments, locals, cells, free variables), adds the
// prefix instructions (COPY_FREE_VARS, MAKE_CELL, RETURN_GENERATOR), fixes
// jump offsets with EXTENDED_ARG, writes the bytecode with its inline CACHE
// units, the location table and the exception table, and calls code_new.
//
// Mirrors the assembler half of CPython 3.11 Python/compile.c (assemble,
// makecode, compute_code_flags, insert_prefix_instructions,
// fix_cell_offsets, compute_localsplus_info, assemble_jump_offsets,
// write_instr, write_location_info_*, assemble_emit_exception_table_*),
// which CPython 3.12 moved to Python/assemble.c. Book chapter 7.
#include "minipy/compiler/assemble.h"

#include <cassert>
#include <cstdlib>
#include <unordered_set>

#include "flowgraph.h"
#include "minipy/compiler/symtable.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/codeobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/opcode.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::compiler {

namespace {

// The location-table forms (CPython's _PyCodeLocationInfoKind).
enum LocationForm : int {
    SHORT0 = 0,   // .. SHORT0 + 9
    ONE_LINE0 = 10,
    NO_COLUMNS = 13,
    LONG = 14,
    NONE = 15,
};

class LocationWriter {
public:
    explicit LocationWriter(int firstlineno) : prev_lineno_(firstlineno) {}

    // write_location_info_entry: one entry for 1..8 units.
    void entry(int units, const Location& loc)
    {
        assert(units >= 1 && units <= 8);
        if (loc.lineno < 0) {
            first_byte(NONE, units);
            return;
        }
        const int line_delta = loc.lineno - prev_lineno_;
        const int column = loc.col_offset;
        const int end_column = loc.end_col_offset;
        if (column < 0 || end_column < 0) {
            if (loc.end_lineno == loc.lineno || loc.end_lineno == -1) {
                first_byte(NO_COLUMNS, units);
                signed_varint(line_delta);
                prev_lineno_ = loc.lineno;
                return;
            }
        } else if (loc.end_lineno == loc.lineno) {
            if (line_delta == 0 && column < 80 && end_column - column < 16 &&
                end_column >= column) {
                first_byte(SHORT0 + (column >> 3), units);
                byte(((column & 7) << 4) | (end_column - column));
                return;
            }
            if (line_delta >= 0 && line_delta < 3 && column < 128 && end_column < 128) {
                first_byte(ONE_LINE0 + line_delta, units);
                byte(column);
                byte(end_column);
                prev_lineno_ = loc.lineno;
                return;
            }
        }
        first_byte(LONG, units);
        signed_varint(line_delta);
        varint(static_cast<unsigned>(loc.end_lineno - loc.lineno));
        varint(static_cast<unsigned>(column + 1));
        varint(static_cast<unsigned>(end_column + 1));
        prev_lineno_ = loc.lineno;
    }

    std::vector<std::uint8_t> take() { return std::move(table_); }

private:
    void byte(int b) { table_.push_back(static_cast<std::uint8_t>(b)); }
    void first_byte(int form, int units) { byte(0x80 | (form << 3) | (units - 1)); }
    void varint(unsigned value)
    {
        while (value >= 64) {
            byte(0x40 | (value & 63));
            value >>= 6;
        }
        byte(static_cast<int>(value));
    }
    void signed_varint(int value)
    {
        varint(value < 0 ? (static_cast<unsigned>(-value) << 1) | 1
                         : static_cast<unsigned>(value) << 1);
    }

    std::vector<std::uint8_t> table_;
    int prev_lineno_;
};

// assemble_emit_exception_table_item: big-endian 6-bit groups.
void exception_item(std::vector<std::uint8_t>& table, int value, int msb)
{
    assert(value >= 0 && value < (1 << 30));
    constexpr int more = 0x40;
    for (int shift = 24; shift > 0; shift -= 6) {
        if (value >= (1 << shift)) {
            table.push_back(static_cast<std::uint8_t>(((value >> shift) & 0x3f) | more | msb));
            msb = 0;
        }
    }
    table.push_back(static_cast<std::uint8_t>((value & 0x3f) | msb));
}

}  // namespace

std::vector<std::uint8_t> write_location_table(const std::vector<LocationRun>& runs,
                                               int firstlineno)
{
    LocationWriter writer(firstlineno);
    for (const LocationRun& run : runs) {
        int units = run.units;
        while (units > 8) {  // an entry covers at most 8 units
            writer.entry(8, run.loc);
            units -= 8;
        }
        if (units > 0) writer.entry(units, run.loc);
    }
    return writer.take();
}

std::vector<std::uint8_t> write_exception_table(const std::vector<ExceptionTableEntry>& entries)
{
    std::vector<std::uint8_t> table;
    for (const ExceptionTableEntry& e : entries) {
        assert(e.end > e.start && e.depth >= 0);
        exception_item(table, e.start, 0x80);
        exception_item(table, e.end - e.start, 0);
        exception_item(table, e.target, 0);
        exception_item(table, (e.depth << 1) | (e.lasti ? 1 : 0), 0);
    }
    return table;
}

// ---------------------------------------------------------------------------
// The assembler

using namespace minipy::runtime;

namespace {

// PyCF_MASK: the future flags a code object inherits.
constexpr int PyCF_MASK = CO_FUTURE_DIVISION | CO_FUTURE_ABSOLUTE_IMPORT |
                          CO_FUTURE_WITH_STATEMENT | CO_FUTURE_PRINT_FUNCTION |
                          CO_FUTURE_UNICODE_LITERALS | CO_FUTURE_BARRY_AS_BDFL |
                          CO_FUTURE_GENERATOR_STOP | CO_FUTURE_ANNOTATIONS;

// compute_code_flags. (3.11 has no CO_NOFREE any more.)
int compute_code_flags(const UnitMetadata& meta)
{
    int flags = 0;
    const SymtableEntry* ste = meta.ste;
    if (ste != nullptr && ste->ste_type == FunctionBlock) {
        flags |= CO_NEWLOCALS | CO_OPTIMIZED;
        if (ste->ste_nested) flags |= CO_NESTED;
        if (ste->ste_generator && !ste->ste_coroutine) flags |= CO_GENERATOR;
        if (!ste->ste_generator && ste->ste_coroutine) flags |= CO_COROUTINE;
        if (ste->ste_generator && ste->ste_coroutine) flags |= CO_ASYNC_GENERATOR;
        if (ste->ste_varargs) flags |= CO_VARARGS;
        if (ste->ste_varkeywords) flags |= CO_VARKEYWORDS;
    }
    flags |= meta.future_flags & PyCF_MASK;
    flags |= meta.extra_flags;
    return flags;
}

Py_ssize_t dict_len(Object* d) { return d == nullptr ? 0 : dict_size(d); }

int dict_index(Object* v) { return static_cast<int>(long_as_long_long(v)); }

// build_cellfixedoffsets: where each cell/free variable goes in localsplus,
// before dropping the duplicates: after the locals, except that a cell for
// an argument shares the argument's slot.
std::vector<int> build_cellfixedoffsets(const UnitMetadata& meta)
{
    const int nlocals = static_cast<int>(dict_len(meta.varnames.get()));
    const int ncellvars = static_cast<int>(dict_len(meta.cellvars.get()));
    const int nfreevars = static_cast<int>(dict_len(meta.freevars.get()));
    std::vector<int> fixed(static_cast<std::size_t>(ncellvars + nfreevars));
    for (std::size_t i = 0; i < fixed.size(); ++i) {
        fixed[i] = nlocals + static_cast<int>(i);
    }
    if (ncellvars == 0) return fixed;
    Py_ssize_t pos = 0;
    Object* varname;
    Object* cellindex;
    while (dict_next(meta.cellvars.get(), &pos, &varname, &cellindex)) {
        Object* varindex = dict_get_item_with_error(meta.varnames.get(), varname);
        if (varindex != nullptr) {
            fixed[dict_index(cellindex)] = dict_index(varindex);
        }
    }
    return fixed;
}

// insert_prefix_instructions: what runs before RESUME. Inserted at the
// front, so they end up as COPY_FREE_VARS, MAKE_CELL..., RETURN_GENERATOR,
// POP_TOP. MAKE_CELLs go in localsplus order (arguments' cells first).
void insert_prefix_instructions(BasicBlock* entry, const UnitMetadata& meta,
                                const std::vector<int>& fixed, int nfreevars, int code_flags)
{
    std::vector<Instr>& instrs = entry->instrs;
    if (code_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) {
        Instr make_gen;
        make_gen.opcode = RETURN_GENERATOR;
        make_gen.loc.lineno = meta.firstlineno;
        make_gen.loc.end_lineno = meta.firstlineno;
        Instr pop_top;
        pop_top.opcode = POP_TOP;
        instrs.insert(instrs.begin(), {make_gen, pop_top});
    }
    const int ncellvars = static_cast<int>(dict_len(meta.cellvars.get()));
    if (ncellvars != 0) {
        const int nvars = ncellvars + static_cast<int>(dict_len(meta.varnames.get()));
        std::vector<int> sorted(static_cast<std::size_t>(nvars), 0);
        for (int i = 0; i < ncellvars; ++i) {
            sorted[fixed[i]] = i + 1;
        }
        std::vector<Instr> cells;
        for (int i = 0; static_cast<int>(cells.size()) < ncellvars; ++i) {
            const int oldindex = sorted[i] - 1;
            if (oldindex == -1) continue;
            Instr make_cell;
            make_cell.opcode = MAKE_CELL;
            make_cell.oparg = oldindex;  // fix_cell_offsets maps it
            cells.push_back(make_cell);
        }
        instrs.insert(instrs.begin(), cells.begin(), cells.end());
    }
    if (nfreevars != 0) {
        Instr copy_frees;
        copy_frees.opcode = COPY_FREE_VARS;
        copy_frees.oparg = nfreevars;
        instrs.insert(instrs.begin(), copy_frees);
    }
}

// fix_cell_offsets: cell/free opargs (codegen's cellvars/freevars indices)
// become localsplus offsets; returns how many cells share an argument's slot.
int fix_cell_offsets(CFGBuilder& g, const UnitMetadata& meta, std::vector<int>& fixedmap)
{
    const int nlocals = static_cast<int>(dict_len(meta.varnames.get()));
    const int noffsets = static_cast<int>(fixedmap.size());
    int numdropped = 0;
    for (int i = 0; i < noffsets; ++i) {
        if (fixedmap[i] == i + nlocals) {
            fixedmap[i] -= numdropped;
        } else {
            numdropped += 1;  // a cell for an argument
        }
    }
    for (BasicBlock* b = g.entry(); b != nullptr; b = b->next) {
        for (Instr& inst : b->instrs) {
            switch (inst.opcode) {
            case MAKE_CELL:
            case LOAD_CLOSURE:
            case LOAD_DEREF:
            case STORE_DEREF:
            case DELETE_DEREF:
            case LOAD_CLASSDEREF:
                if (inst.oparg < 0 || inst.oparg >= noffsets) {
                    set_error(Exc_SystemError, "compiler: cell or free variable index out of range");
                    return -1;
                }
                inst.oparg = fixedmap[inst.oparg];
                break;
            default:
                break;
            }
        }
    }
    return numdropped;
}

// compute_localsplus_info: co_localsplusnames and co_localspluskinds.
int compute_localsplus_info(const UnitMetadata& meta, int nlocalsplus, Object* names,
                            std::vector<std::uint8_t>& kinds)
{
    auto set_info = [&](int offset, Object* name, std::uint8_t kind) {
        assert(offset >= 0 && offset < nlocalsplus);
        tuple_set_item(names, offset, new_ref(name).release());
        kinds[offset] = kind;
    };
    Py_ssize_t pos = 0;
    Object* k;
    Object* v;
    if (meta.varnames) {
        while (dict_next(meta.varnames.get(), &pos, &k, &v)) {
            std::uint8_t kind = CO_FAST_LOCAL;
            if (meta.cellvars && dict_get_item_with_error(meta.cellvars.get(), k) != nullptr) {
                kind |= CO_FAST_CELL;
            }
            set_info(dict_index(v), k, kind);
        }
    }
    const int nlocals = static_cast<int>(dict_len(meta.varnames.get()));
    int numdropped = 0;  // mirrors fix_cell_offsets
    pos = 0;
    if (meta.cellvars) {
        while (dict_next(meta.cellvars.get(), &pos, &k, &v)) {
            if (meta.varnames && dict_get_item_with_error(meta.varnames.get(), k) != nullptr) {
                numdropped += 1;  // already there as an argument
                continue;
            }
            set_info(dict_index(v) + nlocals - numdropped, k, CO_FAST_CELL);
        }
    }
    pos = 0;
    if (meta.freevars) {
        while (dict_next(meta.freevars.get(), &pos, &k, &v)) {
            set_info(dict_index(v) + nlocals - numdropped, k, CO_FAST_FREE);
        }
    }
    for (int i = 0; i < nlocalsplus; ++i) {
        if (tuple_item(names, i) == nullptr) {
            set_error(Exc_SystemError, "compiler: a localsplus slot has no name");
            return -1;
        }
    }
    return 0;
}

// dict_keys_inorder: the keys of a name -> index dict as a tuple.
Ref<> dict_keys_inorder(Object* dict)
{
    const Py_ssize_t n = dict_len(dict);
    Ref<> tuple = tuple_new(n);
    if (!tuple) return nullptr;
    Py_ssize_t pos = 0;
    Object* k;
    Object* v;
    while (n != 0 && dict_next(dict, &pos, &k, &v)) {
        const int i = dict_index(v);
        if (i < 0 || i >= n || tuple_item(tuple.get(), i) != nullptr) {
            set_error(Exc_SystemError, "compiler: bad name index");
            return nullptr;
        }
        tuple_set_item(tuple.get(), i, new_ref(k).release());
    }
    return tuple;
}

// assemble_jump_offsets: block offsets and jump opargs (relative, in code
// units from the instruction after the jump and its caches). A jump that
// grows an EXTENDED_ARG moves everything after it, so repeat until stable.
void assemble_jump_offsets(CFGBuilder& g)
{
    bool extended_arg_recompile;
    do {
        int totsize = 0;
        for (BasicBlock* b = g.entry(); b != nullptr; b = b->next) {
            b->offset = totsize;
            for (const Instr& instr : b->instrs) totsize += instr_size(instr);
        }
        extended_arg_recompile = false;
        for (BasicBlock* b = g.entry(); b != nullptr; b = b->next) {
            int bsize = b->offset;
            for (Instr& instr : b->instrs) {
                const int isize = instr_size(instr);
                bsize += isize;
                if (is_jump(instr)) {
                    const int target = instr.target->offset;
                    if (is_backward_jump(instr.opcode)) {
                        assert(target < bsize);
                        instr.oparg = bsize - target;
                    } else {
                        assert(target >= bsize);
                        instr.oparg = target - bsize;
                    }
                    if (instr_size(instr) != isize) extended_arg_recompile = true;
                }
            }
        }
    } while (extended_arg_recompile);
}

// write_instr: EXTENDED_ARG prefixes, the instruction, its CACHE units.
void write_instr(std::vector<std::uint8_t>& code, const Instr& instr)
{
    const int opcode = instr.opcode;
    const int oparg = has_arg(opcode) ? instr.oparg : 0;
    const int caches = cache_entries(opcode);
    const int ilen = instr_size(instr) - caches;
    for (int shift = 8 * (ilen - 1); shift > 0; shift -= 8) {
        code.push_back(EXTENDED_ARG);
        code.push_back(static_cast<std::uint8_t>((oparg >> shift) & 0xFF));
    }
    code.push_back(static_cast<std::uint8_t>(opcode));
    code.push_back(static_cast<std::uint8_t>(oparg & 0xFF));
    for (int i = 0; i < caches; ++i) {
        code.push_back(CACHE);
        code.push_back(0);
    }
}

// assemble_exception_table: one entry per run of instructions with the
// same handler.
std::vector<ExceptionTableEntry> exception_table_entries(CFGBuilder& g)
{
    std::vector<ExceptionTableEntry> entries;
    const BasicBlock* handler = nullptr;
    int start = -1;
    int ioffset = 0;
    auto emit = [&entries](int from, int to, const BasicBlock* h) {
        int depth = h->startdepth - 1;
        if (h->preserve_lasti) depth -= 1;
        entries.push_back({from, to, h->offset, depth, h->preserve_lasti});
    };
    for (BasicBlock* b = g.entry(); b != nullptr; b = b->next) {
        ioffset = b->offset;
        for (const Instr& instr : b->instrs) {
            if (instr.except != handler) {
                if (handler != nullptr) emit(start, ioffset, handler);
                start = ioffset;
                handler = instr.except;
            }
            ioffset += instr_size(instr);
        }
    }
    if (handler != nullptr) emit(start, ioffset, handler);
    return entries;
}

Ref<> bytes_from(const std::vector<std::uint8_t>& v)
{
    return bytes_from_string_and_size(reinterpret_cast<const char*>(v.data()),
                                      static_cast<Py_ssize_t>(v.size()));
}

// The index of None in consts, appended if missing (compiler_add_const).
int add_none_const(Object* consts)
{
    const Py_ssize_t n = list_size(consts);
    for (Py_ssize_t i = 0; i < n; ++i) {
        if (list_item(consts, i) == Py_None()) return static_cast<int>(i);
    }
    if (list_append(consts, Py_None()) < 0) return -1;
    return static_cast<int>(n);
}

std::string* cfg_dump_sink = nullptr;

void dump_cfg(const CFGBuilder& g, const UnitMetadata& meta, const char* when)
{
    Object* name = meta.qualname ? meta.qualname.get() : meta.name.get();
    const char* text = unicode_as_utf8(name);
    std::string label = std::string(text != nullptr ? text : "?") + " (" + when + ")";
    if (text == nullptr) error_clear();
    *cfg_dump_sink += cfg_to_dot(g, label.c_str());
}

}  // namespace

void set_cfg_dump_sink(std::string* sink) { cfg_dump_sink = sink; }

Ref<> assemble(CFGBuilder& g, UnitMetadata& meta, int optimize)
{
    (void)optimize;  // 3.11's optimization levels act in codegen only
    if (!meta.consts || !list_check_exact(meta.consts.get()) || !meta.name || !meta.filename) {
        set_error(Exc_SystemError, "assemble: incomplete unit metadata");
        return nullptr;
    }
    // Make sure every block that falls off the end returns None.
    const Instr* last = g.current()->last();
    if (last == nullptr || last->opcode != RETURN_VALUE) {
        const int none = add_none_const(meta.consts.get());
        if (none < 0 || !g.addop(LOAD_CONST, none, Location{}) ||
            !g.addop(RETURN_VALUE, 0, Location{})) {
            return nullptr;
        }
    }
    if (cfg_dump_sink != nullptr) dump_cfg(g, meta, "codegen");
    const int code_flags = compute_code_flags(meta);
    BasicBlock* entry = g.entry();
    if (meta.firstlineno == 0) {
        meta.firstlineno = 1;
        if (!entry->instrs.empty() && entry->instrs[0].loc.lineno != 0) {
            meta.firstlineno = entry->instrs[0].loc.lineno;
        }
    }
    const int nlocals = static_cast<int>(dict_len(meta.varnames.get()));
    const int nfreevars = static_cast<int>(dict_len(meta.freevars.get()));
    int nlocalsplus = nlocals + static_cast<int>(dict_len(meta.cellvars.get())) + nfreevars;
    std::vector<int> cellfixedoffsets = build_cellfixedoffsets(meta);
    if (error_occurred()) return nullptr;
    insert_prefix_instructions(entry, meta, cellfixedoffsets, nfreevars, code_flags);
    const int numdropped = fix_cell_offsets(g, meta, cellfixedoffsets);
    if (numdropped < 0) return nullptr;
    nlocalsplus -= numdropped;

    if (optimize_cfg(g, meta.consts.get()) < 0 || duplicate_exits_without_lineno(g) < 0 ||
        trim_unused_consts(g, meta.consts) < 0) {
        return nullptr;
    }
    propagate_line_numbers(g);
    guarantee_lineno_for_exits(g, meta.firstlineno);
    const int maxdepth = stackdepth(g, code_flags);
    if (maxdepth < 0 || label_exception_targets(g) < 0) return nullptr;
    convert_exception_handlers_to_nops(g);
    clean_basic_blocks(g);
    // The order of the blocks is final from here on.
    // A jump to a block codegen never placed in the emission order would
    // get no offset.
    std::unordered_set<const BasicBlock*> placed;
    for (BasicBlock* b = g.entry(); b != nullptr; b = b->next) placed.insert(b);
    for (BasicBlock* b = g.entry(); b != nullptr; b = b->next) {
        const Instr* jump = b->last();
        if (jump != nullptr && is_jump(*jump) && placed.count(jump->target) == 0) {
            set_error(Exc_SystemError, "assemble: a jump to a block outside the code");
            return nullptr;
        }
    }
    normalize_jumps(g);
    if (cfg_dump_sink != nullptr) dump_cfg(g, meta, "optimized");
    assemble_jump_offsets(g);

    std::vector<std::uint8_t> code;
    std::vector<LocationRun> runs;
    for (BasicBlock* b = g.entry(); b != nullptr; b = b->next) {
        for (const Instr& instr : b->instrs) {
            if (instr.opcode < 0) {
                set_error(Exc_SystemError, "assemble: a pseudo-instruction survived");
                return nullptr;
            }
            write_instr(code, instr);
            runs.push_back({instr_size(instr), instr.loc});
        }
    }
    Ref<> co_code = bytes_from(code);
    Ref<> linetable = bytes_from(write_location_table(runs, meta.firstlineno));
    Ref<> exceptiontable = bytes_from(write_exception_table(exception_table_entries(g)));
    Ref<> names = dict_keys_inorder(meta.names.get());
    Ref<> consts = list_as_tuple(meta.consts.get());
    Ref<> localsplusnames = tuple_new(nlocalsplus);
    if (!co_code || !linetable || !exceptiontable || !names || !consts || !localsplusnames) {
        return nullptr;
    }
    std::vector<std::uint8_t> kinds(static_cast<std::size_t>(nlocalsplus), 0);
    if (compute_localsplus_info(meta, nlocalsplus, localsplusnames.get(), kinds) < 0) {
        return nullptr;
    }
    Ref<> localspluskinds = bytes_from(kinds);
    if (!localspluskinds) return nullptr;

    CodeConstructor con;
    con.filename = meta.filename.get();
    con.name = meta.name.get();
    con.qualname = meta.qualname ? meta.qualname.get() : meta.name.get();
    con.flags = code_flags;
    con.code = co_code.get();
    con.firstlineno = meta.firstlineno;
    con.linetable = linetable.get();
    con.consts = consts.get();
    con.names = names.get();
    con.localsplusnames = localsplusnames.get();
    con.localspluskinds = localspluskinds.get();
    con.argcount = meta.posonlyargcount + meta.argcount;
    con.posonlyargcount = meta.posonlyargcount;
    con.kwonlyargcount = meta.kwonlyargcount;
    con.stacksize = maxdepth;
    con.exceptiontable = exceptiontable.get();
    return code_new(con);
}

}  // namespace minipy::compiler
