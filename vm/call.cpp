// call.cpp: binding a call's arguments to a function's parameters, and the
// ways into the eval loop from C.
// Mirrors the calling half of CPython 3.11 Python/ceval.c
// (initialize_locals, missing_arguments, too_many_positional,
// positional_only_passed_as_keyword, _PyEvalFramePushAndInit,
// _PyEval_Vector, PyEval_EvalCode) and _PyObject_GetMethod /
// _PyObject_LookupSpecial. Book chapter 8.
//
// Parameters occupy the first fast locals in this order: positional-only,
// positional-or-keyword (co_argcount covers both), keyword-only
// (co_kwonlyargcount), then *args and **kwargs when CO_VARARGS /
// CO_VARKEYWORDS say they exist. initialize_locals fills those slots from
// the positional arguments, the keyword arguments and the defaults, and
// raises CPython's TypeError texts for every way a call can go wrong.
#include <cstring>
#include <unordered_map>

#include "ceval.h"
#include "minipy/vm/ceval.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/codeobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/typeobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::vm {

using namespace runtime;

namespace {

Object* varname(CodeObject* co, Py_ssize_t i) { return tuple_item(co->co_localsplusnames, i); }

// format_missing: "f() missing 2 required positional arguments: 'a' and 'b'".
void format_missing(const char* kind, Object* names, Object* qualname)
{
    Py_ssize_t len = list_size(names);
    Ref<> name_str;
    if (len == 1) {
        name_str = new_ref(list_item(names, 0));
    }
    else if (len == 2) {
        name_str = unicode_from_format("%U and %U", list_item(names, 0), list_item(names, 1));
    }
    else {
        Ref<> tail = unicode_from_format(", %U, and %U", list_item(names, len - 2), list_item(names, len - 1));
        if (!tail) return;
        Ref<> head = tuple_new(len - 2);
        if (!head) return;
        for (Py_ssize_t i = 0; i < len - 2; i++) tuple_set_item(head.get(), i, new_ref(list_item(names, i)).release());
        Ref<> comma = unicode_from_string(", ");
        if (!comma) return;
        Ref<> joined = unicode_join(comma.get(), head.get());
        if (!joined) return;
        name_str = unicode_concat(joined.get(), tail.get());
    }
    if (!name_str) return;
    format_error(Exc_TypeError, "%U() missing %zd required %s argument%s: %U", qualname, len, kind,
                 len == 1 ? "" : "s", name_str.get());
}

void missing_arguments(CodeObject* co, Py_ssize_t defcount, Object** localsplus, Object* qualname)
{
    bool positional = defcount != -1;
    Py_ssize_t start = positional ? 0 : co->co_argcount;
    Py_ssize_t end = positional ? co->co_argcount - defcount : co->co_argcount + co->co_kwonlyargcount;
    Ref<> names = list_new(0);
    if (!names) return;
    for (Py_ssize_t i = start; i < end; i++) {
        if (localsplus[i]) continue;
        Ref<> r = object_repr(varname(co, i));
        if (!r || list_append(names.get(), r.get()) < 0) return;
    }
    format_missing(positional ? "positional" : "keyword-only", names.get(), qualname);
}

void too_many_positional(CodeObject* co, Py_ssize_t given, Object* defaults, Object** localsplus, Object* qualname)
{
    Py_ssize_t kwonly_given = 0;
    for (Py_ssize_t i = co->co_argcount; i < co->co_argcount + co->co_kwonlyargcount; i++)
        if (localsplus[i]) kwonly_given++;
    Py_ssize_t defcount = defaults ? tuple_size(defaults) : 0;
    bool plural;
    Ref<> sig;
    if (defcount) {
        plural = true;
        sig = unicode_from_format("from %zd to %d", co->co_argcount - defcount, co->co_argcount);
    }
    else {
        plural = co->co_argcount != 1;
        sig = unicode_from_format("%d", co->co_argcount);
    }
    if (!sig) return;
    Ref<> kwonly_sig = kwonly_given ? unicode_from_format(" positional argument%s (and %zd keyword-only argument%s)",
                                                          given != 1 ? "s" : "", kwonly_given,
                                                          kwonly_given != 1 ? "s" : "")
                                    : unicode_from_string("");
    if (!kwonly_sig) return;
    format_error(Exc_TypeError, "%U() takes %U positional argument%s but %zd%U %s given", qualname, sig.get(),
                 plural ? "s" : "", given, kwonly_sig.get(), given == 1 && !kwonly_given ? "was" : "were");
}

// True (error set) when keywords name positional-only parameters.
bool positional_only_passed_as_keyword(CodeObject* co, Object* kwnames, Object* qualname)
{
    Ref<> names = list_new(0);
    if (!names) return true;
    for (int k = 0; k < co->co_posonlyargcount; k++) {
        Object* posonly = varname(co, k);
        for (Py_ssize_t k2 = 0; k2 < tuple_size(kwnames); k2++) {
            Object* kw = tuple_item(kwnames, k2);
            int cmp = kw == posonly ? 1 : object_rich_compare_bool(posonly, kw, Py_EQ);
            if (cmp < 0) return true;
            if (cmp > 0 && list_append(names.get(), posonly) < 0) return true;
        }
    }
    if (list_size(names.get()) == 0) return false;
    Ref<> comma = unicode_from_string(", ");
    if (!comma) return true;
    Ref<> joined = unicode_join(comma.get(), names.get());
    if (!joined) return true;
    format_error(Exc_TypeError, "%U() got some positional-only arguments passed as keyword arguments: '%U'", qualname,
                 joined.get());
    return true;
}

// initialize_locals: 0, or -1 with the TypeError set. Arguments are
// borrowed; every slot filled holds a new reference.
int initialize_locals(FunctionObject* func, Object** localsplus, Object* const* args, Py_ssize_t argcount,
                      Object* kwnames)
{
    auto* co = static_cast<CodeObject*>(func->func_code);
    const Py_ssize_t total_args = co->co_argcount + co->co_kwonlyargcount;
    Object* kwdict = nullptr;
    if (co->co_flags & CO_VARKEYWORDS) {
        Ref<> d = dict_new();
        if (!d) return -1;
        kwdict = d.get();
        Py_ssize_t i = total_args + ((co->co_flags & CO_VARARGS) ? 1 : 0);
        localsplus[i] = d.release();
    }
    Py_ssize_t n = argcount > co->co_argcount ? co->co_argcount : argcount;
    for (Py_ssize_t j = 0; j < n; j++) localsplus[j] = new_ref(args[j]).release();
    if (co->co_flags & CO_VARARGS) {
        Ref<> u = tuple_from_array(args + n, argcount - n);
        if (!u) return -1;
        localsplus[total_args] = u.release();
    }

    Py_ssize_t kwcount = kwnames ? tuple_size(kwnames) : 0;
    for (Py_ssize_t i = 0; i < kwcount; i++) {
        Object* keyword = tuple_item(kwnames, i);
        Object* value = args[argcount + i];
        if (!unicode_check(keyword)) {
            format_error(Exc_TypeError, "%U() keywords must be strings", func->func_qualname);
            return -1;
        }
        // Identity first (names are interned on both sides), then equality.
        Py_ssize_t j = co->co_posonlyargcount;
        for (; j < total_args; j++)
            if (varname(co, j) == keyword) break;
        if (j == total_args) {
            for (j = co->co_posonlyargcount; j < total_args; j++) {
                int cmp = object_rich_compare_bool(keyword, varname(co, j), Py_EQ);
                if (cmp < 0) return -1;
                if (cmp > 0) break;
            }
        }
        if (j == total_args) {
            if (!kwdict) {
                if (co->co_posonlyargcount && positional_only_passed_as_keyword(co, kwnames, func->func_qualname))
                    return -1;
                format_error(Exc_TypeError, "%U() got an unexpected keyword argument '%S'", func->func_qualname,
                             keyword);
                return -1;
            }
            if (dict_set_item(kwdict, keyword, value) < 0) return -1;
            continue;
        }
        if (localsplus[j]) {
            format_error(Exc_TypeError, "%U() got multiple values for argument '%S'", func->func_qualname, keyword);
            return -1;
        }
        localsplus[j] = new_ref(value).release();
    }

    if (argcount > co->co_argcount && !(co->co_flags & CO_VARARGS)) {
        too_many_positional(co, argcount, func->func_defaults, localsplus, func->func_qualname);
        return -1;
    }

    if (argcount < co->co_argcount) {
        Py_ssize_t defcount = func->func_defaults ? tuple_size(func->func_defaults) : 0;
        Py_ssize_t m = co->co_argcount - defcount;
        Py_ssize_t missing = 0;
        for (Py_ssize_t i = argcount; i < m; i++)
            if (!localsplus[i]) missing++;
        if (missing) {
            missing_arguments(co, defcount, localsplus, func->func_qualname);
            return -1;
        }
        for (Py_ssize_t i = n > m ? n - m : 0; i < defcount; i++)
            if (!localsplus[m + i]) localsplus[m + i] = new_ref(tuple_item(func->func_defaults, i)).release();
    }

    if (co->co_kwonlyargcount > 0) {
        Py_ssize_t missing = 0;
        for (Py_ssize_t i = co->co_argcount; i < total_args; i++) {
            if (localsplus[i]) continue;
            if (func->func_kwdefaults) {
                Object* def = dict_get_item_with_error(func->func_kwdefaults, varname(co, i));
                if (def) {
                    localsplus[i] = new_ref(def).release();
                    continue;
                }
                if (error_occurred()) return -1;
            }
            missing++;
        }
        if (missing) {
            missing_arguments(co, -1, localsplus, func->func_qualname);
            return -1;
        }
    }
    return 0;
}

}  // namespace

