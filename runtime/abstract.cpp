// abstract.cpp: the abstract object protocol on top of the slots: number
// operators with reflected operands, sequences, mappings, iteration, calls.
// Mirrors CPython 3.11 Objects/abstract.c and Objects/call.c. Book chapter 11.
//
// Binary operators (binary_op1): for `v OP w` the slot of v's type is tried
// first, and then w's, unless w's type is a proper subtype of v's that
// overrides the slot: then w goes first, so subclasses can override their
// base's operators. Slots return NotImplemented to pass. Both calls receive
// the operands in source order; a slot checks which side is "self".
#include "minipy/runtime/buffer.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/bytearrayobject.h"

#include <string>

#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/floatobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/runtime/genericaliasobject.h"
#include "minipy/runtime/unionobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

// --- Calls ----------------------------------------------------------------

bool callable_check(Object* op) { return Py_TYPE(op)->tp_call != nullptr; }

namespace {

Ref<> check_call_result(Object* callable, Ref<> res)
{
    if (!res && !error_occurred())
        return format_error(Exc_SystemError, "%R returned NULL without setting an exception", callable);
    if (res && error_occurred()) {
        error_clear();
        return format_error(Exc_SystemError, "%R returned a result with an exception set", callable);
    }
    return res;
}

vectorcallfunc vectorcall_func(Object* callable)
{
    TypeObject* tp = Py_TYPE(callable);
    if (!type_has_feature(tp, Py_TPFLAGS_HAVE_VECTORCALL) || tp->tp_vectorcall_offset <= 0) return nullptr;
    return *reinterpret_cast<vectorcallfunc*>(reinterpret_cast<char*>(callable) + tp->tp_vectorcall_offset);
}

}  // namespace

Ref<> object_call(Object* callable, Object* args, Object* kwargs)
{
    ternaryfunc call = Py_TYPE(callable)->tp_call;
    if (!call) return format_error(Exc_TypeError, "'%.200s' object is not callable", Py_TYPE(callable)->tp_name);
    if (!enter_recursive_call(" while calling a Python object")) return nullptr;
    Ref<> res = call(callable, args, kwargs);
    leave_recursive_call();
    return check_call_result(callable, std::move(res));
}

Ref<> object_vectorcall(Object* callable, Object* const* args, std::size_t nargsf, Object* kwnames)
{
    if (vectorcallfunc f = vectorcall_func(callable))
        return check_call_result(callable, f(callable, args, nargsf, kwnames));
    // _PyObject_MakeTpCall: positionals into a tuple, keywords into a dict.
    Py_ssize_t nargs = vectorcall_nargs(nargsf);
    Ref<> tuple = tuple_from_array(args, nargs);
    if (!tuple) return nullptr;
    Ref<> kwargs;
    if (kwnames && tuple_size(kwnames)) {
        kwargs = dict_new();
        if (!kwargs) return nullptr;
        for (Py_ssize_t i = 0; i < tuple_size(kwnames); i++)
            if (dict_set_item(kwargs.get(), tuple_item(kwnames, i), args[nargs + i]) < 0) return nullptr;
    }
    return object_call(callable, tuple.get(), kwargs.get());
}

Ref<> call_no_args(Object* callable) { return object_vectorcall(callable, nullptr, 0, nullptr); }

Ref<> call_one_arg(Object* callable, Object* arg) { return object_vectorcall(callable, &arg, 1, nullptr); }

Ref<> call_function_objargs(Object* callable, std::initializer_list<Object*> args)
{
    return object_vectorcall(callable, args.begin(), args.size(), nullptr);
}

Ref<> call_method(Object* obj, const char* name, std::initializer_list<Object*> args)
{
    Ref<> meth = object_get_attr_string(obj, name);
    if (!meth) return nullptr;
    return object_vectorcall(meth.get(), args.begin(), args.size(), nullptr);
}

Ref<> call_method_kw(Object* obj, const char* name, std::initializer_list<Object*> args,
                     std::initializer_list<std::pair<const char*, Object*>> kwargs)
{
    Ref<> meth = object_get_attr_string(obj, name);
    if (!meth) return nullptr;
    std::vector<Object*> stack(args.begin(), args.end());
    Ref<> names = tuple_new(static_cast<Py_ssize_t>(kwargs.size()));
    if (!names) return nullptr;
    Py_ssize_t i = 0;
    for (auto& [k, v] : kwargs) {
        Ref<> key = unicode_intern_from_string(k);
        if (!key) return nullptr;
        tuple_set_item(names.get(), i++, key.release());
        stack.push_back(v);
    }
    return object_vectorcall(meth.get(), stack.data(), args.size(), names.get());
}

// --- Binary number operators ---------------------------------------------------

