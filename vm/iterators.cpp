// iterators.cpp: enumerate, reversed, map, filter, zip and the callable
// iterator. Mirrors CPython 3.11 Objects/enumobject.c, the map/filter/zip
// types of Python/bltinmodule.c and calliterobject of Objects/iterobject.c.
// Book chapter 8.
//
// Each is a small object holding the iterators it draws from; tp_iternext
// returns the next item, or null without an error at the end (a pending
// StopIteration from a callee is cleared by the caller, as CPython does).
#include "iterators.h"

#include <cstddef>
#include <cstdint>

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/objimpl.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/typeobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "ceval.h"
#include "genobject.h"

namespace minipy::vm {

using namespace runtime;

namespace {

constexpr unsigned long ITER_FLAGS = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE;

// --- enumerate --------------------------------------------------------------

struct EnumObject : Object {
    Py_ssize_t en_index;
    Object* en_sit;       // the iterator
    Object* en_longindex; // the index as an int once it no longer fits Py_ssize_t
};

// The slow path of enum_next (CPython's enum_next_long): counting goes on
// in a Python int once the index has left Py_ssize_t's range.
Ref<> enum_next_long(EnumObject* en, Ref<> item)
{
    if (!en->en_longindex) {
        Ref<> start = long_from_ssize_t(en->en_index);
        if (!start) return nullptr;
        en->en_longindex = start.release();
    }
    Ref<> index = new_ref(en->en_longindex);
    Ref<> one = long_from_ssize_t(1);
    if (!one) return nullptr;
    Ref<> next = number_add(en->en_longindex, one.get());
    if (!next) return nullptr;
    Object* old = en->en_longindex;
    en->en_longindex = next.release();
    decref(old);
    return tuple_pack({index.get(), item.get()});
}

Ref<> enum_new(TypeObject* type, Object* args, Object* kwds)
{
    Object* iterable = nullptr;
    Object* start = nullptr;
    Py_ssize_t n = tuple_size(args);
    if (n > 2) return format_error(Exc_TypeError, "enumerate() takes at most 2 arguments (%zd given)", n);
    if (n >= 1) iterable = tuple_item(args, 0);
    if (n == 2) start = tuple_item(args, 1);
    if (kwds) {
        Py_ssize_t pos = 0;
        Object *key, *value;
        while (dict_next(kwds, &pos, &key, &value)) {
            if (unicode_equal_to_ascii(key, "iterable") && !iterable) iterable = value;
            else if (unicode_equal_to_ascii(key, "start") && !start) start = value;
            else return format_error(Exc_TypeError, "'%U' is an invalid keyword argument for enumerate()", key);
        }
    }
    if (!iterable) return format_error(Exc_TypeError, "enumerate() missing required argument 'iterable'");
    Py_ssize_t index = 0;
    Ref<> longindex;  // set when start does not fit Py_ssize_t
    if (start) {
        Ref<> idx = number_index(start);
        if (!idx) return nullptr;
        int overflow = 0;
        long long v = long_as_long_long_and_overflow(idx.get(), &overflow);
        if (v == -1 && error_occurred()) return nullptr;
        if (overflow) {
            index = PTRDIFF_MAX;
            longindex = std::move(idx);
        }
        else {
            index = static_cast<Py_ssize_t>(v);
        }
    }
    Ref<> it = object_get_iter(iterable);
    if (!it) return nullptr;
    Ref<EnumObject> en = alloc_instance<EnumObject>(type);
    if (!en) return nullptr;
    en->en_index = index;
    en->en_sit = it.release();
    en->en_longindex = longindex.release();
    return en;
}

void enum_dealloc(Object* op)
{
    clear_ref(static_cast<EnumObject*>(op)->en_sit);
    clear_ref(static_cast<EnumObject*>(op)->en_longindex);
    object_dealloc_memory(op);
}

int enum_traverse(Object* op, visitproc visit, void* arg)
{
    auto* en = static_cast<EnumObject*>(op);
    return visit_all({en->en_sit, en->en_longindex}, visit, arg);
}

Ref<> enum_next(Object* op)
{
    auto* en = static_cast<EnumObject*>(op);
    Ref<> item = Py_TYPE(en->en_sit)->tp_iternext(en->en_sit);
    if (!item) return nullptr;
    if (en->en_index == PTRDIFF_MAX) return enum_next_long(en, std::move(item));
    Ref<> index = long_from_ssize_t(en->en_index++);
    if (!index) return nullptr;
    return tuple_pack({index.get(), item.get()});
}

// --- reversed ---------------------------------------------------------------

struct ReversedObject : Object {
    Py_ssize_t index;  // next index to yield, -1 when exhausted
    Object* seq;
};

Ref<> reversed_new(TypeObject* type, Object* args, Object* kwds)
{
    if (kwds && dict_size(kwds))
        return format_error(Exc_TypeError, "reversed() takes no keyword arguments");
    if (tuple_size(args) != 1)
        return format_error(Exc_TypeError, "reversed expected 1 argument, got %zd", tuple_size(args));
    Object* seq = tuple_item(args, 0);
    Ref<> reversed_meth = lookup_special(seq, intern_str("__reversed__"));
    if (reversed_meth) {
        if (reversed_meth.get() == Py_None())
            return format_error(Exc_TypeError, "'%.200s' object is not reversible", Py_TYPE(seq)->tp_name);
        return call_no_args(reversed_meth.get());
    }
    if (error_occurred()) return nullptr;
    if (!sequence_check(seq) || dict_check(seq))
        return format_error(Exc_TypeError, "'%.200s' object is not reversible", Py_TYPE(seq)->tp_name);
    Py_ssize_t n = object_size(seq);
    if (n < 0) return nullptr;
    Ref<ReversedObject> ro = alloc_instance<ReversedObject>(type);
    if (!ro) return nullptr;
    ro->index = n - 1;
    ro->seq = new_ref(seq).release();
    return ro;
}

void reversed_dealloc(Object* op)
{
    clear_ref(static_cast<ReversedObject*>(op)->seq);
    object_dealloc_memory(op);
}

int reversed_traverse(Object* op, visitproc visit, void* arg)
{
    return visit_all({static_cast<ReversedObject*>(op)->seq}, visit, arg);
}

Ref<> reversed_next(Object* op)
{
    auto* ro = static_cast<ReversedObject*>(op);
    if (ro->index >= 0 && ro->seq) {
        Ref<> item = sequence_get_item(ro->seq, ro->index);
        if (item) {
            ro->index--;
            return item;
        }
        if (!error_matches(Exc_IndexError) && !error_matches(Exc_StopIteration)) return nullptr;
        error_clear();
    }
    ro->index = -1;
    clear_ref(ro->seq);
    return nullptr;
}

// reversed.__length_hint__ (CPython's reversed_len): the items still to
// come, 0 once exhausted or when the sequence shrank below the position.
Ref<> reversed_len(Object* op, Object*)
{
    auto* ro = static_cast<ReversedObject*>(op);
    if (!ro->seq) return long_from_ssize_t(0);
    Py_ssize_t seqsize = object_size(ro->seq);
    if (seqsize < 0) return nullptr;
    Py_ssize_t position = ro->index + 1;
    return long_from_ssize_t(seqsize < position ? 0 : position);
}

MethodDef reversed_methods[] = {
    method_noargs("__length_hint__", reversed_len, "Private method returning an estimate of len(list(it))."),
    {},
};

// --- map ----------------------------------------------------------------------

struct MapObject : Object {
    Object* iters;  // tuple of iterators
    Object* func;
};

Ref<> map_new(TypeObject* type, Object* args, Object* kwds)
{
    if (type == &Map_Type && kwds && dict_size(kwds))
        return format_error(Exc_TypeError, "map() takes no keyword arguments");
    Py_ssize_t numargs = tuple_size(args);
    if (numargs < 2) return format_error(Exc_TypeError, "map() must have at least two arguments.");
    Ref<> iters = tuple_new(numargs - 1);
    if (!iters) return nullptr;
    for (Py_ssize_t i = 1; i < numargs; i++) {
        Ref<> it = object_get_iter(tuple_item(args, i));
        if (!it) return nullptr;
        tuple_set_item(iters.get(), i - 1, it.release());
    }
    Ref<MapObject> lz = alloc_instance<MapObject>(type);
    if (!lz) return nullptr;
    lz->iters = iters.release();
    lz->func = new_ref(tuple_item(args, 0)).release();
    return lz;
}

void map_dealloc(Object* op)
{
    clear_ref(static_cast<MapObject*>(op)->iters);
    clear_ref(static_cast<MapObject*>(op)->func);
    object_dealloc_memory(op);
}

int map_traverse(Object* op, visitproc visit, void* arg)
{
    return visit_all({static_cast<MapObject*>(op)->iters, static_cast<MapObject*>(op)->func}, visit, arg);
}

Ref<> map_next(Object* op)
{
    auto* lz = static_cast<MapObject*>(op);
    Py_ssize_t n = tuple_size(lz->iters);
    std::vector<Ref<>> items;
    std::vector<Object*> stack;
    items.reserve(static_cast<std::size_t>(n));
    for (Py_ssize_t i = 0; i < n; i++) {
        Object* it = tuple_item(lz->iters, i);
        Ref<> val = Py_TYPE(it)->tp_iternext(it);
        if (!val) return nullptr;
        stack.push_back(val.get());
        items.push_back(std::move(val));
    }
    return object_vectorcall(lz->func, stack.data(), static_cast<std::size_t>(n), nullptr);
}

// --- filter ---------------------------------------------------------------------

struct FilterObject : Object {
    Object* func;  // None: keep the true items
    Object* it;
};

Ref<> filter_new(TypeObject* type, Object* args, Object* kwds)
{
    if (type == &Filter_Type && kwds && dict_size(kwds))
        return format_error(Exc_TypeError, "filter() takes no keyword arguments");
    if (tuple_size(args) != 2)
        return format_error(Exc_TypeError, "filter expected 2 arguments, got %zd", tuple_size(args));
    Ref<> it = object_get_iter(tuple_item(args, 1));
    if (!it) return nullptr;
    Ref<FilterObject> lz = alloc_instance<FilterObject>(type);
    if (!lz) return nullptr;
    lz->func = new_ref(tuple_item(args, 0)).release();
    lz->it = it.release();
    return lz;
}

void filter_dealloc(Object* op)
{
    clear_ref(static_cast<FilterObject*>(op)->func);
    clear_ref(static_cast<FilterObject*>(op)->it);
    object_dealloc_memory(op);
}

int filter_traverse(Object* op, visitproc visit, void* arg)
{
    return visit_all({static_cast<FilterObject*>(op)->func, static_cast<FilterObject*>(op)->it}, visit, arg);
}

Ref<> filter_next(Object* op)
{
    auto* lz = static_cast<FilterObject*>(op);
    bool checktrue = lz->func == Py_None() || lz->func == reinterpret_cast<Object*>(&Bool_Type);
    for (;;) {
        Ref<> item = Py_TYPE(lz->it)->tp_iternext(lz->it);
        if (!item) return nullptr;
        int ok;
        if (checktrue) {
            ok = object_is_true(item.get());
        }
        else {
            Ref<> good = call_one_arg(lz->func, item.get());
            if (!good) return nullptr;
            ok = object_is_true(good.get());
        }
        if (ok < 0) return nullptr;
        if (ok > 0) return item;
    }
}

// --- zip ------------------------------------------------------------------------------

struct ZipObject : Object {
    Py_ssize_t tuplesize;
    Object* ittuple;  // tuple of iterators
    int strict;
};

Ref<> zip_new(TypeObject* type, Object* args, Object* kwds)
{
    int strict = 0;
    if (kwds) {
        Py_ssize_t pos = 0;
        Object *key, *value;
        while (dict_next(kwds, &pos, &key, &value)) {
            if (!unicode_equal_to_ascii(key, "strict"))
                return format_error(Exc_TypeError, "'%U' is an invalid keyword argument for zip()", key);
            strict = object_is_true(value);
            if (strict < 0) return nullptr;
        }
    }
    Py_ssize_t n = tuple_size(args);
    Ref<> ittuple = tuple_new(n);
    if (!ittuple) return nullptr;
    for (Py_ssize_t i = 0; i < n; i++) {
        Ref<> it = object_get_iter(tuple_item(args, i));
        if (!it) return nullptr;
        tuple_set_item(ittuple.get(), i, it.release());
    }
    Ref<ZipObject> lz = alloc_instance<ZipObject>(type);
    if (!lz) return nullptr;
    lz->tuplesize = n;
    lz->ittuple = ittuple.release();
    lz->strict = strict;
    return lz;
}

void zip_dealloc(Object* op)
{
    clear_ref(static_cast<ZipObject*>(op)->ittuple);
    object_dealloc_memory(op);
}

int zip_traverse(Object* op, visitproc visit, void* arg)
{
    return visit_all({static_cast<ZipObject*>(op)->ittuple}, visit, arg);
}

// zip(strict=True): the first iterator to end must not end alone.
Ref<> zip_check_strict(ZipObject* lz, Py_ssize_t i)
{
    if (error_occurred()) {
        if (!error_matches(Exc_StopIteration)) return nullptr;
        error_clear();
    }
    if (i > 0) {
        const char* plural = i == 1 ? " " : "s 1-";
        return format_error(Exc_ValueError, "zip() argument %zd is shorter than argument%s%zd", i + 1, plural, i);
    }
    for (i = 1; i < lz->tuplesize; i++) {
        Object* it = tuple_item(lz->ittuple, i);
        Ref<> item = Py_TYPE(it)->tp_iternext(it);
        if (item) {
            const char* plural = i == 1 ? " " : "s 1-";
            return format_error(Exc_ValueError, "zip() argument %zd is longer than argument%s%zd", i + 1, plural, i);
        }
        if (error_occurred()) {
            if (!error_matches(Exc_StopIteration)) return nullptr;
            error_clear();
        }
    }
    return nullptr;
}

Ref<> zip_next(Object* op)
{
    auto* lz = static_cast<ZipObject*>(op);
    if (lz->tuplesize == 0) return nullptr;
    Ref<> result = tuple_new(lz->tuplesize);
    if (!result) return nullptr;
    for (Py_ssize_t i = 0; i < lz->tuplesize; i++) {
        Object* it = tuple_item(lz->ittuple, i);
        Ref<> item = Py_TYPE(it)->tp_iternext(it);
        if (!item) {
            // Fill the tuple before dropping it.
            for (Py_ssize_t j = i; j < lz->tuplesize; j++) tuple_set_item(result.get(), j, none_ref().release());
            if (lz->strict) return zip_check_strict(lz, i);
            return nullptr;
        }
        tuple_set_item(result.get(), i, item.release());
    }
    return result;
}

// --- callable iterator ------------------------------------------------------------

struct CallIterObject : Object {
    Object* it_callable;  // null once exhausted
    Object* it_sentinel;
};

void calliter_dealloc(Object* op)
{
    clear_ref(static_cast<CallIterObject*>(op)->it_callable);
    clear_ref(static_cast<CallIterObject*>(op)->it_sentinel);
    object_dealloc_memory(op);
}

int calliter_traverse(Object* op, visitproc visit, void* arg)
{
    auto* c = static_cast<CallIterObject*>(op);
    return visit_all({c->it_callable, c->it_sentinel}, visit, arg);
}

Ref<> calliter_next(Object* op)
{
    auto* it = static_cast<CallIterObject*>(op);
    if (!it->it_callable) return nullptr;
    Ref<> result = call_no_args(it->it_callable);
    if (result) {
        int ok = object_rich_compare_bool(it->it_sentinel, result.get(), Py_EQ);
        if (ok == 0) return result;
        if (ok > 0) {
            clear_ref(it->it_callable);
            clear_ref(it->it_sentinel);
        }
        return nullptr;
    }
    if (error_matches(Exc_StopIteration)) {
        error_clear();
        clear_ref(it->it_callable);
        clear_ref(it->it_sentinel);
    }
    return nullptr;
}

// --- anext_awaitable: anext(aiterator, default) (Objects/iterobject.c) --------
// Awaiting it awaits aiterator.__anext__()'s awaitable, except that the
// StopAsyncIteration which ends the iteration becomes StopIteration(default):
// the await then evaluates to default.

struct AnextAwaitableObject : Object {
    Object* wrapped;        // the awaitable __anext__() returned
    Object* default_value;
};

AnextAwaitableObject* A(Object* op) { return static_cast<AnextAwaitableObject*>(op); }

void anextawaitable_dealloc(Object* op)
{
    clear_ref(A(op)->wrapped);
    clear_ref(A(op)->default_value);
    object_dealloc_memory(op);
}

int anextawaitable_traverse(Object* op, visitproc visit, void* arg)
{
    return visit_all({A(op)->wrapped, A(op)->default_value}, visit, arg);
}

// One step of the wrapped awaitable's iterator: next() when method is null,
// else the named method (send/throw/close) with args.
Ref<> anextawaitable_proxy(Object* op, const char* method, Object* const* args, Py_ssize_t nargs)
{
    Ref<> awaitable = coro_get_awaitable_iter(A(op)->wrapped);
    if (!awaitable) return nullptr;
    if (!Py_TYPE(awaitable.get())->tp_iternext) {
        // A coroutine is its own awaitable but no iterator: step it through
        // its __await__() wrapper (anextawaitable_getiter).
        Ref<> getter = lookup_special(awaitable.get(), intern_str("__await__"));
        if (!getter) {
            if (!error_occurred())
                format_error(Exc_TypeError, "'%.200s' object is not awaitable", Py_TYPE(awaitable.get())->tp_name);
            return nullptr;
        }
        awaitable = call_no_args(getter.get());
        if (!awaitable) return nullptr;
        if (!iter_check(awaitable.get()))
            return format_error(Exc_TypeError, "__await__() returned non-iterator of type '%.100s'",
                                Py_TYPE(awaitable.get())->tp_name);
    }
    Ref<> result;
    if (!method) {
        result = Py_TYPE(awaitable.get())->tp_iternext(awaitable.get());
    } else {
        Ref<> bound = object_get_attr_string(awaitable.get(), method);
        if (!bound) return nullptr;
        result = object_vectorcall(bound.get(), args, static_cast<std::size_t>(nargs), nullptr);
    }
    if (result) return result;
    if (error_matches(Exc_StopAsyncIteration)) {
        error_clear();
        set_stop_iteration_value(A(op)->default_value);
    }
    return nullptr;
}

Ref<> anextawaitable_iternext(Object* op) { return anextawaitable_proxy(op, nullptr, nullptr, 0); }
Ref<> anextawaitable_send(Object* op, Object* arg) { return anextawaitable_proxy(op, "send", &arg, 1); }
Ref<> anextawaitable_throw(Object* op, Object* const* args, Py_ssize_t nargs)
{
    return anextawaitable_proxy(op, "throw", args, nargs);
}
Ref<> anextawaitable_close(Object* op, Object*) { return anextawaitable_proxy(op, "close", nullptr, 0); }
// minipy's types have no am_await slot: __await__ is the method. The
// object is its own iterator (CPython's am_await is PyObject_SelfIter).
Ref<> anextawaitable_await(Object* op, Object*) { return new_ref(op); }

MethodDef anextawaitable_methods[] = {
    method_o("send", anextawaitable_send, "send(arg) -> send 'arg' into the wrapped iterator,\nreturn next yielded value or raise StopIteration."),
    method_fast("throw", anextawaitable_throw, "throw(value)\nthrow(typ[,val[,tb]])\n\nraise exception in the wrapped iterator, return next yielded value\nor raise StopIteration."),
    method_noargs("close", anextawaitable_close, "close() -> raise GeneratorExit inside generator."),
    method_noargs("__await__", anextawaitable_await, "Return an iterator to be used in await expression."),
    {},
};

TypeObject make_iter_type(const char* name, std::size_t size, destructor dealloc, traverseproc traverse,
                          iternextfunc next, newfunc tp_new, const char* doc)
{
    TypeObject t = static_type(name, static_cast<Py_ssize_t>(size), 0, tp_new ? ITER_FLAGS : ITER_FLAGS & ~Py_TPFLAGS_BASETYPE,
                               doc);
    t.tp_dealloc = dealloc;
    t.tp_traverse = traverse;
    t.tp_iter = object_self_iter;
    t.tp_iternext = next;
    t.tp_new = tp_new;
    return t;
}

}  // namespace

TypeObject Enum_Type = make_iter_type("enumerate", sizeof(EnumObject), enum_dealloc, enum_traverse, enum_next,
                                      enum_new, "enumerate(iterable, start=0)\n--\n\nReturn an enumerate object.");
TypeObject Reversed_Type = [] {
    TypeObject t = make_iter_type("reversed", sizeof(ReversedObject), reversed_dealloc, reversed_traverse,
                                  reversed_next, reversed_new,
                                  "reversed(sequence, /)\n--\n\nReturn a reverse iterator over the values of the given sequence.");
    t.tp_methods = reversed_methods;
    return t;
}();
TypeObject Map_Type = make_iter_type("map", sizeof(MapObject), map_dealloc, map_traverse, map_next, map_new,
                                     "map(func, *iterables) --> map object");
TypeObject Filter_Type = make_iter_type("filter", sizeof(FilterObject), filter_dealloc, filter_traverse,
                                        filter_next, filter_new, "filter(function or None, iterable) --> filter object");
TypeObject Zip_Type = make_iter_type("zip", sizeof(ZipObject), zip_dealloc, zip_traverse, zip_next, zip_new,
                                     "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.");
TypeObject CallIter_Type = make_iter_type("callable_iterator", sizeof(CallIterObject), calliter_dealloc,
                                          calliter_traverse, calliter_next, nullptr, nullptr);

TypeObject AnextAwaitable_Type = [] {
    TypeObject t = make_iter_type("anext_awaitable", sizeof(AnextAwaitableObject), anextawaitable_dealloc,
                                  anextawaitable_traverse, anextawaitable_iternext, nullptr, nullptr);
    t.tp_methods = anextawaitable_methods;
    return t;
}();

Ref<> anextawaitable_new(Object* awaitable, Object* default_value)
{
    Ref<AnextAwaitableObject> it = alloc_instance<AnextAwaitableObject>(&AnextAwaitable_Type);
    if (!it) return nullptr;
    it->wrapped = new_ref(awaitable).release();
    it->default_value = new_ref(default_value).release();
    return it;
}

Ref<> calliter_new(Object* callable, Object* sentinel)
{
    Ref<CallIterObject> it = alloc_instance<CallIterObject>(&CallIter_Type);
    if (!it) return nullptr;
    it->it_callable = new_ref(callable).release();
    it->it_sentinel = new_ref(sentinel).release();
    return it;
}

int init_iterator_types()
{
    for (TypeObject* t : {&Enum_Type, &Reversed_Type, &Map_Type, &Filter_Type, &Zip_Type, &CallIter_Type,
                          &AnextAwaitable_Type})
        if (!(t->tp_flags & Py_TPFLAGS_READY) && type_ready(t) < 0) return -1;
    return 0;
}

}  // namespace minipy::vm
