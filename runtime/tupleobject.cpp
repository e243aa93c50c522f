// tupleobject.cpp: the tuple type.
// Mirrors CPython 3.11 Objects/tupleobject.c. Book chapter 11.
//
// Tuples are immutable once shared: the items array is filled right after
// allocation (tuple_new + tuple_set_item) and never changes afterwards. The
// empty tuple is a singleton. The hash is CPython's xxHash-based tuplehash.
#include "minipy/runtime/tupleobject.h"

#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/objimpl.h"
#include "minipy/runtime/sliceobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/runtime/genericaliasobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

namespace {

Object* empty_tuple = nullptr;  // owned by the runtime (fini_types drops it)

Ref<TupleObject> tuple_alloc(Py_ssize_t n)
{
    if (n < 0) return error_bad_internal_call();
    return object_new<TupleObject>(&Tuple_Type, n);
}

void tuple_dealloc(Object* op)
{
    auto* t = static_cast<TupleObject*>(op);
    for (Py_ssize_t i = t->ob_size; --i >= 0;) xdecref(t->ob_item[i]);
    object_dealloc_memory(op);
}

int tuple_traverse(Object* op, visitproc visit, void* arg)
{
    auto* t = static_cast<TupleObject*>(op);
    for (Py_ssize_t i = t->ob_size; --i >= 0;)
        if (t->ob_item[i])
            if (int r = visit(t->ob_item[i], arg)) return r;
    return 0;
}

Ref<> tuple_repr(Object* op)
{
    Py_ssize_t n = tuple_size(op);
    if (n == 0) return unicode_from_string("()");
    int status = repr_enter(op);
    if (status != 0) return status > 0 ? unicode_from_string("(...)") : nullptr;
    UnicodeWriter w;
    w.write_char('(');
    for (Py_ssize_t i = 0; i < n; i++) {
        if (i > 0) w.write_ascii(", ");
        Ref<> r = object_repr(tuple_item(op, i));
        if (!r) {
            repr_leave(op);
            return nullptr;
        }
        w.write_str(r.get());
    }
    if (n == 1) w.write_char(',');
    w.write_char(')');
    repr_leave(op);
    return w.finish();
}

constexpr Py_uhash_t XXPRIME_1 = 11400714785074694791ULL;
constexpr Py_uhash_t XXPRIME_2 = 14029467366897019727ULL;
constexpr Py_uhash_t XXPRIME_5 = 2870177450012600261ULL;
constexpr Py_uhash_t xxrotate(Py_uhash_t x) { return (x << 31) | (x >> 33); }

Py_hash_t tuple_hash(Object* op)
{
    Py_ssize_t n = tuple_size(op);
    Py_uhash_t acc = XXPRIME_5;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_hash_t lane = object_hash(tuple_item(op, i));
        if (lane == -1) return -1;
        acc += static_cast<Py_uhash_t>(lane) * XXPRIME_2;
        acc = xxrotate(acc);
        acc *= XXPRIME_1;
    }
    // The length is mixed in so that (a,) and (a, b)-prefixes differ.
    acc += static_cast<Py_uhash_t>(n) ^ (XXPRIME_5 ^ 3527539UL);
    if (acc == static_cast<Py_uhash_t>(-1)) return 1546275796;
    return static_cast<Py_hash_t>(acc);
}

Py_ssize_t tuple_length(Object* op) { return tuple_size(op); }

int tuple_contains(Object* op, Object* el)
{
    for (Py_ssize_t i = 0; i < tuple_size(op); i++) {
        int cmp = object_rich_compare_bool(tuple_item(op, i), el, Py_EQ);
        if (cmp != 0) return cmp;
    }
    return 0;
}

Ref<> tuple_sq_item(Object* op, Py_ssize_t i)
{
    if (i < 0 || i >= tuple_size(op)) return format_error(Exc_IndexError, "tuple index out of range");
    return new_ref(tuple_item(op, i));
}