namespace {

using NbField = binaryfunc NumberMethods::*;

binaryfunc nb_slot(Object* o, NbField f)
{
    NumberMethods* nb = Py_TYPE(o)->tp_as_number;
    return nb ? nb->*f : nullptr;
}

Ref<> binary_op1(Object* v, Object* w, NbField f)
{
    binaryfunc slotv = nb_slot(v, f);
    binaryfunc slotw = nullptr;
    if (Py_TYPE(w) != Py_TYPE(v)) {
        slotw = nb_slot(w, f);
        if (slotw == slotv) slotw = nullptr;
    }
    if (slotv) {
        if (slotw && type_is_subtype(Py_TYPE(w), Py_TYPE(v))) {
            Ref<> x = slotw(v, w);
            if (x.get() != Py_NotImplemented()) return x;
            slotw = nullptr;
        }
        Ref<> x = slotv(v, w);
        if (x.get() != Py_NotImplemented()) return x;
    }
    if (slotw) return slotw(v, w);
    return not_implemented_ref();
}

std::nullptr_t binop_type_error(Object* v, Object* w, const char* op_name)
{
    return format_error(Exc_TypeError, "unsupported operand type(s) for %.100s: '%.100s' and '%.100s'", op_name,
                        Py_TYPE(v)->tp_name, Py_TYPE(w)->tp_name);
}

Ref<> binary_op(Object* v, Object* w, NbField f, const char* op_name)
{
    Ref<> result = binary_op1(v, w, f);
    if (result.get() == Py_NotImplemented()) return binop_type_error(v, w, op_name);
    return result;
}

// binary_iop1: the in-place slot of v first, then the plain operator.
Ref<> binary_iop1(Object* v, Object* w, NbField iop, NbField op)
{
    if (binaryfunc slot = nb_slot(v, iop)) {
        Ref<> x = slot(v, w);
        if (x.get() != Py_NotImplemented()) return x;
    }
    return binary_op1(v, w, op);
}

Ref<> binary_iop(Object* v, Object* w, NbField iop, NbField op, const char* op_name)
{
    Ref<> result = binary_iop1(v, w, iop, op);
    if (result.get() == Py_NotImplemented()) return binop_type_error(v, w, op_name);
    return result;
}

Ref<> sequence_repeat(ssizeargfunc repeatfunc, Object* seq, Object* n)
{
    if (!index_check(n))
        return format_error(Exc_TypeError, "can't multiply sequence by non-int of type '%.200s'", Py_TYPE(n)->tp_name);
    Py_ssize_t count = number_as_ssize_t(n, Exc_OverflowError);
    if (count == -1 && error_occurred()) return nullptr;
    return repeatfunc(seq, count);
}

using TernField = ternaryfunc NumberMethods::*;

ternaryfunc nb_tslot(Object* o, TernField f)
{
    NumberMethods* nb = Py_TYPE(o)->tp_as_number;
    return nb ? nb->*f : nullptr;
}

Ref<> ternary_op(Object* v, Object* w, Object* z, TernField f, const char* op_name)
{
    ternaryfunc slotv = nb_tslot(v, f);
    ternaryfunc slotw = nullptr;
    if (Py_TYPE(w) != Py_TYPE(v)) {
        slotw = nb_tslot(w, f);
        if (slotw == slotv) slotw = nullptr;
    }
    if (slotv) {
        if (slotw && type_is_subtype(Py_TYPE(w), Py_TYPE(v))) {
            Ref<> x = slotw(v, w, z);
            if (x.get() != Py_NotImplemented()) return x;
            slotw = nullptr;
        }
        Ref<> x = slotv(v, w, z);
        if (x.get() != Py_NotImplemented()) return x;
    }
    if (slotw) {
        Ref<> x = slotw(v, w, z);
        if (x.get() != Py_NotImplemented()) return x;
    }
    if (z != Py_None()) {
        ternaryfunc slotz = nb_tslot(z, f);
        if (slotz && slotz != slotv && slotz != slotw) {
            Ref<> x = slotz(v, w, z);
            if (x.get() != Py_NotImplemented()) return x;
        }
        return format_error(Exc_TypeError, "unsupported operand type(s) for %.100s: '%.100s', '%.100s', '%.100s'",
                            op_name, Py_TYPE(v)->tp_name, Py_TYPE(w)->tp_name, Py_TYPE(z)->tp_name);
    }
    return binop_type_error(v, w, op_name);
}

}  // namespace

#define BINARY_FUNC(func, slot, name) \
    Ref<> func(Object* v, Object* w) { return binary_op(v, w, &NumberMethods::slot, name); }
BINARY_FUNC(number_subtract, nb_subtract, "-")
BINARY_FUNC(number_matrix_multiply, nb_matrix_multiply, "@")
BINARY_FUNC(number_floor_divide, nb_floor_divide, "//")
BINARY_FUNC(number_true_divide, nb_true_divide, "/")
BINARY_FUNC(number_remainder, nb_remainder, "%")
BINARY_FUNC(number_divmod, nb_divmod, "divmod()")
BINARY_FUNC(number_lshift, nb_lshift, "<<")
BINARY_FUNC(number_rshift, nb_rshift, ">>")
BINARY_FUNC(number_and, nb_and, "&")
BINARY_FUNC(number_xor, nb_xor, "^")
BINARY_FUNC(number_or, nb_or, "|")
#undef BINARY_FUNC

