// test_exercise.cpp: the check of chapter 11's exercise (docs/chapters/objects.md):
// give int the nb_matrix_multiply slot, so that `a @ b` on two ints is their
// product (a 1x1 matrix product), and see everything else follow from the
// slot: the __matmul__/__rmatmul__ wrappers in int.__dict__, bool inheriting
// it, and NotImplemented for operands int does not know. Book chapter 11.
//
// Skipped in normal runs: minipy's int has no @, like CPython's.
// docs/chapters/exercises/runtime/check.sh runs it with --no-skip, where it
// fails until the exercise is solved.
#include "minipy/runtime/dictobject.h"
#include "runtime_test.h"

using namespace runtime_test;
using rt::Ref;

TEST_CASE("exercise ch11: int @ int through nb_matrix_multiply" * doctest::skip())
{
    start();
    const bool has_slot = rt::Long_Type.tp_as_number->nb_matrix_multiply != nullptr;
    REQUIRE_MESSAGE(has_slot, "int has no nb_matrix_multiply slot yet: the exercise is not solved");
    CHECK(show(rt::number_matrix_multiply(integer(6).get(), integer(7).get())) == "42");
    CHECK(show(rt::number_matrix_multiply(integer("123456789123456789").get(), integer(-3).get())) ==
          "-370370367370370367");
    // bool inherits the slot from int (type_ready's inherit_slots).
    CHECK(show(rt::number_matrix_multiply(rt::Py_True(), rt::Py_True())) == "1");
    // The slot wrappers appear in the type's dict (slotdefs in typeobject.cpp).
    CHECK(show(rt::object_get_attr_string(&rt::Long_Type, "__matmul__")) ==
          "<slot wrapper '__matmul__' of 'int' objects>");
    CHECK(show(rt::call_method(integer(2).get(), "__rmatmul__", {integer(5).get()})) == "10");
    // Operands int does not know get NotImplemented, then the usual TypeError.
    CHECK(show(rt::call_method(integer(2).get(), "__matmul__", {flt(1.5).get()})) == "NotImplemented");
    CHECK(show(rt::number_matrix_multiply(integer(2).get(), flt(1.5).get())) ==
          "TypeError: unsupported operand type(s) for @: 'int' and 'float'");
    CHECK(show(rt::number_inplace_matrix_multiply(integer(3).get(), integer(3).get())) == "9");
}