Ref<> tuple_subscript(Object* op, Object* item)
{
    if (index_check(item)) {
        Py_ssize_t i = number_as_ssize_t(item, Exc_IndexError);
        if (i == -1 && error_occurred()) return nullptr;
        if (i < 0) i += tuple_size(op);
        return tuple_sq_item(op, i);
    }
    if (slice_check(item)) {
        Py_ssize_t start, stop, step;
        if (slice_unpack(item, &start, &stop, &step) < 0) return nullptr;
        Py_ssize_t len = slice_adjust_indices(tuple_size(op), &start, &stop, step);
        if (len <= 0) return tuple_new(0);
        if (start == 0 && step == 1 && len == tuple_size(op) && tuple_check_exact(op)) return new_ref(op);
        Ref<> res = tuple_new(len);
        if (!res) return nullptr;
        for (Py_ssize_t cur = start, i = 0; i < len; cur += step, i++)
            tuple_set_item(res.get(), i, new_ref(tuple_item(op, cur)).release());
        return res;
    }
    return format_error(Exc_TypeError, "tuple indices must be integers or slices, not %.200s", Py_TYPE(item)->tp_name);
}

Ref<> tuple_concat(Object* a, Object* b)
{
    if (!tuple_check(b))
        return format_error(Exc_TypeError, "can only concatenate tuple (not \"%.200s\") to tuple", Py_TYPE(b)->tp_name);
    if (tuple_size(b) == 0 && tuple_check_exact(a)) return new_ref(a);
    if (tuple_size(a) == 0 && tuple_check_exact(b)) return new_ref(b);
    Py_ssize_t na = tuple_size(a), nb = tuple_size(b);
    Ref<> res = tuple_new(na + nb);
    if (!res) return nullptr;
    for (Py_ssize_t i = 0; i < na; i++) tuple_set_item(res.get(), i, new_ref(tuple_item(a, i)).release());
    for (Py_ssize_t i = 0; i < nb; i++) tuple_set_item(res.get(), na + i, new_ref(tuple_item(b, i)).release());
    return res;
}

Ref<> tuple_repeat(Object* a, Py_ssize_t n)
{
    Py_ssize_t size = tuple_size(a);
    if (size == 0 || n == 1) {
        if (tuple_check_exact(a)) return new_ref(a);
    }
    if (size == 0 || n <= 0) return tuple_new(0);
    if (n > PTRDIFF_MAX / size) return error_no_memory();
    Ref<> res = tuple_new(size * n);
    if (!res) return nullptr;
    for (Py_ssize_t j = 0, k = 0; j < n; j++)
        for (Py_ssize_t i = 0; i < size; i++) tuple_set_item(res.get(), k++, new_ref(tuple_item(a, i)).release());
    return res;
}

// Lexicographic comparison: the first differing pair decides.
Ref<> tuple_richcompare(Object* v, Object* w, int op)
{
    if (!tuple_check(v) || !tuple_check(w)) return not_implemented_ref();
    Py_ssize_t vlen = tuple_size(v), wlen = tuple_size(w), i;
    for (i = 0; i < vlen && i < wlen; i++) {
        int k = object_rich_compare_bool(tuple_item(v, i), tuple_item(w, i), Py_EQ);
        if (k < 0) return nullptr;
        if (!k) break;
    }
    if (i >= vlen || i >= wlen) {
        bool r;
        switch (op) {
        case Py_LT: r = vlen < wlen; break;
        case Py_LE: r = vlen <= wlen; break;
        case Py_EQ: r = vlen == wlen; break;
        case Py_NE: r = vlen != wlen; break;
        case Py_GT: r = vlen > wlen; break;
        default: r = vlen >= wlen; break;
        }
        return bool_from_long(r);
    }
    if (op == Py_EQ) return new_ref(Py_False());
    if (op == Py_NE) return new_ref(Py_True());
    return object_rich_compare(tuple_item(v, i), tuple_item(w, i), op);
}

