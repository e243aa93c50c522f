// pycore_format.h: the format-spec mini-language and printf-style `%`.
// Mirrors CPython 3.11 Python/formatter_unicode.c (format(x, spec)) and
// PyUnicode_Format in Objects/unicodeobject.c (str % args). Book chapter 11.
#pragma once

#include "minipy/runtime/object.h"

namespace minipy::runtime {

// str.__format__, int.__format__, float.__format__ (spec must be a str).
[[nodiscard]] Ref<> unicode_format_spec(Object* self, Object* spec);
[[nodiscard]] Ref<> long_format_spec(Object* self, Object* spec);
[[nodiscard]] Ref<> float_format_spec(Object* self, Object* spec);
// str.format(*args, **kwargs) and str.format_map(mapping) (unicode_format.cpp).
[[nodiscard]] Ref<> unicode_format_method(Object* self, Object* args, Object* kwargs);
[[nodiscard]] Ref<> unicode_format_map_method(Object* self, Object* mapping);
// format % args for str.
[[nodiscard]] Ref<> unicode_printf_format(Object* format, Object* args);

}  // namespace minipy::runtime