InterpreterFrame* push_and_init_frame(FunctionObject* func, Object* locals, Object* const* args, Py_ssize_t argcount,
                                      Object* kwnames)
{
    InterpreterFrame* frame = push_frame(func, locals);
    if (!frame) return nullptr;
    if (initialize_locals(func, frame->localsplus, args, argcount, kwnames) < 0) {
        pop_frame(frame);
        return nullptr;
    }
    return frame;
}

Ref<> eval_vector(FunctionObject* func, Object* locals, Object* const* args, Py_ssize_t argcount, Object* kwnames)
{
    InterpreterFrame* frame = push_and_init_frame(func, locals, args, argcount, kwnames);
    if (!frame) return nullptr;
    return eval_frame(runtime::thread_state_get(), frame, false);
}

Ref<> eval_code(Object* code, Object* globals, Object* locals)
{
    Ref<> func = function_new(code, globals);
    if (!func) return nullptr;
    return eval_vector(static_cast<FunctionObject*>(func.get()), locals, nullptr, 0, nullptr);
}

Ref<> eval_code_object(Object* code, Object* globals, Object* locals)
{
    if (!code_check(code)) return format_error(Exc_TypeError, "expected a code object, not %.100s", Py_TYPE(code)->tp_name);
    if (!dict_check(globals)) return format_error(Exc_TypeError, "globals must be a dict");
    if (!dict_get_item_string(globals, "__builtins__")) {
        Object* builtins = interpreter_get()->builtins;
        if (!builtins) return format_error(Exc_SystemError, "the vm is not initialized");
        if (dict_set_item_string(globals, "__builtins__", builtins) < 0) return nullptr;
    }
    return eval_code(code, globals, locals ? locals : globals);
}

