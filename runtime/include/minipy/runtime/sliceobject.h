// sliceobject.h: slice objects and the index arithmetic behind a[i:j:k].
// Mirrors CPython 3.11 Include/sliceobject.h and Objects/sliceobject.c. Book chapter 11.
#pragma once

#include "minipy/runtime/object.h"

namespace minipy::runtime {

struct SliceObject : Object {
    Object* start;  // owned, None when omitted
    Object* stop;
    Object* step;
};

extern TypeObject Slice_Type;

inline bool slice_check(const Object* op) { return Py_TYPE(op) == &Slice_Type; }

[[nodiscard]] Ref<> slice_new(Object* start, Object* stop, Object* step);  // nulls mean None
// PySlice_Unpack: start/stop/step as Py_ssize_t (clipped), -1 on error
// (ValueError "slice step cannot be zero", TypeError for non-integers).
[[nodiscard]] int slice_unpack(Object* slice, Py_ssize_t* start, Py_ssize_t* stop, Py_ssize_t* step);
// _PyEval_SliceIndex: None leaves *pi alone; integers (or __index__) are
// clipped to Py_ssize_t; anything else is a TypeError. false on error.
[[nodiscard]] bool eval_slice_index(Object* v, Py_ssize_t* pi);
// PySlice_AdjustIndices: clips to a sequence of length; returns the slice length.
Py_ssize_t slice_adjust_indices(Py_ssize_t length, Py_ssize_t* start, Py_ssize_t* stop, Py_ssize_t step);

}  // namespace minipy::runtime
