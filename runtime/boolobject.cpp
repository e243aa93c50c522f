// boolobject.cpp: bool, the int subtype whose only instances are True and False.
// Mirrors CPython 3.11 Objects/boolobject.c. Book chapter 11.
#include "minipy/runtime/boolobject.h"

#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

namespace {

Ref<> bool_repr(Object* self) { return unicode_intern_from_string(self == Py_True() ? "True" : "False"); }

Ref<> bool_new(TypeObject*, Object* args, Object* kwds)
{
    if (!check_no_kwargs("bool", kwds)) return nullptr;
    if (!check_positional("bool", tuple_size(args), 0, 1)) return nullptr;
    if (tuple_size(args) == 0) return new_ref(Py_False());
    int ok = object_is_true(tuple_item(args, 0));
    if (ok < 0) return nullptr;
    return bool_from_long(ok);
}

// &, |, ^ of two bools stay bool; anything else is int arithmetic.
Ref<> bool_logic(Object* a, Object* b, char op)
{
    if (!bool_check(a) || !bool_check(b)) {
        NumberMethods* nb = Long_Type.tp_as_number;
        return op == '&' ? nb->nb_and(a, b) : op == '|' ? nb->nb_or(a, b) : nb->nb_xor(a, b);
    }
    bool x = a == Py_True(), y = b == Py_True();
    return bool_from_long(op == '&' ? (x & y) : op == '|' ? (x | y) : (x ^ y));
}
Ref<> bool_and(Object* a, Object* b) { return bool_logic(a, b, '&'); }
Ref<> bool_or(Object* a, Object* b) { return bool_logic(a, b, '|'); }
Ref<> bool_xor(Object* a, Object* b) { return bool_logic(a, b, '^'); }

void bool_dealloc(Object*)
{
    std::fprintf(stderr, "Fatal Python error: deallocating True or False\n");
    std::abort();
}

NumberMethods bool_as_number = [] {
    NumberMethods nb{};
    nb.nb_and = bool_and;
    nb.nb_xor = bool_xor;
    nb.nb_or = bool_or;
    return nb;
}();

}  // namespace

TypeObject Bool_Type = [] {
    TypeObject t = static_type("bool", offsetof(LongObject, ob_digit), sizeof(digit), Py_TPFLAGS_DEFAULT,
                               "bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.");
    t.tp_dealloc = bool_dealloc;
    t.tp_repr = bool_repr;
    t.tp_as_number = &bool_as_number;
    t.tp_base = &Long_Type;
    t.tp_new = bool_new;
    return t;
}();

LongObject _Py_FalseStruct{{{1, &Bool_Type}, 0}, {0}};
LongObject _Py_TrueStruct{{{1, &Bool_Type}, 1}, {1}};

}  // namespace minipy::runtime
