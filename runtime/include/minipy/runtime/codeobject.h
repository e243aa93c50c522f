// codeobject.h: code objects, the compiler's output and the eval loop's input.
// Mirrors CPython 3.11 Include/cpython/code.h and Objects/codeobject.c.
// Book chapter 7 ("The compiler") and 11.
//
// Field for field the PyCodeObject of 3.11: the bytecode lives inline
// (co_code_adaptive, ob_size code units of 2 bytes) so that the specializing
// interpreter of PEP 659 can rewrite it in place; co_code returns the
// original bytes. Locals, cells and free variables share one array of names
// (co_localsplusnames) with a kind byte each (co_localspluskinds).
#pragma once

#include <cstdint>

#include "minipy/runtime/object.h"

namespace minipy::runtime {

// co_flags (Include/cpython/code.h, 3.11 values).
enum : int {
    CO_OPTIMIZED = 0x0001,
    CO_NEWLOCALS = 0x0002,
    CO_VARARGS = 0x0004,
    CO_VARKEYWORDS = 0x0008,
    CO_NESTED = 0x0010,
    CO_GENERATOR = 0x0020,
    CO_NOFREE = 0x0040,
    CO_COROUTINE = 0x0080,
    CO_ITERABLE_COROUTINE = 0x0100,
    CO_ASYNC_GENERATOR = 0x0200,
    CO_FUTURE_DIVISION = 0x20000,
    CO_FUTURE_ABSOLUTE_IMPORT = 0x40000,
    CO_FUTURE_WITH_STATEMENT = 0x80000,
    CO_FUTURE_PRINT_FUNCTION = 0x100000,
    CO_FUTURE_UNICODE_LITERALS = 0x200000,
    CO_FUTURE_BARRY_AS_BDFL = 0x400000,
    CO_FUTURE_GENERATOR_STOP = 0x800000,
    CO_FUTURE_ANNOTATIONS = 0x1000000,
};

// Kinds of co_localsplusnames entries (Include/internal/pycore_code.h).
enum : std::uint8_t { CO_FAST_LOCAL = 0x20, CO_FAST_CELL = 0x40, CO_FAST_FREE = 0x80 };

using _Py_CODEUNIT = std::uint16_t;

struct CodeObject : VarObject {
    Object* co_consts;          // tuple
    Object* co_names;           // tuple of str
    Object* co_exceptiontable;  // bytes
    int co_flags;
    short co_warmup;  // adaptive-interpreter warm-up counter
    short _co_linearray_entry_size;
    int co_argcount;
    int co_posonlyargcount;
    int co_kwonlyargcount;
    int co_stacksize;
    int co_firstlineno;
    int co_nlocalsplus;
    int co_nlocals;
    int co_nplaincellvars;
    int co_ncellvars;
    int co_nfreevars;
    Object* co_localsplusnames;  // tuple of str
    Object* co_localspluskinds;  // bytes, one kind per name
    Object* co_filename;         // str
    Object* co_name;             // str
    Object* co_qualname;         // str
    Object* co_linetable;        // bytes (3.11 location table)
    Object* co_weakreflist;
    Object* _co_code;            // cached bytes for co_code, or null
    char* _co_linearray;
    int _co_firsttraceable;
    void* co_extra;
    char co_code_adaptive[1];  // 2 * ob_size bytes
};

extern TypeObject Code_Type;

inline bool code_check(const Object* op) { return Py_TYPE(op) == &Code_Type; }
inline _Py_CODEUNIT* code_units(CodeObject* co) { return reinterpret_cast<_Py_CODEUNIT*>(co->co_code_adaptive); }

// Everything the compiler supplies (_PyCodeConstructor). References are
// borrowed; code_new validates and copies what it needs.
struct CodeConstructor {
    Object* filename = nullptr;
    Object* name = nullptr;
    Object* qualname = nullptr;
    int flags = 0;
    Object* code = nullptr;  // bytes, even length
    int firstlineno = 1;
    Object* linetable = nullptr;
    Object* consts = nullptr;
    Object* names = nullptr;
    Object* localsplusnames = nullptr;
    Object* localspluskinds = nullptr;
    int argcount = 0;
    int posonlyargcount = 0;
    int kwonlyargcount = 0;
    int stacksize = 0;
    Object* exceptiontable = nullptr;
};

// _PyCode_New: SystemError/ValueError for inconsistent input.
[[nodiscard]] Ref<> code_new(const CodeConstructor& con);
// _PyCode_ConstantKey: a key under which constants are equal only when
// they are the same value of the same type (0, 0.0, -0.0, False, 0j, -0j
// and tuples/frozensets of them all differ). The compiler keys its constant
// table with it; code objects compare co_consts through it.
[[nodiscard]] Ref<> code_constant_key(Object* op);
// The classic view: names of the given kind in order (co_varnames & co.).
[[nodiscard]] Ref<> code_get_varnames(CodeObject* co);
[[nodiscard]] Ref<> code_get_cellvars(CodeObject* co);
[[nodiscard]] Ref<> code_get_freevars(CodeObject* co);
[[nodiscard]] Ref<> code_get_code(CodeObject* co);

// PyCode_NewWithPosOnlyArgs: the "classic" constructor (what code(...) and
// code.replace() call). varnames/cellvars/freevars become localsplus names;
// a cell that is also a local is merged into the local's slot. ValueError
// "code: co_nlocals != len(co_varnames)" when nlocals disagrees.
struct CodeClassicArgs {
    int argcount = 0, posonlyargcount = 0, kwonlyargcount = 0, nlocals = 0, stacksize = 0, flags = 0;
    Object* code = nullptr;  // bytes
    Object* consts = nullptr;
    Object* names = nullptr;
    Object* varnames = nullptr;
    Object* freevars = nullptr;
    Object* cellvars = nullptr;
    Object* filename = nullptr;
    Object* name = nullptr;
    Object* qualname = nullptr;
    int firstlineno = 0;
    Object* linetable = nullptr;
    Object* exceptiontable = nullptr;
};
[[nodiscard]] Ref<> code_new_with_posonlyargs(const CodeClassicArgs& args);

// --- Reading co_linetable (the writer is compiler/assemble.cpp) -------------
//
// PyCodeAddressRange: a cursor over the location table. After each step,
// [ar_start, ar_end) is a byte range of co_code (2 bytes per code unit) and
// ar_line its line, or -1 for instructions with no line. `opaque` is the
// reader's state: the next entry and the line the deltas have reached.
struct CodeAddressRange {
    int ar_start = -1;
    int ar_end = 0;
    int ar_line = -1;
    struct {
        const std::uint8_t* lo_next = nullptr;
        const std::uint8_t* limit = nullptr;
        int computed_line = 0;
    } opaque;
};

// _PyLineTable_InitAddressRange / _PyCode_InitAddressRange: before the
// first range. The latter returns co_firstlineno.
void line_table_init_address_range(const char* linetable, Py_ssize_t length, int firstlineno,
                                   CodeAddressRange* range);
int code_init_address_range(CodeObject* co, CodeAddressRange* range);
// _PyLineTable_NextAddressRange / _PyLineTable_PreviousAddressRange: step
// one entry forward or back; false at either end.
bool line_table_next_address_range(CodeAddressRange* range);
bool line_table_previous_address_range(CodeAddressRange* range);
// _PyCode_CheckLineNumber: moves range to the entry holding byte offset
// lasti and returns its line (-1 for none or out of range).
int code_check_line_number(int lasti, CodeAddressRange* range);
// PyCode_Addr2Line: the line of the instruction at byte offset addrq
// (co_firstlineno for a negative offset, -1 when it has none).
int code_addr2line(CodeObject* co, int addrq);
// PyCode_Addr2Location: the full span; -1 for each unknown part.
void code_addr2location(CodeObject* co, int addrq, int* start_line, int* start_column, int* end_line,
                        int* end_column);

// The iterators of co_lines() and co_positions().
extern TypeObject LineIter_Type;
extern TypeObject PositionsIter_Type;

}  // namespace minipy::runtime
