// pylifecycle.cpp: starting the interpreter above the runtime: the eval
// loop's upward hooks, the builtins and sys modules.
// Mirrors the vm-side steps of CPython 3.11 Python/pylifecycle.c
// (pycore_interp_init: pycore_init_builtins, _PySys_Create). Book chapter 8.
//
// The runtime cannot call the eval loop directly (it is a lower layer), so
// start-up registers the vm's entry for running Python functions in
// runtime::function_eval_hook; from then on a slot such as __eq__ written
// in Python, or sorted(key=f), reaches the loop through it.
#include <cstdio>

#include "ceval.h"
#include "iterators.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/funcobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/pystate.h"
#include "minipy/vm/pythonrun.h"

namespace minipy::vm {

using namespace runtime;

namespace {

bool vm_initialized = false;

// The hook behind a function's vectorcall.
Ref<> function_vectorcall_hook(FunctionObject* func, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    return eval_vector(func, nullptr, args, nargs, kwnames);
}

bool fail(const char* what)
{
    std::fprintf(stderr, "Fatal Python error: %s\n", what);
    error_clear();
    return false;
}

}  // namespace

bool initialize(const std::vector<std::string>& argv)
{
    if (vm_initialized) return true;
    runtime::initialize();
    init_function_types();
    if (init_iterator_types() < 0) return fail("cannot initialize the builtin iterator types");
    function_eval_hook = function_vectorcall_hook;

    InterpreterState* interp = interpreter_get();
    Ref<> builtins = builtins_module_create();
    if (!builtins) return fail("pycore_init_builtins: can't initialize the builtins module");
    interp->builtins = new_ref(module_get_dict(builtins.get())).release();
    Ref<> sys = sys_module_create(argv);
    if (!sys) return fail("_PySys_Create: can't initialize the sys module");
    interp->sysdict = new_ref(module_get_dict(sys.get())).release();
    Object* modules = dict_get_item_string(interp->sysdict, "modules");
    if (!modules || dict_set_item_string(modules, "builtins", builtins.get()) < 0 ||
        dict_set_item_string(modules, "sys", sys.get()) < 0)
        return fail("can't register the sys and builtins modules");
    vm_initialized = true;
    return true;
}

void finalize()
{
    if (vm_initialized) sys_flush_streams();
}

}  // namespace minipy::vm