Ref<> tuple_index(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("index", nargs, 1, 3)) return nullptr;
    Py_ssize_t n = tuple_size(self), start = 0, stop = n;
    if (nargs >= 2) {
        start = number_as_ssize_t(args[1], nullptr);
        if (start == -1 && error_occurred()) return nullptr;
        if (start < 0) start = std::max<Py_ssize_t>(start + n, 0);
    }
    if (nargs >= 3) {
        stop = number_as_ssize_t(args[2], nullptr);
        if (stop == -1 && error_occurred()) return nullptr;
        if (stop < 0) stop += n;
    }
    for (Py_ssize_t i = start; i < stop && i < n; i++) {
        int cmp = object_rich_compare_bool(tuple_item(self, i), args[0], Py_EQ);
        if (cmp > 0) return long_from_ssize_t(i);
        if (cmp < 0) return nullptr;
    }
    return format_error(Exc_ValueError, "tuple.index(x): x not in tuple");
}

Ref<> tuple_count(Object* self, Object* value)
{
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; i < tuple_size(self); i++) {
        int cmp = object_rich_compare_bool(tuple_item(self, i), value, Py_EQ);
        if (cmp < 0) return nullptr;
        count += cmp;
    }
    return long_from_ssize_t(count);
}

Ref<> tuple_getnewargs(Object* self, Object*)
{
    Ref<> copy = tuple_get_slice(self, 0, tuple_size(self));
    if (!copy) return nullptr;
    return tuple_pack({copy.get()});
}

Ref<> tuple_tp_new(TypeObject* type, Object* args, Object* kwds)
{
    if (type == &Tuple_Type && !check_no_kwargs("tuple", kwds)) return nullptr;
    if (!check_positional("tuple", tuple_size(args), 0, 1)) return nullptr;
    Ref<> t = tuple_size(args) ? sequence_tuple(tuple_item(args, 0)) : tuple_new(0);
    if (!t || type == &Tuple_Type) return t;
    // A subclass instance: copy the items into a block of the subtype.
    Py_ssize_t n = tuple_size(t.get());
    Ref<> res = steal_ref(object_alloc_raw(type, n));
    if (!res) return nullptr;
    for (Py_ssize_t i = 0; i < n; i++) tuple_set_item(res.get(), i, new_ref(tuple_item(t.get(), i)).release());
    return res;
}

// --- tuple_iterator -------------------------------------------------------------

struct TupleIterObject : Object {
    Py_ssize_t it_index;
    Object* it_seq;  // owned; null once exhausted
};

void tupleiter_dealloc(Object* op)
{
    clear_ref(static_cast<TupleIterObject*>(op)->it_seq);
    object_dealloc_memory(op);
}
int tupleiter_traverse(Object* op, visitproc visit, void* arg)
{
    Object* s = static_cast<TupleIterObject*>(op)->it_seq;
    return s ? visit(s, arg) : 0;
}
Ref<> tupleiter_next(Object* op)
{
    auto* it = static_cast<TupleIterObject*>(op);
    if (!it->it_seq) return nullptr;
    if (it->it_index < tuple_size(it->it_seq)) return new_ref(tuple_item(it->it_seq, it->it_index++));
    clear_ref(it->it_seq);
    return nullptr;
}
Ref<> tupleiter_len(Object* op, Object*)
{
    auto* it = static_cast<TupleIterObject*>(op);
    return long_from_ssize_t(it->it_seq ? tuple_size(it->it_seq) - it->it_index : 0);
}
MethodDef tupleiter_methods[] = {
    method_noargs("__length_hint__", tupleiter_len, "Private method returning an estimate of len(list(it))."),
    {},
};