Ref<> number_add(Object* v, Object* w)
{
    Ref<> result = binary_op1(v, w, &NumberMethods::nb_add);
    if (result.get() != Py_NotImplemented()) return result;
    if (SequenceMethods* m = Py_TYPE(v)->tp_as_sequence; m && m->sq_concat) return m->sq_concat(v, w);
    return binop_type_error(v, w, "+");
}

Ref<> number_multiply(Object* v, Object* w)
{
    Ref<> result = binary_op1(v, w, &NumberMethods::nb_multiply);
    if (result.get() != Py_NotImplemented()) return result;
    SequenceMethods* mv = Py_TYPE(v)->tp_as_sequence;
    SequenceMethods* mw = Py_TYPE(w)->tp_as_sequence;
    if (mv && mv->sq_repeat) return sequence_repeat(mv->sq_repeat, v, w);
    if (mw && mw->sq_repeat) return sequence_repeat(mw->sq_repeat, w, v);
    return binop_type_error(v, w, "*");
}

Ref<> number_power(Object* v, Object* w, Object* z)
{
    return ternary_op(v, w, z ? z : Py_None(), &NumberMethods::nb_power, "** or pow()");
}

#define INPLACE_FUNC(func, iop, op, name) \
    Ref<> func(Object* v, Object* w) { return binary_iop(v, w, &NumberMethods::iop, &NumberMethods::op, name); }
INPLACE_FUNC(number_inplace_subtract, nb_inplace_subtract, nb_subtract, "-=")
INPLACE_FUNC(number_inplace_matrix_multiply, nb_inplace_matrix_multiply, nb_matrix_multiply, "@=")
INPLACE_FUNC(number_inplace_floor_divide, nb_inplace_floor_divide, nb_floor_divide, "//=")
INPLACE_FUNC(number_inplace_true_divide, nb_inplace_true_divide, nb_true_divide, "/=")
INPLACE_FUNC(number_inplace_remainder, nb_inplace_remainder, nb_remainder, "%=")
INPLACE_FUNC(number_inplace_lshift, nb_inplace_lshift, nb_lshift, "<<=")
INPLACE_FUNC(number_inplace_rshift, nb_inplace_rshift, nb_rshift, ">>=")
INPLACE_FUNC(number_inplace_and, nb_inplace_and, nb_and, "&=")
INPLACE_FUNC(number_inplace_xor, nb_inplace_xor, nb_xor, "^=")
INPLACE_FUNC(number_inplace_or, nb_inplace_or, nb_or, "|=")
#undef INPLACE_FUNC

Ref<> number_inplace_add(Object* v, Object* w)
{
    Ref<> result = binary_iop1(v, w, &NumberMethods::nb_inplace_add, &NumberMethods::nb_add);
    if (result.get() != Py_NotImplemented()) return result;
    if (SequenceMethods* m = Py_TYPE(v)->tp_as_sequence) {
        if (m->sq_inplace_concat) return m->sq_inplace_concat(v, w);
        if (m->sq_concat) return m->sq_concat(v, w);
    }
    return binop_type_error(v, w, "+=");
}

Ref<> number_inplace_multiply(Object* v, Object* w)
{
    Ref<> result = binary_iop1(v, w, &NumberMethods::nb_inplace_multiply, &NumberMethods::nb_multiply);
    if (result.get() != Py_NotImplemented()) return result;
    SequenceMethods* mv = Py_TYPE(v)->tp_as_sequence;
    SequenceMethods* mw = Py_TYPE(w)->tp_as_sequence;
    if (mv) {
        if (mv->sq_inplace_repeat) return sequence_repeat(mv->sq_inplace_repeat, v, w);
        if (mv->sq_repeat) return sequence_repeat(mv->sq_repeat, v, w);
    }
    if (mw && mw->sq_repeat) return sequence_repeat(mw->sq_repeat, w, v);
    return binop_type_error(v, w, "*=");
}

Ref<> number_inplace_power(Object* v, Object* w, Object* z)
{
    if (ternaryfunc slot = nb_tslot(v, &NumberMethods::nb_inplace_power)) {
        Ref<> x = slot(v, w, z ? z : Py_None());
        if (x.get() != Py_NotImplemented()) return x;
    }
    return ternary_op(v, w, z ? z : Py_None(), &NumberMethods::nb_power, "**=");
}

// --- Unary operators --------------------------------------------------------

namespace {
Ref<> unary_op(Object* o, unaryfunc NumberMethods::*f, const char* what)
{
    NumberMethods* nb = Py_TYPE(o)->tp_as_number;
    if (nb && nb->*f) return (nb->*f)(o);
    return format_error(Exc_TypeError, "bad operand type for %s: '%.200s'", what, Py_TYPE(o)->tp_name);
}
}  // namespace

