// stringlib_codecs.h: the fast UTF-8 paths, runtime-private: decoding valid
// UTF-8 straight into a str of the right kind, and encoding a str without
// surrogates into a buffer of the exact size.
// Mirrors CPython 3.11 Objects/stringlib/codecs.h (utf8_decode,
// utf8_encoder) and ascii_decode of Objects/unicodeobject.c. Book chapter 11.
//
// These paths never report errors: on malformed input (decoding) or a lone
// surrogate (encoding) they say so and the caller takes its general path,
// which finds the same error again and hands it to the error handler with
// CPython's exact span. Only valid input, the common case, goes fast.
#pragma once

#include <cstddef>
#include <string_view>

#include "minipy/runtime/object.h"

namespace minipy::runtime {

// ascii_decode's scan: the length of the ASCII prefix of data (the index of
// the first byte >= 0x80, or data.size()), a machine word at a time.
std::size_t ascii_prefix_length(std::string_view data);

// The str of data when data is valid UTF-8: true, with *out the new str
// (null with MemoryError set if it could not be allocated). False, *out
// untouched and no error set, when data is malformed anywhere.
[[nodiscard]] bool utf8_decode_valid(std::string_view data, Ref<>* out);

// The size of str's UTF-8 encoding, or -1 when it holds a surrogate
// (which strict UTF-8 cannot encode).
Py_ssize_t utf8_encoded_size(Object* str);
// Writes str's UTF-8 encoding to out, which has utf8_encoded_size(str)
// bytes; str holds no surrogate.
void utf8_encode_into(Object* str, char* out);

}  // namespace minipy::runtime
