// unicode_codecs.cpp: the built-in codecs of str.encode and bytes.decode:
// UTF-8, ASCII, Latin-1, UTF-16 and UTF-32 (with and without byte order
// mark, either byte order), each with every standard error handler.
// Mirrors the codec section of CPython 3.11 Objects/unicodeobject.c
// (PyUnicode_Decode, PyUnicode_AsEncodedString, PyUnicode_DecodeUTF16Stateful,
// _PyUnicode_EncodeUTF32, unicode_encode_ucs1, ...) and the UTF-8 encoder of
// Objects/stringlib/codecs.h. The error handlers and the codec name lookup
// are in codecs.cpp (pycore_codecs.h). Book chapter 11.
//
// Where a codec reports an error, and how far the reported span reaches,
// is observable (UnicodeError.start/.end, the resume point of "replace" and
// "surrogateescape"), so each decoder reports exactly CPython's spans:
//   UTF-8   the lead byte plus the continuation bytes still valid when the
//           sequence broke off (utf8_error_length);
//   ASCII   one byte;
//   UTF-16  a lone low surrogate or a high one not followed by a low one:
//           its 2 bytes; a high surrogate or a single byte at the end: the
//           rest of the input ("unexpected end of data", "truncated data");
//   UTF-32  4 bytes, or the 1-3 bytes left at the end.
// Encoders report a run of unencodable characters (ASCII, Latin-1, UTF-8:
// consecutive ones; UTF-16/32: one lone surrogate at a time).
#include <cstring>
#include <string>

#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/codecs.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/unicodeobject.h"
#include "pycore_codecs.h"
#include "pycore_runtime.h"
#include "stringlib_codecs.h"