Ref<> number_negative(Object* o) { return unary_op(o, &NumberMethods::nb_negative, "unary -"); }
Ref<> number_positive(Object* o) { return unary_op(o, &NumberMethods::nb_positive, "unary +"); }
Ref<> number_invert(Object* o) { return unary_op(o, &NumberMethods::nb_invert, "unary ~"); }
Ref<> number_absolute(Object* o) { return unary_op(o, &NumberMethods::nb_absolute, "abs()"); }

// --- Conversions --------------------------------------------------------------

bool index_check(Object* o)
{
    NumberMethods* nb = Py_TYPE(o)->tp_as_number;
    return nb && nb->nb_index;
}

Ref<> number_index(Object* o)
{
    if (long_check_exact(o)) return new_ref(o);
    if (!index_check(o))
        return format_error(Exc_TypeError, "'%.200s' object cannot be interpreted as an integer", Py_TYPE(o)->tp_name);
    Ref<> res = Py_TYPE(o)->tp_as_number->nb_index(o);
    if (!res || long_check_exact(res.get())) return res;
    if (!long_check(res.get()))
        return format_error(Exc_TypeError, "__index__ returned non-int (type %.200s)", Py_TYPE(res.get())->tp_name);
    // An int subclass (bool included) is normalized to an exact int.
    return long_copy(res.get());
}

Py_ssize_t number_as_ssize_t(Object* o, TypeObject* exc)
{
    Ref<> value = number_index(o);
    if (!value) return -1;
    int overflow = 0;
    long long result = long_as_long_long_and_overflow(value.get(), &overflow);
    if (!overflow) return static_cast<Py_ssize_t>(result);
    if (!exc) return overflow < 0 ? PTRDIFF_MIN : PTRDIFF_MAX;
    format_error(exc, "cannot fit '%.200s' into an index-sized integer", Py_TYPE(o)->tp_name);
    return -1;
}

Ref<> number_long(Object* o)
{
    if (long_check_exact(o)) return new_ref(o);
    NumberMethods* nb = Py_TYPE(o)->tp_as_number;
    if (nb && nb->nb_int) {
        Ref<> res = nb->nb_int(o);
        if (!res || long_check_exact(res.get())) return res;
        if (!long_check(res.get()))
            return format_error(Exc_TypeError, "__int__ returned non-int (type %.200s)", Py_TYPE(res.get())->tp_name);
        return long_copy(res.get());
    }
    if (nb && nb->nb_index) return number_index(o);
    if (Object* trunc = type_lookup(Py_TYPE(o), intern_id("__trunc__"))) {
        Ref<> keep = new_ref(trunc);
        Ref<> res = call_one_arg(trunc, o);
        if (!res || long_check_exact(res.get())) return res;
        if (long_check(res.get())) return long_copy(res.get());
        if (!index_check(res.get()))
            return format_error(Exc_TypeError, "__trunc__ returned non-Integral (type %.200s)",
                                Py_TYPE(res.get())->tp_name);
        return number_index(res.get());
    }
    if (unicode_check(o)) return long_from_unicode_object(o, 10);
    if (bytes_check(o) || bytearray_check(o)) return long_from_bytes(o, 10);
    if (Ref<> b = buffer_as_bytes(o)) return long_from_bytes(b.get(), 10);
    if (error_occurred()) return nullptr;
    return format_error(Exc_TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%.200s'",
                        Py_TYPE(o)->tp_name);
}

Ref<> number_float(Object* o)
{
    if (float_check_exact(o)) return new_ref(o);
    NumberMethods* nb = Py_TYPE(o)->tp_as_number;
    if (nb && nb->nb_float) {
        Ref<> res = nb->nb_float(o);
        if (!res || float_check_exact(res.get())) return res;
        if (!float_check(res.get()))
            return format_error(Exc_TypeError, "%.50s.__float__ returned non-float (type %.50s)", Py_TYPE(o)->tp_name,
                                Py_TYPE(res.get())->tp_name);
        return float_from_double(float_value(res.get()));
    }
    if (nb && nb->nb_index) {
        Ref<> i = number_index(o);
        if (!i) return nullptr;
        double d = long_as_double(i.get());
        if (d == -1.0 && error_occurred()) return nullptr;
        return float_from_double(d);
    }
    if (float_check(o)) return float_from_double(float_value(o));
    if (unicode_check(o) || bytes_check(o) || bytearray_check(o)) return float_from_string(o);
    if (Ref<> b = buffer_as_bytes(o)) {
        // PyFloat_FromString names the object itself in its error.
        Ref<> r = float_from_string(b.get());
        if (!r && error_matches(Exc_ValueError)) {
            error_clear();
            return format_error(Exc_ValueError, "could not convert string to float: %R", o);
        }
        return r;
    }
    if (error_occurred()) return nullptr;
    return format_error(Exc_TypeError, "float() argument must be a string or a real number, not '%.200s'",
                        Py_TYPE(o)->tp_name);
}

