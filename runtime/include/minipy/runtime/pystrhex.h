// pystrhex.h: bytes to hexadecimal digits, with the optional separator of
// bytes.hex(), bytearray.hex(), memoryview.hex() and binascii.hexlify().
// Mirrors CPython 3.11 Include/internal/pycore_strhex.h. Book chapter 11.
#pragma once

#include <string>
#include <string_view>

#include "minipy/runtime/object.h"

namespace minipy::runtime {

// _Py_strhex_with_sep: appends the lower-case hex digits of data to *out.
// sep (null: none) is a str or bytes of one ASCII character put between
// groups of |bytes_per_sep| bytes (null: 1), counted from the right when
// positive, from the left when negative. false with CPython's errors ("sep
// must be length 1.", "sep must be ASCII.", ...) for bad arguments. For a
// bytes result (binascii), CPython lets any separator below 256 through.
[[nodiscard]] bool strhex_with_sep(std::string_view data, Object* sep, Object* bytes_per_sep, std::string* out,
                                   bool bytes_result = false);

}  // namespace minipy::runtime
