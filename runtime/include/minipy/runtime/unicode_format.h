// unicode_format.h: the parser of str.format()'s replacement-field
// language, shared by str.format/format_map (runtime/unicode_format.cpp)
// and the _string module (modules/_stringmodule.cpp: formatter_parser,
// formatter_field_name_split, which string.Formatter is built on).
// Mirrors CPython 3.11 Objects/stringlib/unicode_format.h (MarkupIterator,
// FieldNameIterator). Book chapter 11.
//
// Both iterators are plain data over a str they do not own: the caller
// keeps the str alive while iterating.
#pragma once

#include "minipy/runtime/unicodeobject.h"

namespace minipy::runtime {

// One step of a format string: literal text, then possibly one field.
// Positions index the format string.
struct FormatMarkup {
    Py_ssize_t literal_start = 0, literal_end = 0;
    bool has_field = false;
    Py_ssize_t name_start = 0, name_end = 0;  // the field name ("0", "a.b[c]", "")
    Py_UCS4 conversion = 0;                   // 'r', 's', 'a' (any char), 0 when absent
    Py_ssize_t spec_start = 0, spec_end = 0;  // the format spec, maybe with nested fields
    bool spec_needs_expanding = false;        // the spec holds a '{'
};

// MarkupIterator: "a{{b" gives the literals "a{" and "b"; "x{0!r:>5}"
// gives literal "x" with field 0, conversion r, spec ">5".
struct MarkupIterator {
    Object* str;
    Py_ssize_t pos;
    Py_ssize_t end;
    // 1 with *out filled, 0 at the end, -1 with ValueError set (CPython's
    // wording: "Single '}' encountered in format string", ...).
    [[nodiscard]] int next(FormatMarkup* out);
};
inline MarkupIterator markup_iterator(Object* str, Py_ssize_t start, Py_ssize_t end) { return {str, start, end}; }

// FieldNameIterator: the ".attr" and "[key]" parts after a field name's
// first part ("a.b[0]": (true, "b"), (false, 0)).
struct FieldNameIterator {
    Object* str;
    Py_ssize_t pos;
    Py_ssize_t end;
    // 1 with *is_attribute and *key (a str, or an int for an all-digit
    // [key]), 0 at the end, -1 with ValueError set.
    [[nodiscard]] int next(bool* is_attribute, Ref<>* key);
};

// field_name_split: the first part of the field name str[start:end] (an
// int when it is all digits, else a str; "" for an automatic field) and
// an iterator over the rest. Null with an error set (too many digits).
[[nodiscard]] Ref<> field_name_split(Object* str, Py_ssize_t start, Py_ssize_t end, FieldNameIterator* rest);

}  // namespace minipy::runtime