int object_is_abstract(Object* obj)
{
    if (!obj) return 0;
    Ref<> flag;
    if (object_lookup_attr(obj, intern_id("__isabstractmethod__"), &flag) < 0) return -1;
    return flag ? object_is_true(flag.get()) : 0;
}

// --- Sequences and mappings ---------------------------------------------------

bool sequence_check(Object* o)
{
    if (dict_check(o)) return false;
    SequenceMethods* sq = Py_TYPE(o)->tp_as_sequence;
    return sq && sq->sq_item;
}

bool mapping_check(Object* o)
{
    MappingMethods* mp = Py_TYPE(o)->tp_as_mapping;
    return mp && mp->mp_subscript;
}

Py_ssize_t object_size(Object* o)
{
    if (SequenceMethods* sq = Py_TYPE(o)->tp_as_sequence; sq && sq->sq_length) return sq->sq_length(o);
    if (MappingMethods* mp = Py_TYPE(o)->tp_as_mapping; mp && mp->mp_length) return mp->mp_length(o);
    format_error(Exc_TypeError, "object of type '%.200s' has no len()", Py_TYPE(o)->tp_name);
    return -1;
}

Ref<> object_get_item(Object* o, Object* key)
{
    TypeObject* tp = Py_TYPE(o);
    if (tp->tp_as_mapping && tp->tp_as_mapping->mp_subscript) return tp->tp_as_mapping->mp_subscript(o, key);
    if (tp->tp_as_sequence && tp->tp_as_sequence->sq_item) {
        if (!index_check(key))
            return format_error(Exc_TypeError, "sequence index must be integer, not '%.200s'", Py_TYPE(key)->tp_name);
        Py_ssize_t i = number_as_ssize_t(key, Exc_IndexError);
        if (i == -1 && error_occurred()) return nullptr;
        return sequence_get_item(o, i);
    }
    if (type_check(o)) {
        // type[int] is special-cased (type itself has no __class_getitem__,
        // so that str[int] still fails); other classes opt in with one.
        if (o == &Type_Type) return generic_alias_new(o, key);
        Ref<> meth;
        int r = object_lookup_attr(o, intern_id("__class_getitem__"), &meth);
        if (r < 0) return nullptr;
        if (r > 0 && meth.get() != Py_None()) return call_one_arg(meth.get(), key);
        return format_error(Exc_TypeError, "type '%.200s' is not subscriptable", static_cast<TypeObject*>(o)->tp_name);
    }
    return format_error(Exc_TypeError, "'%.200s' object is not subscriptable", tp->tp_name);
}

int object_set_item(Object* o, Object* key, Object* value)
{
    TypeObject* tp = Py_TYPE(o);
    if (tp->tp_as_mapping && tp->tp_as_mapping->mp_ass_subscript) return tp->tp_as_mapping->mp_ass_subscript(o, key, value);
    if (tp->tp_as_sequence && tp->tp_as_sequence->sq_ass_item) {
        if (!index_check(key)) {
            format_error(Exc_TypeError, "sequence index must be integer, not '%.200s'", Py_TYPE(key)->tp_name);
            return -1;
        }
        Py_ssize_t i = number_as_ssize_t(key, Exc_IndexError);
        if (i == -1 && error_occurred()) return -1;
        return sequence_set_item(o, i, value);
    }
    format_error(Exc_TypeError, "'%.200s' object does not support item assignment", tp->tp_name);
    return -1;
}

int object_del_item(Object* o, Object* key)
{
    TypeObject* tp = Py_TYPE(o);
    if (tp->tp_as_mapping && tp->tp_as_mapping->mp_ass_subscript) return tp->tp_as_mapping->mp_ass_subscript(o, key, nullptr);
    if (tp->tp_as_sequence && tp->tp_as_sequence->sq_ass_item) {
        Py_ssize_t i = number_as_ssize_t(key, Exc_IndexError);
        if (i == -1 && error_occurred()) return -1;
        return sequence_set_item(o, i, nullptr);
    }
    format_error(Exc_TypeError, "'%.200s' object doesn't support item deletion", tp->tp_name);
    return -1;
}

Ref<> sequence_get_item(Object* s, Py_ssize_t i)
{
    SequenceMethods* m = Py_TYPE(s)->tp_as_sequence;
    if (m && m->sq_item) {
        if (i < 0 && m->sq_length) {
            Py_ssize_t l = m->sq_length(s);
            if (l < 0) return nullptr;
            i += l;
        }
        return m->sq_item(s, i);
    }
    if (Py_TYPE(s)->tp_as_mapping && Py_TYPE(s)->tp_as_mapping->mp_subscript)
        return format_error(Exc_TypeError, "%.200s is not a sequence", Py_TYPE(s)->tp_name);
    return format_error(Exc_TypeError, "'%.200s' object does not support indexing", Py_TYPE(s)->tp_name);
}

