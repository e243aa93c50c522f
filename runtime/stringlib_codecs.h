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

#include "minipy/runtime/unicodeobject.h"

namespace minipy::runtime {

// One multi-byte sequence at p (p[0] >= 0x80): its length, with *cp its
// code point; 0 when it is malformed: a continuation byte or 0xC0/0xC1/
// 0xF5.. as lead, a missing continuation byte, an overlong form, a
// surrogate, or a code point above U+10FFFF (utf8_decode_char's rules;
// it is built on this). Inline: the decoders' inner loops call it.
inline int decode_sequence(const unsigned char* p, const unsigned char* end, Py_UCS4* cp)
{
    const unsigned b0 = p[0];
    if (b0 < 0xE0) {
        if (b0 < 0xC2 || end - p < 2 || (p[1] & 0xC0) != 0x80) return 0;
        *cp = ((b0 & 0x1F) << 6) | (p[1] & 0x3F);
        return 2;
    }
    if (b0 < 0xF0) {
        if (end - p < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
        const Py_UCS4 v = ((b0 & 0x0F) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
        if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF)) return 0;
        *cp = v;
        return 3;
    }
    if (b0 > 0xF4 || end - p < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
        return 0;
    const Py_UCS4 v = ((b0 & 0x07) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
    if (v < 0x10000 || v > 0x10FFFF) return 0;
    *cp = v;
    return 4;
}

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
