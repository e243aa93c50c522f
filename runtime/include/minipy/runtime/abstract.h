// abstract.h: the abstract object protocol: numbers, sequences, mappings,
// iteration and calls, all dispatched through type slots.
// Mirrors CPython 3.11 Include/abstract.h, Objects/abstract.c and
// Objects/call.c. Book chapter 11, "Objects and Types".
#pragma once

#include <initializer_list>

#include "minipy/runtime/object.h"
#include "minipy/runtime/pyerrors.h"

namespace minipy::runtime {

// --- Calls (Objects/call.c) ------------------------------------------------
// The "nargsf" of vectorcall may carry this flag (PY_VECTORCALL_ARGUMENTS_OFFSET).
inline constexpr std::size_t PY_VECTORCALL_ARGUMENTS_OFFSET = std::size_t{1} << (8 * sizeof(std::size_t) - 1);
inline Py_ssize_t vectorcall_nargs(std::size_t n)
{
    return static_cast<Py_ssize_t>(n & ~PY_VECTORCALL_ARGUMENTS_OFFSET);
}

[[nodiscard]] Ref<> object_call(Object* callable, Object* args, Object* kwargs);  // args: tuple
[[nodiscard]] Ref<> object_vectorcall(Object* callable, Object* const* args, std::size_t nargsf,
                                      Object* kwnames);
[[nodiscard]] Ref<> call_no_args(Object* callable);
[[nodiscard]] Ref<> call_one_arg(Object* callable, Object* arg);
[[nodiscard]] Ref<> call_function_objargs(Object* callable, std::initializer_list<Object*> args);
// PyObject_CallMethodObjArgs with a C name.
[[nodiscard]] Ref<> call_method(Object* obj, const char* name, std::initializer_list<Object*> args = {});
// Calls with keyword arguments given as (name, value) pairs.
[[nodiscard]] Ref<> call_method_kw(Object* obj, const char* name, std::initializer_list<Object*> args,
                                   std::initializer_list<std::pair<const char*, Object*>> kwargs);
bool callable_check(Object* op);

// --- Numbers (PyNumber_*) ----------------------------------------------------
[[nodiscard]] Ref<> number_add(Object* v, Object* w);
[[nodiscard]] Ref<> number_subtract(Object* v, Object* w);
[[nodiscard]] Ref<> number_multiply(Object* v, Object* w);
[[nodiscard]] Ref<> number_matrix_multiply(Object* v, Object* w);
[[nodiscard]] Ref<> number_floor_divide(Object* v, Object* w);
[[nodiscard]] Ref<> number_true_divide(Object* v, Object* w);
[[nodiscard]] Ref<> number_remainder(Object* v, Object* w);
[[nodiscard]] Ref<> number_divmod(Object* v, Object* w);
[[nodiscard]] Ref<> number_power(Object* v, Object* w, Object* z);  // z: None for two-arg pow
[[nodiscard]] Ref<> number_lshift(Object* v, Object* w);
[[nodiscard]] Ref<> number_rshift(Object* v, Object* w);
[[nodiscard]] Ref<> number_and(Object* v, Object* w);
[[nodiscard]] Ref<> number_xor(Object* v, Object* w);
[[nodiscard]] Ref<> number_or(Object* v, Object* w);

[[nodiscard]] Ref<> number_inplace_add(Object* v, Object* w);
[[nodiscard]] Ref<> number_inplace_subtract(Object* v, Object* w);
[[nodiscard]] Ref<> number_inplace_multiply(Object* v, Object* w);
[[nodiscard]] Ref<> number_inplace_matrix_multiply(Object* v, Object* w);
[[nodiscard]] Ref<> number_inplace_floor_divide(Object* v, Object* w);
[[nodiscard]] Ref<> number_inplace_true_divide(Object* v, Object* w);
[[nodiscard]] Ref<> number_inplace_remainder(Object* v, Object* w);
[[nodiscard]] Ref<> number_inplace_power(Object* v, Object* w, Object* z);
[[nodiscard]] Ref<> number_inplace_lshift(Object* v, Object* w);
[[nodiscard]] Ref<> number_inplace_rshift(Object* v, Object* w);
[[nodiscard]] Ref<> number_inplace_and(Object* v, Object* w);
[[nodiscard]] Ref<> number_inplace_xor(Object* v, Object* w);
[[nodiscard]] Ref<> number_inplace_or(Object* v, Object* w);

[[nodiscard]] Ref<> number_negative(Object* o);
[[nodiscard]] Ref<> number_positive(Object* o);
[[nodiscard]] Ref<> number_absolute(Object* o);
[[nodiscard]] Ref<> number_invert(Object* o);
bool index_check(Object* o);
[[nodiscard]] Ref<> number_index(Object* o);  // PyNumber_Index: an exact int
// PyNumber_AsSsize_t: clips or raises exc (OverflowError when exc is null... as CPython:
// exc null -> clip to the range).
[[nodiscard]] Py_ssize_t number_as_ssize_t(Object* o, TypeObject* exc);
[[nodiscard]] Ref<> number_long(Object* o);   // int(o)
[[nodiscard]] Ref<> number_float(Object* o);  // float(o)

// --- Sequences and mappings --------------------------------------------------
[[nodiscard]] Py_ssize_t object_size(Object* o);  // len(o), -1 on error
[[nodiscard]] Ref<> object_get_item(Object* o, Object* key);
[[nodiscard]] int object_set_item(Object* o, Object* key, Object* value);
[[nodiscard]] int object_del_item(Object* o, Object* key);
[[nodiscard]] Ref<> sequence_get_item(Object* s, Py_ssize_t i);
[[nodiscard]] int sequence_set_item(Object* s, Py_ssize_t i, Object* v);
[[nodiscard]] int sequence_contains(Object* seq, Object* ob);  // `ob in seq`: 1, 0, -1
[[nodiscard]] Ref<> sequence_concat(Object* a, Object* b);
[[nodiscard]] Ref<> sequence_tuple(Object* v);  // tuple(v)
[[nodiscard]] Ref<> sequence_list(Object* v);   // list(v)
// PyObject_LengthHint: len(o) when o has a length, else o.__length_hint__(),
// else dflt; a TypeError from either counts as "no hint". -1 with an error
// for other errors and for a hint that is not a non-negative int.
[[nodiscard]] Py_ssize_t object_length_hint(Object* o, Py_ssize_t dflt);
bool sequence_check(Object* o);
bool mapping_check(Object* o);

// --- Iteration ----------------------------------------------------------------
[[nodiscard]] Ref<> object_get_iter(Object* o);
// PyIter_Next: the next item, or null with no error set at the end.
[[nodiscard]] Ref<> iter_next(Object* iter);
bool iter_check(Object* o);
// Calls fn(item) for every item of iterable; stops at the first negative
// return. 0 on success, -1 on error.
template <class F>
[[nodiscard]] int for_each_item(Object* iterable, F&& fn);

// --- Objects --------------------------------------------------------------
// isinstance/issubclass with __instancecheck__ semantics for static types.
[[nodiscard]] int object_is_instance(Object* inst, Object* cls);
[[nodiscard]] int object_is_subclass(Object* derived, Object* cls);
[[nodiscard]] Ref<> object_format(Object* obj, Object* format_spec);  // format(obj, spec)

// Arguments checking helpers used by built-in methods (Python/getargs.c).
[[nodiscard]] bool check_positional(const char* name, Py_ssize_t nargs, Py_ssize_t min, Py_ssize_t max);
// The same count with PyArg_ParseTuple's words, "f() takes at least 1
// argument (0 given)", for the methods CPython still parses that way
// (str.find/startswith and friends).
[[nodiscard]] bool check_positional_getargs(const char* name, Py_ssize_t nargs, Py_ssize_t min, Py_ssize_t max);
[[nodiscard]] bool check_no_kwargs(const char* name, Object* kwargs);
[[nodiscard]] bool check_no_kwnames(const char* name, Object* kwnames);
// Parses vectorcall arguments against parameter names (positional-or-keyword,
// the first `required` mandatory): out[i] is the borrowed argument or null.
// CPython's Argument Clinic messages ("split() got an unexpected keyword
// argument 'x'", "... takes at most 2 arguments (3 given)").
[[nodiscard]] bool parse_args_fastkw(const char* fname, Object* const* args, Py_ssize_t nargs, Object* kwnames,
                                     std::initializer_list<const char*> names, Py_ssize_t required, Object** out);
// The same for tp_new/tp_init style arguments (a tuple and a dict or null).
[[nodiscard]] bool parse_args_tuple_kw(const char* fname, Object* args, Object* kwds,
                                       std::initializer_list<const char*> names, Py_ssize_t required, Object** out);

template <class F>
int for_each_item(Object* iterable, F&& fn)
{
    Ref<> it = object_get_iter(iterable);
    if (!it) return -1;
    for (;;) {
        Ref<> item = iter_next(it.get());
        if (!item) break;
        if (fn(item.get()) < 0) return -1;
    }
    return error_occurred() ? -1 : 0;
}

}  // namespace minipy::runtime