int sequence_set_item(Object* s, Py_ssize_t i, Object* v)
{
    SequenceMethods* m = Py_TYPE(s)->tp_as_sequence;
    if (m && m->sq_ass_item) {
        if (i < 0 && m->sq_length) {
            Py_ssize_t l = m->sq_length(s);
            if (l < 0) return -1;
            i += l;
        }
        return m->sq_ass_item(s, i, v);
    }
    format_error(Exc_TypeError, "'%.200s' object does not support item assignment", Py_TYPE(s)->tp_name);
    return -1;
}

Ref<> sequence_concat(Object* a, Object* b)
{
    if (SequenceMethods* m = Py_TYPE(a)->tp_as_sequence; m && m->sq_concat) return m->sq_concat(a, b);
    return format_error(Exc_TypeError, "'%.200s' object can't be concatenated", Py_TYPE(a)->tp_name);
}

int sequence_contains(Object* seq, Object* ob)
{
    if (SequenceMethods* sq = Py_TYPE(seq)->tp_as_sequence; sq && sq->sq_contains) return sq->sq_contains(seq, ob);
    // _PySequence_IterSearch(PY_ITERSEARCH_CONTAINS).
    Ref<> it = object_get_iter(seq);
    if (!it) {
        if (error_matches(Exc_TypeError)) {
            error_clear();
            format_error(Exc_TypeError, "argument of type '%.200s' is not iterable", Py_TYPE(seq)->tp_name);
        }
        return -1;
    }
    for (;;) {
        Ref<> item = iter_next(it.get());
        if (!item) return error_occurred() ? -1 : 0;
        int cmp = object_rich_compare_bool(item.get(), ob, Py_EQ);
        if (cmp != 0) return cmp;
    }
}

Ref<> sequence_tuple(Object* v)
{
    if (tuple_check_exact(v)) return new_ref(v);
    if (list_check_exact(v)) return list_as_tuple(v);
    Ref<> list = sequence_list(v);
    if (!list) return nullptr;
    return list_as_tuple(list.get());
}

Ref<> sequence_list(Object* v)
{
    Ref<> list = list_new(0);
    if (!list || list_extend(list.get(), v) < 0) return nullptr;
    return list;
}

Py_ssize_t object_length_hint(Object* o, Py_ssize_t dflt)
{
    TypeObject* t = Py_TYPE(o);
    if ((t->tp_as_sequence && t->tp_as_sequence->sq_length) || (t->tp_as_mapping && t->tp_as_mapping->mp_length)) {
        Py_ssize_t n = object_size(o);
        if (n >= 0) return n;
        if (!error_matches(Exc_TypeError)) return -1;
        error_clear();
    }
    Ref<> hint = lookup_special(o, "__length_hint__");
    if (!hint) return error_occurred() ? -1 : dflt;
    Ref<> result = call_no_args(hint.get());
    if (!result) {
        if (!error_matches(Exc_TypeError)) return -1;
        error_clear();
        return dflt;
    }
    if (result.get() == Py_NotImplemented()) return dflt;
    if (!long_check(result.get())) {
        format_error(Exc_TypeError, "__length_hint__ must be an integer, not %.100s", Py_TYPE(result.get())->tp_name);
        return -1;
    }
    Py_ssize_t n = long_as_ssize_t(result.get());
    if (n == -1 && error_occurred()) return -1;
    if (n < 0) {
        set_error(Exc_ValueError, "__length_hint__() should return >= 0");
        return -1;
    }
    return n;
}

// --- Iteration ------------------------------------------------------------------

bool iter_check(Object* o)
{
    iternextfunc f = Py_TYPE(o)->tp_iternext;
    return f != nullptr;
}

Ref<> seqiter_new(Object* seq);  // iterobject.cpp

Ref<> object_get_iter(Object* o)
{
    getiterfunc f = Py_TYPE(o)->tp_iter;
    if (!f) {
        if (sequence_check(o)) return seqiter_new(o);
        return format_error(Exc_TypeError, "'%.200s' object is not iterable", Py_TYPE(o)->tp_name);
    }
    Ref<> res = f(o);
    if (res && !iter_check(res.get()))
        return format_error(Exc_TypeError, "iter() returned non-iterator of type '%.100s'", Py_TYPE(res.get())->tp_name);
    return res;
}

Ref<> iter_next(Object* iter)
{
    Ref<> result = Py_TYPE(iter)->tp_iternext(iter);
    if (!result && error_matches(Exc_StopIteration)) error_clear();
    return result;
}

// --- isinstance, issubclass, format ---------------------------------------------

