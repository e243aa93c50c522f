// gcmodule.cpp: the gc module, the Python face of the cycle collector.
// Mirrors the module half of CPython 3.11 Modules/gcmodule.c (the functions
// gc_collect_impl ... gc_get_freeze_count_impl); the collector itself is
// memory/gcmodule.cpp, the tracking API runtime/objimpl.h. Book chapter 9,
// "Garbage collection".
//
// gc.garbage and gc.callbacks are the runtime's lists (objimpl.h): the
// collector appends to and calls them even before this module is imported.
#include <climits>

#include "minipy/memory/gc.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/objimpl.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::modules {

using namespace runtime;
namespace mem = minipy::memory;

namespace {

// A C int argument. Argument Clinic's int converter (clinic = true) says
// "Python int too large to convert to C int"; PyArg_ParseTuple's "i" says
// "signed integer is greater than maximum" / "... less than minimum".
bool as_c_int(Object* o, bool clinic, int* out)
{
    Ref<> idx = number_index(o);
    if (!idx) return false;
    Py_ssize_t v = long_as_ssize_t(idx.get());
    bool overflow = false, negative = false;
    if (v == -1 && error_occurred()) {
        if (!error_matches(Exc_OverflowError)) return false;
        error_clear();
        overflow = true;
        Ref<> zero = long_from_ssize_t(0);
        negative = object_rich_compare_bool(idx.get(), zero.get(), Py_LT) == 1;
    }
    else if (v > INT_MAX || v < INT_MIN) {
        overflow = true;
        negative = v < 0;
    }
    if (overflow) {
        if (clinic) set_error(Exc_OverflowError, "Python int too large to convert to C int");
        else set_error(Exc_OverflowError, negative ? "signed integer is less than minimum"
                                                   : "signed integer is greater than maximum");
        return false;
    }
    *out = static_cast<int>(v);
    return true;
}

Ref<> gc_enable(Object*, Object*)
{
    mem::gc_state().enabled = true;
    return none_ref();
}

Ref<> gc_disable(Object*, Object*)
{
    mem::gc_state().enabled = false;
    return none_ref();
}

Ref<> gc_isenabled(Object*, Object*) { return bool_from_long(mem::gc_state().enabled); }

// collect(generation=2): the number of unreachable objects found.
Ref<> gc_collect(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* argv[1] = {nullptr};
    if (!parse_args_fastkw("collect", args, nargs, kwnames, {"generation"}, 0, argv)) return nullptr;
    int generation = mem::NUM_GENERATIONS - 1;
    if (argv[0] && !as_c_int(argv[0], true, &generation)) return nullptr;
    if (generation < 0 || generation >= mem::NUM_GENERATIONS)
        return format_error(Exc_ValueError, "invalid generation");
    return long_from_ssize_t(mem::gc_collect(generation));
}

Ref<> gc_get_count(Object*, Object*)
{
    mem::GCState& st = mem::gc_state();
    Ref<> c[mem::NUM_GENERATIONS];
    for (int i = 0; i < mem::NUM_GENERATIONS; i++)
        if (!(c[i] = long_from_ssize_t(st.generations[i].count))) return nullptr;
    return tuple_pack({c[0].get(), c[1].get(), c[2].get()});
}

Ref<> gc_get_threshold(Object*, Object*)
{
    mem::GCState& st = mem::gc_state();
    Ref<> t[mem::NUM_GENERATIONS];
    for (int i = 0; i < mem::NUM_GENERATIONS; i++)
        if (!(t[i] = long_from_ssize_t(st.generations[i].threshold))) return nullptr;
    return tuple_pack({t[0].get(), t[1].get(), t[2].get()});
}

// set_threshold(threshold0, [threshold1, [threshold2]]): PyArg_ParseTuple
// "i|ii", so thresholds given before a bad one are already stored.
Ref<> gc_set_threshold(Object*, Object* args)
{
    Py_ssize_t n = tuple_size(args);
    if (!check_positional_getargs("set_threshold", n, 1, 3)) return nullptr;
    mem::GCState& st = mem::gc_state();
    for (Py_ssize_t i = 0; i < n; i++)
        if (!as_c_int(tuple_item(args, i), false, &st.generations[i].threshold)) return nullptr;
    return none_ref();
}

Ref<> gc_set_debug(Object*, Object* flags)
{
    int v = 0;
    if (!as_c_int(flags, true, &v)) return nullptr;
    mem::gc_state().debug = v;
    return none_ref();
}

Ref<> gc_get_debug(Object*, Object*) { return long_from_ssize_t(mem::gc_state().debug); }

// get_objects(generation=None)
Ref<> gc_get_objects(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* argv[1] = {nullptr};
    if (!parse_args_fastkw("get_objects", args, nargs, kwnames, {"generation"}, 0, argv)) return nullptr;
    Py_ssize_t generation = -1;
    if (argv[0] && argv[0] != Py_None()) {
        if (!long_check(argv[0]))
            return format_error(Exc_TypeError, "argument should be integer or None, not '%.200s'",
                                Py_TYPE(argv[0])->tp_name);
        generation = long_as_ssize_t(argv[0]);
        if (generation == -1 && error_occurred()) return nullptr;
    }
    if (generation >= mem::NUM_GENERATIONS)
        return format_error(Exc_ValueError,
                            "generation parameter must be less than the number of available generations (%i)",
                            mem::NUM_GENERATIONS);
    if (generation < -1) return format_error(Exc_ValueError, "generation parameter cannot be negative");
    Ref<> result = list_new(0);
    if (!result) return nullptr;
    Object* res = result.get();
    // The result list is tracked too: leave it out, as CPython does.
    int r = mem::gc_for_each(static_cast<int>(generation), [](void* op, void* arg) {
        auto* list = static_cast<Object*>(arg);
        if (op == list) return 0;
        return list_append(list, static_cast<Object*>(op)) < 0 ? -1 : 0;
    }, res);
    if (r < 0) return nullptr;
    return result;
}

struct ReferrersSearch {
    Object* objs;    // the argument tuple
    Object* result;  // the list being built
};

int referrers_visit(Object* obj, void* arg)
{
    Object* objs = static_cast<Object*>(arg);
    for (Py_ssize_t i = 0; i < tuple_size(objs); i++)
        if (tuple_item(objs, i) == obj) return 1;
    return 0;
}

// get_referrers(*objs): every tracked object that refers to one of objs.
Ref<> gc_get_referrers(Object*, Object* args)
{
    Ref<> result = list_new(0);
    if (!result) return nullptr;
    ReferrersSearch search{args, result.get()};
    int r = mem::gc_for_each(-1, [](void* op, void* arg) {
        auto* s = static_cast<ReferrersSearch*>(arg);
        auto* obj = static_cast<Object*>(op);
        if (obj == s->objs || obj == s->result) return 0;
        traverseproc traverse = Py_TYPE(obj)->tp_traverse;
        if (traverse && traverse(obj, referrers_visit, s->objs))
            if (list_append(s->result, obj) < 0) return -1;
        return 0;
    }, &search);
    if (r < 0) return nullptr;
    return result;
}

int referents_visit(Object* obj, void* list) { return list_append(static_cast<Object*>(list), obj) < 0 ? 1 : 0; }

// get_referents(*objs): what tp_traverse of each GC object reports.
Ref<> gc_get_referents(Object*, Object* args)
{
    Ref<> result = list_new(0);
    if (!result) return nullptr;
    for (Py_ssize_t i = 0; i < tuple_size(args); i++) {
        Object* obj = tuple_item(args, i);
        if (!object_is_gc_object(obj)) continue;
        traverseproc traverse = Py_TYPE(obj)->tp_traverse;
        if (traverse && traverse(obj, referents_visit, result.get())) return nullptr;
    }
    return result;
}

Ref<> gc_is_tracked(Object*, Object* obj) { return bool_from_long(object_gc_is_tracked(obj)); }
Ref<> gc_is_finalized(Object*, Object* obj) { return bool_from_long(object_gc_is_finalized(obj)); }

Ref<> gc_freeze(Object*, Object*)
{
    mem::gc_freeze();
    return none_ref();
}

Ref<> gc_unfreeze(Object*, Object*)
{
    mem::gc_unfreeze();
    return none_ref();
}

Ref<> gc_get_freeze_count(Object*, Object*) { return long_from_ssize_t(mem::gc_get_freeze_count()); }

// get_stats(): one dict per generation.
Ref<> gc_get_stats(Object*, Object*)
{
    // Copied first: building the dicts may itself run a collection.
    mem::GCGenerationStats stats[mem::NUM_GENERATIONS];
    for (int i = 0; i < mem::NUM_GENERATIONS; i++) stats[i] = mem::gc_state().generation_stats[i];
    Ref<> result = list_new(0);
    if (!result) return nullptr;
    for (const auto& st : stats) {
        Ref<> d = dict_new();
        if (!d) return nullptr;
        const std::pair<const char*, Py_ssize_t> fields[] = {
            {"collections", st.collections}, {"collected", st.collected}, {"uncollectable", st.uncollectable}};
        for (const auto& [name, value] : fields) {
            Ref<> v = long_from_ssize_t(value);
            if (!v || dict_set_item_string(d.get(), name, v.get()) < 0) return nullptr;
        }
        if (list_append(result.get(), d.get()) < 0) return nullptr;
    }
    return result;
}

MethodDef gc_functions[] = {
    method_noargs("enable", gc_enable, "enable($module, /)\n--\n\nEnable automatic garbage collection."),
    method_noargs("disable", gc_disable, "disable($module, /)\n--\n\nDisable automatic garbage collection."),
    method_noargs("isenabled", gc_isenabled,
                  "isenabled($module, /)\n--\n\nReturns true if automatic garbage collection is enabled."),
    method_fastkw("collect", gc_collect,
                  "collect($module, /, generation=2)\n--\n\nRun the garbage collector and return the number "
                  "of unreachable objects found."),
    method_noargs("get_count", gc_get_count,
                  "get_count($module, /)\n--\n\nReturn the current collection counts as a tuple."),
    method_noargs("get_threshold", gc_get_threshold,
                  "get_threshold($module, /)\n--\n\nReturn the current collection thresholds."),
    method_varargs("set_threshold", gc_set_threshold,
                   "set_threshold(threshold0, [threshold1, threshold2]) -> None\n\nSet the collection "
                   "thresholds (0 disables automatic collection)."),
    method_o("set_debug", gc_set_debug, "set_debug($module, flags, /)\n--\n\nSet the debugging flags."),
    method_noargs("get_debug", gc_get_debug, "get_debug($module, /)\n--\n\nGet the debugging flags."),
    method_fastkw("get_objects", gc_get_objects,
                  "get_objects($module, /, generation=None)\n--\n\nReturn a list of the objects tracked by "
                  "the collector (excluding the list returned)."),
    method_varargs("get_referrers", gc_get_referrers,
                   "get_referrers(*objs) -> list\nReturn the tracked objects that directly refer to any of objs."),
    method_varargs("get_referents", gc_get_referents,
                   "get_referents(*objs) -> list\nReturn the objects directly referred to by any of objs."),
    method_o("is_tracked", gc_is_tracked,
             "is_tracked($module, obj, /)\n--\n\nReturns true if the object is tracked by the garbage collector."),
    method_o("is_finalized", gc_is_finalized,
             "is_finalized($module, obj, /)\n--\n\nReturns true if the object has been already finalized by "
             "the GC."),
    method_noargs("freeze", gc_freeze,
                  "freeze($module, /)\n--\n\nMove every tracked object to the permanent generation, where "
                  "collections ignore it."),
    method_noargs("unfreeze", gc_unfreeze,
                  "unfreeze($module, /)\n--\n\nMove the permanent generation back into the oldest generation."),
    method_noargs("get_freeze_count", gc_get_freeze_count,
                  "get_freeze_count($module, /)\n--\n\nReturn the number of objects in the permanent generation."),
    method_noargs("get_stats", gc_get_stats,
                  "get_stats($module, /)\n--\n\nReturn a list of dictionaries of per-generation statistics."),
    {},
};

}  // namespace

