// typeobject_heap.cpp: classes made at run time (heap types):
// type(name, bases, dict), and the slot_* functions through which their
// dunder methods fill the C slots.
// Mirrors the second half of CPython 3.11 Objects/typeobject.c (type_new,
// best_base, subtype_dealloc, the SLOT* macros and update_slot). Book
// chapter 11.
//
// How overriding works: when a class dict defines __add__ (or __radd__),
// the class's nb_add slot becomes slot_nb_add, which looks the method up on
// the type (MRO, descriptors) and calls it. So `a + b` still goes through
// the same binary_op1 dispatch whether the type is written in C++ or Python.
//
// Slots follow the MRO, not only the class dict (fixup_slot_dispatchers
// after type_ready): a slot dispatches to Python when some heap class of
// the MRO defines one of its dunders, else it is the nearest static base's.
// Setting or deleting a dunder later (type_setattro -> update_slot), or
// assigning __bases__, recomputes it for the class and all its subclasses.
//
// __slots__ become member descriptors over pointer fields after the base's
// layout (type_new_slots, type_new_descriptors); the new class then gets
// __set_name__ calls for its attributes and its base's __init_subclass__
// with the class statement's keywords.
//
// Subclasses of str keep the code points inline and size their instances
// at 4 bytes per code point (layout_itemsize), so nonempty __slots__ are
// refused for them as for int and tuple subclasses (CPython allows them),
// except __dict__ and __weakref__: those two fields follow the code points
// and are counted from the end of the object (negative offsets).
//
// Weak references: a class that adds the __weakref__ field clears the
// references to a dying instance right after __del__ (subtype_dealloc).
#include <cstdarg>
#include <cstdint>
#include <cstring>
#include <string>

#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/classobject.h"
#include "minipy/runtime/cellobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/funcobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/objimpl.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/runtime/weakrefobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

CurrentGlobalsHook type_current_globals_hook = nullptr;