namespace {

// The __instancecheck__/__subclasscheck__ of type(cls), called with arg:
// 1/0 its truth, -1 error, -2 when type(cls) has none.
int call_check_hook(Object* cls, const char* name, Object* arg)
{
    Object* checker = type_lookup(Py_TYPE(cls), intern_id(name));
    if (!checker) return -2;
    Ref<> keep = new_ref(checker), bound = keep;
    if (descrgetfunc get = Py_TYPE(checker)->tp_descr_get) {
        bound = get(checker, cls, reinterpret_cast<Object*>(Py_TYPE(cls)));
        if (!bound) return -1;
    }
    std::string where = std::string(" in ") + name;
    if (!enter_recursive_call(where.c_str())) return -1;
    Ref<> res = call_one_arg(bound.get(), arg);
    leave_recursive_call();
    return res ? object_is_true(res.get()) : -1;
}

// object_isinstance with a type: type(inst) or, failing that, what inst
// claims as its __class__ (a weakref proxy forwards it to its referent;
// unittest.mock's objects set it), when that is another type.
int object_isinstance_type(Object* inst, TypeObject* cls)
{
    if (object_type_check(inst, cls)) return 1;
    Ref<> icls;
    if (object_lookup_attr(inst, intern_id("__class__"), &icls) < 0) return -1;
    if (!icls || icls.get() == reinterpret_cast<Object*>(Py_TYPE(inst)) || !type_check(icls.get())) return 0;
    return type_is_subtype(static_cast<TypeObject*>(icls.get()), cls);
}

}  // namespace