FrameStackStats frame_stack_stats()
{
    FrameStack& fs = frame_stack();
    FrameStackStats stats;
    stats.depth = fs.depth;
    for (FrameStack::Chunk* c = fs.chunk; c; c = c->previous) stats.chunks++;
    return stats;
}

Object* intern_str(const char* literal)
{
    static std::unordered_map<const char*, Object*> cache;
    auto it = cache.find(literal);
    if (it != cache.end()) return it->second;
    Ref<> s = unicode_intern_from_string(literal);
    Object* p = s.release();  // kept for the life of the process, like _Py_ID
    cache.emplace(literal, p);
    return p;
}

Ref<> function_str(Object* func)
{
    Ref<> qualname;
    if (object_lookup_attr(func, intern_str("__qualname__"), &qualname) < 0) return nullptr;
    if (!qualname) return object_str(func);
    Ref<> module;
    if (object_lookup_attr(func, intern_str("__module__"), &module) < 0) return nullptr;
    if (module && module.get() != Py_None() && !(unicode_check(module.get()) &&
                                                 unicode_equal_to_ascii(module.get(), "builtins")))
        return unicode_from_format("%S.%S()", module.get(), qualname.get());
    return unicode_from_format("%S()", qualname.get());
}

bool object_get_method(Object* obj, Object* name, Ref<>* method)
{
    TypeObject* tp = Py_TYPE(obj);
    if (tp->tp_getattro == object_generic_get_attr && unicode_check_exact(name)) {
        Object* descr = type_lookup(tp, name);
        if (descr && type_has_feature(Py_TYPE(descr), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
            // An unbound method, unless the instance dict shadows it.
            Object** dictptr = object_get_dict_ptr(obj);
            Object* shadow = dictptr && *dictptr ? dict_get_item_with_error(*dictptr, name) : nullptr;
            if (!shadow && !error_occurred()) {
                *method = new_ref(descr);
                return true;
            }
            if (error_occurred()) return false;
        }
    }
    *method = object_get_attr(obj, name);
    return false;
}

namespace {

// type(name, bases, dict) names the running module as the class's
// __module__ (runtime::type_current_globals_hook).
Object* current_frame_globals()
{
    InterpreterFrame* f = frame_stack().current;
    return f ? f->f_globals : nullptr;
}
[[maybe_unused]] const bool globals_hook_registered = (type_current_globals_hook = current_frame_globals, true);

}  // namespace

}  // namespace minipy::vm