namespace {

// --- Calling a special method ---------------------------------------------------

// lookup_maybe_method + call: type(self).name bound to self, called with args.
// *found is false (and no error is set) when the type has no such attribute.
Ref<> call_special(Object* self, const char* name, std::initializer_list<Object*> args, bool* found = nullptr)
{
    Object* meth = type_lookup(Py_TYPE(self), intern_id(name));
    if (found) *found = meth != nullptr;
    if (!meth) {
        if (found) return nullptr;
        return format_error(Exc_AttributeError, "%s", name);
    }
    Ref<> keep = new_ref(meth);
    std::vector<Object*> stack;
    // Functions (method descriptors) are called unbound with self first,
    // like CPython's vectorcall_method; other descriptors are bound first.
    if (type_has_feature(Py_TYPE(meth), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
        stack.push_back(self);
        stack.insert(stack.end(), args.begin(), args.end());
        return object_vectorcall(meth, stack.data(), stack.size(), nullptr);
    }
    Ref<> bound = keep;
    if (descrgetfunc get = Py_TYPE(meth)->tp_descr_get) {
        bound = get(meth, self, Py_TYPE(self));
        if (!bound) return nullptr;
    }
    stack.assign(args.begin(), args.end());
    return object_vectorcall(bound.get(), stack.data(), stack.size(), nullptr);
}

Ref<> call_or_not_implemented(Object* self, const char* name, std::initializer_list<Object*> args)
{
    bool found;
    Ref<> r = call_special(self, name, args, &found);
    if (!found && !error_occurred()) return not_implemented_ref();
    return r;
}

// --- The slot functions ----------------------------------------------------------

Ref<> slot_tp_repr(Object* self)
{
    bool found;
    Ref<> r = call_special(self, "__repr__", {}, &found);
    if (found || error_occurred()) return r;
    return unicode_from_format("<%s object at %p>", Py_TYPE(self)->tp_name, self);
}
Ref<> slot_tp_str(Object* self) { return call_special(self, "__str__", {}); }

Py_hash_t slot_tp_hash(Object* self)
{
    bool found;
    Ref<> r = call_special(self, "__hash__", {}, &found);
    if (!found && !error_occurred()) return hash_not_implemented(self);
    if (!r) return -1;
    if (!long_check(r.get())) {
        set_error(Exc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    // A result that fits in Py_ssize_t is the hash itself (CPython's
    // slot_tp_hash); only bigger ones are reduced as int's own hash does.
    Py_hash_t h = long_as_ssize_t(r.get());
    if (h == -1 && error_occurred()) {
        error_clear();
        h = long_hash(r.get());
    }
    return h == -1 ? -2 : h;
}

Ref<> slot_tp_call(Object* self, Object* args, Object* kwds)
{
    Object* meth = type_lookup(Py_TYPE(self), intern_id("__call__"));
    if (!meth) return format_error(Exc_TypeError, "'%.200s' object is not callable", Py_TYPE(self)->tp_name);
    Ref<> keep = new_ref(meth);
    Ref<> bound = keep;
    if (descrgetfunc get = Py_TYPE(meth)->tp_descr_get) {
        bound = get(meth, self, Py_TYPE(self));
        if (!bound) return nullptr;
    }
    return object_call(bound.get(), args, kwds);
}

const char* const richcmp_names[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};

Ref<> slot_tp_richcompare(Object* self, Object* other, int op)
{
    return call_or_not_implemented(self, richcmp_names[op], {other});
}

Ref<> slot_tp_iter(Object* self)
{
    // __iter__ = None declares the class not iterable (no fallback to
    // __getitem__).
    if (type_lookup(Py_TYPE(self), intern_id("__iter__")) == Py_None())
        return format_error(Exc_TypeError, "'%.200s' object is not iterable", Py_TYPE(self)->tp_name);
    bool found;
    Ref<> r = call_special(self, "__iter__", {}, &found);
    if (found || error_occurred()) return r;
    return format_error(Exc_TypeError, "'%.200s' object is not iterable", Py_TYPE(self)->tp_name);
}

Ref<> slot_tp_iternext(Object* self) { return call_special(self, "__next__", {}); }

// __getattribute__ then, on AttributeError, __getattr__ (slot_tp_getattr_hook).
Ref<> slot_tp_getattr_hook(Object* self, Object* name)
{
    TypeObject* tp = Py_TYPE(self);
    Object* getattribute = type_lookup(tp, intern_id("__getattribute__"));
    Ref<> res;
    if (!getattribute || (Py_TYPE(getattribute) == &WrapperDescr_Type &&
                          getattribute == type_lookup(&BaseObject_Type, intern_id("__getattribute__")))) {
        res = object_generic_get_attr(self, name);
    } else {
        res = call_special(self, "__getattribute__", {name});
    }
    if (res || !error_matches(Exc_AttributeError)) return res;
    Object* getattr = type_lookup(tp, intern_id("__getattr__"));
    if (!getattr) return nullptr;
    error_clear();
    return call_special(self, "__getattr__", {name});
}

int slot_tp_setattro(Object* self, Object* name, Object* value)
{
    Ref<> r = value ? call_special(self, "__setattr__", {name, value}) : call_special(self, "__delattr__", {name});
    return r ? 0 : -1;
}

Ref<> slot_tp_descr_get(Object* self, Object* obj, Object* type)
{
    return call_special(self, "__get__", {obj ? obj : Py_None(), type ? type : Py_None()});
}

int slot_tp_descr_set(Object* self, Object* target, Object* value)
{
    Ref<> r = value ? call_special(self, "__set__", {target, value}) : call_special(self, "__delete__", {target});
    return r ? 0 : -1;
}

int slot_tp_init(Object* self, Object* args, Object* kwds)
{
    Object* meth = type_lookup(Py_TYPE(self), intern_id("__init__"));
    if (!meth) return 0;
    Ref<> keep = new_ref(meth);
    Ref<> bound = keep;
    if (descrgetfunc get = Py_TYPE(meth)->tp_descr_get) {
        bound = get(meth, self, Py_TYPE(self));
        if (!bound) return -1;
    }
    Ref<> r = object_call(bound.get(), args, kwds);
    if (!r) return -1;
    if (r.get() != Py_None()) {
        format_error(Exc_TypeError, "__init__() should return None, not '%.200s'", Py_TYPE(r.get())->tp_name);
        return -1;
    }
    return 0;
}

// __new__ is a static method: called as cls.__new__(cls, *args, **kwds).
Ref<> slot_tp_new(TypeObject* type, Object* args, Object* kwds)
{
    Ref<> func = object_get_attr_string(type, "__new__");
    if (!func) return nullptr;
    Ref<> full = tuple_new(tuple_size(args) + 1);
    if (!full) return nullptr;
    tuple_set_item(full.get(), 0, new_ref<Object>(type).release());
    for (Py_ssize_t i = 0; i < tuple_size(args); i++) tuple_set_item(full.get(), i + 1, new_ref(tuple_item(args, i)).release());
    return object_call(func.get(), full.get(), kwds);
}

void slot_tp_finalize(Object* self)
{
    // __del__'s exceptions cannot propagate: they are reported
    // (PyErr_WriteUnraisable) with the __del__ found on the type as the
    // object, "Exception ignored in: <function C.__del__ at ...>".
    Ref<> saved = fetch_exception();
    Object* del = type_lookup(Py_TYPE(self), intern_id("__del__"));
    if (del) {
        Ref<> keep = new_ref(del);
        Ref<> r = call_special(self, "__del__", {});
        if (!r) error_write_unraisable(del);
    }
    restore_exception(std::move(saved));
}

Py_ssize_t slot_len(Object* self)
{
    Ref<> r = call_special(self, "__len__", {});
    if (!r) return -1;
    Py_ssize_t n = number_as_ssize_t(r.get(), Exc_OverflowError);
    if (n == -1 && error_occurred()) return -1;
    if (n < 0) {
        set_error(Exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n;
}

Ref<> slot_mp_subscript(Object* self, Object* key) { return call_special(self, "__getitem__", {key}); }
// __getitem__ also fills sq_item, so that a class with only __getitem__ is
// iterable through the old sequence protocol (iter() falls back to it).
Ref<> slot_sq_item(Object* self, Py_ssize_t i)
{
    Ref<> index = long_from_ssize_t(i);
    if (!index) return nullptr;
    return call_special(self, "__getitem__", {index.get()});
}

int slot_mp_ass_subscript(Object* self, Object* key, Object* value)
{
    Ref<> r = value ? call_special(self, "__setitem__", {key, value}) : call_special(self, "__delitem__", {key});
    return r ? 0 : -1;
}

int slot_sq_contains(Object* self, Object* value)
{
    bool found;
    Ref<> r = call_special(self, "__contains__", {value}, &found);
    if (!found && !error_occurred()) {
        // No __contains__: iterate (sequence_contains would recurse back here).
        Ref<> it = object_get_iter(self);
        if (!it) return -1;
        for (;;) {
            Ref<> item = iter_next(it.get());
            if (!item) return error_occurred() ? -1 : 0;
            int cmp = object_rich_compare_bool(item.get(), value, Py_EQ);
            if (cmp != 0) return cmp;
        }
    }
    if (!r) return -1;
    return object_is_true(r.get());
}

int slot_nb_bool(Object* self)
{
    bool found;
    Ref<> r = call_special(self, "__bool__", {}, &found);
    if (!found && !error_occurred()) {
        // No __bool__: __len__ decides (nb_bool is only set when one exists).
        Py_ssize_t n = slot_len(self);
        return n < 0 ? -1 : n > 0;
    }
    if (!r) return -1;
    if (!bool_check(r.get())) {
        format_error(Exc_TypeError, "__bool__ should return bool, returned %.200s", Py_TYPE(r.get())->tp_name);
        return -1;
    }
    return r.get() == Py_True();
}

template <const char* Name>
Ref<> slot_unary(Object* self)
{
    return call_special(self, Name, {});
}

// method_is_overloaded: whether right (a subclass of left) has its own
// version of the reflected method rather than left's.
bool method_is_overloaded(TypeObject* left, TypeObject* right, const char* name)
{
    Object* b = type_lookup(right, intern_id(name));
    if (!b) return false;
    return type_lookup(left, intern_id(name)) != b;
}

// SLOT1BINFULL: the left operand's __op__, then the right one's __rop__,
// with a subclass's reflected method first when it overrides it.
template <const char* Op, const char* ROp, binaryfunc NumberMethods::*Field>
Ref<> slot_binary(Object* self, Object* other);

template <const char* Op, const char* ROp, binaryfunc NumberMethods::*Field>
bool has_slot(Object* o)
{
    NumberMethods* nb = Py_TYPE(o)->tp_as_number;
    return nb && nb->*Field == &slot_binary<Op, ROp, Field>;
}

template <const char* Op, const char* ROp, binaryfunc NumberMethods::*Field>
Ref<> slot_binary(Object* self, Object* other)
{
    const bool do_other =
        Py_TYPE(self) != Py_TYPE(other) && has_slot<Op, ROp, Field>(other);
    bool do_other_left = do_other;
    if (has_slot<Op, ROp, Field>(self)) {
        if (do_other && type_is_subtype(Py_TYPE(other), Py_TYPE(self)) &&
            method_is_overloaded(Py_TYPE(self), Py_TYPE(other), ROp)) {
            Ref<> r = call_or_not_implemented(other, ROp, {self});
            if (!r || r.get() != Py_NotImplemented()) return r;
            do_other_left = false;
        }
        Ref<> r = call_or_not_implemented(self, Op, {other});
        if (!r || r.get() != Py_NotImplemented() || Py_TYPE(other) == Py_TYPE(self)) return r;
    }
    if (do_other_left) return call_or_not_implemented(other, ROp, {self});
    return not_implemented_ref();
}

// pow with an optional modulus: the three-argument form has no reflection.
Ref<> slot_nb_power(Object* self, Object* other, Object* modulus);
bool has_pow_slot(Object* o)
{
    NumberMethods* nb = Py_TYPE(o)->tp_as_number;
    return nb && nb->nb_power == &slot_nb_power;
}
Ref<> slot_nb_power(Object* self, Object* other, Object* modulus)
{
    if (modulus != Py_None()) {
        if (has_pow_slot(self)) return call_or_not_implemented(self, "__pow__", {other, modulus});
        return not_implemented_ref();
    }
    const bool do_other = Py_TYPE(self) != Py_TYPE(other) && has_pow_slot(other);
    if (has_pow_slot(self)) {
        Ref<> r = call_or_not_implemented(self, "__pow__", {other});
        if (!r || r.get() != Py_NotImplemented() || Py_TYPE(other) == Py_TYPE(self)) return r;
    }
    if (do_other) return call_or_not_implemented(other, "__rpow__", {self});
    return not_implemented_ref();
}

template <const char* Name>
Ref<> slot_inplace(Object* self, Object* other)
{
    return call_or_not_implemented(self, Name, {other});
}

#define NAME(id, text) constexpr char id[] = text;
NAME(n_add, "__add__") NAME(n_radd, "__radd__") NAME(n_sub, "__sub__") NAME(n_rsub, "__rsub__")
NAME(n_mul, "__mul__") NAME(n_rmul, "__rmul__") NAME(n_mod, "__mod__") NAME(n_rmod, "__rmod__")
NAME(n_divmod, "__divmod__") NAME(n_rdivmod, "__rdivmod__") NAME(n_lshift, "__lshift__")
NAME(n_rlshift, "__rlshift__") NAME(n_rshift, "__rshift__") NAME(n_rrshift, "__rrshift__")
NAME(n_and, "__and__") NAME(n_rand, "__rand__") NAME(n_xor, "__xor__") NAME(n_rxor, "__rxor__")
NAME(n_or, "__or__") NAME(n_ror, "__ror__") NAME(n_floordiv, "__floordiv__") NAME(n_rfloordiv, "__rfloordiv__")
NAME(n_truediv, "__truediv__") NAME(n_rtruediv, "__rtruediv__") NAME(n_matmul, "__matmul__")
NAME(n_rmatmul, "__rmatmul__") NAME(n_neg, "__neg__") NAME(n_pos, "__pos__") NAME(n_abs, "__abs__")
NAME(n_invert, "__invert__") NAME(n_int, "__int__") NAME(n_float, "__float__") NAME(n_index, "__index__")
NAME(n_iadd, "__iadd__") NAME(n_isub, "__isub__") NAME(n_imul, "__imul__") NAME(n_imod, "__imod__")
NAME(n_ilshift, "__ilshift__") NAME(n_irshift, "__irshift__") NAME(n_iand, "__iand__") NAME(n_ixor, "__ixor__")
NAME(n_ior, "__ior__") NAME(n_ifloordiv, "__ifloordiv__") NAME(n_itruediv, "__itruediv__")
NAME(n_imatmul, "__imatmul__")
#undef NAME

// --- Which dunder fills which slot (the heap half of slotdefs) -------------------

struct HeapSlot {
    const char* names[7];  // any of these in the dict sets the slot (null-terminated)
    void (*install)(TypeObject*);
    // Puts back what `from` (the nearest static base) has in the same
    // field(s): used when no Python-level method is left for the names.
    void (*inherit)(TypeObject* to, TypeObject* from);
};

#define TP(field, value)                                                        \
    [](TypeObject* t) { t->field = value; }, [](TypeObject* t, TypeObject* from) { \
        t->field = from->field;                                                 \
    }
#define SUB(table, field, value)                                                      \
    [](TypeObject* t) { t->table->field = value; }, [](TypeObject* t, TypeObject* from) { \
        t->table->field = from->table ? from->table->field : nullptr;                 \
    }
#define BIN(op, rop, field) \
    HeapSlot{{op, rop}, SUB(tp_as_number, field, (slot_binary<op, rop, &NumberMethods::field>))}
#define UN(name, field) HeapSlot{{name}, SUB(tp_as_number, field, slot_unary<name>)}
#define INPLACE(name, field) HeapSlot{{name}, SUB(tp_as_number, field, slot_inplace<name>)}

const HeapSlot heap_slots[] = {
    {{"__repr__"}, TP(tp_repr, slot_tp_repr)},
    {{"__str__"}, TP(tp_str, slot_tp_str)},
    {{"__hash__"}, TP(tp_hash, slot_tp_hash)},
    {{"__call__"}, TP(tp_call, slot_tp_call)},
    {{"__getattribute__", "__getattr__"}, TP(tp_getattro, slot_tp_getattr_hook)},
    {{"__setattr__", "__delattr__"}, TP(tp_setattro, slot_tp_setattro)},
    {{"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"}, TP(tp_richcompare, slot_tp_richcompare)},
    {{"__iter__"}, TP(tp_iter, slot_tp_iter)},
    {{"__next__"}, TP(tp_iternext, slot_tp_iternext)},
    {{"__get__"}, TP(tp_descr_get, slot_tp_descr_get)},
    {{"__set__", "__delete__"}, TP(tp_descr_set, slot_tp_descr_set)},
    {{"__init__"}, TP(tp_init, slot_tp_init)},
    {{"__new__"}, TP(tp_new, slot_tp_new)},
    {{"__del__"}, TP(tp_finalize, slot_tp_finalize)},
    {{"__len__"},
     [](TypeObject* t) {
         t->tp_as_mapping->mp_length = slot_len;
         t->tp_as_sequence->sq_length = slot_len;
     },
     [](TypeObject* t, TypeObject* from) {
         t->tp_as_mapping->mp_length = from->tp_as_mapping ? from->tp_as_mapping->mp_length : nullptr;
         t->tp_as_sequence->sq_length = from->tp_as_sequence ? from->tp_as_sequence->sq_length : nullptr;
     }},
    {{"__getitem__"},
     [](TypeObject* t) {
         t->tp_as_mapping->mp_subscript = slot_mp_subscript;
         t->tp_as_sequence->sq_item = slot_sq_item;
     },
     [](TypeObject* t, TypeObject* from) {
         t->tp_as_mapping->mp_subscript = from->tp_as_mapping ? from->tp_as_mapping->mp_subscript : nullptr;
         t->tp_as_sequence->sq_item = from->tp_as_sequence ? from->tp_as_sequence->sq_item : nullptr;
     }},
    {{"__setitem__", "__delitem__"}, SUB(tp_as_mapping, mp_ass_subscript, slot_mp_ass_subscript)},
    {{"__contains__"}, SUB(tp_as_sequence, sq_contains, slot_sq_contains)},
    {{"__bool__"}, SUB(tp_as_number, nb_bool, slot_nb_bool)},
    {{"__pow__", "__rpow__"}, SUB(tp_as_number, nb_power, slot_nb_power)},
    BIN(n_add, n_radd, nb_add), BIN(n_sub, n_rsub, nb_subtract), BIN(n_mul, n_rmul, nb_multiply),
    BIN(n_mod, n_rmod, nb_remainder), BIN(n_divmod, n_rdivmod, nb_divmod), BIN(n_lshift, n_rlshift, nb_lshift),
    BIN(n_rshift, n_rrshift, nb_rshift), BIN(n_and, n_rand, nb_and), BIN(n_xor, n_rxor, nb_xor),
    BIN(n_or, n_ror, nb_or), BIN(n_floordiv, n_rfloordiv, nb_floor_divide),
    BIN(n_truediv, n_rtruediv, nb_true_divide), BIN(n_matmul, n_rmatmul, nb_matrix_multiply),
    UN(n_neg, nb_negative), UN(n_pos, nb_positive), UN(n_abs, nb_absolute), UN(n_invert, nb_invert),
    UN(n_int, nb_int), UN(n_float, nb_float), UN(n_index, nb_index),
    INPLACE(n_iadd, nb_inplace_add), INPLACE(n_isub, nb_inplace_subtract), INPLACE(n_imul, nb_inplace_multiply),
    INPLACE(n_imod, nb_inplace_remainder), INPLACE(n_ilshift, nb_inplace_lshift), INPLACE(n_irshift, nb_inplace_rshift),
    INPLACE(n_iand, nb_inplace_and), INPLACE(n_ixor, nb_inplace_xor), INPLACE(n_ior, nb_inplace_or),
    INPLACE(n_ifloordiv, nb_inplace_floor_divide), INPLACE(n_itruediv, nb_inplace_true_divide),
    INPLACE(n_imatmul, nb_inplace_matrix_multiply),
};

#undef TP
#undef SUB
#undef BIN
#undef UN
#undef INPLACE

// --- Instances of heap types -------------------------------------------------------

// The nearest base that is not a heap type: its dealloc frees the object.
TypeObject* static_base(TypeObject* t)
{
    while (t && type_has_feature(t, Py_TPFLAGS_HEAPTYPE)) t = t->tp_base;
    return t;
}

// The T_OBJECT_EX members that __slots__ gave a heap type (its own only:
// each heap type of the chain is visited by the callers).
template <class F>
int for_each_slot(TypeObject* type, F&& f)
{
    auto* et = static_cast<HeapTypeObject*>(type);
    if (!et->ht_slots) return 0;
    for (MemberDef* m = type->tp_members; m && m->name; m++) {
        if (m->type != T_OBJECT_EX || (m->flags & READONLY)) continue;
        if (int r = f(m->offset)) return r;
    }
    return 0;
}

Object*& slot_field(Object* self, Py_ssize_t offset)
{
    return *reinterpret_cast<Object**>(reinterpret_cast<char*>(self) + offset);
}

// clear_slots for every heap type from type down to its static base.
void clear_all_slots(Object* self)
{
    for (TypeObject* t = Py_TYPE(self); t && type_has_feature(t, Py_TPFLAGS_HEAPTYPE); t = t->tp_base)
        (void)for_each_slot(t, [self](Py_ssize_t off) {
            clear_ref(slot_field(self, off));
            return 0;
        });
}

void subtype_dealloc(Object* self)
{
    TypeObject* type = Py_TYPE(self);
    // PEP 442: __del__ runs once (the GC head remembers it); a resurrected
    // object stays alive, tracked again by the collector.
    if (type->tp_finalize && object_call_finalizer_from_dealloc(self) < 0) return;
    TypeObject* base = static_base(type);
    // If a heap class added the weak-reference list, the references die now,
    // after __del__ and before the slots and the dict are torn down, so a
    // callback never sees a half-destroyed object through another path.
    // References __del__ itself made to the object are among them.
    if (type->tp_weaklistoffset && !base->tp_weaklistoffset) object_clear_weakrefs(self);
    clear_all_slots(self);
    // The instance dict this class (or a heap base) added.
    if (type->tp_dictoffset && type->tp_dictoffset != base->tp_dictoffset) {
        if (Object** dictptr = object_get_dict_ptr(self)) clear_ref(*dictptr);
    }
    base->tp_dealloc(self);  // frees the memory and drops the reference to type
}

int subtype_traverse(Object* self, visitproc visit, void* arg)
{
    TypeObject* type = Py_TYPE(self);
    if (int r = visit(type, arg)) return r;
    for (TypeObject* t = type; t && type_has_feature(t, Py_TPFLAGS_HEAPTYPE); t = t->tp_base) {
        int r = for_each_slot(t, [&](Py_ssize_t off) {
            Object* v = slot_field(self, off);
            return v ? visit(v, arg) : 0;
        });
        if (r) return r;
    }
    TypeObject* base = static_base(type);
    if (type->tp_dictoffset && type->tp_dictoffset != base->tp_dictoffset)
        if (Object** dictptr = object_get_dict_ptr(self); dictptr && *dictptr)
            if (int r = visit(*dictptr, arg)) return r;
    return base->tp_traverse ? base->tp_traverse(self, visit, arg) : 0;
}

int subtype_clear(Object* self)
{
    TypeObject* type = Py_TYPE(self);
    TypeObject* base = static_base(type);
    clear_all_slots(self);
    if (type->tp_dictoffset && type->tp_dictoffset != base->tp_dictoffset)
        if (Object** dictptr = object_get_dict_ptr(self)) clear_ref(*dictptr);
    return base->tp_clear ? base->tp_clear(self) : 0;
}

Ref<> subtype_dict(Object* self, void*)
{
    Object** dictptr = object_get_dict_ptr(self);
    if (!dictptr) return format_error(Exc_AttributeError, "This object has no __dict__");
    if (!*dictptr) {
        Ref<> d = dict_new();
        if (!d) return nullptr;
        *dictptr = d.release();
    }
    return new_ref(*dictptr);
}

int subtype_setdict(Object* self, Object* value, void*)
{
    Object** dictptr = object_get_dict_ptr(self);
    if (!dictptr) {
        set_error(Exc_AttributeError, "This object has no __dict__");
        return -1;
    }
    if (value && !dict_check(value)) {
        format_error(Exc_TypeError, "__dict__ must be set to a dictionary, not a '%.200s'", Py_TYPE(value)->tp_name);
        return -1;
    }
    set_ref(*dictptr, new_ref(value).release());
    return 0;
}

// subtype_getweakref: obj.__weakref__ is the head of obj's weak-reference
// list (the shared callback-less ref if there is one), or None.
Ref<> subtype_getweakref(Object* self, void*)
{
    Object** list = object_weaklist_ptr(self);
    return list && *list ? new_ref(*list) : none_ref();
}

// The getsets a class adds for the instance fields it adds itself: a base
// that already has __dict__ or __weakref__ provides that descriptor.
GetSetDef subtype_getsets_full[] = {
    {"__dict__", subtype_dict, subtype_setdict, "dictionary for instance variables (if defined)", nullptr},
    {"__weakref__", subtype_getweakref, nullptr, "list of weak references to the object (if defined)", nullptr},
    {},
};
GetSetDef subtype_getsets_dict_only[] = {
    {"__dict__", subtype_dict, subtype_setdict, "dictionary for instance variables (if defined)", nullptr},
    {},
};
GetSetDef subtype_getsets_weakref_only[] = {
    {"__weakref__", subtype_getweakref, nullptr, "list of weak references to the object (if defined)", nullptr},
    {},
};

// A str's code points follow its header (unicode_data), so str behaves
// here as a var-sized base: a subclass of str itself gets 4 bytes per code
// point and a terminator (unicode_subtype_new), whatever the string's kind,
// and any __dict__ after them.
Py_ssize_t layout_itemsize(TypeObject* base)
{
    return base == &Unicode_Type ? static_cast<Py_ssize_t>(sizeof(Py_UCS4)) : base->tp_itemsize;
}
Py_ssize_t layout_basicsize(TypeObject* base)
{
    return base == &Unicode_Type ? static_cast<Py_ssize_t>(sizeof(UnicodeObject) + sizeof(Py_UCS4))
                                 : base->tp_basicsize;
}

// A type adds instance fields over its base (extra_ivars in CPython). The
// __weakref__ and __dict__ fields a heap type appends at its end do not
// count: two bases that add only those can still be combined.
bool extra_ivars(TypeObject* type, TypeObject* base)
{
    constexpr auto ptr = static_cast<Py_ssize_t>(sizeof(Object*));
    Py_ssize_t t_size = type->tp_basicsize, b_size = layout_basicsize(base);
    const bool heap = type_has_feature(type, Py_TPFLAGS_HEAPTYPE);
    if (type->tp_itemsize || layout_itemsize(base)) {
        // The __dict__ a str subclass appends does not count either (in
        // CPython str subclasses are not var-sized, so two of them combine).
        if (heap && type_is_subtype(type, &Unicode_Type) && type->tp_dictoffset && !base->tp_dictoffset) t_size -= ptr;
        if (heap && type_is_subtype(type, &Unicode_Type) && type->tp_weaklistoffset && !base->tp_weaklistoffset)
            t_size -= ptr;
        return t_size != b_size || type->tp_itemsize != layout_itemsize(base);
    }
    if (heap && type->tp_weaklistoffset && !base->tp_weaklistoffset && type->tp_weaklistoffset + ptr == t_size)
        t_size -= ptr;
    if (heap && type->tp_dictoffset && !base->tp_dictoffset && type->tp_dictoffset + ptr == t_size) t_size -= ptr;
    return t_size != b_size;
}

TypeObject* solid_base(TypeObject* type)
{
    TypeObject* base = type->tp_base ? solid_base(type->tp_base) : &BaseObject_Type;
    return extra_ivars(type, base) ? type : base;
}

// best_base: the base whose instance layout every other base's is a prefix of.
TypeObject* best_base(Object* bases)
{
    TypeObject *base = nullptr, *winner = nullptr;
    for (Py_ssize_t i = 0; i < tuple_size(bases); i++) {
        Object* b = tuple_item(bases, i);
        if (!type_check(b)) {
            set_error(Exc_TypeError, "bases must be types");
            return nullptr;
        }
        auto* base_i = static_cast<TypeObject*>(b);
        if (!type_has_feature(base_i, Py_TPFLAGS_BASETYPE)) {
            format_error(Exc_TypeError, "type '%.100s' is not an acceptable base type", base_i->tp_name);
            return nullptr;
        }
        TypeObject* candidate = solid_base(base_i);
        if (!winner) {
            winner = candidate;
            base = base_i;
        } else if (type_is_subtype(winner, candidate)) {
        } else if (type_is_subtype(candidate, winner)) {
            winner = candidate;
            base = base_i;
        } else {
            set_error(Exc_TypeError, "multiple bases have instance lay-out conflict");
            return nullptr;
        }
    }
    return base;
}

}  // namespace

// (Re)computes the slots of a heap type from the dunders visible in its dict.
void fixup_heap_slots(TypeObject* type)
{
    for (const HeapSlot& s : heap_slots) {
        for (const char* const* n = s.names; *n; n++) {
            const char* name = *n;
            if (dict_get_item_string(type->tp_dict, name)) {
                s.install(type);
                break;
            }
        }
    }
    // __eq__ without __hash__ makes instances unhashable (type_new_set_hash).
    if (dict_get_item_string(type->tp_dict, "__eq__") && !dict_get_item_string(type->tp_dict, "__hash__")) {
        if (dict_set_item_string(type->tp_dict, "__hash__", Py_None()) < 0) error_clear();
    }
    if (Object* h = dict_get_item_string(type->tp_dict, "__hash__"); h == Py_None()) type->tp_hash = hash_not_implemented;
}

namespace {

// The class of type's MRO whose dict holds name (null when none does).
TypeObject* defining_type(TypeObject* type, Object* name)
{
    Object* mro = type->tp_mro;
    for (Py_ssize_t i = 0; mro && i < tuple_size(mro); i++) {
        auto* t = static_cast<TypeObject*>(tuple_item(mro, i));
        if (t->tp_dict && dict_get_item_with_error(t->tp_dict, name)) return t;
        if (error_occurred()) error_clear();
    }
    return nullptr;
}

// update_one_slot for a heap type: the slot dispatches to Python code when
// one of its names resolves to an attribute of a heap class; otherwise it
// goes back to what the nearest static base has (whose own wrapper is what
// the lookup found, or nothing at all).
void update_one_slot(TypeObject* type, const HeapSlot& s)
{
    bool python_level = false;
    for (const char* const* n = s.names; *n && !python_level; n++) {
        TypeObject* owner = defining_type(type, intern_id(*n));
        python_level = owner && type_has_feature(owner, Py_TPFLAGS_HEAPTYPE);
    }
    if (python_level) s.install(type);
    else s.inherit(type, static_base(type));
}

void update_slot_recursive(TypeObject* type, Object* name)
{
    if (!type_has_feature(type, Py_TPFLAGS_HEAPTYPE)) return;
    for (const HeapSlot& s : heap_slots)
        for (const char* const* n = s.names; *n; n++)
            if (unicode_equal_to_ascii(name, *n)) {
                update_one_slot(type, s);
                break;
            }
    // __hash__ = None (set or inherited) makes instances unhashable.
    if (unicode_equal_to_ascii(name, "__hash__") && type_lookup(type, intern_id("__hash__")) == Py_None())
        type->tp_hash = hash_not_implemented;
    for (TypeObject* sub : type_subclass_list(type)) update_slot_recursive(sub, name);
}

}  // namespace

// update_slot: after `name` was set on or deleted from a heap type, the C
// slots it feeds are recomputed for the type and every subclass that
// inherits it (the caller has already called type_modified).
void update_slot(TypeObject* type, Object* name)
{
    update_slot_recursive(type, name);
}

bool is_slot_name(Object* name)
{
    if (!unicode_check(name)) return false;
    for (const HeapSlot& s : heap_slots)
        for (const char* const* n = s.names; *n; n++)
            if (unicode_equal_to_ascii(name, *n)) return true;
    return false;
}

// fixup_slot_dispatchers: every slot of a heap type from what its MRO
// holds (a method inherited from a heap base counts as much as its own).
void fixup_slot_dispatchers(TypeObject* type)
{
    for (const HeapSlot& s : heap_slots) update_one_slot(type, s);
    if (type_lookup(type, intern_id("__hash__")) == Py_None()) type->tp_hash = hash_not_implemented;
}

void update_all_slots(TypeObject* type)
{
    fixup_slot_dispatchers(type);
    for (TypeObject* sub : type_subclass_list(type)) update_all_slots(sub);
}

TypeObject* heap_best_base(Object* bases) { return best_base(bases); }

bool types_compatible_for_assignment(TypeObject* oldto, TypeObject* newto, const char* attr)
{
    if (newto->tp_free != oldto->tp_free) {
        format_error(Exc_TypeError, "%s assignment: '%s' deallocator differs from '%s'", attr, newto->tp_name,
                     oldto->tp_name);
        return false;
    }
    TypeObject* newbase = solid_base(newto);
    TypeObject* oldbase = solid_base(oldto);
    // Same solid base, or both only add __dict__/__weakref__ to it.
    auto same_slots = [](TypeObject* a, TypeObject* b) {
        return a->tp_basicsize == b->tp_basicsize && a->tp_itemsize == b->tp_itemsize &&
               a->tp_dictoffset == b->tp_dictoffset && a->tp_weaklistoffset == b->tp_weaklistoffset &&
               type_has_feature(a, Py_TPFLAGS_HAVE_GC) == type_has_feature(b, Py_TPFLAGS_HAVE_GC);
    };
    if (newbase != oldbase && (newbase->tp_base != oldbase->tp_base || !same_slots(newbase, oldbase))) {
        format_error(Exc_TypeError, "%s assignment: '%s' object layout differs from '%s'", attr, newto->tp_name,
                     oldto->tp_name);
        return false;
    }
    return true;
}

namespace {

// _Py_Mangle for slot names: `__x` in class `C` is stored as `_C__x`.
Ref<> mangle_slot(Object* class_name, Object* name)
{
    std::string n = unicode_to_std(name);
    if (n.size() < 2 || n[0] != '_' || n[1] != '_' || (n.size() >= 4 && n.ends_with("__")) ||
        n.find('.') != std::string::npos)
        return new_ref(name);
    std::string cls = unicode_to_std(class_name);
    std::size_t i = cls.find_first_not_of('_');
    if (i == std::string::npos) return new_ref(name);  // a class named only by underscores
    // (Appended piecewise: g++ 12 -O2 misreads "_" + substr + n as an
    // overlapping copy, -Wrestrict.)
    std::string mangled = "_";
    mangled.append(cls, i, std::string::npos);
    mangled += n;
    return unicode_from_utf8(mangled);
}

}  // namespace

// _PyType_GetSlotNames: cls.__slotnames__, computed once as
// copyreg._slotnames does (every class of the MRO that has __slots__, in
// declaration order, private names mangled, __dict__/__weakref__ left out)
// and cached in the class dict when the class is a heap type.
Ref<> type_slot_names(TypeObject* type)
{
    if (Object* cached = dict_get_item_with_error(type->tp_dict, intern_id("__slotnames__"))) {
        if (cached != Py_None() && !list_check(cached))
            return format_error(Exc_TypeError, "%.200s.__slotnames__ should be a list or None, not %.200s",
                                type->tp_name, Py_TYPE(cached)->tp_name);
        return new_ref(cached);
    }
    if (error_occurred()) return nullptr;
    Ref<> names = list_new(0);
    if (!names) return nullptr;
    for (Py_ssize_t i = 0; type->tp_mro && i < tuple_size(type->tp_mro); i++) {
        auto* c = static_cast<TypeObject*>(tuple_item(type->tp_mro, i));
        Object* slots = dict_get_item_with_error(c->tp_dict, intern_id("__slots__"));
        if (!slots) {
            if (error_occurred()) return nullptr;
            continue;
        }
        Ref<> seq = unicode_check(slots) ? tuple_pack({slots}) : sequence_tuple(slots);
        if (!seq) return nullptr;
        for (Py_ssize_t j = 0; j < tuple_size(seq.get()); j++) {
            Object* name = tuple_item(seq.get(), j);
            if (unicode_check(name) &&
                (unicode_equal_to_ascii(name, "__dict__") || unicode_equal_to_ascii(name, "__weakref__")))
                continue;
            Ref<> cls_name = type_has_feature(c, Py_TPFLAGS_HEAPTYPE)
                                 ? new_ref(static_cast<HeapTypeObject*>(c)->ht_name)
                                 : unicode_from_string(type_short_name(c));
            Ref<> mangled = cls_name && unicode_check(name) ? mangle_slot(cls_name.get(), name) : nullptr;
            if (!mangled || list_append(names.get(), mangled.get()) < 0) return nullptr;
        }
    }
    if (type_has_feature(type, Py_TPFLAGS_HEAPTYPE)) {
        if (dict_set_item(type->tp_dict, intern_id("__slotnames__"), names.get()) < 0) return nullptr;
        type_modified(type);
    }
    return names;
}

namespace {

// What __slots__ asks of the new type (type_new_slots in CPython).
struct SlotsInfo {
    Ref<> slots;  // the sorted, mangled names that become members; null without __slots__
    bool add_dict = false;
    bool add_weak = false;
};

int type_new_slots(Object* name, TypeObject* base, Object* dict, SlotsInfo* info)
{
    const bool may_add_dict = base->tp_dictoffset == 0;
    // Var-sized instances have no room for __weakref__, except str's
    // subclasses (str is not var-sized in CPython; here its trailing fields
    // are counted from the end, see type_new's layout).
    const bool may_add_weak =
        base->tp_weaklistoffset == 0 && (layout_itemsize(base) == 0 || type_is_subtype(base, &Unicode_Type));
    Object* slots = dict_get_item_with_error(dict, intern_id("__slots__"));
    if (!slots) {
        if (error_occurred()) return -1;
        info->add_dict = may_add_dict;
        info->add_weak = may_add_weak;
        return 0;
    }
    Ref<> names = unicode_check(slots) ? tuple_pack({slots}) : sequence_tuple(slots);
    if (!names) return -1;
    const Py_ssize_t nslot = tuple_size(names.get());
    // A str subclass may still name __dict__ and __weakref__: they are
    // trailing fields, counted from the end of the object.
    bool only_trailing = type_is_subtype(base, &Unicode_Type);
    for (Py_ssize_t i = 0; i < nslot && only_trailing; i++) {
        Object* slot = tuple_item(names.get(), i);
        only_trailing = unicode_check(slot) &&
                        (unicode_equal_to_ascii(slot, "__dict__") || unicode_equal_to_ascii(slot, "__weakref__"));
    }
    if (nslot > 0 && layout_itemsize(base) && !only_trailing) {
        format_error(Exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'", base->tp_name);
        return -1;
    }
    for (Py_ssize_t i = 0; i < nslot; i++) {
        Object* slot = tuple_item(names.get(), i);
        if (!unicode_check(slot)) {
            format_error(Exc_TypeError, "__slots__ items must be strings, not '%.200s'", Py_TYPE(slot)->tp_name);
            return -1;
        }
        if (!unicode_isidentifier(slot)) {
            set_error(Exc_TypeError, "__slots__ must be identifiers");
            return -1;
        }
        if (unicode_equal_to_ascii(slot, "__dict__")) {
            if (!may_add_dict || info->add_dict) {
                set_error(Exc_TypeError, "__dict__ slot disallowed: we already got one");
                return -1;
            }
            info->add_dict = true;
        }
        if (unicode_equal_to_ascii(slot, "__weakref__")) {
            if (!may_add_weak || info->add_weak) {
                set_error(Exc_TypeError,
                          "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
                return -1;
            }
            info->add_weak = true;
        }
    }
    // type_new_copy_slots: the member names, mangled; a slot may not also
    // be a class variable (the class body's __qualname__ and __classcell__
    // do not count: type_new removes them from the dict).
    Ref<> list = list_new(0);
    if (!list) return -1;
    for (Py_ssize_t i = 0; i < nslot; i++) {
        Object* slot = tuple_item(names.get(), i);
        if (unicode_equal_to_ascii(slot, "__dict__") || unicode_equal_to_ascii(slot, "__weakref__")) continue;
        Ref<> mangled = mangle_slot(name, slot);
        if (!mangled || list_append(list.get(), mangled.get()) < 0) return -1;
        Object* clash = dict_get_item_with_error(dict, mangled.get());
        if (error_occurred()) return -1;
        if (clash && !unicode_equal_to_ascii(slot, "__qualname__") && !unicode_equal_to_ascii(slot, "__classcell__")) {
            format_error(Exc_ValueError, "%R in __slots__ conflicts with class variable", slot);
            return -1;
        }
    }
    if (list_sort(list.get()) < 0) return -1;
    info->slots = sequence_tuple(list.get());
    return info->slots ? 0 : -1;
}

// _PyErr_FormatFromCause: a new exception whose __cause__ (and __context__)
// is the one being handled.
std::nullptr_t format_error_from_cause(TypeObject* type, const char* format, ...)
{
    Ref<> cause = fetch_exception();
    va_list va;
    va_start(va, format);
    format_error_v(type, format, va);
    va_end(va);
    Ref<> exc = fetch_exception();
    exception_set_context(exc.get(), new_ref(cause.get()));
    exception_set_cause(exc.get(), std::move(cause));
    restore_exception(std::move(exc));
    return nullptr;
}

// type_new_set_names: every attribute with a __set_name__ learns the name
// it is bound to; its errors become a RuntimeError naming the attribute.
int type_new_set_names(TypeObject* type)
{
    Ref<> names_to_set = dict_copy(type->tp_dict);
    if (!names_to_set) return -1;
    Py_ssize_t pos = 0;
    Object *key, *value;
    while (dict_next(names_to_set.get(), &pos, &key, &value)) {
        Object* set_name = type_lookup(Py_TYPE(value), intern_id("__set_name__"));
        if (!set_name) continue;
        Ref<> keep = new_ref(set_name);
        Ref<> bound = keep;
        if (descrgetfunc get = Py_TYPE(set_name)->tp_descr_get) bound = get(set_name, value, Py_TYPE(value));
        Ref<> res = bound ? call_function_objargs(bound.get(), {type, key}) : nullptr;
        if (!res) {
            return format_error_from_cause(Exc_RuntimeError, "Error calling __set_name__ on '%.100s' instance %R in '%.100s'",
                                           Py_TYPE(value)->tp_name, key, type->tp_name),
                   -1;
        }
    }
    return 0;
}

// type_new_init_subclass: super(type, type).__init_subclass__(**kwds).
int type_new_init_subclass(TypeObject* type, Object* kwds)
{
    Ref<> super = call_function_objargs(&Super_Type, {type, type});
    if (!super) return -1;
    Ref<> func = object_get_attr(super.get(), intern_id("__init_subclass__"));
    if (!func) return -1;
    Ref<> noargs = tuple_new(0);
    if (!noargs) return -1;
    Ref<> res = object_call(func.get(), noargs.get(), kwds);
    return res ? 0 : -1;
}

// type_new_set_module: a class made by type(...) outside a class
// statement belongs to the module whose code is running.
int type_new_set_module(Object* dict)
{
    if (dict_get_item_with_error(dict, intern_id("__module__"))) return 0;
    if (error_occurred()) return -1;
    Object* globals = type_current_globals_hook ? type_current_globals_hook() : nullptr;
    if (!globals) return 0;
    Object* module = dict_get_item_with_error(globals, intern_id("__name__"));
    if (!module) return error_occurred() ? -1 : 0;
    return dict_set_item(dict, intern_id("__module__"), module);
}

// type_new_set_attrs (part): __new__ is an implicit staticmethod, and
// __init_subclass__ and __class_getitem__ implicit classmethods, when the
// class body defines them as plain functions.
int type_new_wrap_special_methods(Object* dict)
{
    struct Wrap {
        const char* name;
        Ref<> (*wrap)(Object*);
    };
    for (const Wrap& w : {Wrap{"__new__", staticmethod_new}, Wrap{"__init_subclass__", classmethod_new},
                          Wrap{"__class_getitem__", classmethod_new}}) {
        Object* func = dict_get_item_with_error(dict, intern_id(w.name));
        if (!func) {
            if (error_occurred()) return -1;
            continue;
        }
        if (!function_check(func)) continue;
        Ref<> wrapped = w.wrap(func);
        if (!wrapped || dict_set_item(dict, intern_id(w.name), wrapped.get()) < 0) return -1;
    }
    return 0;
}

// type_new_set_classcell: the class body's __class__ cell (for super() and
// __class__ in methods) now holds the class; it does not stay in the dict.
int type_new_set_classcell(TypeObject* type)
{
    Object* cell = dict_get_item_with_error(type->tp_dict, intern_id("__classcell__"));
    if (!cell) return error_occurred() ? -1 : 0;
    if (!cell_check(cell)) {
        format_error(Exc_TypeError, "__classcell__ must be a nonlocal cell, not %.200R", Py_TYPE(cell));
        return -1;
    }
    cell_set(cell, new_ref<Object>(type).release());
    return dict_del_item(type->tp_dict, intern_id("__classcell__"));
}

}  // namespace

// type(name, bases, dict, **kwds): type_new. The keywords go to the new
// class's __init_subclass__.
Ref<> type_new_heap(TypeObject* metatype, Object* args, Object* kwds)
{
    Object* name = tuple_item(args, 0);
    Object* bases = tuple_item(args, 1);
    Object* orig_dict = tuple_item(args, 2);
    if (!unicode_check(name))
        return format_error(Exc_TypeError, "type.__new__() argument 1 must be str, not %.200s", Py_TYPE(name)->tp_name);
    if (!tuple_check(bases))
        return format_error(Exc_TypeError, "type.__new__() argument 2 must be tuple, not %.200s", Py_TYPE(bases)->tp_name);
    if (!dict_check(orig_dict))
        return format_error(Exc_TypeError, "type.__new__() argument 3 must be dict, not %.200s", Py_TYPE(orig_dict)->tp_name);
    // A base with __mro_entries__ (List[int], a NamedTuple, ...) is only
    // resolved by the class statement and types.new_class (type_new_get_bases).
    for (Py_ssize_t i = 0; i < tuple_size(bases); i++) {
        Object* b = tuple_item(bases, i);
        if (type_check(b)) continue;
        Ref<> u = unicode_from_string("__mro_entries__");
        if (!u) return nullptr;
        Ref<> meth;
        if (object_lookup_attr(b, u.get(), &meth) < 0) return nullptr;
        if (meth)
            return format_error(Exc_TypeError,
                                "type() doesn't support MRO entry resolution; use types.new_class()");
    }
    Ref<> bases_ref = tuple_size(bases) ? new_ref(bases) : tuple_pack({&BaseObject_Type});
    if (!bases_ref) return nullptr;
    // The most derived metaclass of the bases wins (_PyType_CalculateMetaclass).
    TypeObject* winner = metatype;
    for (Py_ssize_t i = 0; i < tuple_size(bases_ref.get()); i++) {
        TypeObject* tmp = Py_TYPE(tuple_item(bases_ref.get(), i));
        if (type_is_subtype(winner, tmp)) continue;
        if (type_is_subtype(tmp, winner)) {
            winner = tmp;
            continue;
        }
        return format_error(Exc_TypeError,
                            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of "
                            "the metaclasses of all its bases");
    }
    // A more derived metaclass with its own __new__ makes the class.
    if (winner != metatype && winner->tp_new && winner->tp_new != Type_Type.tp_new)
        return winner->tp_new(winner, args, kwds);
    TypeObject* base = best_base(bases_ref.get());
    if (!base) return nullptr;
    Ref<> dict = dict_copy(orig_dict);
    if (!dict) return nullptr;
    SlotsInfo slots;
    if (type_new_set_module(dict.get()) < 0 || type_new_slots(name, base, dict.get(), &slots) < 0 ||
        type_new_wrap_special_methods(dict.get()) < 0)
        return nullptr;
    const Py_ssize_t nslot = slots.slots ? tuple_size(slots.slots.get()) : 0;

    // The type's MemberDefs for its slots live after the type object
    // itself (PyHeapType_GET_MEMBERS), hence type's tp_itemsize; one more
    // zeroed entry ends the table for add_members.
    Ref<> typ = steal_ref(object_alloc_raw(winner, nslot + 1));
    if (!typ) return nullptr;
    auto* et = static_cast<HeapTypeObject*>(typ.get());
    auto* type = static_cast<TypeObject*>(et);
    type->tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HEAPTYPE | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC;
    type->tp_as_number = &et->as_number;
    type->tp_as_sequence = &et->as_sequence;
    type->tp_as_mapping = &et->as_mapping;
    et->ht_name = new_ref(name).release();
    et->ht_slots = slots.slots.release();
    // __qualname__ moves from the dict to the type.
    Object* qualname = dict_get_item_string(dict.get(), "__qualname__");
    if (qualname && !unicode_check(qualname))
        return format_error(Exc_TypeError, "type __qualname__ must be a str, not %s", Py_TYPE(qualname)->tp_name);
    et->ht_qualname = new_ref(qualname ? qualname : name).release();
    if (qualname && dict_del_item(dict.get(), intern_id("__qualname__")) < 0) return nullptr;
    const char* tp_name = unicode_as_utf8(et->ht_name);
    if (!tp_name) return nullptr;
    type->tp_name = tp_name;  // lives in ht_name's UTF-8 cache
    type->tp_base = static_cast<TypeObject*>(new_ref<Object>(base).release());
    type->tp_bases = bases_ref.release();
    type->tp_dict = dict.release();

    // Instance layout (type_new_descriptors): the base's fields, then one
    // pointer per slot, then __dict__ and __weakref__ if this class adds
    // them. Var-sized instances keep the dict after their items (negative
    // offset, see object_get_dict_ptr).
    constexpr auto ptr = static_cast<Py_ssize_t>(sizeof(Object*));
    Py_ssize_t slotoffset = layout_basicsize(base);
    if (nslot) {
        auto* members = reinterpret_cast<MemberDef*>(reinterpret_cast<char*>(type) + Py_TYPE(type)->tp_basicsize);
        for (Py_ssize_t i = 0; i < nslot; i++) {
            const char* member_name = unicode_as_utf8(tuple_item(et->ht_slots, i));
            if (!member_name) return nullptr;
            members[i] = MemberDef{member_name, T_OBJECT_EX, slotoffset, 0, nullptr};
            slotoffset += ptr;
        }
        type->tp_members = members;
    }
    // Var-sized instances (str subclasses) number their trailing fields
    // from the end: -ptr, -2*ptr, after those a base already has.
    const bool var_sized = layout_itemsize(base) != 0;
    Py_ssize_t trailing = (base->tp_dictoffset < 0) + (base->tp_weaklistoffset < 0);
    if (slots.add_dict) {
        type->tp_dictoffset = var_sized ? -ptr * ++trailing : slotoffset;
        slotoffset += ptr;
    }
    if (slots.add_weak) {
        type->tp_weaklistoffset = var_sized ? -ptr * ++trailing : slotoffset;
        slotoffset += ptr;
    }
    type->tp_basicsize = slotoffset;
    type->tp_itemsize = layout_itemsize(base);
    type->tp_getset = slots.add_dict ? (slots.add_weak ? subtype_getsets_full : subtype_getsets_dict_only)
                                     : (slots.add_weak ? subtype_getsets_weakref_only : nullptr);
    type->tp_dealloc = subtype_dealloc;
    type->tp_traverse = subtype_traverse;
    type->tp_clear = subtype_clear;
    type->tp_alloc = object_generic_alloc;
    if (!type->tp_new) type->tp_new = base->tp_new;
    // Python-level special methods fill the slots before inheritance.
    fixup_heap_slots(type);
    if (Object* doc = dict_get_item_string(type->tp_dict, "__doc__"); doc && unicode_check(doc))
        type->tp_doc = unicode_as_utf8(doc);
    if (type_ready(type) < 0) return nullptr;
    // Inheritance copied the bases' slots; dunders inherited from heap bases
    // must dispatch through their slot_* function (e.g. a base's __eq__
    // when this class only adds __hash__).
    fixup_slot_dispatchers(type);
    if (type_new_set_classcell(type) < 0 || type_new_set_names(type) < 0 || type_new_init_subclass(type, kwds) < 0)
        return nullptr;
    return typ;
}

}  // namespace minipy::runtime