// PyObject_IsInstance (object_recursive_isinstance): a union counts as the
// tuple of its members; a class's metaclass may answer through
// __instancecheck__ (a GenericAlias's refuses).
int object_is_instance(Object* inst, Object* cls)
{
    // An exact match never asks a metaclass's __instancecheck__.
    if (reinterpret_cast<Object*>(Py_TYPE(inst)) == cls) return 1;
    if (Py_TYPE(cls) == &Type_Type) return object_isinstance_type(inst, static_cast<TypeObject*>(cls));
    if (union_check(cls)) cls = union_args(cls);
    if (tuple_check(cls)) {
        for (Py_ssize_t i = 0; i < tuple_size(cls); i++) {
            int r = object_is_instance(inst, tuple_item(cls, i));
            if (r != 0) return r;
        }
        return 0;
    }
    int r = call_check_hook(cls, "__instancecheck__", inst);
    if (r != -2) return r;
    if (type_check(cls)) return object_isinstance_type(inst, static_cast<TypeObject*>(cls));
    format_error(Exc_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
}

int object_is_subclass(Object* derived, Object* cls)
{
    if (Py_TYPE(cls) != &Type_Type) {
        if (union_check(cls)) cls = union_args(cls);
        if (tuple_check(cls)) {
            for (Py_ssize_t i = 0; i < tuple_size(cls); i++) {
                int r = object_is_subclass(derived, tuple_item(cls, i));
                if (r != 0) return r;
            }
            return 0;
        }
        int r = call_check_hook(cls, "__subclasscheck__", derived);
        if (r != -2) return r;
    }
    if (!type_check(cls)) {
        format_error(Exc_TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return -1;
    }
    if (!type_check(derived)) {
        set_error(Exc_TypeError, "issubclass() arg 1 must be a class");
        return -1;
    }
    return type_is_subtype(static_cast<TypeObject*>(derived), static_cast<TypeObject*>(cls));
}

Ref<> object_format(Object* obj, Object* format_spec)
{
    Ref<> empty;
    if (!format_spec) {
        empty = new_ref(unicode_empty());
        format_spec = empty.get();
    }
    // builtin format()'s own argument check (its clinic converter); the
    // __format__ methods word theirs differently.
    if (!unicode_check(format_spec))
        return format_error(Exc_TypeError, "format() argument 2 must be str, not %.200s", Py_TYPE(format_spec)->tp_name);
    if (unicode_check(format_spec) && unicode_length(format_spec) == 0 &&
        (unicode_check_exact(obj) || long_check_exact(obj)))
        return object_str(obj);
    Object* meth = type_lookup(Py_TYPE(obj), intern_id("__format__"));
    if (!meth) return format_error(Exc_TypeError, "Type %.100s doesn't define __format__", Py_TYPE(obj)->tp_name);
    Ref<> keep = new_ref(meth);
    Ref<> bound;
    if (descrgetfunc get = Py_TYPE(meth)->tp_descr_get) {
        bound = get(meth, obj, Py_TYPE(obj));
        if (!bound) return nullptr;
    } else {
        bound = keep;
    }
    Ref<> result = call_one_arg(bound.get(), format_spec);
    if (result && !unicode_check(result.get()))
        return format_error(Exc_TypeError, "__format__ must return a str, not %.200s", Py_TYPE(result.get())->tp_name);
    return result;
}

// --- Argument checks (Python/getargs.c) -------------------------------------------

bool check_positional_getargs(const char* name, Py_ssize_t nargs, Py_ssize_t min, Py_ssize_t max)
{
    if (nargs >= min && nargs <= max) return true;
    Py_ssize_t bound = nargs < min ? min : max;
    const char* how = min == max ? "exactly" : nargs < min ? "at least" : "at most";
    format_error(Exc_TypeError, "%.200s() takes %s %zd argument%s (%zd given)", name, how, bound, bound == 1 ? "" : "s", nargs);
    return false;
}

bool check_positional(const char* name, Py_ssize_t nargs, Py_ssize_t min, Py_ssize_t max)
{
    if (nargs < min) {
        if (name)
            format_error(Exc_TypeError, "%.200s expected %s%zd argument%s, got %zd", name, min == max ? "" : "at least ",
                         min, min == 1 ? "" : "s", nargs);
        else
            format_error(Exc_TypeError, "unpacked tuple should have %s%zd element%s, but has %zd",
                         min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
        return false;
    }
    if (nargs > max) {
        if (name)
            format_error(Exc_TypeError, "%.200s expected %s%zd argument%s, got %zd", name, min == max ? "" : "at most ",
                         max, max == 1 ? "" : "s", nargs);
        else
            format_error(Exc_TypeError, "unpacked tuple should have %s%zd element%s, but has %zd",
                         min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
        return false;
    }
    return true;
}

bool check_no_kwargs(const char* name, Object* kwargs)
{
    if (!kwargs || dict_size(kwargs) == 0) return true;
    format_error(Exc_TypeError, "%.200s() takes no keyword arguments", name);
    return false;
}

bool no_keywords(const char* funcname, Object* kwargs) { return check_no_kwargs(funcname, kwargs); }

bool check_no_kwnames(const char* name, Object* kwnames)
{
    if (!kwnames || tuple_size(kwnames) == 0) return true;
    format_error(Exc_TypeError, "%.200s() takes no keyword arguments", name);
    return false;
}

bool parse_args_tuple_kw(const char* fname, Object* args, Object* kwds, std::initializer_list<const char*> names,
                         Py_ssize_t required, Object** out)
{
    Py_ssize_t nargs = tuple_size(args);
    if (!kwds || !dict_size(kwds))
        return parse_args_fastkw(fname, &static_cast<TupleObject*>(args)->ob_item[0], nargs, nullptr, names, required,
                                 out);
    // Flatten the keyword arguments into vectorcall form; the parsed values
    // stay borrowed from args and kwds, which outlive the call.
    Ref<> stack = tuple_new(nargs + dict_size(kwds));
    Ref<> kwnames = tuple_new(dict_size(kwds));
    if (!stack || !kwnames) return false;
    for (Py_ssize_t i = 0; i < nargs; i++) tuple_set_item(stack.get(), i, new_ref(tuple_item(args, i)).release());
    Py_ssize_t pos = 0, j = 0;
    Object *k, *v;
    while (dict_next(kwds, &pos, &k, &v)) {
        tuple_set_item(stack.get(), nargs + j, new_ref(v).release());
        tuple_set_item(kwnames.get(), j++, new_ref(k).release());
    }
    return parse_args_fastkw(fname, &static_cast<TupleObject*>(stack.get())->ob_item[0], nargs, kwnames.get(), names,
                             required, out);
}

bool parse_args_fastkw(const char* fname, Object* const* args, Py_ssize_t nargs, Object* kwnames,
                       std::initializer_list<const char*> names, Py_ssize_t required, Object** out)
{
    const Py_ssize_t max = static_cast<Py_ssize_t>(names.size());
    const Py_ssize_t nkw = kwnames ? tuple_size(kwnames) : 0;
    // _PyArg_UnpackKeywords counts keywords too ("keyword" when all are).
    if (nargs + nkw > max) {
        format_error(Exc_TypeError, "%s() takes at most %zd %sargument%s (%zd given)", fname, max,
                     nargs == 0 ? "keyword " : "", max == 1 ? "" : "s", nargs + nkw);
        return false;
    }
    for (Py_ssize_t i = 0; i < max; i++) out[i] = i < nargs ? args[i] : nullptr;
    for (Py_ssize_t k = 0; k < nkw; k++) {
        Object* key = tuple_item(kwnames, k);
        Py_ssize_t i = 0;
        for (const char* name : names) {
            if (unicode_equal_to_ascii(key, name)) break;
            i++;
        }
        if (i == max) {
            format_error(Exc_TypeError, "'%U' is an invalid keyword argument for %s()", key, fname);
            return false;
        }
        if (out[i]) {
            format_error(Exc_TypeError, "argument for %s() given by name ('%U') and position (%zd)", fname, key, i + 1);
            return false;
        }
        out[i] = args[nargs + k];
    }
    for (Py_ssize_t i = 0; i < required; i++) {
        if (out[i]) continue;
        if (*names.begin()[i] == '\0') {
            // A positional-only parameter (no name) cannot be passed by
            // keyword: the count of positional arguments is what is wrong.
            Py_ssize_t minposonly = 0;
            while (minposonly < required && *names.begin()[minposonly] == '\0') minposonly++;
            format_error(Exc_TypeError, "%s() takes %s %zd positional argument%s (%zd given)", fname,
                         minposonly < max ? "at least" : "exactly", minposonly, minposonly == 1 ? "" : "s", nargs);
            return false;
        }
        format_error(Exc_TypeError, "%s() missing required argument '%s' (pos %zd)", fname, names.begin()[i], i + 1);
        return false;
    }
    return true;
}

}  // namespace minipy::runtime