Ref<> gc_module_create()
{
    Ref<> mod = module_new("gc");
    if (!mod || module_add_functions(mod.get(), gc_functions) < 0) return nullptr;
    Ref<> doc = unicode_from_string(
        "This module provides access to the garbage collector for reference cycles.\n\n"
        "enable(), disable(), isenabled() switch automatic collection; collect() runs one;\n"
        "get_count(), get_threshold(), set_threshold() show and tune when it runs;\n"
        "set_debug(), get_debug() and the DEBUG_* flags print what it does;\n"
        "get_objects(), get_referrers(), get_referents(), is_tracked(), is_finalized()\n"
        "inspect the objects; freeze(), unfreeze(), get_freeze_count() manage the\n"
        "permanent generation; get_stats() returns per-generation statistics.\n");
    if (!doc || module_add_object(mod.get(), "__doc__", doc.get()) < 0) return nullptr;
    const std::pair<const char*, int> flags[] = {
        {"DEBUG_STATS", mem::DEBUG_STATS},
        {"DEBUG_COLLECTABLE", mem::DEBUG_COLLECTABLE},
        {"DEBUG_UNCOLLECTABLE", mem::DEBUG_UNCOLLECTABLE},
        {"DEBUG_SAVEALL", mem::DEBUG_SAVEALL},
        {"DEBUG_LEAK", mem::DEBUG_LEAK},
    };
    for (const auto& [name, value] : flags) {
        Ref<> v = long_from_ssize_t(value);
        if (!v || module_add_object(mod.get(), name, v.get()) < 0) return nullptr;
    }
    Object* garbage = gc_garbage_list();
    Object* callbacks = gc_callbacks_list();
    if (!garbage || !callbacks || module_add_object(mod.get(), "garbage", garbage) < 0 ||
        module_add_object(mod.get(), "callbacks", callbacks) < 0)
        return nullptr;
    return mod;
}

}  // namespace minipy::modules
