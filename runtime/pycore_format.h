// pycore_format.h: the format-spec mini-language and printf-style `%`.
// Mirrors CPython 3.11 Python/formatter_unicode.c (format(x, spec)) and
// PyUnicode_Format in Objects/unicodeobject.c (str % args). Book chapter 11.
#pragma once

#include <string>
#include <string_view>

#include "minipy/runtime/object.h"

namespace minipy::runtime {

// str.__format__, int.__format__, float.__format__, complex.__format__
// (spec must be a str; formatter_unicode.cpp).
[[nodiscard]] Ref<> unicode_format_spec(Object* self, Object* spec);
[[nodiscard]] Ref<> long_format_spec(Object* self, Object* spec);
[[nodiscard]] Ref<> float_format_spec(Object* self, Object* spec);
[[nodiscard]] Ref<> complex_format_spec(Object* self, Object* spec);
// repr(complex): the spec-less form of complex.__format__ ("(1+2j)", "2j").
[[nodiscard]] Ref<> complex_repr_format(Object* self);
// str.format(*args, **kwargs) and str.format_map(mapping) (unicode_format.cpp).
[[nodiscard]] Ref<> unicode_format_method(Object* self, Object* args, Object* kwargs);
[[nodiscard]] Ref<> unicode_format_map_method(Object* self, Object* mapping);
// format % args for str (printf_format.cpp).
[[nodiscard]] Ref<> unicode_printf_format(Object* format, Object* args);

// What `str % args` and `bytes % args` do differently; printf_format is the
// one engine both run (printf_format.cpp, bytesobject.cpp).
struct PrintfKind {
    const char* what;           // "not all arguments converted during <what> formatting"
    const char* prec_too_big;   // the digits of a precision overflow an int
    const char* float_error;    // replaces float()'s TypeError (one %.200s), or null to keep it
    bool (*is_mapping)(Object* args);                 // may %(key) look into args?
    Ref<> (*make_key)(std::u32string_view key);       // the key object of %(key)
    // The conversions that are not numbers (%s %r %a %c, %b): appends the
    // text (cut to prec where that applies); 1 done, 0 not a code of this
    // kind, -1 error set.
    int (*convert_text)(Object* v, Py_UCS4 c, Py_ssize_t prec, std::u32string* out);
    void (*unsupported)(Py_UCS4 c, Py_ssize_t index);  // sets the ValueError
};
// Formats `format` (code points; a bytes format widened byte by byte) with
// args into out; false with an error set.
[[nodiscard]] bool printf_format(std::u32string_view format, Object* args, const PrintfKind& kind, std::u32string* out);

}  // namespace minipy::runtime
