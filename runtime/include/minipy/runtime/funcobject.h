// funcobject.h: function objects, what MAKE_FUNCTION builds from a code
// object and what CALL runs.
// Mirrors CPython 3.11 Include/cpython/funcobject.h and Objects/funcobject.c.
// Book chapter 8 ("The Evaluation Loop") and 11.
//
// The runtime cannot run bytecode: calling a function (its vectorcall, or
// tp_call from C code such as a slot_* wrapper) goes up to the vm through
// function_eval_hook, which the vm registers at start-up. The eval loop
// itself never takes that path for Python-to-Python calls: it pushes the
// callee's frame and goes on in the same C++ loop.
#pragma once

#include <cstdint>

#include "minipy/runtime/object.h"

namespace minipy::runtime {

// PyFunctionObject, field for field in 3.11's order (the COMMON_FIELDS
// first). Every field is an owned reference; the optional ones are null
// when absent (defaults, kwdefaults, closure, annotations, dict).
struct FunctionObject : Object {
    Object* func_globals;     // dict
    Object* func_builtins;    // dict
    Object* func_name;        // str
    Object* func_qualname;    // str
    Object* func_code;        // code
    Object* func_defaults;    // tuple or null
    Object* func_kwdefaults;  // dict or null
    Object* func_closure;     // tuple of cells or null
    Object* func_doc;         // anything (None when absent)
    Object* func_dict;        // __dict__, or null until used
    Object* func_weakreflist;
    Object* func_module;      // __module__ taken from globals['__name__']
    Object* func_annotations; // dict or null
    vectorcallfunc vectorcall;
    std::uint32_t func_version;
};

extern TypeObject Function_Type;

inline bool function_check(const Object* op) { return Py_TYPE(op) == &Function_Type; }

// PyFunction_NewWithQualName: qualname null means the code's co_qualname.
// The builtins come from globals['__builtins__'] (a module or a dict), or
// the interpreter's builtins dict when globals has none.
[[nodiscard]] Ref<> function_new(Object* code, Object* globals, Object* qualname = nullptr);

// The vm's entry for running a function: args holds nargs positional
// arguments followed by one value per name in kwnames (a tuple or null),
// as in vectorcall. Registered by the vm at start-up.
using FunctionEvalHook = Ref<> (*)(FunctionObject* func, Object* const* args, Py_ssize_t nargs,
                                   Object* kwnames);
extern FunctionEvalHook function_eval_hook;

// _PyEval_BuiltinsFromGlobals: the builtins dict for a globals dict
// (borrowed), or null when neither globals nor the interpreter has one.
Object* builtins_from_globals(Object* globals);

// Makes function, cell, frame and traceback types ready (called by the
// runtime's start-up).
void init_function_types();

}  // namespace minipy::runtime
