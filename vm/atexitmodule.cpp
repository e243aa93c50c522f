// atexitmodule.cpp: the atexit module: functions run when the interpreter
// exits. Mirrors CPython 3.11 Modules/atexitmodule.c. Book chapter 8.
//
// The callbacks live in the interpreter (here: one vector for the process,
// as minipy has one interpreter), not in the module object, so that
// finalize() finds them however the module was imported or deleted.
// Invariants:
// * callbacks run last-registered first, each once: finalize() takes the
//   whole list before calling any, so a callback registering another does
//   not run it (CPython's atexit_callfuncs clears the list afterwards, and
//   a registration during the run is dropped the same way);
// * unregister(func) removes every entry whose function == func;
// * an exception in a callback is reported "Exception ignored in atexit
//   callback: <repr>" with its traceback, and the next callback runs.
#include <vector>

#include "ceval.h"
#include "pylifecycle.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::vm {

using namespace runtime;

namespace {

// atexit_callback: the function and the arguments to call it with.
struct AtexitCallback {
    Ref<> func;
    Ref<> args;    // tuple
    Ref<> kwargs;  // dict or null
};

std::vector<AtexitCallback>& callbacks()
{
    static std::vector<AtexitCallback> list;
    return list;
}

Ref<> atexit_register(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Py_ssize_t nkw = kwnames ? tuple_size(kwnames) : 0;
    if (nargs == 0)
        return format_error(Exc_TypeError, "register() takes at least 1 argument (0 given)");
    Object* func = args[0];
    if (!callable_check(func)) return format_error(Exc_TypeError, "the first argument must be callable");
    AtexitCallback cb;
    cb.func = new_ref(func);
    cb.args = tuple_new(nargs - 1);
    if (!cb.args) return nullptr;
    for (Py_ssize_t i = 1; i < nargs; i++) tuple_set_item(cb.args.get(), i - 1, new_ref(args[i]).release());
    if (nkw > 0) {
        cb.kwargs = dict_new();
        if (!cb.kwargs) return nullptr;
        for (Py_ssize_t i = 0; i < nkw; i++)
            if (dict_set_item(cb.kwargs.get(), tuple_item(kwnames, i), args[nargs + i]) < 0) return nullptr;
    }
    callbacks().push_back(std::move(cb));
    return new_ref(func);
}

Ref<> atexit_unregister(Object*, Object* func)
{
    std::vector<AtexitCallback>& list = callbacks();
    for (std::size_t i = 0; i < list.size();) {
        // The comparison may run Python code that changes the list; hold
        // the entry's function while it runs.
        Ref<> candidate = list[i].func;
        int eq = object_rich_compare_bool(candidate.get(), func, Py_EQ);
        if (eq < 0) return nullptr;
        if (eq && i < list.size() && list[i].func.get() == candidate.get()) {
            list.erase(list.begin() + static_cast<std::ptrdiff_t>(i));
            continue;
        }
        i++;
    }
    return none_ref();
}

Ref<> atexit_run_exitfuncs(Object*, Object*)
{
    atexit_call_callbacks();
    return none_ref();
}

Ref<> atexit_clear(Object*, Object*)
{
    std::vector<AtexitCallback> old;
    old.swap(callbacks());  // the destructors may run Python code
    return none_ref();
}

Ref<> atexit_ncallbacks(Object*, Object*) { return long_from_ssize_t(static_cast<Py_ssize_t>(callbacks().size())); }

MethodDef atexit_methods[] = {
    method_fastkw("register", atexit_register,
                  "Register a function to be executed upon normal program termination."),
    method_o("unregister", atexit_unregister, "Unregister an exit function which was previously registered."),
    method_noargs("_run_exitfuncs", atexit_run_exitfuncs, "Run all registered exit functions."),
    method_noargs("_clear", atexit_clear, "Clear the list of previously registered exit functions."),
    method_noargs("_ncallbacks", atexit_ncallbacks, "Return the number of registered exit functions."),
    {},
};

}  // namespace

Ref<> atexit_module_create()
{
    Ref<> mod = module_new("atexit");
    if (!mod || module_add_functions(mod.get(), atexit_methods) < 0) return nullptr;
    Ref<> doc = unicode_from_string("allow programmer to define multiple exit functions to be executed\n"
                                    "upon normal program termination.\n\n"
                                    "Two public functions, register and unregister, are defined.\n");
    if (!doc || module_add_object(mod.get(), "__doc__", doc.get()) < 0) return nullptr;
    return mod;
}

void atexit_call_callbacks()
{
    std::vector<AtexitCallback> list;
    list.swap(callbacks());
    for (auto it = list.rbegin(); it != list.rend(); ++it) {
        Ref<> r = object_call(it->func.get(), it->args.get(), it->kwargs.get());
        if (!r) write_unraisable("in atexit callback", it->func.get());
    }
    // atexit_cleanup: callbacks registered while these ran are not run, but
    // dropped now, while Python code may still run (a static vector would
    // otherwise keep them, and all they reach, past the teardown).
    while (!callbacks().empty()) {
        std::vector<AtexitCallback> late;
        late.swap(callbacks());
    }
}

}  // namespace minipy::vm
