// rangeobject.h: range, a lazy arithmetic progression of ints.
// Mirrors CPython 3.11 Include/rangeobject.h and Objects/rangeobject.c. Book chapter 11.
#pragma once

#include "minipy/runtime/object.h"

namespace minipy::runtime {

struct RangeObject : Object {
    Object* start;   // int, owned
    Object* stop;
    Object* step;    // never 0
    Object* length;  // int, owned
};

extern TypeObject Range_Type;
extern TypeObject RangeIter_Type;
extern TypeObject LongRangeIter_Type;

[[nodiscard]] Ref<> range_new(Object* start, Object* stop, Object* step);

}  // namespace minipy::runtime
