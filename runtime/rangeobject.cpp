// rangeobject.cpp: range objects and their iterators.
// Mirrors CPython 3.11 Objects/rangeobject.c. Book chapter 11.
//
// start, stop, step and the length are kept as int objects so that ranges
// of any size work; iteration uses a machine-integer iterator when every
// value fits in a C long (range_iterator), the int-object one otherwise.
#include "minipy/runtime/rangeobject.h"

#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/sliceobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

namespace {

RangeObject* R(Object* o) { return static_cast<RangeObject*>(o); }

bool is_zero(Object* v) { return long_sign(static_cast<LongObject*>(v)) == 0; }
bool is_negative(Object* v) { return long_sign(static_cast<LongObject*>(v)) < 0; }

// compute_range_length: max(0, ceil((hi - lo) / step)) with signs handled.
Ref<> compute_range_length(Object* start, Object* stop, Object* step)
{
    Object *lo, *hi;
    Ref<> neg_step;
    if (!is_negative(step)) {
        lo = start;
        hi = stop;
    } else {
        lo = stop;
        hi = start;
        neg_step = number_negative(step);
        if (!neg_step) return nullptr;
        step = neg_step.get();
    }
    Ref<> cmp = object_rich_compare(lo, hi, Py_GE);
    if (!cmp) return nullptr;
    if (cmp.get() == Py_True()) return long_from_long(0);
    Ref<> one = long_from_long(1);
    Ref<> diff = number_subtract(hi, lo);
    if (!diff) return nullptr;
    Ref<> tmp = number_subtract(diff.get(), one.get());
    if (!tmp) return nullptr;
    Ref<> q = number_floor_divide(tmp.get(), step);
    if (!q) return nullptr;
    return number_add(q.get(), one.get());
}

// start + i * step
Ref<> compute_item(RangeObject* r, Object* i)
{
    Ref<> incr = number_multiply(i, r->step);
    if (!incr) return nullptr;
    return number_add(r->start, incr.get());
}

Ref<> make_range(TypeObject* type, Ref<> start, Ref<> stop, Ref<> step)
{
    Ref<> length = compute_range_length(start.get(), stop.get(), step.get());
    if (!length) return nullptr;
    Ref<RangeObject> obj = object_new<RangeObject>(type);
    if (!obj) return nullptr;
    obj->start = start.release();
    obj->stop = stop.release();
    obj->step = step.release();
    obj->length = length.release();
    return obj;
}

Ref<> range_tp_new(TypeObject* type, Object* args, Object* kwds)
{
    if (!check_no_kwargs("range", kwds)) return nullptr;
    Py_ssize_t n = tuple_size(args);
    if (n == 0) return format_error(Exc_TypeError, "range expected at least 1 argument, got 0");
    if (n > 3) return format_error(Exc_TypeError, "range expected at most 3 arguments, got %zd", n);
    Ref<> start, stop, step;
    if (n == 1) {
        stop = number_index(tuple_item(args, 0));
        if (!stop) return nullptr;
        start = long_from_long(0);
        step = long_from_long(1);
    } else {
        start = number_index(tuple_item(args, 0));
        if (!start) return nullptr;
        stop = number_index(tuple_item(args, 1));
        if (!stop) return nullptr;
        step = n == 3 ? number_index(tuple_item(args, 2)) : long_from_long(1);
        if (!step) return nullptr;
        if (is_zero(step.get())) return format_error(Exc_ValueError, "range() arg 3 must not be zero");
    }
    return make_range(type, std::move(start), std::move(stop), std::move(step));
}

void range_dealloc(Object* op)
{
    RangeObject* r = R(op);
    clear_ref(r->start);
    clear_ref(r->stop);
    clear_ref(r->step);
    clear_ref(r->length);
    object_dealloc_memory(op);
}

Ref<> range_repr(Object* op)
{
    RangeObject* r = R(op);
    Ref<> one = long_from_long(1);
    int istep = object_rich_compare_bool(r->step, one.get(), Py_EQ);
    if (istep < 0) return nullptr;
    if (istep) return unicode_from_format("range(%R, %R)", r->start, r->stop);
    return unicode_from_format("range(%R, %R, %R)", r->start, r->stop, r->step);
}

Py_ssize_t range_length(Object* op)
{
    int overflow;
    long long n = long_as_long_long_and_overflow(R(op)->length, &overflow);
    if (overflow || n > PTRDIFF_MAX) {
        set_error(Exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return static_cast<Py_ssize_t>(n);
}

int range_bool(Object* op) { return !is_zero(R(op)->length); }

Ref<> range_item_obj(RangeObject* r, Object* arg)
{
    // Negative indices count from the end; bounds are checked on ints.
    Ref<> i = new_ref(arg);
    if (is_negative(arg)) {
        i = number_add(arg, r->length);
        if (!i) return nullptr;
    }
    if (is_negative(i.get())) return format_error(Exc_IndexError, "range object index out of range");
    Ref<> cmp = object_rich_compare(i.get(), r->length, Py_GE);
    if (!cmp) return nullptr;
    if (cmp.get() == Py_True()) return format_error(Exc_IndexError, "range object index out of range");
    return compute_item(r, i.get());
}

Ref<> range_sq_item(Object* op, Py_ssize_t i)
{
    Ref<> arg = long_from_ssize_t(i);
    if (!arg) return nullptr;
    return range_item_obj(R(op), arg.get());
}

Ref<> range_subscript(Object* op, Object* item)
{
    RangeObject* r = R(op);
    if (long_check(item) || index_check(item)) {
        Ref<> i = number_index(item);
        if (!i) return nullptr;
        return range_item_obj(r, i.get());
    }
    if (slice_check(item)) {
        // The slice of a range is a range: compute with ints (no size limits).
        // compute_slice: the new bounds are the old range's items at the
        // adjusted start and stop (not start + length * step), so the
        // repr matches CPython's: range(-10, 10, 4)[::3] is range(-10, 10, 12).
        Ref<> s, e, st;
        if (slice_get_long_indices(item, r->length, &s, &e, &st) < 0) return nullptr;
        Ref<> new_start = compute_item(r, s.get());
        if (!new_start) return nullptr;
        Ref<> new_stop = compute_item(r, e.get());
        if (!new_stop) return nullptr;
        Ref<> new_step = number_multiply(st.get(), r->step);
        if (!new_step) return nullptr;
        return make_range(&Range_Type, std::move(new_start), std::move(new_stop), std::move(new_step));
    }
    return format_error(Exc_TypeError, "range indices must be integers or slices, not %.200s", Py_TYPE(item)->tp_name);
}

// Fast membership for ints: in bounds and on the step grid.
int range_contains_long(RangeObject* r, Object* ob)
{
    bool positive = !is_negative(r->step);
    Ref<> cmp1 = object_rich_compare(r->start, ob, positive ? Py_LE : Py_GE);
    if (!cmp1) return -1;
    if (cmp1.get() != Py_True()) return 0;
    Ref<> cmp2 = object_rich_compare(ob, r->stop, positive ? Py_LT : Py_GT);
    if (!cmp2) return -1;
    if (cmp2.get() != Py_True()) return 0;
    Ref<> diff = number_subtract(ob, r->start);
    if (!diff) return -1;
    Ref<> rem = number_remainder(diff.get(), r->step);
    if (!rem) return -1;
    return is_zero(rem.get());
}

int range_contains(Object* op, Object* ob)
{
    if (long_check_exact(ob) || bool_check(ob)) return range_contains_long(R(op), ob);
    Ref<> it = object_get_iter(op);
    if (!it) return -1;
    for (;;) {
        Ref<> item = iter_next(it.get());
        if (!item) return error_occurred() ? -1 : 0;
        int cmp = object_rich_compare_bool(item.get(), ob, Py_EQ);
        if (cmp != 0) return cmp;
    }
}

// Two ranges are equal when they describe the same sequence.
int range_equals(RangeObject* r0, RangeObject* r1)
{
    if (r0 == r1) return 1;
    int cmp = object_rich_compare_bool(r0->length, r1->length, Py_EQ);
    if (cmp != 1) return cmp;
    if (is_zero(r0->length)) return 1;
    cmp = object_rich_compare_bool(r0->start, r1->start, Py_EQ);
    if (cmp != 1) return cmp;
    Ref<> one = long_from_long(1);
    cmp = object_rich_compare_bool(r0->length, one.get(), Py_EQ);
    if (cmp != 0) return cmp;
    return object_rich_compare_bool(r0->step, r1->step, Py_EQ);
}

Ref<> range_richcompare(Object* a, Object* b, int op)
{
    if (Py_TYPE(b) != &Range_Type || (op != Py_EQ && op != Py_NE)) return not_implemented_ref();
    int r = range_equals(R(a), R(b));
    if (r < 0) return nullptr;
    return bool_from_long(op == Py_EQ ? r : !r);
}

Py_hash_t range_hash(Object* op)
{
    RangeObject* r = R(op);
    Ref<> t = tuple_new(3);
    if (!t) return -1;
    tuple_set_item(t.get(), 0, new_ref(r->length).release());
    if (is_zero(r->length)) {
        tuple_set_item(t.get(), 1, none_ref().release());
        tuple_set_item(t.get(), 2, none_ref().release());
    } else {
        tuple_set_item(t.get(), 1, new_ref(r->start).release());
        Ref<> one = long_from_long(1);
        int c = object_rich_compare_bool(r->length, one.get(), Py_EQ);
        if (c < 0) return -1;
        tuple_set_item(t.get(), 2, (c ? none_ref() : new_ref(r->step)).release());
    }
    return object_hash(t.get());
}

Ref<> range_count(Object* self, Object* ob)
{
    if (long_check_exact(ob) || bool_check(ob)) {
        int r = range_contains_long(R(self), ob);
        if (r < 0) return nullptr;
        return long_from_long(r);
    }
    Py_ssize_t count = 0;
    if (for_each_item(self, [&](Object* item) {
            int c = object_rich_compare_bool(item, ob, Py_EQ);
            if (c > 0) count++;
            return c < 0 ? -1 : 0;
        }) < 0)
        return nullptr;
    return long_from_ssize_t(count);
}

Ref<> range_index(Object* self, Object* ob)
{
    RangeObject* r = R(self);
    if (long_check_exact(ob) || bool_check(ob)) {
        int contains = range_contains_long(r, ob);
        if (contains < 0) return nullptr;
        if (contains) {
            Ref<> diff = number_subtract(ob, r->start);
            if (!diff) return nullptr;
            return number_floor_divide(diff.get(), r->step);
        }
        return format_error(Exc_ValueError, "%R is not in range", ob);
    }
    // _PySequence_IterSearch(PY_ITERSEARCH_INDEX): compare item by item,
    // stopping at the first equal one.
    Ref<> it = object_get_iter(self);
    if (!it) return nullptr;
    for (Py_ssize_t idx = 0;; idx++) {
        Ref<> item = iter_next(it.get());
        if (!item) break;
        int c = object_rich_compare_bool(item.get(), ob, Py_EQ);
        if (c < 0) return nullptr;
        if (c) return long_from_ssize_t(idx);
    }
    if (error_occurred()) return nullptr;
    return format_error(Exc_ValueError, "sequence.index(x): x not in sequence");
}

Ref<> range_iter(Object* op);
Ref<> range_reversed(Object* op, Object*);

Ref<> range_reduce(Object* self, Object*)
{
    RangeObject* r = R(self);
    Ref<> args = tuple_pack({r->start, r->stop, r->step});
    if (!args) return nullptr;
    return tuple_pack({Py_TYPE(self), args.get()});
}

MethodDef range_methods[] = {
    method_noargs("__reversed__", range_reversed, "Return a reverse iterator."),
    method_noargs("__reduce__", range_reduce),
    method_o("count", range_count, "rangeobject.count(value) -> integer -- return number of occurrences of value"),
    method_o("index", range_index, "rangeobject.index(value) -> integer -- return index of value."),
    {},
};

MemberDef range_members[] = {
    {"start", T_OBJECT, offsetof(RangeObject, start), READONLY, nullptr},
    {"stop", T_OBJECT, offsetof(RangeObject, stop), READONLY, nullptr},
    {"step", T_OBJECT, offsetof(RangeObject, step), READONLY, nullptr},
    {},
};

NumberMethods range_as_number = [] {
    NumberMethods nb{};
    nb.nb_bool = range_bool;
    return nb;
}();
SequenceMethods range_as_sequence = [] {
    SequenceMethods sq{};
    sq.sq_length = range_length;
    sq.sq_item = range_sq_item;
    sq.sq_contains = range_contains;
    return sq;
}();
MappingMethods range_as_mapping = {range_length, range_subscript, nullptr};

// --- Iterators -------------------------------------------------------------------

struct RangeIterObject : Object {
    long start, step, len;
};

Ref<> rangeiter_next(Object* op)
{
    auto* r = static_cast<RangeIterObject*>(op);
    if (r->len > 0) {
        long result = r->start;
        r->start = static_cast<long>(static_cast<unsigned long>(result) + static_cast<unsigned long>(r->step));
        r->len--;
        return long_from_long(result);
    }
    return nullptr;
}
Ref<> rangeiter_len(Object* op, Object*) { return long_from_long(static_cast<RangeIterObject*>(op)->len); }
MethodDef rangeiter_methods[] = {
    method_noargs("__length_hint__", rangeiter_len, "Private method returning an estimate of len(list(it))."),
    {},
};

struct LongRangeIterObject : Object {
    Object* start;
    Object* step;
    Object* len;
};

void longrangeiter_dealloc(Object* op)
{
    auto* r = static_cast<LongRangeIterObject*>(op);
    clear_ref(r->start);
    clear_ref(r->step);
    clear_ref(r->len);
    object_dealloc_memory(op);
}
Ref<> longrangeiter_next(Object* op)
{
    auto* r = static_cast<LongRangeIterObject*>(op);
    if (long_sign(static_cast<LongObject*>(r->len)) <= 0) return nullptr;
    Ref<> one = long_from_long(1);
    Ref<> new_len = number_subtract(r->len, one.get());
    if (!new_len) return nullptr;
    Ref<> result = new_ref(r->start);
    Ref<> new_start = number_add(r->start, r->step);
    if (!new_start) return nullptr;
    set_ref(r->start, new_start.release());
    set_ref(r->len, new_len.release());
    return result;
}
Ref<> longrangeiter_len(Object* op, Object*) { return new_ref(static_cast<LongRangeIterObject*>(op)->len); }
MethodDef longrangeiter_methods[] = {
    method_noargs("__length_hint__", longrangeiter_len, "Private method returning an estimate of len(list(it))."),
    {},
};

bool fits_long(Object* v, long* out)
{
    int overflow;
    long long x = long_as_long_long_and_overflow(v, &overflow);
    if (overflow || x < LONG_MIN || x > LONG_MAX) return false;
    *out = static_cast<long>(x);
    return true;
}

Ref<> make_iter(Object* start, Object* step, Object* len)
{
    long lstart, lstep, llen;
    Ref<> stop_probe;
    if (fits_long(start, &lstart) && fits_long(step, &lstep) && fits_long(len, &llen)) {
        // The last value must fit too (start + (len-1)*step).
        Ref<> last;
        Ref<> one = long_from_long(1);
        Ref<> lm1 = number_subtract(len, one.get());
        if (!lm1) return nullptr;
        Ref<> prod = number_multiply(lm1.get(), step);
        if (!prod) return nullptr;
        last = number_add(start, prod.get());
        if (!last) return nullptr;
        long llast;
        if (fits_long(last.get(), &llast)) {
            Ref<RangeIterObject> it = object_new<RangeIterObject>(&RangeIter_Type);
            if (!it) return nullptr;
            it->start = lstart;
            it->step = lstep;
            it->len = llen;
            return it;
        }
    }
    error_clear();
    Ref<LongRangeIterObject> it = object_new<LongRangeIterObject>(&LongRangeIter_Type);
    if (!it) return nullptr;
    it->start = new_ref(start).release();
    it->step = new_ref(step).release();
    it->len = new_ref(len).release();
    return it;
}

Ref<> range_iter(Object* op)
{
    RangeObject* r = R(op);
    return make_iter(r->start, r->step, r->length);
}

Ref<> range_reversed(Object* op, Object*)
{
    RangeObject* r = R(op);
    // reversed(range(start, stop, step)) starts at start + (len-1)*step.
    Ref<> one = long_from_long(1);
    Ref<> lm1 = number_subtract(r->length, one.get());
    if (!lm1) return nullptr;
    Ref<> prod = number_multiply(lm1.get(), r->step);
    if (!prod) return nullptr;
    Ref<> last = number_add(r->start, prod.get());
    Ref<> neg = number_negative(r->step);
    if (!last || !neg) return nullptr;
    return make_iter(last.get(), neg.get(), r->length);
}

}  // namespace

TypeObject Range_Type = [] {
    TypeObject t = static_type("range", sizeof(RangeObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_SEQUENCE,
                               "range(stop) -> range object\nrange(start, stop[, step]) -> range object");
    t.tp_dealloc = range_dealloc;
    t.tp_repr = range_repr;
    t.tp_as_number = &range_as_number;
    t.tp_as_sequence = &range_as_sequence;
    t.tp_as_mapping = &range_as_mapping;
    t.tp_hash = range_hash;
    t.tp_getattro = object_generic_get_attr;
    t.tp_richcompare = range_richcompare;
    t.tp_iter = range_iter;
    t.tp_methods = range_methods;
    t.tp_members = range_members;
    t.tp_new = range_tp_new;
    return t;
}();

TypeObject RangeIter_Type = [] {
    TypeObject t = static_type("range_iterator", sizeof(RangeIterObject), 0, Py_TPFLAGS_DEFAULT);
    t.tp_dealloc = object_generic_dealloc;
    t.tp_getattro = object_generic_get_attr;
    t.tp_iter = object_self_iter;
    t.tp_iternext = rangeiter_next;
    t.tp_methods = rangeiter_methods;
    return t;
}();

TypeObject LongRangeIter_Type = [] {
    TypeObject t = static_type("longrange_iterator", sizeof(LongRangeIterObject), 0, Py_TPFLAGS_DEFAULT);
    t.tp_dealloc = longrangeiter_dealloc;
    t.tp_getattro = object_generic_get_attr;
    t.tp_iter = object_self_iter;
    t.tp_iternext = longrangeiter_next;
    t.tp_methods = longrangeiter_methods;
    return t;
}();

Ref<> range_new(Object* start, Object* stop, Object* step)
{
    Ref<> a = number_index(start), b = number_index(stop), c = number_index(step);
    if (!a || !b || !c) return nullptr;
    if (is_zero(c.get())) return format_error(Exc_ValueError, "range() arg 3 must not be zero");
    return make_range(&Range_Type, std::move(a), std::move(b), std::move(c));
}

}  // namespace minipy::runtime
