// stringlib_codecs.cpp: the fast UTF-8 paths (see stringlib_codecs.h).
// Mirrors CPython 3.11 Objects/stringlib/codecs.h and ascii_decode of
// Objects/unicodeobject.c. Book chapter 11.
//
// Decoding runs in two passes over the bytes: the first validates and finds
// the number of code points and the largest one (so the str is allocated
// once, in its final PEP 393 kind), the second writes the code points.
// CPython does it in one pass, widening its writer when a larger code point
// appears; two passes over bytes already in the cache cost about the same
// and keep each loop simple. ASCII runs, most of most text, are skipped (or
// copied) eight bytes at a time: a word with no byte >= 0x80 is all ASCII.
#include "stringlib_codecs.h"

#include <cstdint>
#include <cstring>

#include "minipy/runtime/unicodeobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

namespace {

constexpr std::uint64_t ASCII_CHAR_MASK = 0x8080808080808080ULL;

// Eight bytes at p as one word (memcpy: p need not be aligned).
inline std::uint64_t load_word(const unsigned char* p)
{
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    return w;
}

// The first pass: false when [s, s+n) is malformed; else the number of
// code points and the largest. s[0..i) is known to be ASCII.
bool utf8_scan(const unsigned char* s, std::size_t n, std::size_t i, Py_ssize_t* length, Py_UCS4* maxchar)
{
    const unsigned char* end = s + n;
    std::size_t count = i;
    Py_UCS4 max = 0;
    while (i < n) {
        if (s[i] < 0x80) {
            if (i + 8 <= n && !(load_word(s + i) & ASCII_CHAR_MASK)) {
                i += 8;
                count += 8;
            }
            else {
                i++;
                count++;
            }
            continue;
        }
        Py_UCS4 ch;
        const int len = decode_sequence(s + i, end, &ch);
        if (len == 0) return false;
        if (ch > max) max = ch;
        i += static_cast<std::size_t>(len);
        count++;
    }
    *length = static_cast<Py_ssize_t>(count);
    *maxchar = max;
    return true;
}

// The second pass, into a str's data of code unit T; the input is valid.
template <typename T>
void utf8_fill(const unsigned char* s, std::size_t n, T* out)
{
    const unsigned char* end = s + n;
    std::size_t i = 0;
    while (i < n) {
        if (s[i] < 0x80) {
            if (i + 8 <= n && !(load_word(s + i) & ASCII_CHAR_MASK)) {
                if constexpr (sizeof(T) == 1) std::memcpy(out, s + i, 8);
                else
                    for (int k = 0; k < 8; k++) out[k] = s[i + k];
                out += 8;
                i += 8;
            }
            else {
                *out++ = s[i++];
            }
            continue;
        }
        Py_UCS4 ch = 0;
        i += static_cast<std::size_t>(decode_sequence(s + i, end, &ch));
        *out++ = static_cast<T>(ch);
    }
}

template <typename T>
Py_ssize_t encoded_size(const T* p, Py_ssize_t n)
{
    Py_ssize_t size = n;
    for (Py_ssize_t i = 0; i < n; i++) {
        const Py_UCS4 ch = p[i];
        if (ch < 0x80) continue;
        if (ch < 0x800) size += 1;
        else if (ch >= 0xD800 && ch <= 0xDFFF) return -1;
        else size += ch < 0x10000 ? 2 : 3;
    }
    return size;
}

template <typename T>
void encode_into(const T* p, Py_ssize_t n, unsigned char* out)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        const Py_UCS4 ch = p[i];
        if (ch < 0x80) {
            *out++ = static_cast<unsigned char>(ch);
        }
        else if (ch < 0x800) {
            *out++ = static_cast<unsigned char>(0xC0 | (ch >> 6));
            *out++ = static_cast<unsigned char>(0x80 | (ch & 0x3F));
        }
        else if (ch < 0x10000) {
            *out++ = static_cast<unsigned char>(0xE0 | (ch >> 12));
            *out++ = static_cast<unsigned char>(0x80 | ((ch >> 6) & 0x3F));
            *out++ = static_cast<unsigned char>(0x80 | (ch & 0x3F));
        }
        else {
            *out++ = static_cast<unsigned char>(0xF0 | (ch >> 18));
            *out++ = static_cast<unsigned char>(0x80 | ((ch >> 12) & 0x3F));
            *out++ = static_cast<unsigned char>(0x80 | ((ch >> 6) & 0x3F));
            *out++ = static_cast<unsigned char>(0x80 | (ch & 0x3F));
        }
    }
}

bool is_ascii_str(Object* str) { return static_cast<UnicodeObject*>(str)->state.ascii; }

}  // namespace

std::size_t ascii_prefix_length(std::string_view data)
{
    const auto* s = reinterpret_cast<const unsigned char*>(data.data());
    const std::size_t n = data.size();
    std::size_t i = 0;
    while (i + 8 <= n && !(load_word(s + i) & ASCII_CHAR_MASK)) i += 8;
    while (i < n && s[i] < 0x80) i++;
    return i;
}

bool utf8_decode_valid(std::string_view data, Ref<>* out)
{
    const std::size_t ascii = ascii_prefix_length(data);
    if (ascii == data.size()) {
        *out = unicode_from_ascii(data);
        return true;
    }
    const auto* s = reinterpret_cast<const unsigned char*>(data.data());
    Py_ssize_t length;
    Py_UCS4 maxchar;
    if (!utf8_scan(s, data.size(), ascii, &length, &maxchar)) return false;
    Ref<UnicodeObject> u = unicode_new(length, maxchar);
    if (!u) {
        *out = nullptr;
        return true;
    }
    void* dest = unicode_data(u.get());
    switch (unicode_kind(u.get())) {
    case PyUnicode_1BYTE_KIND:
        utf8_fill(s, data.size(), static_cast<Py_UCS1*>(dest));
        break;
    case PyUnicode_2BYTE_KIND:
        utf8_fill(s, data.size(), static_cast<Py_UCS2*>(dest));
        break;
    default:
        utf8_fill(s, data.size(), static_cast<Py_UCS4*>(dest));
        break;
    }
    *out = std::move(u);
    return true;
}

Py_ssize_t utf8_encoded_size(Object* str)
{
    const Py_ssize_t n = unicode_length(str);
    if (is_ascii_str(str)) return n;
    const void* data = unicode_data(str);
    switch (unicode_kind(str)) {
    case PyUnicode_1BYTE_KIND:
        return encoded_size(static_cast<const Py_UCS1*>(data), n);
    case PyUnicode_2BYTE_KIND:
        return encoded_size(static_cast<const Py_UCS2*>(data), n);
    default:
        return encoded_size(static_cast<const Py_UCS4*>(data), n);
    }
}

void utf8_encode_into(Object* str, char* out)
{
    const Py_ssize_t n = unicode_length(str);
    const void* data = unicode_data(str);
    auto* dest = reinterpret_cast<unsigned char*>(out);
    if (is_ascii_str(str)) {
        std::memcpy(dest, data, static_cast<std::size_t>(n));
        return;
    }
    switch (unicode_kind(str)) {
    case PyUnicode_1BYTE_KIND:
        encode_into(static_cast<const Py_UCS1*>(data), n, dest);
        break;
    case PyUnicode_2BYTE_KIND:
        encode_into(static_cast<const Py_UCS2*>(data), n, dest);
        break;
    default:
        encode_into(static_cast<const Py_UCS4*>(data), n, dest);
        break;
    }
}

}  // namespace minipy::runtime