Ref<> tuple_iter(Object* seq)
{
    Ref<TupleIterObject> it = object_new<TupleIterObject>(&TupleIter_Type);
    if (!it) return nullptr;
    it->it_index = 0;
    it->it_seq = new_ref(seq).release();
    return it;
}

SequenceMethods tuple_as_sequence = [] {
    SequenceMethods sq{};
    sq.sq_length = tuple_length;
    sq.sq_concat = tuple_concat;
    sq.sq_repeat = tuple_repeat;
    sq.sq_item = tuple_sq_item;
    sq.sq_contains = tuple_contains;
    return sq;
}();

MappingMethods tuple_as_mapping = {tuple_length, tuple_subscript, nullptr};

MethodDef tuple_methods[] = {
    method_o("__class_getitem__", generic_alias_class_getitem, "See PEP 585", METH_CLASS),
    method_noargs("__getnewargs__", tuple_getnewargs),
    method_fast("index", tuple_index, "Return first index of value.\n\nRaises ValueError if the value is not present."),
    method_o("count", tuple_count, "Return number of occurrences of value."),
    {},
};

}  // namespace

TypeObject Tuple_Type = [] {
    TypeObject t = static_type("tuple", sizeof(TupleObject) - sizeof(Object*), sizeof(Object*),
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                                   Py_TPFLAGS_TUPLE_SUBCLASS | Py_TPFLAGS_SEQUENCE,
                               "tuple(iterable=(), /)\n--\n\nBuilt-in immutable sequence.");
    t.tp_dealloc = tuple_dealloc;
    t.tp_repr = tuple_repr;
    t.tp_as_sequence = &tuple_as_sequence;
    t.tp_as_mapping = &tuple_as_mapping;
    t.tp_hash = tuple_hash;
    t.tp_getattro = object_generic_get_attr;
    t.tp_traverse = tuple_traverse;
    t.tp_richcompare = tuple_richcompare;
    t.tp_iter = tuple_iter;
    t.tp_methods = tuple_methods;
    t.tp_new = tuple_tp_new;
    return t;
}();

TypeObject TupleIter_Type = [] {
    TypeObject t = static_type("tuple_iterator", sizeof(TupleIterObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC);
    t.tp_dealloc = tupleiter_dealloc;
    t.tp_traverse = tupleiter_traverse;
    t.tp_getattro = object_generic_get_attr;
    t.tp_iter = object_self_iter;
    t.tp_iternext = tupleiter_next;
    t.tp_methods = tupleiter_methods;
    return t;
}();

Ref<> tuple_new(Py_ssize_t n)
{
    if (n == 0) {
        if (!empty_tuple) {
            empty_tuple = tuple_alloc(0).release();
            // () holds nothing: never a cycle (CPython's is a static object).
            if (empty_tuple) object_gc_untrack(empty_tuple);
        }
        return new_ref(empty_tuple);
    }
    return tuple_alloc(n);
}

Ref<> tuple_pack(std::initializer_list<Object*> items)
{
    return tuple_from_array(items.begin(), static_cast<Py_ssize_t>(items.size()));
}

Ref<> tuple_from_array(Object* const* items, Py_ssize_t n)
{
    Ref<> t = tuple_new(n);
    if (!t) return nullptr;
    for (Py_ssize_t i = 0; i < n; i++) tuple_set_item(t.get(), i, new_ref(items[i]).release());
    return t;
}

Ref<> tuple_get_slice(Object* t, Py_ssize_t lo, Py_ssize_t hi)
{
    Py_ssize_t n = tuple_size(t);
    lo = std::clamp<Py_ssize_t>(lo, 0, n);
    hi = std::clamp<Py_ssize_t>(hi, lo, n);
    if (lo == 0 && hi == n && tuple_check_exact(t)) return new_ref(t);
    return tuple_from_array(&static_cast<TupleObject*>(t)->ob_item[0] + lo, hi - lo);
}

void fini_tuple() { clear_ref(empty_tuple); }

}  // namespace minipy::runtime
