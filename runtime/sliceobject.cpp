// sliceobject.cpp: slice objects, Ellipsis' neighbour, and the index
// arithmetic of a[i:j:k].
// Mirrors CPython 3.11 Objects/sliceobject.c (and _PyEval_SliceIndex from
// Python/ceval.c). Book chapter 11.
#include "minipy/runtime/sliceobject.h"

#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

Ref<> slice_new(Object* start, Object* stop, Object* step)
{
    Ref<SliceObject> s = object_new<SliceObject>(&Slice_Type);
    if (!s) return nullptr;
    s->start = new_ref(start ? start : Py_None()).release();
    s->stop = new_ref(stop ? stop : Py_None()).release();
    s->step = new_ref(step ? step : Py_None()).release();
    return s;
}

bool eval_slice_index(Object* v, Py_ssize_t* pi)
{
    if (v == Py_None()) return true;
    if (!index_check(v)) {
        set_error(Exc_TypeError, "slice indices must be integers or None or have an __index__ method");
        return false;
    }
    Py_ssize_t x = number_as_ssize_t(v, nullptr);
    if (x == -1 && error_occurred()) return false;
    *pi = x;
    return true;
}

int slice_unpack(Object* op, Py_ssize_t* start, Py_ssize_t* stop, Py_ssize_t* step)
{
    auto* r = static_cast<SliceObject*>(op);
    if (r->step == Py_None()) {
        *step = 1;
    } else {
        if (!eval_slice_index(r->step, step)) return -1;
        if (*step == 0) {
            set_error(Exc_ValueError, "slice step cannot be zero");
            return -1;
        }
        // -step must not overflow in the reversed index arithmetic.
        if (*step < -PTRDIFF_MAX) *step = -PTRDIFF_MAX;
    }
    if (r->start == Py_None()) *start = *step < 0 ? PTRDIFF_MAX : 0;
    else if (!eval_slice_index(r->start, start)) return -1;
    if (r->stop == Py_None()) *stop = *step < 0 ? PTRDIFF_MIN : PTRDIFF_MAX;
    else if (!eval_slice_index(r->stop, stop)) return -1;
    return 0;
}

Py_ssize_t slice_adjust_indices(Py_ssize_t length, Py_ssize_t* start, Py_ssize_t* stop, Py_ssize_t step)
{
    if (*start < 0) {
        *start += length;
        if (*start < 0) *start = step < 0 ? -1 : 0;
    } else if (*start >= length) {
        *start = step < 0 ? length - 1 : length;
    }
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0) *stop = step < 0 ? -1 : 0;
    } else if (*stop >= length) {
        *stop = step < 0 ? length - 1 : length;
    }
    if (step < 0) {
        if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
    } else if (*start < *stop) {
        return (*stop - *start - 1) / step + 1;
    }
    return 0;
}

// _PySlice_GetLongIndices: the clamped indices as ints, for any length
// (range slicing and slice.indices() are not limited to Py_ssize_t).
int slice_get_long_indices(Object* op, Object* length, Ref<>* start_out, Ref<>* stop_out, Ref<>* step_out)
{
    auto* self = static_cast<SliceObject*>(op);
    auto as_index = [](Object* v) -> Ref<> {
        if (!index_check(v))
            return format_error(Exc_TypeError, "slice indices must be integers or None or have an __index__ method");
        return number_index(v);
    };
    Ref<> step = self->step == Py_None() ? long_from_long(1) : as_index(self->step);
    if (!step) return -1;
    int step_sign = long_sign(static_cast<LongObject*>(step.get()));
    if (step_sign == 0) {
        set_error(Exc_ValueError, "slice step cannot be zero");
        return -1;
    }
    // The bounds an index is clamped to: [0, length] going up,
    // [-1, length - 1] going down.
    Ref<> lower, upper;
    if (step_sign < 0) {
        Ref<> minus_one = long_from_long(-1);
        if (!minus_one) return -1;
        lower = std::move(minus_one);
        upper = number_add(length, lower.get());
    } else {
        lower = long_from_long(0);
        upper = new_ref(length);
    }
    if (!lower || !upper) return -1;
    auto clamp = [&](Object* v, Object* dflt) -> Ref<> {
        if (v == Py_None()) return new_ref(dflt);
        Ref<> i = as_index(v);
        if (!i) return nullptr;
        if (long_sign(static_cast<LongObject*>(i.get())) < 0) {
            i = number_add(i.get(), length);
            if (!i) return nullptr;
            int below = object_rich_compare_bool(i.get(), lower.get(), Py_LT);
            if (below < 0) return nullptr;
            return below ? new_ref(lower.get()) : std::move(i);
        }
        int above = object_rich_compare_bool(i.get(), upper.get(), Py_GT);
        if (above < 0) return nullptr;
        return above ? new_ref(upper.get()) : std::move(i);
    };
    Ref<> start = clamp(self->start, step_sign < 0 ? upper.get() : lower.get());
    if (!start) return -1;
    Ref<> stop = clamp(self->stop, step_sign < 0 ? lower.get() : upper.get());
    if (!stop) return -1;
    *start_out = std::move(start);
    *stop_out = std::move(stop);
    *step_out = std::move(step);
    return 0;
}

