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

}  // namespace minipy::runtime
