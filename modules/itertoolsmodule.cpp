// itertoolsmodule.cpp: the itertools module: iterator building blocks.
// Mirrors CPython 3.11 Modules/itertoolsmodule.c. Book chapter 12, "The
// Standard Library".
//
// Every tool is a small iterator type (itertools.<name>) whose tp_iternext
// returns the next item, or null without an error when exhausted (an error
// from an input iterator propagates). All of them are GC types with a
// tp_traverse over the objects they hold, since they can end up in cycles
// (an iterator stored in a list it iterates over). Invariants per type are
// noted next to their structs. Not mirrored: __reduce__/__setstate__
// (pickling of iterators, deprecated in 3.12).
#include <cstddef>
#include <cstdint>
#include <new>
#include <utility>
#include <vector>

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/complexobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/genericaliasobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/objimpl.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/runtime/weakrefobject.h"
#include "clinic_args.h"

namespace minipy::modules {

using namespace runtime;

namespace {

constexpr unsigned long ITER_FLAGS = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE;

// One step of an iterator (tp_iternext): null at the end or on error.
Ref<> next_of(Object* it) { return Py_TYPE(it)->tp_iternext(it); }

// _PyType_Name: the part of tp_name after the last dot.
const char* type_short_name(TypeObject* t)
{
    const char* s = t->tp_name;
    for (const char* p = s; *p; p++)
        if (*p == '.') s = p + 1;
    return s;
}

TypeObject make_type(const char* name, std::size_t size, destructor dealloc, traverseproc traverse,
                     iternextfunc next, newfunc tp_new, const char* doc)
{
    TypeObject t = static_type(name, static_cast<Py_ssize_t>(size), 0, ITER_FLAGS, doc);
    t.tp_dealloc = dealloc;
    t.tp_traverse = traverse;
    t.tp_iter = object_self_iter;
    t.tp_iternext = next;
    t.tp_new = tp_new;
    return t;
}

// PyNumber_Check: int, float, complex or anything convertible.
bool number_check(Object* o)
{
    NumberMethods* nb = Py_TYPE(o)->tp_as_number;
    return (nb && (nb->nb_index || nb->nb_int || nb->nb_float)) || object_type_check(o, &Complex_Type);
}

// A Py_SSIZE_T ("n") argument: __index__, OverflowError when too large.
bool as_ssize(Object* o, Py_ssize_t* out)
{
    Ref<> i = number_index(o);
    if (!i) return false;
    *out = number_as_ssize_t(i.get(), Exc_OverflowError);
    return !(*out == -1 && error_occurred());
}

// --- count: start, start+step, ... (cnt is the next value) ------------------------

struct CountObject : Object {
    Object* cnt;
    Object* step;
};

Ref<> count_new(TypeObject* type, Object* args, Object* kwds)
{
    Object* a[2];
    if (!parse_args_tuple_kw("count", args, kwds, {"start", "step"}, 0, a)) return nullptr;
    if ((a[0] && !number_check(a[0])) || (a[1] && !number_check(a[1])))
        return format_error(Exc_TypeError, "a number is required");
    Ref<> start = a[0] ? new_ref(a[0]) : long_from_long(0);
    Ref<> step = a[1] ? new_ref(a[1]) : long_from_long(1);
    if (!start || !step) return nullptr;
    Ref<CountObject> lz = alloc_instance<CountObject>(type);
    if (!lz) return nullptr;
    lz->cnt = start.release();
    lz->step = step.release();
    return lz;
}

void count_dealloc(Object* op)
{
    auto* lz = static_cast<CountObject*>(op);
    clear_ref(lz->cnt);
    clear_ref(lz->step);
    object_dealloc_memory(op);
}

int count_traverse(Object* op, visitproc visit, void* arg)
{
    auto* lz = static_cast<CountObject*>(op);
    return visit_all({lz->cnt, lz->step}, visit, arg);
}

Ref<> count_next(Object* op)
{
    auto* lz = static_cast<CountObject*>(op);
    Ref<> next = number_add(lz->cnt, lz->step);
    if (!next) return nullptr;
    Ref<> result = steal_ref(lz->cnt);
    lz->cnt = next.release();
    return result;
}

// count(5), count(5, 2): the step is shown unless it is the int 1.
Ref<> count_repr(Object* op)
{
    auto* lz = static_cast<CountObject*>(op);
    const char* name = type_short_name(Py_TYPE(op));
    bool stepone = false;
    if (long_check(lz->step)) {
        int overflow = 0;
        long long v = long_as_long_long_and_overflow(lz->step, &overflow);
        stepone = !overflow && v == 1;
    }
    if (stepone) return unicode_from_format("%s(%R)", name, lz->cnt);
    return unicode_from_format("%s(%R, %R)", name, lz->cnt, lz->step);
}

// --- cycle: the items once, saved, then the saved list forever ------------------

struct CycleObject : Object {
    Object* it;     // null once exhausted
    Object* saved;  // list
    Py_ssize_t index;
};

Ref<> cycle_new(TypeObject* type, Object* args, Object* kwds)
{
    if (!check_no_kwargs("cycle", kwds)) return nullptr;
    if (!check_positional("cycle", tuple_size(args), 1, 1)) return nullptr;
    Ref<> it = object_get_iter(tuple_item(args, 0));
    if (!it) return nullptr;
    Ref<> saved = list_new(0);
    if (!saved) return nullptr;
    Ref<CycleObject> lz = alloc_instance<CycleObject>(type);
    if (!lz) return nullptr;
    lz->it = it.release();
    lz->saved = saved.release();
    lz->index = 0;
    return lz;
}

void cycle_dealloc(Object* op)
{
    auto* lz = static_cast<CycleObject*>(op);
    clear_ref(lz->it);
    clear_ref(lz->saved);
    object_dealloc_memory(op);
}

int cycle_traverse(Object* op, visitproc visit, void* arg)
{
    auto* lz = static_cast<CycleObject*>(op);
    return visit_all({lz->it, lz->saved}, visit, arg);
}

Ref<> cycle_next(Object* op)
{
    auto* lz = static_cast<CycleObject*>(op);
    if (lz->it) {
        Ref<> item = next_of(lz->it);
        if (item) {
            if (list_append(lz->saved, item.get()) < 0) return nullptr;
            return item;
        }
        if (error_occurred()) {
            if (!error_matches(Exc_StopIteration)) return nullptr;
            error_clear();
        }
        clear_ref(lz->it);
    }
    Py_ssize_t n = list_size(lz->saved);
    if (n == 0) return nullptr;
    Ref<> item = new_ref(list_item(lz->saved, lz->index));
    if (++lz->index >= n) lz->index = 0;
    return item;
}

// --- repeat: one object, cnt times (cnt == -1: forever) ---------------------------

struct RepeatObject : Object {
    Object* element;
    Py_ssize_t cnt;
};

Ref<> repeat_new(TypeObject* type, Object* args, Object* kwds)
{
    Object* a[2];
    if (!parse_args_tuple_kw("repeat", args, kwds, {"object", "times"}, 1, a)) return nullptr;
    Py_ssize_t cnt = -1;
    if (a[1]) {
        if (!as_ssize(a[1], &cnt)) return nullptr;
        if (cnt < 0) cnt = 0;  // a negative count repeats nothing
    }
    Ref<RepeatObject> ro = alloc_instance<RepeatObject>(type);
    if (!ro) return nullptr;
    ro->element = new_ref(a[0]).release();
    ro->cnt = cnt;
    return ro;
}

void repeat_dealloc(Object* op)
{
    clear_ref(static_cast<RepeatObject*>(op)->element);
    object_dealloc_memory(op);
}

int repeat_traverse(Object* op, visitproc visit, void* arg)
{
    return visit_all({static_cast<RepeatObject*>(op)->element}, visit, arg);
}

Ref<> repeat_next(Object* op)
{
    auto* ro = static_cast<RepeatObject*>(op);
    if (ro->cnt == 0) return nullptr;
    if (ro->cnt > 0) ro->cnt--;
    return new_ref(ro->element);
}

Ref<> repeat_repr(Object* op)
{
    auto* ro = static_cast<RepeatObject*>(op);
    const char* name = type_short_name(Py_TYPE(op));
    if (ro->cnt == -1) return unicode_from_format("%s(%R)", name, ro->element);
    return unicode_from_format("%s(%R, %zd)", name, ro->element, ro->cnt);
}

Ref<> repeat_len(Object* op, Object*)
{
    auto* ro = static_cast<RepeatObject*>(op);
    if (ro->cnt == -1) return format_error(Exc_TypeError, "len() of unsized object");
    return long_from_ssize_t(ro->cnt);
}

MethodDef repeat_methods[] = {
    method_noargs("__length_hint__", repeat_len, "Private method returning an estimate of len(list(it))."),
    {},
};

// --- accumulate: running totals (with an optional first value) -------------------

struct AccumulateObject : Object {
    Object* total;    // null before the first item
    Object* it;
    Object* binop;    // null: addition
    Object* initial;  // null once yielded (or not given)
};

Ref<> accumulate_new(TypeObject* type, Object* args, Object* kwds)
{
    Object* a[3];
    if (!parse_clinic_tuple_kw("accumulate", args, kwds, {"iterable", "func", "initial"}, 2, 1, a)) return nullptr;
    Ref<> it = object_get_iter(a[0]);
    if (!it) return nullptr;
    Ref<AccumulateObject> lz = alloc_instance<AccumulateObject>(type);
    if (!lz) return nullptr;
    lz->total = nullptr;
    lz->it = it.release();
    lz->binop = a[1] && a[1] != Py_None() ? new_ref(a[1]).release() : nullptr;
    lz->initial = a[2] && a[2] != Py_None() ? new_ref(a[2]).release() : nullptr;
    return lz;
}

void accumulate_dealloc(Object* op)
{
    auto* lz = static_cast<AccumulateObject*>(op);
    clear_ref(lz->total);
    clear_ref(lz->it);
    clear_ref(lz->binop);
    clear_ref(lz->initial);
    object_dealloc_memory(op);
}

int accumulate_traverse(Object* op, visitproc visit, void* arg)
{
    auto* lz = static_cast<AccumulateObject*>(op);
    return visit_all({lz->total, lz->it, lz->binop, lz->initial}, visit, arg);
}

Ref<> accumulate_next(Object* op)
{
    auto* lz = static_cast<AccumulateObject*>(op);
    if (lz->initial) {
        lz->total = lz->initial;  // the reference moves
        lz->initial = nullptr;
        return new_ref(lz->total);
    }
    Ref<> val = next_of(lz->it);
    if (!val) return nullptr;
    if (!lz->total) {
        lz->total = new_ref(val.get()).release();
        return val;
    }
    Ref<> newtotal = lz->binop ? call_function_objargs(lz->binop, {lz->total, val.get()})
                               : number_add(lz->total, val.get());
    if (!newtotal) return nullptr;
    set_ref(lz->total, new_ref(newtotal.get()).release());
    return newtotal;
}

// --- chain: each iterable in turn ----------------------------------------------------

struct ChainObject : Object {
    Object* source;  // iterator over the iterables; null when exhausted
    Object* active;  // iterator of the current iterable, or null
};


Ref<> chain_from_source(TypeObject* type, Ref<> source)
{
    Ref<ChainObject> lz = alloc_instance<ChainObject>(type);
    if (!lz) return nullptr;
    lz->source = source.release();
    lz->active = nullptr;
    return lz;
}

Ref<> chain_new(TypeObject* type, Object* args, Object* kwds)
{
    if (!check_no_kwargs("chain", kwds)) return nullptr;
    Ref<> source = object_get_iter(args);
    if (!source) return nullptr;
    return chain_from_source(type, std::move(source));
}

Ref<> chain_from_iterable(Object* cls, Object* arg)
{
    Ref<> source = object_get_iter(arg);
    if (!source) return nullptr;
    return chain_from_source(static_cast<TypeObject*>(cls), std::move(source));
}

void chain_dealloc(Object* op)
{
    auto* lz = static_cast<ChainObject*>(op);
    clear_ref(lz->source);
    clear_ref(lz->active);
    object_dealloc_memory(op);
}

int chain_traverse(Object* op, visitproc visit, void* arg)
{
    auto* lz = static_cast<ChainObject*>(op);
    return visit_all({lz->source, lz->active}, visit, arg);
}

Ref<> chain_next(Object* op)
{
    auto* lz = static_cast<ChainObject*>(op);
    while (lz->source) {
        if (!lz->active) {
            Ref<> iterable = next_of(lz->source);
            if (!iterable) {
                clear_ref(lz->source);
                return nullptr;  // no more input sources (or an error)
            }
            Ref<> active = object_get_iter(iterable.get());
            if (!active) return nullptr;
            lz->active = active.release();
        }
        Ref<> item = next_of(lz->active);
        if (item) return item;
        if (error_occurred()) {
            if (!error_matches(Exc_StopIteration)) return nullptr;
            error_clear();
        }
        clear_ref(lz->active);  // on to the next iterable
    }
    return nullptr;
}

Ref<> chain_class_getitem(Object* cls, Object* item) { return generic_alias_class_getitem(cls, item); }

MethodDef chain_methods[] = {
    method_o("from_iterable", chain_from_iterable,
             "Alternative chain() constructor taking a single iterable argument that evaluates lazily.",
             METH_CLASS),
    method_o("__class_getitem__", chain_class_getitem, "See PEP 585", METH_CLASS),
    {},
};

// --- compress: data items whose selector is true ---------------------------------

struct CompressObject : Object {
    Object* data;
    Object* selectors;
};

Ref<> compress_new(TypeObject* type, Object* args, Object* kwds)
{
    Object* a[2];
    if (!parse_args_tuple_kw("compress", args, kwds, {"data", "selectors"}, 2, a)) return nullptr;
    Ref<> data = object_get_iter(a[0]);
    if (!data) return nullptr;
    Ref<> selectors = object_get_iter(a[1]);
    if (!selectors) return nullptr;
    Ref<CompressObject> lz = alloc_instance<CompressObject>(type);
    if (!lz) return nullptr;
    lz->data = data.release();
    lz->selectors = selectors.release();
    return lz;
}

void compress_dealloc(Object* op)
{
    auto* lz = static_cast<CompressObject*>(op);
    clear_ref(lz->data);
    clear_ref(lz->selectors);
    object_dealloc_memory(op);
}

int compress_traverse(Object* op, visitproc visit, void* arg)
{
    auto* lz = static_cast<CompressObject*>(op);
    return visit_all({lz->data, lz->selectors}, visit, arg);
}

Ref<> compress_next(Object* op)
{
    auto* lz = static_cast<CompressObject*>(op);
    for (;;) {
        // Draw the datum first, as CPython does: a selector iterator that
        // is longer than the data is never advanced past the end.
        Ref<> datum = next_of(lz->data);
        if (!datum) return nullptr;
        Ref<> selector = next_of(lz->selectors);
        if (!selector) return nullptr;
        int ok = object_is_true(selector.get());
        if (ok > 0) return datum;
        if (ok < 0) return nullptr;
    }
}

// --- dropwhile / takewhile / filterfalse: a predicate and an iterator ----------------

struct PredicateObject : Object {
    Object* func;
    Object* it;
    long state;  // dropwhile: done dropping; takewhile: stopped
};

Ref<> predicate_new(const char* name, TypeObject* type, Object* args, Object* kwds)
{
    if (!check_no_kwargs(name, kwds)) return nullptr;
    if (!check_positional(name, tuple_size(args), 2, 2)) return nullptr;
    Ref<> it = object_get_iter(tuple_item(args, 1));
    if (!it) return nullptr;
    Ref<PredicateObject> lz = alloc_instance<PredicateObject>(type);
    if (!lz) return nullptr;
    lz->func = new_ref(tuple_item(args, 0)).release();
    lz->it = it.release();
    lz->state = 0;
    return lz;
}

Ref<> dropwhile_new(TypeObject* type, Object* args, Object* kwds) { return predicate_new("dropwhile", type, args, kwds); }
Ref<> takewhile_new(TypeObject* type, Object* args, Object* kwds) { return predicate_new("takewhile", type, args, kwds); }
Ref<> filterfalse_new(TypeObject* type, Object* args, Object* kwds) { return predicate_new("filterfalse", type, args, kwds); }

void predicate_dealloc(Object* op)
{
    auto* lz = static_cast<PredicateObject*>(op);
    clear_ref(lz->func);
    clear_ref(lz->it);
    object_dealloc_memory(op);
}

int predicate_traverse(Object* op, visitproc visit, void* arg)
{
    auto* lz = static_cast<PredicateObject*>(op);
    return visit_all({lz->func, lz->it}, visit, arg);
}

// The predicate's truth for item: 1, 0 or -1.
int predicate_true(Object* func, Object* item)
{
    Ref<> good = call_one_arg(func, item);
    if (!good) return -1;
    return object_is_true(good.get());
}

Ref<> dropwhile_next(Object* op)
{
    auto* lz = static_cast<PredicateObject*>(op);
    for (;;) {
        Ref<> item = next_of(lz->it);
        if (!item) return nullptr;
        if (lz->state == 1) return item;
        int ok = predicate_true(lz->func, item.get());
        if (ok < 0) return nullptr;
        if (ok == 0) {
            lz->state = 1;
            return item;
        }
    }
}

Ref<> takewhile_next(Object* op)
{
    auto* lz = static_cast<PredicateObject*>(op);
    if (lz->state == 1) return nullptr;
    Ref<> item = next_of(lz->it);
    if (!item) return nullptr;
    int ok = predicate_true(lz->func, item.get());
    if (ok < 0) return nullptr;
    if (ok > 0) return item;
    lz->state = 1;
    return nullptr;
}

Ref<> filterfalse_next(Object* op)
{
    auto* lz = static_cast<PredicateObject*>(op);
    for (;;) {
        Ref<> item = next_of(lz->it);
        if (!item) return nullptr;
        int ok = (lz->func == Py_None() || lz->func == reinterpret_cast<Object*>(&Bool_Type))
                     ? object_is_true(item.get())
                     : predicate_true(lz->func, item.get());
        if (ok < 0) return nullptr;
        if (ok == 0) return item;
    }
}

// --- groupby: (key, group) pairs of consecutive items with equal keys ------------------

struct GroupbyObject : Object {
    Object* it;
    Object* keyfunc;    // null: the item is its own key
    Object* tgtkey;     // key of the group being handed out
    Object* currkey;    // key of currvalue
    Object* currvalue;  // the item read ahead, or null
    Object* currgrouper;  // borrowed: the only _grouper still allowed to advance
};

struct GrouperObject : Object {
    Object* parent;  // the groupby
    Object* tgtkey;
};

extern TypeObject Grouper_Type;

Ref<> groupby_new(TypeObject* type, Object* args, Object* kwds)
{
    Object* a[2];
    if (!parse_args_tuple_kw("groupby", args, kwds, {"iterable", "key"}, 1, a)) return nullptr;
    Ref<> it = object_get_iter(a[0]);
    if (!it) return nullptr;
    Ref<GroupbyObject> gbo = alloc_instance<GroupbyObject>(type);
    if (!gbo) return nullptr;
    gbo->it = it.release();
    gbo->keyfunc = a[1] && a[1] != Py_None() ? new_ref(a[1]).release() : nullptr;
    gbo->tgtkey = gbo->currkey = gbo->currvalue = gbo->currgrouper = nullptr;
    return gbo;
}

void groupby_dealloc(Object* op)
{
    auto* gbo = static_cast<GroupbyObject*>(op);
    clear_ref(gbo->it);
    clear_ref(gbo->keyfunc);
    clear_ref(gbo->tgtkey);
    clear_ref(gbo->currkey);
    clear_ref(gbo->currvalue);
    object_dealloc_memory(op);
}

int groupby_traverse(Object* op, visitproc visit, void* arg)
{
    auto* gbo = static_cast<GroupbyObject*>(op);
    return visit_all({gbo->it, gbo->keyfunc, gbo->tgtkey, gbo->currkey, gbo->currvalue}, visit, arg);
}

// Reads the next item and its key into currvalue/currkey: 0, or -1 at the
// end or on error.
int groupby_step(GroupbyObject* gbo)
{
    Ref<> newvalue = next_of(gbo->it);
    if (!newvalue) return -1;
    Ref<> newkey = gbo->keyfunc ? call_one_arg(gbo->keyfunc, newvalue.get()) : newvalue;
    if (!newkey) return -1;
    set_ref(gbo->currvalue, newvalue.release());
    set_ref(gbo->currkey, newkey.release());
    return 0;
}

Ref<> groupby_next(Object* op)
{
    auto* gbo = static_cast<GroupbyObject*>(op);
    gbo->currgrouper = nullptr;  // the previous group can no longer advance
    // Skip the rest of the current group.
    for (;;) {
        if (!gbo->currkey) {
            // nothing read yet
        }
        else if (!gbo->tgtkey) {
            break;
        }
        else {
            int rcmp = object_rich_compare_bool(gbo->tgtkey, gbo->currkey, Py_EQ);
            if (rcmp < 0) return nullptr;
            if (rcmp == 0) break;
        }
        if (groupby_step(gbo) < 0) return nullptr;
    }
    set_ref(gbo->tgtkey, new_ref(gbo->currkey).release());
    Ref<GrouperObject> grouper = alloc_instance<GrouperObject>(&Grouper_Type);
    if (!grouper) return nullptr;
    grouper->parent = new_ref(op).release();
    grouper->tgtkey = new_ref(gbo->tgtkey).release();
    gbo->currgrouper = grouper.get();
    return tuple_pack({gbo->currkey, grouper.get()});
}

void grouper_dealloc(Object* op)
{
    auto* igo = static_cast<GrouperObject*>(op);
    if (igo->parent && static_cast<GroupbyObject*>(igo->parent)->currgrouper == op)
        static_cast<GroupbyObject*>(igo->parent)->currgrouper = nullptr;
    clear_ref(igo->parent);
    clear_ref(igo->tgtkey);
    object_dealloc_memory(op);
}

int grouper_traverse(Object* op, visitproc visit, void* arg)
{
    auto* igo = static_cast<GrouperObject*>(op);
    return visit_all({igo->parent, igo->tgtkey}, visit, arg);
}

Ref<> grouper_next(Object* op)
{
    auto* igo = static_cast<GrouperObject*>(op);
    auto* gbo = static_cast<GroupbyObject*>(igo->parent);
    if (gbo->currgrouper != op) return nullptr;  // the groupby has moved on
    if (!gbo->currvalue && groupby_step(gbo) < 0) return nullptr;
    int rcmp = object_rich_compare_bool(igo->tgtkey, gbo->currkey, Py_EQ);
    if (rcmp <= 0) return nullptr;  // end of the group (or an error)
    Ref<> r = steal_ref(gbo->currvalue);
    gbo->currvalue = nullptr;
    clear_ref(gbo->currkey);
    return r;
}

// --- islice: items start, start+step, ... below stop -------------------------------

struct IsliceObject : Object {
    Object* it;  // null once exhausted
    Py_ssize_t next;
    Py_ssize_t stop;  // -1: no limit
    Py_ssize_t step;
    Py_ssize_t cnt;   // items read so far
};

// An islice index: None -> dflt; else a Py_ssize_t, -1 for anything invalid
// (the caller words the error).
Py_ssize_t islice_index(Object* o, Py_ssize_t dflt)
{
    if (o == Py_None()) return dflt;
    Py_ssize_t v = -1;
    Ref<> i = number_index(o);
    if (i) v = number_as_ssize_t(i.get(), Exc_OverflowError);
    if (v == -1 && error_occurred()) error_clear();
    return v;
}

Ref<> islice_new(TypeObject* type, Object* args, Object* kwds)
{
    if (!check_no_kwargs("islice", kwds)) return nullptr;
    Py_ssize_t n = tuple_size(args);
    if (!check_positional("islice", n, 2, 4)) return nullptr;
    Py_ssize_t start = 0, stop = -1, step = 1;
    if (n == 2) {
        Object* a1 = tuple_item(args, 1);
        if (a1 != Py_None()) {
            stop = islice_index(a1, -1);
            if (stop == -1)
                return format_error(Exc_ValueError,
                                    "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
        }
    }
    else {
        Object* a1 = tuple_item(args, 1);
        Object* a2 = tuple_item(args, 2);
        start = islice_index(a1, 0);
        if (a2 != Py_None()) {
            stop = islice_index(a2, -1);
            if (stop == -1)
                return format_error(Exc_ValueError,
                                    "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
        }
    }
    if (start < 0 || stop < -1)
        return format_error(Exc_ValueError,
                            "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
    if (n == 4) step = islice_index(tuple_item(args, 3), 1);
    if (step < 1) return format_error(Exc_ValueError, "Step for islice() must be a positive integer or None.");
    Ref<> it = object_get_iter(tuple_item(args, 0));
    if (!it) return nullptr;
    Ref<IsliceObject> lz = alloc_instance<IsliceObject>(type);
    if (!lz) return nullptr;
    lz->it = it.release();
    lz->next = start;
    lz->stop = stop;
    lz->step = step;
    lz->cnt = 0;
    return lz;
}

void islice_dealloc(Object* op)
{
    clear_ref(static_cast<IsliceObject*>(op)->it);
    object_dealloc_memory(op);
}

int islice_traverse(Object* op, visitproc visit, void* arg)
{
    return visit_all({static_cast<IsliceObject*>(op)->it}, visit, arg);
}

Ref<> islice_next(Object* op)
{
    auto* lz = static_cast<IsliceObject*>(op);
    if (!lz->it) return nullptr;
    Py_ssize_t stop = lz->stop;
    Ref<> item;
    while (lz->cnt < lz->next) {
        item = next_of(lz->it);
        if (!item) goto empty;
        lz->cnt++;
    }
    if (stop != -1 && lz->cnt >= stop) goto empty;
    item = next_of(lz->it);
    if (!item) goto empty;
    lz->cnt++;
    {
        Py_ssize_t oldnext = lz->next;
        // Saturate instead of overflowing: the slice then ends at stop.
        if (__builtin_add_overflow(lz->next, lz->step, &lz->next) || lz->next < oldnext ||
            (stop != -1 && lz->next > stop))
            lz->next = stop;
    }
    return item;
empty:
    clear_ref(lz->it);
    return nullptr;
}

// --- pairwise: (a, b), (b, c), ... ----------------------------------------------------

struct PairwiseObject : Object {
    Object* it;   // null once exhausted
    Object* old;  // the previous item, or null
};

Ref<> pairwise_new(TypeObject* type, Object* args, Object* kwds)
{
    if (!check_no_kwargs("pairwise", kwds)) return nullptr;
    if (!check_positional("pairwise", tuple_size(args), 1, 1)) return nullptr;
    Ref<> it = object_get_iter(tuple_item(args, 0));
    if (!it) return nullptr;
    Ref<PairwiseObject> po = alloc_instance<PairwiseObject>(type);
    if (!po) return nullptr;
    po->it = it.release();
    po->old = nullptr;
    return po;
}

void pairwise_dealloc(Object* op)
{
    auto* po = static_cast<PairwiseObject*>(op);
    clear_ref(po->it);
    clear_ref(po->old);
    object_dealloc_memory(op);
}

int pairwise_traverse(Object* op, visitproc visit, void* arg)
{
    auto* po = static_cast<PairwiseObject*>(op);
    return visit_all({po->it, po->old}, visit, arg);
}

Ref<> pairwise_next(Object* op)
{
    auto* po = static_cast<PairwiseObject*>(op);
    if (!po->it) return nullptr;
    if (!po->old) {
        Ref<> first = next_of(po->it);
        if (!first) {
            clear_ref(po->it);
            return nullptr;
        }
        po->old = first.release();
    }
    Ref<> newitem = next_of(po->it);
    if (!newitem) {
        clear_ref(po->it);
        clear_ref(po->old);
        return nullptr;
    }
    Ref<> result = tuple_pack({po->old, newitem.get()});
    set_ref(po->old, newitem.release());
    return result;
}

// --- starmap: func(*args) for each args --------------------------------------------

struct StarmapObject : Object {
    Object* func;
    Object* it;
};

Ref<> starmap_new(TypeObject* type, Object* args, Object* kwds)
{
    if (!check_no_kwargs("starmap", kwds)) return nullptr;
    if (!check_positional("starmap", tuple_size(args), 2, 2)) return nullptr;
    Ref<> it = object_get_iter(tuple_item(args, 1));
    if (!it) return nullptr;
    Ref<StarmapObject> lz = alloc_instance<StarmapObject>(type);
    if (!lz) return nullptr;
    lz->func = new_ref(tuple_item(args, 0)).release();
    lz->it = it.release();
    return lz;
}

void starmap_dealloc(Object* op)
{
    auto* lz = static_cast<StarmapObject*>(op);
    clear_ref(lz->func);
    clear_ref(lz->it);
    object_dealloc_memory(op);
}

int starmap_traverse(Object* op, visitproc visit, void* arg)
{
    auto* lz = static_cast<StarmapObject*>(op);
    return visit_all({lz->func, lz->it}, visit, arg);
}

Ref<> starmap_next(Object* op)
{
    auto* lz = static_cast<StarmapObject*>(op);
    Ref<> args = next_of(lz->it);
    if (!args) return nullptr;
    if (!tuple_check_exact(args.get())) {
        args = sequence_tuple(args.get());
        if (!args) return nullptr;
    }
    return object_call(lz->func, args.get(), nullptr);
}

// --- tee: n iterators sharing one buffer ------------------------------------------------
//
// The items read from the source are kept in a linked list of blocks of
// LINKCELLS items (teedataobject); each _tee holds a block and an index into
// it, so a block is freed once every tee has moved past it.

constexpr int LINKCELLS = 57;

struct TeeDataObject : Object {
    Object* it;
    int numread;  // items stored in values
    bool running;
    Object* nextlink;  // the next block, or null
    Object* values[LINKCELLS];
};

struct TeeObject : Object {
    Object* dataobj;  // a TeeDataObject
    int index;        // next item of dataobj to hand out
    Object* weakreflist;  // a _tee can be weakly referenced, as in CPython
};

extern TypeObject TeeData_Type;
extern TypeObject Tee_Type;

Ref<> teedata_new(Object* it)
{
    Ref<TeeDataObject> tdo = alloc_instance<TeeDataObject>(&TeeData_Type);
    if (!tdo) return nullptr;
    tdo->it = new_ref(it).release();
    tdo->numread = 0;
    tdo->running = false;
    tdo->nextlink = nullptr;
    return tdo;
}

// The next block, created on first use.
Object* teedata_jumplink(TeeDataObject* tdo)
{
    if (!tdo->nextlink) {
        Ref<> link = teedata_new(tdo->it);
        if (!link) return nullptr;
        tdo->nextlink = link.release();
    }
    return tdo->nextlink;
}

Ref<> teedata_getitem(TeeDataObject* tdo, int i)
{
    if (i < tdo->numread) return new_ref(tdo->values[i]);
    // Reading the source may call back into this tee (a generator that
    // iterates its own tee): refuse instead of corrupting the buffer.
    if (tdo->running) return format_error(Exc_RuntimeError, "cannot re-enter the tee iterator");
    tdo->running = true;
    Ref<> value = next_of(tdo->it);
    tdo->running = false;
    if (!value) return nullptr;
    tdo->values[tdo->numread++] = new_ref(value.get()).release();
    return value;
}

void teedata_clear_values(TeeDataObject* tdo)
{
    for (int i = 0; i < tdo->numread; i++) clear_ref(tdo->values[i]);
    tdo->numread = 0;
    clear_ref(tdo->it);
}

void teedata_dealloc(Object* op)
{
    auto* tdo = static_cast<TeeDataObject*>(op);
    teedata_clear_values(tdo);
    // Unlink the chain iteratively: a long chain would otherwise recurse
    // once per block.
    Object* next = tdo->nextlink;
    tdo->nextlink = nullptr;
    while (next && Py_REFCNT(next) == 1) {
        auto* n = static_cast<TeeDataObject*>(next);
        Object* after = n->nextlink;
        n->nextlink = nullptr;
        decref(next);
        next = after;
    }
    xdecref(next);
    object_dealloc_memory(op);
}

int teedata_traverse(Object* op, visitproc visit, void* arg)
{
    auto* tdo = static_cast<TeeDataObject*>(op);
    if (int r = visit_all({tdo->it, tdo->nextlink}, visit, arg)) return r;
    for (int i = 0; i < tdo->numread; i++)
        if (int r = visit(tdo->values[i], arg)) return r;
    return 0;
}

Ref<> tee_next(Object* op)
{
    auto* to = static_cast<TeeObject*>(op);
    if (to->index >= LINKCELLS) {
        Object* link = teedata_jumplink(static_cast<TeeDataObject*>(to->dataobj));
        if (!link) return nullptr;
        set_ref(to->dataobj, new_ref(link).release());
        to->index = 0;
    }
    Ref<> value = teedata_getitem(static_cast<TeeDataObject*>(to->dataobj), to->index);
    if (!value) return nullptr;
    to->index++;
    return value;
}

Ref<> tee_copy(Object* op, Object* = nullptr)
{
    auto* to = static_cast<TeeObject*>(op);
    Ref<TeeObject> newto = alloc_instance<TeeObject>(&Tee_Type);
    if (!newto) return nullptr;
    newto->dataobj = new_ref(to->dataobj).release();
    newto->index = to->index;
    newto->weakreflist = nullptr;
    return newto;
}

Ref<> tee_fromiterable(Object* iterable)
{
    Ref<> it = object_get_iter(iterable);
    if (!it) return nullptr;
    if (is_type(it.get(), &Tee_Type)) return tee_copy(it.get());
    Ref<> data = teedata_new(it.get());
    if (!data) return nullptr;
    Ref<TeeObject> to = alloc_instance<TeeObject>(&Tee_Type);
    if (!to) return nullptr;
    to->dataobj = data.release();
    to->index = 0;
    to->weakreflist = nullptr;
    return to;
}

Ref<> tee_new(TypeObject*, Object* args, Object* kwds)
{
    if (!check_no_kwargs("_tee", kwds)) return nullptr;
    if (!check_positional("_tee", tuple_size(args), 1, 1)) return nullptr;
    return tee_fromiterable(tuple_item(args, 0));
}

void tee_dealloc(Object* op)
{
    if (static_cast<TeeObject*>(op)->weakreflist) object_clear_weakrefs(op);
    clear_ref(static_cast<TeeObject*>(op)->dataobj);
    object_dealloc_memory(op);
}

int tee_traverse(Object* op, visitproc visit, void* arg)
{
    return visit_all({static_cast<TeeObject*>(op)->dataobj}, visit, arg);
}

MethodDef tee_methods[] = {
    method_noargs("__copy__", tee_copy, "Returns an independent iterator."),
    {},
};

// tee(iterable, n=2, /): n independent iterators; an iterator with a
// __copy__ method (a _tee) is copied instead of wrapped.
Ref<> itertools_tee(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("tee", nargs, 1, 2)) return nullptr;
    Py_ssize_t n = 2;
    if (nargs == 2 && !as_ssize(args[1], &n)) return nullptr;
    if (n < 0) return format_error(Exc_ValueError, "n must be >= 0");
    Ref<> result = tuple_new(n);
    if (!result || n == 0) return result;
    Ref<> it = object_get_iter(args[0]);
    if (!it) return nullptr;
    Ref<> copyfunc;
    Ref<> name = unicode_intern_from_string("__copy__");
    if (!name) return nullptr;
    if (object_lookup_attr(it.get(), name.get(), &copyfunc) < 0) return nullptr;
    Ref<> copyable;
    if (copyfunc) {
        copyable = it;
    }
    else {
        copyable = tee_fromiterable(it.get());
        if (!copyable) return nullptr;
        copyfunc = object_get_attr(copyable.get(), name.get());
        if (!copyfunc) return nullptr;
    }
    tuple_set_item(result.get(), 0, copyable.release());
    for (Py_ssize_t i = 1; i < n; i++) {
        Ref<> copy = call_no_args(copyfunc.get());
        if (!copy) return nullptr;
        tuple_set_item(result.get(), i, copy.release());
    }
    return result;
}

// --- zip_longest: tuples until the longest input ends -----------------------------------

struct ZipLongestObject : Object {
    Object* ittuple;  // list of the iterators; an exhausted one is replaced by None
    Py_ssize_t tuplesize;
    Py_ssize_t numactive;
    Object* fillvalue;
};

Ref<> zip_longest_new(TypeObject* type, Object* args, Object* kwds)
{
    Object* fillvalue = Py_None();
    if (kwds && dict_size(kwds) > 0) {
        fillvalue = dict_get_item_string(kwds, "fillvalue");
        if (!fillvalue || dict_size(kwds) > 1)
            return format_error(Exc_TypeError, "zip_longest() got an unexpected keyword argument");
    }
    Py_ssize_t n = tuple_size(args);
    Ref<> ittuple = list_new(n);
    if (!ittuple) return nullptr;
    for (Py_ssize_t i = 0; i < n; i++) list_set_item(ittuple.get(), i, new_ref(Py_None()).release());
    for (Py_ssize_t i = 0; i < n; i++) {
        Ref<> it = object_get_iter(tuple_item(args, i));
        if (!it) return nullptr;
        Object* old = list_item(ittuple.get(), i);
        list_set_item(ittuple.get(), i, it.release());
        decref(old);
    }
    Ref<ZipLongestObject> lz = alloc_instance<ZipLongestObject>(type);
    if (!lz) return nullptr;
    lz->ittuple = ittuple.release();
    lz->tuplesize = n;
    lz->numactive = n;
    lz->fillvalue = new_ref(fillvalue).release();
    return lz;
}

void zip_longest_dealloc(Object* op)
{
    auto* lz = static_cast<ZipLongestObject*>(op);
    clear_ref(lz->ittuple);
    clear_ref(lz->fillvalue);
    object_dealloc_memory(op);
}

int zip_longest_traverse(Object* op, visitproc visit, void* arg)
{
    auto* lz = static_cast<ZipLongestObject*>(op);
    return visit_all({lz->ittuple, lz->fillvalue}, visit, arg);
}

Ref<> zip_longest_next(Object* op)
{
    auto* lz = static_cast<ZipLongestObject*>(op);
    if (lz->tuplesize == 0 || lz->numactive == 0) return nullptr;
    Ref<> result = tuple_new(lz->tuplesize);
    if (!result) return nullptr;
    for (Py_ssize_t i = 0; i < lz->tuplesize; i++) {
        Object* it = list_item(lz->ittuple, i);
        Ref<> item;
        if (it == Py_None()) {
            item = new_ref(lz->fillvalue);
        }
        else {
            item = next_of(it);
            if (!item) {
                lz->numactive -= 1;
                if (lz->numactive == 0 || error_occurred()) {
                    lz->numactive = 0;
                    // Fill the tuple before dropping it (its slots must be set).
                    for (Py_ssize_t j = i; j < lz->tuplesize; j++)
                        tuple_set_item(result.get(), j, new_ref(Py_None()).release());
                    return nullptr;
                }
                item = new_ref(lz->fillvalue);
                list_set_item(lz->ittuple, i, new_ref(Py_None()).release());
                decref(it);
            }
        }
        tuple_set_item(result.get(), i, item.release());
    }
    return result;
}

// --- combinatoric iterators: pools, indices and a "stopped" flag ---------------------------
//
// indices (and cycles for permutations) live in std::vectors built in
// place in the object (placement new in tp_new, destroyed in tp_dealloc).

struct ProductObject : Object {
    Object* pools;  // tuple of tuples
    std::vector<Py_ssize_t> indices;
    Object* result;  // the last tuple yielded, or null before the first
    bool stopped;
};

Ref<> product_new(TypeObject* type, Object* args, Object* kwds)
{
    Py_ssize_t repeat = 1;
    if (kwds && dict_size(kwds) > 0) {
        Py_ssize_t pos = 0;
        Object *k, *v;
        while (dict_next(kwds, &pos, &k, &v)) {
            if (!unicode_equal_to_ascii(k, "repeat"))
                return format_error(Exc_TypeError, "'%U' is an invalid keyword argument for product()", k);
            if (!as_ssize(v, &repeat)) return nullptr;
        }
        if (repeat < 0) return format_error(Exc_ValueError, "repeat argument cannot be negative");
    }
    // repeat=0: one empty tuple, and the iterables are not even looked at.
    Py_ssize_t nargs = repeat == 0 ? 0 : tuple_size(args);
    Py_ssize_t npools = 0;
    if (__builtin_mul_overflow(nargs, repeat, &npools))
        return format_error(Exc_OverflowError, "repeat argument too large");
    Ref<> pools = tuple_new(npools);
    if (!pools) return nullptr;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        Ref<> pool = sequence_tuple(tuple_item(args, i));
        if (!pool) {
            for (Py_ssize_t j = i; j < npools; j++) tuple_set_item(pools.get(), j, new_ref(Py_None()).release());
            return nullptr;
        }
        tuple_set_item(pools.get(), i, pool.release());
    }
    for (Py_ssize_t i = nargs; i < npools; i++)
        tuple_set_item(pools.get(), i, new_ref(tuple_item(pools.get(), i - nargs)).release());
    Ref<ProductObject> lz = alloc_instance<ProductObject>(type);
    if (!lz) return nullptr;
    new (&lz->indices) std::vector<Py_ssize_t>(static_cast<std::size_t>(npools), 0);
    lz->pools = pools.release();
    lz->result = nullptr;
    lz->stopped = false;
    return lz;
}

void product_dealloc(Object* op)
{
    auto* lz = static_cast<ProductObject*>(op);
    clear_ref(lz->pools);
    clear_ref(lz->result);
    lz->indices.~vector();
    object_dealloc_memory(op);
}

int product_traverse(Object* op, visitproc visit, void* arg)
{
    auto* lz = static_cast<ProductObject*>(op);
    return visit_all({lz->pools, lz->result}, visit, arg);
}

// A tuple of pool[indices[i]] for each pool (pool_of(i) gives the pool).
template <class PoolOf>
Ref<> gather(Py_ssize_t n, const std::vector<Py_ssize_t>& indices, PoolOf pool_of)
{
    Ref<> t = tuple_new(n);
    if (!t) return nullptr;
    for (Py_ssize_t i = 0; i < n; i++)
        tuple_set_item(t.get(), i, new_ref(tuple_item(pool_of(i), indices[static_cast<std::size_t>(i)])).release());
    return t;
}

Ref<> product_next(Object* op)
{
    auto* lz = static_cast<ProductObject*>(op);
    if (lz->stopped) return nullptr;
    Py_ssize_t npools = tuple_size(lz->pools);
    auto pool_of = [lz](Py_ssize_t i) { return tuple_item(lz->pools, i); };
    if (!lz->result) {
        // The first tuple; an empty pool means no tuples at all.
        for (Py_ssize_t i = 0; i < npools; i++)
            if (tuple_size(pool_of(i)) == 0) {
                lz->stopped = true;
                return nullptr;
            }
    }
    else {
        // Odometer: bump the rightmost index that can move, reset those after it.
        Py_ssize_t i = npools - 1;
        for (; i >= 0; i--) {
            auto& idx = lz->indices[static_cast<std::size_t>(i)];
            if (++idx < tuple_size(pool_of(i))) break;
            idx = 0;
        }
        if (i < 0) {
            lz->stopped = true;
            return nullptr;
        }
    }
    Ref<> t = gather(npools, lz->indices, pool_of);
    if (!t) return nullptr;
    set_ref(lz->result, new_ref(t.get()).release());
    return t;
}

// combinations, combinations_with_replacement, permutations share a layout.
struct CombObject : Object {
    Object* pool;  // tuple
    std::vector<Py_ssize_t> indices;
    std::vector<Py_ssize_t> cycles;  // permutations only
    Object* result;
    Py_ssize_t r;
    bool stopped;
};

Ref<> comb_alloc(TypeObject* type, Ref<> pool, Py_ssize_t r, bool stopped)
{
    Ref<CombObject> co = alloc_instance<CombObject>(type);
    if (!co) return nullptr;
    new (&co->indices) std::vector<Py_ssize_t>();
    new (&co->cycles) std::vector<Py_ssize_t>();
    co->pool = pool.release();
    co->result = nullptr;
    co->r = r;
    co->stopped = stopped;
    return co;
}

void comb_dealloc(Object* op)
{
    auto* co = static_cast<CombObject*>(op);
    clear_ref(co->pool);
    clear_ref(co->result);
    co->indices.~vector();
    co->cycles.~vector();
    object_dealloc_memory(op);
}

int comb_traverse(Object* op, visitproc visit, void* arg)
{
    auto* co = static_cast<CombObject*>(op);
    return visit_all({co->pool, co->result}, visit, arg);
}

// combinations(iterable, r) and combinations_with_replacement(iterable, r).
Ref<> combinations_common(const char* name, TypeObject* type, Object* args, Object* kwds, bool replace)
{
    Object* a[2];
    if (!parse_args_tuple_kw(name, args, kwds, {"iterable", "r"}, 2, a)) return nullptr;
    Ref<> pool = sequence_tuple(a[0]);
    if (!pool) return nullptr;
    Py_ssize_t r;
    if (!as_ssize(a[1], &r)) return nullptr;
    if (r < 0) return format_error(Exc_ValueError, "r must be non-negative");
    Py_ssize_t n = tuple_size(pool.get());
    Ref<> co = comb_alloc(type, std::move(pool), r, replace ? (n == 0 && r > 0) : r > n);
    if (!co) return nullptr;
    auto* c = static_cast<CombObject*>(co.get());
    c->indices.assign(static_cast<std::size_t>(r), 0);
    if (!replace)
        for (Py_ssize_t i = 0; i < r; i++) c->indices[static_cast<std::size_t>(i)] = i;
    return co;
}

Ref<> combinations_new(TypeObject* type, Object* args, Object* kwds)
{
    return combinations_common("combinations", type, args, kwds, false);
}
Ref<> cwr_new(TypeObject* type, Object* args, Object* kwds)
{
    return combinations_common("combinations_with_replacement", type, args, kwds, true);
}

Ref<> comb_yield(CombObject* co)
{
    Ref<> t = gather(co->r, co->indices, [co](Py_ssize_t) { return co->pool; });
    if (!t) return nullptr;
    set_ref(co->result, new_ref(t.get()).release());
    return t;
}

Ref<> combinations_next(Object* op)
{
    auto* co = static_cast<CombObject*>(op);
    if (co->stopped) return nullptr;
    if (co->result) {
        Py_ssize_t n = tuple_size(co->pool), r = co->r;
        auto& idx = co->indices;
        // The rightmost index not at its maximum (n - r + i).
        Py_ssize_t i = r - 1;
        while (i >= 0 && idx[static_cast<std::size_t>(i)] == i + n - r) i--;
        if (i < 0) {
            co->stopped = true;
            return nullptr;
        }
        idx[static_cast<std::size_t>(i)]++;
        for (Py_ssize_t j = i + 1; j < r; j++)
            idx[static_cast<std::size_t>(j)] = idx[static_cast<std::size_t>(j - 1)] + 1;
    }
    return comb_yield(co);
}

Ref<> cwr_next(Object* op)
{
    auto* co = static_cast<CombObject*>(op);
    if (co->stopped) return nullptr;
    if (co->result) {
        Py_ssize_t n = tuple_size(co->pool), r = co->r;
        auto& idx = co->indices;
        Py_ssize_t i = r - 1;
        while (i >= 0 && idx[static_cast<std::size_t>(i)] == n - 1) i--;
        if (i < 0) {
            co->stopped = true;
            return nullptr;
        }
        Py_ssize_t v = idx[static_cast<std::size_t>(i)] + 1;
        for (Py_ssize_t j = i; j < r; j++) idx[static_cast<std::size_t>(j)] = v;
    }
    return comb_yield(co);
}

Ref<> permutations_new(TypeObject* type, Object* args, Object* kwds)
{
    Object* a[2];
    if (!parse_args_tuple_kw("permutations", args, kwds, {"iterable", "r"}, 1, a)) return nullptr;
    Ref<> pool = sequence_tuple(a[0]);
    if (!pool) return nullptr;
    Py_ssize_t n = tuple_size(pool.get());
    Py_ssize_t r = n;
    if (a[1] && a[1] != Py_None()) {
        if (!long_check(a[1])) return format_error(Exc_TypeError, "Expected int as r");
        r = long_as_ssize_t(a[1]);
        if (r == -1 && error_occurred()) return nullptr;
    }
    if (r < 0) return format_error(Exc_ValueError, "r must be non-negative");
    Ref<> po = comb_alloc(type, std::move(pool), r, r > n);
    if (!po) return nullptr;
    auto* c = static_cast<CombObject*>(po.get());
    c->indices.resize(static_cast<std::size_t>(n));
    for (Py_ssize_t i = 0; i < n; i++) c->indices[static_cast<std::size_t>(i)] = i;
    c->cycles.resize(static_cast<std::size_t>(r < n ? r : n));
    for (Py_ssize_t i = 0; i < r && i < n; i++) c->cycles[static_cast<std::size_t>(i)] = n - i;
    return po;
}

// The cycles algorithm of the itertools documentation's pure-Python
// permutations(): cycles[i] counts the rotations left at position i.
Ref<> permutations_next(Object* op)
{
    auto* po = static_cast<CombObject*>(op);
    if (po->stopped) return nullptr;
    Py_ssize_t n = tuple_size(po->pool), r = po->r;
    auto& idx = po->indices;
    auto& cyc = po->cycles;
    if (po->result) {
        if (n == 0) {
            po->stopped = true;
            return nullptr;
        }
        Py_ssize_t i = r - 1;
        for (; i >= 0; i--) {
            auto ui = static_cast<std::size_t>(i);
            cyc[ui] -= 1;
            if (cyc[ui] == 0) {
                // Rotate indices[i:] left by one.
                Py_ssize_t index = idx[ui];
                for (Py_ssize_t j = i; j < n - 1; j++) idx[static_cast<std::size_t>(j)] = idx[static_cast<std::size_t>(j + 1)];
                idx[static_cast<std::size_t>(n - 1)] = index;
                cyc[ui] = n - i;
            }
            else {
                Py_ssize_t j = cyc[ui];
                std::swap(idx[ui], idx[static_cast<std::size_t>(n - j)]);
                break;
            }
        }
        if (i < 0) {
            po->stopped = true;
            return nullptr;
        }
    }
    return comb_yield(po);
}

// --- The types -------------------------------------------------------------------------

TypeObject make_count_type()
{
    TypeObject t = make_type("itertools.count", sizeof(CountObject), count_dealloc, count_traverse, count_next,
                             count_new,
                             "Return a count object whose .__next__() method returns consecutive values.");
    t.tp_repr = count_repr;
    return t;
}

TypeObject Count_Type = make_count_type();
TypeObject Cycle_Type = make_type("itertools.cycle", sizeof(CycleObject), cycle_dealloc, cycle_traverse,
                                  cycle_next, cycle_new,
                                  "Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely.");
TypeObject Repeat_Type = [] {
    TypeObject t = make_type("itertools.repeat", sizeof(RepeatObject), repeat_dealloc, repeat_traverse,
                             repeat_next, repeat_new,
                             "repeat(object [,times]) -> create an iterator which returns the object\n"
                             "for the specified number of times.  If not specified, returns the object\nendlessly.");
    t.tp_repr = repeat_repr;
    t.tp_methods = repeat_methods;
    return t;
}();
TypeObject Accumulate_Type = make_type("itertools.accumulate", sizeof(AccumulateObject), accumulate_dealloc,
                                       accumulate_traverse, accumulate_next, accumulate_new,
                                       "Return series of accumulated sums (or other binary function results).");
TypeObject Chain_Type = [] {
    TypeObject t = make_type("itertools.chain", sizeof(ChainObject), chain_dealloc, chain_traverse, chain_next,
                             chain_new,
                             "chain(*iterables) --> chain object\n\nReturn a chain object whose .__next__() method "
                             "returns elements from the\nfirst iterable until it is exhausted, then elements from the "
                             "next\niterable, until all of the iterables are exhausted.");
    t.tp_methods = chain_methods;
    return t;
}();
TypeObject Compress_Type = make_type("itertools.compress", sizeof(CompressObject), compress_dealloc,
                                     compress_traverse, compress_next, compress_new,
                                     "Return data elements corresponding to true selector elements.");
TypeObject Dropwhile_Type = make_type("itertools.dropwhile", sizeof(PredicateObject), predicate_dealloc,
                                      predicate_traverse, dropwhile_next, dropwhile_new,
                                      "Drop items from the iterable while predicate(item) is true.");
TypeObject Takewhile_Type = make_type("itertools.takewhile", sizeof(PredicateObject), predicate_dealloc,
                                      predicate_traverse, takewhile_next, takewhile_new,
                                      "Return successive entries from an iterable as long as the predicate evaluates to true for each entry.");
TypeObject Filterfalse_Type = make_type("itertools.filterfalse", sizeof(PredicateObject), predicate_dealloc,
                                        predicate_traverse, filterfalse_next, filterfalse_new,
                                        "Return those items of iterable for which function(item) is false.");
TypeObject Groupby_Type = make_type("itertools.groupby", sizeof(GroupbyObject), groupby_dealloc, groupby_traverse,
                                    groupby_next, groupby_new,
                                    "make an iterator that returns consecutive keys and groups from the iterable");
TypeObject Grouper_Type = make_type("itertools._grouper", sizeof(GrouperObject), grouper_dealloc,
                                    grouper_traverse, grouper_next, nullptr, nullptr);
TypeObject Islice_Type = make_type("itertools.islice", sizeof(IsliceObject), islice_dealloc, islice_traverse,
                                   islice_next, islice_new,
                                   "islice(iterable, stop) --> islice object\n"
                                   "islice(iterable, start, stop[, step]) --> islice object");
TypeObject Pairwise_Type = make_type("itertools.pairwise", sizeof(PairwiseObject), pairwise_dealloc,
                                     pairwise_traverse, pairwise_next, pairwise_new,
                                     "Return an iterator of overlapping pairs taken from the input iterator.");
TypeObject Starmap_Type = make_type("itertools.starmap", sizeof(StarmapObject), starmap_dealloc, starmap_traverse,
                                    starmap_next, starmap_new,
                                    "Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence.");
TypeObject TeeData_Type = [] {
    TypeObject t = make_type("itertools._tee_dataobject", sizeof(TeeDataObject), teedata_dealloc, teedata_traverse,
                             nullptr, nullptr, "teedataobject(iterable, values, next, /)\n--\n\nData container common to multiple tee objects.");
    t.tp_iter = nullptr;
    return t;
}();
TypeObject Tee_Type = [] {
    TypeObject t = make_type("itertools._tee", sizeof(TeeObject), tee_dealloc, tee_traverse, tee_next, tee_new,
                             "Iterator wrapped to make it copyable.");
    t.tp_methods = tee_methods;
    t.tp_weaklistoffset = offsetof(TeeObject, weakreflist);
    t.tp_flags &= ~Py_TPFLAGS_BASETYPE;
    return t;
}();
TypeObject ZipLongest_Type = make_type("itertools.zip_longest", sizeof(ZipLongestObject), zip_longest_dealloc,
                                       zip_longest_traverse, zip_longest_next, zip_longest_new,
                                       "zip_longest(iter1 [,iter2 [...]], [fillvalue=None]) --> zip_longest object");
TypeObject Product_Type = make_type("itertools.product", sizeof(ProductObject), product_dealloc, product_traverse,
                                    product_next, product_new,
                                    "product(*iterables, repeat=1) --> product object\n\n"
                                    "Cartesian product of input iterables.  Equivalent to nested for-loops.");
TypeObject Permutations_Type = make_type("itertools.permutations", sizeof(CombObject), comb_dealloc,
                                         comb_traverse, permutations_next, permutations_new,
                                         "Return successive r-length permutations of elements in the iterable.");
TypeObject Combinations_Type = make_type("itertools.combinations", sizeof(CombObject), comb_dealloc,
                                         comb_traverse, combinations_next, combinations_new,
                                         "Return successive r-length combinations of elements in the iterable.");
TypeObject CWR_Type = make_type("itertools.combinations_with_replacement", sizeof(CombObject), comb_dealloc,
                                comb_traverse, cwr_next, cwr_new,
                                "Return successive r-length combinations of elements in the iterable allowing "
                                "individual elements to have successive repeats.");

MethodDef itertools_methods[] = {
    method_fast("tee", itertools_tee, "tee($module, iterable, n=2, /)\n--\n\nReturns a tuple of n independent iterators."),
    {},
};

}  // namespace

Ref<> itertools_module_create()
{
    TypeObject* types[] = {&Accumulate_Type, &Chain_Type, &Combinations_Type, &CWR_Type, &Compress_Type,
                           &Count_Type, &Cycle_Type, &Dropwhile_Type, &Filterfalse_Type, &Groupby_Type,
                           &Islice_Type, &Pairwise_Type, &Permutations_Type, &Product_Type, &Repeat_Type,
                           &Starmap_Type, &Takewhile_Type, &ZipLongest_Type, &Grouper_Type, &Tee_Type,
                           &TeeData_Type};
    for (TypeObject* t : types)
        if (!(t->tp_flags & Py_TPFLAGS_READY) && type_ready(t) < 0) return nullptr;
    Ref<> mod = module_new("itertools");
    if (!mod || module_add_functions(mod.get(), itertools_methods) < 0) return nullptr;
    for (TypeObject* t : types)
        if (module_add_object(mod.get(), type_short_name(t), t) < 0) return nullptr;
    Ref<> doc = unicode_from_string(
        "Functional tools for creating and using iterators.\n\nInfinite iterators:\n"
        "count(start=0, step=1) --> start, start+step, start+2*step, ...\n"
        "cycle(p) --> p0, p1, ... plast, p0, p1, ...\n"
        "repeat(elem [,n]) --> elem, elem, elem, ... endlessly or up to n times\n");
    if (!doc || module_add_object(mod.get(), "__doc__", doc.get()) < 0) return nullptr;
    return mod;
}

}  // namespace minipy::modules