namespace {

void slice_dealloc(Object* op)
{
    auto* s = static_cast<SliceObject*>(op);
    clear_ref(s->start);
    clear_ref(s->stop);
    clear_ref(s->step);
    object_dealloc_memory(op);
}

int slice_traverse(Object* op, visitproc visit, void* arg)
{
    auto* s = static_cast<SliceObject*>(op);
    for (Object* o : {s->start, s->stop, s->step})
        if (int r = visit(o, arg)) return r;
    return 0;
}

Ref<> slice_repr(Object* op)
{
    auto* s = static_cast<SliceObject*>(op);
    return unicode_from_format("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

Ref<> slice_as_tuple(Object* op)
{
    auto* s = static_cast<SliceObject*>(op);
    return tuple_pack({s->start, s->stop, s->step});
}

// Slices compare like their (start, stop, step) tuples; unhashable in 3.11.
Ref<> slice_richcompare(Object* v, Object* w, int op)
{
    if (!slice_check(v) || !slice_check(w)) return not_implemented_ref();
    if (v == w) {
        bool r = op == Py_EQ || op == Py_LE || op == Py_GE;
        return bool_from_long(r);
    }
    Ref<> t1 = slice_as_tuple(v), t2 = slice_as_tuple(w);
    if (!t1 || !t2) return nullptr;
    return object_rich_compare(t1.get(), t2.get(), op);
}

Ref<> slice_indices(Object* self, Object* len)
{
    Ref<> length = number_index(len);
    if (!length) return nullptr;
    if (long_sign(static_cast<LongObject*>(length.get())) < 0)
        return format_error(Exc_ValueError, "length should not be negative");
    Ref<> start, stop, step;
    if (slice_get_long_indices(self, length.get(), &start, &stop, &step) < 0) return nullptr;
    return tuple_pack({start.get(), stop.get(), step.get()});
}

Ref<> slice_reduce(Object* self, Object*)
{
    Ref<> t = slice_as_tuple(self);
    if (!t) return nullptr;
    return tuple_pack({&Slice_Type, t.get()});
}

Ref<> slice_tp_new(TypeObject*, Object* args, Object* kwds)
{
    if (!check_no_kwargs("slice", kwds)) return nullptr;
    Py_ssize_t n = tuple_size(args);
    if (n == 0) return format_error(Exc_TypeError, "slice expected at least 1 argument, got 0");
    if (n > 3) return format_error(Exc_TypeError, "slice expected at most 3 arguments, got %zd", n);
    if (n == 1) return slice_new(nullptr, tuple_item(args, 0), nullptr);
    return slice_new(tuple_item(args, 0), tuple_item(args, 1), n == 3 ? tuple_item(args, 2) : nullptr);
}

MemberDef slice_members[] = {
    {"start", T_OBJECT, offsetof(SliceObject, start), READONLY, nullptr},
    {"stop", T_OBJECT, offsetof(SliceObject, stop), READONLY, nullptr},
    {"step", T_OBJECT, offsetof(SliceObject, step), READONLY, nullptr},
    {},
};

MethodDef slice_methods[] = {
    method_o("indices", slice_indices, "S.indices(len) -> (start, stop, stride)"),
    method_noargs("__reduce__", slice_reduce, "Return state information for pickling."),
    {},
};

}  // namespace

TypeObject Slice_Type = [] {
    TypeObject t = static_type("slice", sizeof(SliceObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
                               "slice(stop)\nslice(start, stop[, step])");
    t.tp_dealloc = slice_dealloc;
    t.tp_repr = slice_repr;
    t.tp_hash = hash_not_implemented;
    t.tp_getattro = object_generic_get_attr;
    t.tp_traverse = slice_traverse;
    t.tp_richcompare = slice_richcompare;
    t.tp_methods = slice_methods;
    t.tp_members = slice_members;
    t.tp_new = slice_tp_new;
    return t;
}();

}  // namespace minipy::runtime