namespace minipy::runtime {

namespace {

bool is_surrogate(Py_UCS4 ch) { return ch >= 0xD800 && ch <= 0xDFFF; }

// --- Decoders --------------------------------------------------------------------------------

// consumed (codecs.h): null when final, else where decoding stopped.
Ref<> decode_utf8(Object* source, std::string_view data, Object* errors, Py_ssize_t* consumed = nullptr)
{
    // Valid input (stateful: a chunk that also ends on a whole sequence)
    // is consumed entirely.
    if (consumed) *consumed = static_cast<Py_ssize_t>(data.size());
    Ref<> fast;
    if (utf8_decode_valid(data, &fast)) return fast;
    // Malformed somewhere: code point by code point, errors to the handler.
    std::size_t n = data.size(), i = ascii_prefix_length(data);
    const auto* s = reinterpret_cast<const unsigned char*>(data.data());
    DecodeErrors err(source, data, "utf-8", errors);
    UnicodeWriter w;
    w.write_ascii(data.substr(0, i));
    const char* end = data.data() + n;
    while (i < n) {
        if (s[i] < 0x80) {
            w.write_char(s[i++]);
            continue;
        }
        Py_UCS4 ch;
        int len = utf8_decode_char(data.data() + i, end, &ch);
        if (len > 0) {
            w.write_char(ch);
            i += static_cast<std::size_t>(len);
            continue;
        }
        const char* reason;
        int bad = utf8_error_length(data.data() + i, end, &reason);
        // Not final: the rest may be completed by the next chunk. That
        // includes ED A0-BF, the start of a surrogate, which only
        // "surrogatepass" accepts: it must see all three bytes.
        bool surrogate_start = n - i == 2 && s[i] == 0xED && s[i + 1] >= 0xA0 && s[i + 1] <= 0xBF;
        if (consumed && ((i + static_cast<std::size_t>(bad) == n && std::strcmp(reason, "unexpected end of data") == 0) ||
                         surrogate_start)) {
            *consumed = static_cast<Py_ssize_t>(i);
            break;
        }
        if (!err.handle(w, i, i + static_cast<std::size_t>(bad), reason, &i)) return nullptr;
    }
    return w.finish();
}

Ref<> decode_ascii(Object* source, std::string_view data, Object* errors)
{
    std::size_t n = data.size(), i = 0;
    const auto* s = reinterpret_cast<const unsigned char*>(data.data());
    while (i < n && s[i] < 0x80) i++;
    if (i == n) return unicode_from_ascii(data);
    DecodeErrors err(source, data, "ascii", errors);
    UnicodeWriter w;
    w.write_ascii(data.substr(0, i));
    while (i < n) {
        if (s[i] < 0x80) {
            w.write_char(s[i++]);
            continue;
        }
        if (!err.handle(w, i, i + 1, "ordinal not in range(128)", &i)) return nullptr;
    }
    return w.finish();
}

// A code unit of `size` bytes at p in the given byte order.
Py_UCS4 read_unit(const unsigned char* p, int size, bool big_endian)
{
    Py_UCS4 v = 0;
    for (int k = 0; k < size; k++) v = (v << 8) | p[big_endian ? k : size - 1 - k];
    return v;
}

// byteorder: -1 little-endian, 1 big-endian, 0 "utf-16": a byte order mark
// at the start picks the order (and is dropped), native (little) without one.
// *bo_out (when given) gets the byte order the mark chose, as
// PyUnicode_DecodeUTF16Stateful's *byteorder; consumed as for UTF-8.
Ref<> decode_utf16(Object* source, std::string_view data, Object* errors, int byteorder, int* bo_out = nullptr,
                   Py_ssize_t* consumed = nullptr)
{
    const auto* s = reinterpret_cast<const unsigned char*>(data.data());
    std::size_t n = data.size(), i = 0;
    if (byteorder == 0) {
        byteorder = -1;
        if (n >= 2 && s[0] == 0xFF && s[1] == 0xFE) i = 2;
        else if (n >= 2 && s[0] == 0xFE && s[1] == 0xFF) byteorder = 1, i = 2;
        if (bo_out && i == 2) *bo_out = byteorder;
    }
    if (consumed) *consumed = static_cast<Py_ssize_t>(n);
    bool be = byteorder > 0;
    DecodeErrors err(source, data, be ? "utf-16-be" : "utf-16-le", errors);
    UnicodeWriter w;
    while (i < n) {
        const char* reason;
        std::size_t bad_end;
        if (n - i < 2) {
            reason = "truncated data", bad_end = n;
        } else {
            Py_UCS4 u = read_unit(s + i, 2, be);
            if (!is_surrogate(u)) {
                w.write_char(u);
                i += 2;
                continue;
            }
            if (u >= 0xDC00) {
                reason = "illegal encoding", bad_end = i + 2;
            } else if (n - i < 4) {
                reason = "unexpected end of data", bad_end = n;
            } else {
                Py_UCS4 low = read_unit(s + i + 2, 2, be);
                if (low >= 0xDC00 && low <= 0xDFFF) {
                    w.write_char(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
                    i += 4;
                    continue;
                }
                reason = "illegal UTF-16 surrogate", bad_end = i + 2;
            }
        }
        if (consumed && bad_end == n && reason[0] != 'i') {  // truncated or unexpected end: wait for more
            *consumed = static_cast<Py_ssize_t>(i);
            break;
        }
        if (!err.handle(w, i, bad_end, reason, &i)) return nullptr;
    }
    return w.finish();
}

Ref<> decode_utf32(Object* source, std::string_view data, Object* errors, int byteorder, int* bo_out = nullptr,
                   Py_ssize_t* consumed = nullptr)
{
    const auto* s = reinterpret_cast<const unsigned char*>(data.data());
    std::size_t n = data.size(), i = 0;
    if (byteorder == 0) {
        byteorder = -1;
        if (n >= 4 && read_unit(s, 4, false) == 0xFEFF) i = 4;
        else if (n >= 4 && read_unit(s, 4, true) == 0xFEFF) byteorder = 1, i = 4;
        if (bo_out && i == 4) *bo_out = byteorder;
    }
    if (consumed) *consumed = static_cast<Py_ssize_t>(n);
    bool be = byteorder > 0;
    DecodeErrors err(source, data, be ? "utf-32-be" : "utf-32-le", errors);
    UnicodeWriter w;
    while (i < n) {
        const char* reason;
        std::size_t bad_end = i + 4;
        if (n - i < 4) {
            reason = "truncated data", bad_end = n;
            if (consumed) {
                *consumed = static_cast<Py_ssize_t>(i);
                break;
            }
        } else {
            Py_UCS4 ch = read_unit(s + i, 4, be);
            if (ch <= 0x10FFFF && !is_surrogate(ch)) {
                w.write_char(ch);
                i += 4;
                continue;
            }
            reason = ch > 0x10FFFF ? "code point not in range(0x110000)"
                                   : "code point in surrogate code point range(0xd800, 0xe000)";
        }
        if (!err.handle(w, i, bad_end, reason, &i)) return nullptr;
    }
    return w.finish();
}

// --- Encoders --------------------------------------------------------------------------------

// unicode_encode_ucs1: ASCII (limit 128) and Latin-1 (limit 256).
Ref<> encode_ucs1(Object* str, Object* errors, Py_UCS4 limit)
{
    const char* encoding = limit == 128 ? "ascii" : "latin-1";
    const char* reason = limit == 128 ? "ordinal not in range(128)" : "ordinal not in range(256)";
    EncodeErrors err(str, encoding, errors);
    Py_ssize_t n = unicode_length(str);
    std::string out;
    out.reserve(static_cast<std::size_t>(n));
    Replacement rep;
    for (Py_ssize_t i = 0; i < n;) {
        Py_UCS4 ch = unicode_read_char(str, i);
        if (ch < limit) {
            out += static_cast<char>(ch);
            i++;
            continue;
        }
        Py_ssize_t collend = i + 1;
        while (collend < n && unicode_read_char(str, collend) >= limit) collend++;
        if (!err.handle(i, collend, reason, &rep, &i)) return nullptr;
        // Text replacements of the standard handlers are ASCII; bytes
        // (surrogateescape) are copied as they are.
        out += rep.data;
    }
    return bytes_from_view(out);
}

Ref<> encode_utf8(Object* str, Object* errors)
{
    // Without surrogates: the cached UTF-8 of the str when there is one
    // (always for ASCII), else encoded straight into the bytes object.
    const auto* u = static_cast<UnicodeObject*>(str);
    if (u->utf8) return bytes_from_string_and_size(u->utf8, u->utf8_length);
    const Py_ssize_t size = utf8_encoded_size(str);
    if (size >= 0) {
        Ref<> bytes = bytes_from_string_and_size(nullptr, size);
        if (bytes) utf8_encode_into(str, bytes_as_string(bytes.get()));
        return bytes;
    }
    Py_ssize_t n = unicode_length(str);
    EncodeErrors err(str, "utf-8", errors);
    std::string out;
    Replacement rep;
    for (Py_ssize_t i = 0; i < n;) {
        Py_UCS4 ch = unicode_read_char(str, i);
        if (!is_surrogate(ch)) {
            utf8_append(out, ch);
            i++;
            continue;
        }
        Py_ssize_t endpos = i + 1;
        while (endpos < n && is_surrogate(unicode_read_char(str, endpos))) endpos++;
        if (!err.handle(i, endpos, "surrogates not allowed", &rep, &i)) return nullptr;
        out += rep.data;
    }
    return bytes_from_view(out);
}

void append_unit(std::string& out, Py_UCS4 v, int size, bool big_endian)
{
    for (int k = 0; k < size; k++) {
        int shift = big_endian ? 8 * (size - 1 - k) : 8 * k;
        out += static_cast<char>((v >> shift) & 0xFF);
    }
}

// _PyUnicode_EncodeUTF16 (unit 2) and _PyUnicode_EncodeUTF32 (unit 4);
// byteorder 0 writes a byte order mark and then native (little-endian) order.
Ref<> encode_utf16_32(Object* str, Object* errors, int unit, int byteorder)
{
    const char* encoding = unit == 2 ? (byteorder == 0 ? "utf-16" : byteorder < 0 ? "utf-16-le" : "utf-16-be")
                                     : (byteorder == 0 ? "utf-32" : byteorder < 0 ? "utf-32-le" : "utf-32-be");
    bool be = byteorder > 0;
    EncodeErrors err(str, encoding, errors);
    Py_ssize_t n = unicode_length(str);
    std::string out;
    out.reserve(static_cast<std::size_t>(n * unit + unit));
    if (byteorder == 0) append_unit(out, 0xFEFF, unit, be);
    Replacement rep;
    for (Py_ssize_t i = 0; i < n;) {
        Py_UCS4 ch = unicode_read_char(str, i);
        if (!is_surrogate(ch)) {
            if (unit == 2 && ch >= 0x10000) {
                append_unit(out, 0xD800 + ((ch - 0x10000) >> 10), 2, be);
                append_unit(out, 0xDC00 + ((ch - 0x10000) & 0x3FF), 2, be);
            } else {
                append_unit(out, ch, unit, be);
            }
            i++;
            continue;
        }
        Py_ssize_t start = i;
        if (!err.handle(start, start + 1, "surrogates not allowed", &rep, &i)) return nullptr;
        if (rep.is_bytes) {
            // Raw bytes must fill whole code units.
            if (rep.data.size() % static_cast<std::size_t>(unit) != 0) {
                err.raise(start, start + 1, "surrogates not allowed");
                return nullptr;
            }
            out += rep.data;
        } else {
            for (char c : rep.data) append_unit(out, static_cast<unsigned char>(c), unit, be);
        }
    }
    return bytes_from_view(out);
}

}  // namespace

namespace {

Ref<> decode_with(std::string_view codec, Object* bytes, Object* errors)
{
    std::string_view data = bytes_view(bytes);
    if (codec == "utf_8") return decode_utf8(bytes, data, errors);
    if (codec == "ascii") return decode_ascii(bytes, data, errors);
    if (codec == "latin_1") return unicode_decode_latin1(data);
    int byteorder = codec.ends_with("_le") ? -1 : codec.ends_with("_be") ? 1 : 0;
    if (codec.starts_with("utf_16")) return decode_utf16(bytes, data, errors, byteorder);
    return decode_utf32(bytes, data, errors, byteorder);
}

Ref<> encode_with(std::string_view codec, Object* str, Object* errors)
{
    if (codec == "utf_8") return encode_utf8(str, errors);
    if (codec == "ascii") return encode_ucs1(str, errors, 128);
    if (codec == "latin_1") return encode_ucs1(str, errors, 256);
    int byteorder = codec.ends_with("_le") ? -1 : codec.ends_with("_be") ? 1 : 0;
    return encode_utf16_32(str, errors, codec.starts_with("utf_16") ? 2 : 4, byteorder);
}

}  // namespace

Ref<> unicode_decode_latin1(std::string_view data)
{
    UnicodeWriter w;
    for (char c : data) w.write_char(static_cast<unsigned char>(c));
    return w.finish();
}

Ref<> unicode_decode(Object* bytes, Object* encoding, Object* errors)
{
    if (!encoding) return decode_utf8(bytes, bytes_view(bytes), errors);
    bool fast_path;
    const char* codec = codec_normalized_name(unicode_to_std(encoding), &fast_path);
    if (!codec) return unicode_decode_via_registry(bytes, encoding, errors);
    Ref<> result = decode_with(codec, bytes, errors);
    if (!result && !fast_path) codec_wrap_error("decoding", encoding);
    return result;
}

Ref<> unicode_encode(Object* str, Object* encoding, Object* errors)
{
    if (!encoding) return encode_utf8(str, errors);
    bool fast_path;
    const char* codec = codec_normalized_name(unicode_to_std(encoding), &fast_path);
    if (!codec) return unicode_encode_via_registry(str, encoding, errors);
    Ref<> result = encode_with(codec, str, errors);
    if (!result && !fast_path) codec_wrap_error("encoding", encoding);
    return result;
}

// --- The codecs for _codecs (codecs.h) ----------------------------------------------------------

Ref<> codec_decode_utf8(Object* source, std::string_view data, Object* errors, Py_ssize_t* consumed)
{
    return decode_utf8(source, data, errors, consumed);
}
Ref<> codec_decode_ascii(Object* source, std::string_view data, Object* errors)
{
    return decode_ascii(source, data, errors);
}
Ref<> codec_decode_latin1(std::string_view data) { return unicode_decode_latin1(data); }
Ref<> codec_decode_utf16(Object* source, std::string_view data, Object* errors, int* byteorder, Py_ssize_t* consumed)
{
    return decode_utf16(source, data, errors, *byteorder, byteorder, consumed);
}
Ref<> codec_decode_utf32(Object* source, std::string_view data, Object* errors, int* byteorder, Py_ssize_t* consumed)
{
    return decode_utf32(source, data, errors, *byteorder, byteorder, consumed);
}
Ref<> codec_encode_utf8(Object* str, Object* errors) { return encode_utf8(str, errors); }
Ref<> codec_encode_ucs1(Object* str, Object* errors, Py_UCS4 limit) { return encode_ucs1(str, errors, limit); }
Ref<> codec_encode_utf16(Object* str, Object* errors, int byteorder) { return encode_utf16_32(str, errors, 2, byteorder); }
Ref<> codec_encode_utf32(Object* str, Object* errors, int byteorder) { return encode_utf16_32(str, errors, 4, byteorder); }

// --- The file system encoding (PyUnicode_EncodeFSDefault / DecodeFSDefault) -----------
// minipy's is CPython's on Linux under a UTF-8 locale: UTF-8 with
// "surrogateescape", so every byte string a system call returns decodes and
// encodes back to the same bytes (sys.getfilesystemencoding()).

namespace {

Object* surrogateescape_name()
{
    static Object* name = unicode_intern_from_string("surrogateescape").release();  // immortal
    return name;
}

}  // namespace

Ref<> unicode_encode_fs_default(Object* str) { return encode_utf8(str, surrogateescape_name()); }

Ref<> unicode_decode_fs_default(std::string_view data)
{
    Ref<> bytes = bytes_from_view(data);
    if (!bytes) return nullptr;
    return decode_utf8(bytes.get(), data, surrogateescape_name());
}

}  // namespace minipy::runtime
