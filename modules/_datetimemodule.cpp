// _datetimemodule.cpp: the _datetime module: the one thing of CPython's C
// datetime types that minipy's Python datetime (lib/datetime.py) cannot
// express itself, their dotted tp_name.
// Mirrors CPython 3.11 Modules/_datetimemodule.c (its static types are
// named "datetime.date", "datetime.timedelta", ...). Book chapter 12.
//
// Why: the interpreter's own messages name a type by its tp_name
// ("unsupported operand type(s) for +: 'datetime.date' and 'int'", "'<'
// not supported between instances of 'datetime.timedelta' and 'int'"). A
// class statement makes tp_name the short __name__; a C type made by
// PyType_FromSpec gets the dotted spec name as tp_name while __name__
// stays short. _set_tp_name(cls, "datetime.date") gives a heap type that
// split: tp_name points at a copy of the name kept for the process's life
// (types are never told to free it), ht_name (__name__, __qualname__) is
// untouched. Assigning __name__ later makes both short again.
#include <deque>
#include <string>

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::modules {

using namespace runtime;

namespace {

Ref<> datetime_set_tp_name(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("_set_tp_name", nargs, 2, 2)) return nullptr;
    if (!type_check(args[0]) || !type_has_feature(static_cast<TypeObject*>(args[0]), Py_TPFLAGS_HEAPTYPE))
        return format_error(Exc_TypeError, "_set_tp_name() argument 1 must be a heap type, not %.50s",
                            Py_TYPE(args[0])->tp_name);
    if (!unicode_check(args[1]))
        return format_error(Exc_TypeError, "_set_tp_name() argument 2 must be str, not %.50s",
                            Py_TYPE(args[1])->tp_name);
    const char* utf8 = unicode_as_utf8(args[1]);
    if (!utf8) return nullptr;
    // A deque never moves its elements, so earlier c_str()s stay valid;
    // reachable from a static, it is not a leak to LeakSanitizer.
    static auto* names = new std::deque<std::string>();
    names->emplace_back(utf8);
    static_cast<TypeObject*>(args[0])->tp_name = names->back().c_str();
    return none_ref();
}

MethodDef datetime_methods[] = {
    method_fast("_set_tp_name", datetime_set_tp_name,
                "_set_tp_name(cls, name)\n\nMake the heap type cls show as name in the interpreter's messages."),
    {},
};

}  // namespace

Ref<> datetime_module_create()
{
    Ref<> mod = module_new("_datetime");
    if (!mod || module_add_functions(mod.get(), datetime_methods) < 0) return nullptr;
    return mod;
}

}  // namespace minipy::modules
