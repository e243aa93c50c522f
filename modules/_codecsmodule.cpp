// _codecsmodule.cpp: the _codecs module: the codec registry's Python
// interface (register, lookup, encode, decode, register_error, ...) and the
// codec functions the modules of lib/encodings/ call (utf_8_encode,
// utf_16_ex_decode, charmap_decode, unicode_escape_decode, ...), each
// returning (result, length consumed).
// Mirrors CPython 3.11 Modules/_codecsmodule.c, with the escape codecs of
// Objects/unicodeobject.c (PyUnicode_DecodeUnicodeEscape,
// PyUnicode_AsRawUnicodeEscapeString, ...) and Objects/bytesobject.c
// (_PyBytes_DecodeEscape) and the charmap codec. The registry is
// runtime/codecs.cpp and the UTF codecs runtime/unicode_codecs.cpp
// (codecs.h). Book chapter 12.
//
// charmap_build returns a dict {code point: byte} where CPython returns
// an EncodingMap object for full 256-character tables (same results).
#include <cstdio>
#include <string>
#include <vector>

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/buffer.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/codecs.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/runtime/warnings.h"
#include "unicodedata.h"

namespace minipy::modules {

using namespace runtime;

namespace {

// --- Argument converters (what Argument Clinic generates for _codecs) -----------------------

// Py_buffer, optionally also accepting str (as its UTF-8). Holds the data
// and the bytes object a UnicodeDecodeError reports.
struct BufferArg {
    std::string data;
    Ref<> bytes;
    [[nodiscard]] bool convert(Object* arg, bool accept_str)
    {
        if (accept_str && unicode_check(arg)) {
            Py_ssize_t size;
            const char* s = unicode_as_utf8(arg, &size);
            if (!s) return false;
            data.assign(s, static_cast<std::size_t>(size));
        } else if (bytes_check_exact(arg)) {
            data = bytes_view(arg);
            bytes = new_ref(arg);
            return true;
        } else {
            Py_buffer view;
            if (object_get_buffer(arg, &view, PyBUF_SIMPLE) < 0) return false;
            data.assign(static_cast<const char*>(view.buf), static_cast<std::size_t>(view.len));
            buffer_release(&view);
        }
        bytes = bytes_from_view(data);
        return static_cast<bool>(bytes);
    }
};

// errors: str or None (null).
[[nodiscard]] bool errors_arg(const char* fname, int argnum, Object* const* args, Py_ssize_t nargs, Object** out)
{
    *out = nullptr;
    if (nargs < argnum || args[argnum - 1] == Py_None()) return true;
    Object* e = args[argnum - 1];
    if (!unicode_check(e)) {
        format_error(Exc_TypeError, "%s() argument %d must be str or None, not %.50s", fname, argnum,
                     Py_TYPE(e)->tp_name);
        return false;
    }
    *out = e;
    return true;
}

[[nodiscard]] bool str_arg(const char* fname, int argnum, Object* arg)
{
    if (unicode_check(arg)) return true;
    if (argnum == 0) format_error(Exc_TypeError, "%s() argument must be str, not %.50s", fname, Py_TYPE(arg)->tp_name);
    else format_error(Exc_TypeError, "%s() argument %d must be str, not %.50s", fname, argnum, Py_TYPE(arg)->tp_name);
    return false;
}

// The DeprecationWarnings of the escape decoders: the first unknown escape
// (its character as a code point, Latin-1 for bytes) and the first octal
// escape above 0o377.
[[nodiscard]] bool warn_invalid_escapes(int first_invalid, unsigned invalid_octal)
{
    if (first_invalid >= 0) {
        std::string msg = "invalid escape sequence '\\";
        utf8_append(msg, static_cast<Py_UCS4>(first_invalid));
        msg += "'";
        if (error_warn(Exc_DeprecationWarning, msg.c_str(), 1) < 0) return false;
    }
    if (invalid_octal) {
        char msg[64];
        std::snprintf(msg, sizeof msg, "invalid octal escape sequence '\\%o'", invalid_octal);
        if (error_warn(Exc_DeprecationWarning, msg, 1) < 0) return false;
    }
    return true;
}

// An int argument (final, byteorder), default when absent.
[[nodiscard]] bool int_arg(Object* const* args, Py_ssize_t nargs, int argnum, int deflt, int* out)
{
    *out = deflt;
    if (nargs < argnum) return true;
    Object* v = args[argnum - 1];
    if (!long_check(v)) {
        format_error(Exc_TypeError, "'%.200s' object cannot be interpreted as an integer", Py_TYPE(v)->tp_name);
        return false;
    }
    long long x = long_as_long_long(v);
    if (x == -1 && error_occurred()) return false;
    *out = static_cast<int>(x);
    return true;
}

// (result, consumed)
Ref<> pair(Ref<> result, Py_ssize_t consumed)
{
    if (!result) return nullptr;
    Ref<> n = long_from_ssize_t(consumed);
    if (!n) return nullptr;
    return tuple_pack({result.get(), n.get()});
}

// --- The registry -------------------------------------------------------------------------

Ref<> codecs_register(Object*, Object* f)
{
    if (codec_register(f) < 0) return nullptr;
    return none_ref();
}

Ref<> codecs_unregister(Object*, Object* f)
{
    if (codec_unregister(f) < 0) return nullptr;
    return none_ref();
}

Ref<> codecs_lookup(Object*, Object* encoding)
{
    if (!str_arg("lookup", 0, encoding)) return nullptr;
    return codec_lookup(encoding);
}

Ref<> codecs_forget_codec(Object*, Object* encoding)
{
    if (!unicode_check(encoding))
        return format_error(Exc_TypeError, "_forget_codec() argument must be str, not %.50s",
                            Py_TYPE(encoding)->tp_name);
    if (codec_forget(encoding) < 0) return nullptr;
    return none_ref();
}

// encode(obj, encoding='utf-8', errors='strict') and decode.
Ref<> encode_decode(const char* fname, Object* const* args, Py_ssize_t nargs, Object* kwnames, bool encode)
{
    Object* a[3] = {};
    if (!parse_args_fastkw(fname, args, nargs, kwnames, {"obj", "encoding", "errors"}, 1, a)) return nullptr;
    for (int i = 1; i < 3; i++)
        if (a[i] && !unicode_check(a[i]))
            return format_error(Exc_TypeError, "%s() argument '%s' must be str, not %.50s", fname,
                                i == 1 ? "encoding" : "errors", Py_TYPE(a[i])->tp_name);
    Ref<> utf8;
    if (!a[1]) {
        utf8 = unicode_from_string("utf-8");
        if (!utf8) return nullptr;
        a[1] = utf8.get();
    }
    return encode ? codec_encode(a[0], a[1], a[2]) : codec_decode(a[0], a[1], a[2]);
}

Ref<> codecs_encode(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    return encode_decode("encode", args, nargs, kwnames, true);
}

Ref<> codecs_decode(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    return encode_decode("decode", args, nargs, kwnames, false);
}

Ref<> codecs_register_error(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("register_error", nargs, 2, 2) || !str_arg("register_error", 1, args[0])) return nullptr;
    if (codec_register_error(args[0], args[1]) < 0) return nullptr;
    return none_ref();
}

Ref<> codecs_lookup_error(Object*, Object* name)
{
    if (!unicode_check(name))
        return format_error(Exc_TypeError, "lookup_error() argument must be str, not %.50s", Py_TYPE(name)->tp_name);
    return codec_lookup_error(name);
}

// --- UTF-8, UTF-16, UTF-32, Latin-1, ASCII ------------------------------------------------

// fname(str, errors=None, /) -> (bytes, len(str)); byteorder (UTF-16/32
// without a suffix) is a third argument.
Ref<> encode_str(const char* fname, Object* const* args, Py_ssize_t nargs, int max_args,
                 Ref<> (*encoder)(Object*, Object*, int), int fixed_order)
{
    Object* errors;
    int order = fixed_order;
    if (!check_positional(fname, nargs, 1, max_args) || !str_arg(fname, 1, args[0]) ||
        !errors_arg(fname, 2, args, nargs, &errors))
        return nullptr;
    if (max_args == 3 && !int_arg(args, nargs, 3, 0, &order)) return nullptr;
    return pair(encoder(args[0], errors, order), unicode_length(args[0]));
}

Ref<> enc_utf8(Object* s, Object* e, int) { return codec_encode_utf8(s, e); }
Ref<> enc_latin1(Object* s, Object* e, int) { return codec_encode_ucs1(s, e, 256); }
Ref<> enc_ascii(Object* s, Object* e, int) { return codec_encode_ucs1(s, e, 128); }

#define STR_ENCODER(NAME, MAXARGS, ENCODER, ORDER)                               \
    Ref<> codecs_##NAME(Object*, Object* const* args, Py_ssize_t nargs)          \
    {                                                                            \
        return encode_str(#NAME, args, nargs, MAXARGS, ENCODER, ORDER);         \
    }
STR_ENCODER(utf_8_encode, 2, enc_utf8, 0)
STR_ENCODER(latin_1_encode, 2, enc_latin1, 0)
STR_ENCODER(ascii_encode, 2, enc_ascii, 0)
STR_ENCODER(utf_16_encode, 3, codec_encode_utf16, 0)
STR_ENCODER(utf_16_le_encode, 2, codec_encode_utf16, -1)
STR_ENCODER(utf_16_be_encode, 2, codec_encode_utf16, 1)
STR_ENCODER(utf_32_encode, 3, codec_encode_utf32, 0)
STR_ENCODER(utf_32_le_encode, 2, codec_encode_utf32, -1)
STR_ENCODER(utf_32_be_encode, 2, codec_encode_utf32, 1)
#undef STR_ENCODER

enum class Utf { U8, U16, U32, Latin1, Ascii };

// fname(data, errors=None[, byteorder][, final=False], /) -> (str, consumed)
// or, for the _ex variants, (str, consumed, byteorder).
Ref<> decode_bytes(const char* fname, Object* const* args, Py_ssize_t nargs, Utf utf, int fixed_order, bool ex,
                   bool has_final)
{
    int max_args = 2 + (ex ? 1 : 0) + (has_final ? 1 : 0);
    BufferArg data;
    Object* errors;
    int order = fixed_order, final = 0;
    if (!check_positional(fname, nargs, 1, max_args) || !data.convert(args[0], false) ||
        !errors_arg(fname, 2, args, nargs, &errors))
        return nullptr;
    if (ex && !int_arg(args, nargs, 3, 0, &order)) return nullptr;
    if (has_final && !int_arg(args, nargs, ex ? 4 : 3, 0, &final)) return nullptr;
    Py_ssize_t consumed = static_cast<Py_ssize_t>(data.data.size());
    Py_ssize_t* cp = final ? nullptr : &consumed;
    Ref<> result;
    switch (utf) {
    case Utf::U8: result = codec_decode_utf8(data.bytes.get(), data.data, errors, cp); break;
    case Utf::U16: result = codec_decode_utf16(data.bytes.get(), data.data, errors, &order, cp); break;
    case Utf::U32: result = codec_decode_utf32(data.bytes.get(), data.data, errors, &order, cp); break;
    case Utf::Latin1: result = codec_decode_latin1(data.data); break;
    case Utf::Ascii: result = codec_decode_ascii(data.bytes.get(), data.data, errors); break;
    }
    if (!result) return nullptr;
    if (!ex) return pair(std::move(result), consumed);
    Ref<> n = long_from_ssize_t(consumed), bo = long_from_long(order);
    if (!n || !bo) return nullptr;
    return tuple_pack({result.get(), n.get(), bo.get()});
}

#define BYTES_DECODER(NAME, UTF, ORDER, EX, FINAL)                               \
    Ref<> codecs_##NAME(Object*, Object* const* args, Py_ssize_t nargs)          \
    {                                                                            \
        return decode_bytes(#NAME, args, nargs, UTF, ORDER, EX, FINAL);         \
    }
BYTES_DECODER(utf_8_decode, Utf::U8, 0, false, true)
BYTES_DECODER(latin_1_decode, Utf::Latin1, 0, false, false)
BYTES_DECODER(ascii_decode, Utf::Ascii, 0, false, false)
BYTES_DECODER(utf_16_decode, Utf::U16, 0, false, true)
BYTES_DECODER(utf_16_le_decode, Utf::U16, -1, false, true)
BYTES_DECODER(utf_16_be_decode, Utf::U16, 1, false, true)
BYTES_DECODER(utf_16_ex_decode, Utf::U16, 0, true, true)
BYTES_DECODER(utf_32_decode, Utf::U32, 0, false, true)
BYTES_DECODER(utf_32_le_decode, Utf::U32, -1, false, true)
BYTES_DECODER(utf_32_be_decode, Utf::U32, 1, false, true)
BYTES_DECODER(utf_32_ex_decode, Utf::U32, 0, true, true)
#undef BYTES_DECODER

// --- The escape codecs --------------------------------------------------------------------

int hex_value(unsigned char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// One decoding error of the escape codecs through the error handler
// (runtime's DecodeErrors via a registry-free path: the standard handlers
// and registered ones alike are reached by calling the handler object).
bool escape_error(Object* source, const char* encoding, Object* errors, Py_ssize_t start, Py_ssize_t end,
                  const char* reason, UnicodeWriter& w, std::size_t* resume)
{
    Ref<> handler = codec_lookup_error(errors);
    if (!handler) return false;
    Ref<> enc = unicode_from_string(encoding), rs = unicode_from_string(reason);
    Ref<> st = long_from_ssize_t(start), en = long_from_ssize_t(end);
    if (!enc || !rs || !st || !en) return false;
    Ref<> exc = call_function_objargs(reinterpret_cast<Object*>(Exc_UnicodeDecodeError),
                                      {enc.get(), source, st.get(), en.get(), rs.get()});
    if (!exc) return false;
    Ref<> res = call_one_arg(handler.get(), exc.get());
    if (!res) return false;
    if (!tuple_check(res.get()) || tuple_size(res.get()) != 2 || !unicode_check(tuple_item(res.get(), 0)) ||
        !long_check(tuple_item(res.get(), 1))) {
        set_error(Exc_TypeError, "decoding error handler must return (str, int) tuple");
        return false;
    }
    Py_ssize_t pos = long_as_ssize_t(tuple_item(res.get(), 1)), len = bytes_size(source);
    if (pos == -1 && error_occurred()) return false;
    if (pos < 0) pos += len;
    if (pos < 0 || pos > len) {
        format_error(Exc_IndexError, "position %zd from error handler out of bounds", pos);
        return false;
    }
    w.write_str(tuple_item(res.get(), 0));
    *resume = static_cast<std::size_t>(pos);
    return true;
}

// _PyUnicode_DecodeUnicodeEscapeInternal (raw: the raw_unicode_escape
// decoder, which knows only \uXXXX and \UXXXXXXXX). consumed null: final.
Ref<> decode_escapes(Object* source, std::string_view s, Object* errors, Py_ssize_t* consumed, bool raw)
{
    const char* encoding = raw ? "rawunicodeescape" : "unicodeescape";
    UnicodeWriter w;
    std::size_t n = s.size(), i = 0;
    int first_invalid = -1;        // the first unknown escape character (DeprecationWarning)
    std::size_t invalid_octal = 0;  // value of the first octal escape above 0o377
    if (consumed) *consumed = static_cast<Py_ssize_t>(n);
    while (i < n) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c != '\\') {
            w.write_char(c);
            i++;
            continue;
        }
        std::size_t start = i++;
        const char* message = "\\ at end of string";
        bool incomplete = false;
        if (i >= n) {
            if (raw && !consumed) {
                w.write_char('\\');
                break;
            }
            incomplete = true;
        } else {
            c = static_cast<unsigned char>(s[i++]);
            int count = 0;
            if (raw) {
                if (c == 'u') count = 4, message = "truncated \\uXXXX escape";
                else if (c == 'U') count = 8, message = "truncated \\UXXXXXXXX escape";
                else {
                    w.write_char('\\');
                    w.write_char(c);
                    continue;
                }
            } else {
                switch (c) {
                case '\n': continue;
                case '\\': w.write_char('\\'); continue;
                case '\'': w.write_char('\''); continue;
                case '"': w.write_char('"'); continue;
                case 'b': w.write_char('\b'); continue;
                case 'f': w.write_char('\f'); continue;
                case 't': w.write_char('\t'); continue;
                case 'n': w.write_char('\n'); continue;
                case 'r': w.write_char('\r'); continue;
                case 'v': w.write_char('\v'); continue;
                case 'a': w.write_char('\a'); continue;
                case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
                    Py_UCS4 ch = c - '0';
                    for (int k = 0; k < 2 && i < n && s[i] >= '0' && s[i] <= '7'; k++) ch = (ch << 3) + (s[i++] - '0');
                    if (ch > 0377 && !invalid_octal) invalid_octal = ch;
                    w.write_char(ch);
                    continue;
                }
                case 'x': count = 2, message = "truncated \\xXX escape"; break;
                case 'u': count = 4, message = "truncated \\uXXXX escape"; break;
                case 'U': count = 8, message = "truncated \\UXXXXXXXX escape"; break;
                case 'N': {
                    message = "malformed \\N character escape";
                    if (i >= n) {
                        incomplete = true;
                        break;
                    }
                    if (s[i] == '{') {
                        std::size_t name_start = ++i;
                        while (i < n && s[i] != '}') i++;
                        if (i >= n) {
                            incomplete = true;
                            break;
                        }
                        if (i > name_start) {
                            std::string_view name = s.substr(name_start, i - name_start);
                            i++;
                            Py_UCS4 ch;
                            if (unicodedata_lookup_char(name, &ch)) {
                                w.write_char(ch);
                                continue;
                            }
                            message = "unknown Unicode character name";
                        }
                    }
                    break;
                }
                default:
                    if (first_invalid < 0) first_invalid = c;
                    w.write_char('\\');
                    w.write_char(c);
                    continue;
                }
            }
            if (count) {
                Py_UCS4 ch = 0;
                bool bad = false;
                for (; count; count--, i++) {
                    if (i >= n) {
                        incomplete = true;
                        break;
                    }
                    int h = hex_value(static_cast<unsigned char>(s[i]));
                    if (h < 0) {
                        bad = true;
                        break;
                    }
                    ch = (ch << 4) | static_cast<Py_UCS4>(h);
                }
                if (!incomplete && !bad) {
                    if (ch <= 0x10FFFF) {
                        w.write_char(ch);
                        continue;
                    }
                    message = raw ? "\\Uxxxxxxxx out of range" : "illegal Unicode character";
                }
            }
        }
        if (incomplete && consumed) {
            *consumed = static_cast<Py_ssize_t>(start);
            break;
        }
        std::size_t end = incomplete ? n : i;
        if (!escape_error(source, encoding, errors, static_cast<Py_ssize_t>(start), static_cast<Py_ssize_t>(end),
                          message, w, &i))
            return nullptr;
    }
    if (!warn_invalid_escapes(first_invalid, static_cast<unsigned>(invalid_octal))) return nullptr;
    return w.finish();
}

Ref<> escape_decoder(const char* fname, Object* const* args, Py_ssize_t nargs, bool raw)
{
    BufferArg data;
    Object* errors;
    int final = 1;
    if (!check_positional(fname, nargs, 1, 3) || !data.convert(args[0], true) ||
        !errors_arg(fname, 2, args, nargs, &errors) || !int_arg(args, nargs, 3, 1, &final))
        return nullptr;
    Py_ssize_t consumed = static_cast<Py_ssize_t>(data.data.size());
    Ref<> r = decode_escapes(data.bytes.get(), data.data, errors, final ? nullptr : &consumed, raw);
    return pair(std::move(r), consumed);
}

Ref<> codecs_unicode_escape_decode(Object*, Object* const* args, Py_ssize_t nargs)
{
    return escape_decoder("unicode_escape_decode", args, nargs, false);
}

Ref<> codecs_raw_unicode_escape_decode(Object*, Object* const* args, Py_ssize_t nargs)
{
    return escape_decoder("raw_unicode_escape_decode", args, nargs, true);
}

void append_escape(std::string& out, Py_UCS4 ch)
{
    char buf[12];
    if (ch <= 0xFF) std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(ch));
    else if (ch <= 0xFFFF) std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(ch));
    else std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(ch));
    out += buf;
}

// PyUnicode_AsUnicodeEscapeString (raw: PyUnicode_AsRawUnicodeEscapeString,
// which copies Latin-1 as it is). Neither can fail on a character.
Ref<> encode_escapes(const char* fname, Object* const* args, Py_ssize_t nargs, bool raw)
{
    Object* errors;
    if (!check_positional(fname, nargs, 1, 2) || !str_arg(fname, 1, args[0]) ||
        !errors_arg(fname, 2, args, nargs, &errors))
        return nullptr;
    Object* str = args[0];
    std::string out;
    for (Py_ssize_t i = 0, n = unicode_length(str); i < n; i++) {
        Py_UCS4 ch = unicode_read_char(str, i);
        if (raw) {
            if (ch < 0x100) out += static_cast<char>(ch);
            else append_escape(out, ch);
        } else if (ch == '\\') {
            out += "\\\\";
        } else if (ch >= 0x20 && ch < 0x7F) {
            out += static_cast<char>(ch);
        } else if (ch == '\t') {
            out += "\\t";
        } else if (ch == '\n') {
            out += "\\n";
        } else if (ch == '\r') {
            out += "\\r";
        } else {
            append_escape(out, ch);
        }
    }
    return pair(bytes_from_view(out), unicode_length(str));
}

Ref<> codecs_unicode_escape_encode(Object*, Object* const* args, Py_ssize_t nargs)
{
    return encode_escapes("unicode_escape_encode", args, nargs, false);
}

Ref<> codecs_raw_unicode_escape_encode(Object*, Object* const* args, Py_ssize_t nargs)
{
    return encode_escapes("raw_unicode_escape_encode", args, nargs, true);
}

// escape_encode(bytes): the body of the bytes' repr with ' always escaped.
Ref<> codecs_escape_encode(Object*, Object* const* args, Py_ssize_t nargs)
{
    Object* errors;
    if (!check_positional("escape_encode", nargs, 1, 2) || !errors_arg("escape_encode", 2, args, nargs, &errors))
        return nullptr;
    if (!bytes_check(args[0]))
        return format_error(Exc_TypeError, "escape_encode() argument 1 must be bytes, not %.50s",
                            Py_TYPE(args[0])->tp_name);
    std::string out;
    for (char ch : bytes_view(args[0])) {
        auto c = static_cast<unsigned char>(ch);
        if (c == '\'' || c == '\\') out += '\\', out += static_cast<char>(c);
        else if (c == '\t') out += "\\t";
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c < 0x20 || c >= 0x7F) append_escape(out, c);
        else out += static_cast<char>(c);
    }
    return pair(bytes_from_view(out), bytes_size(args[0]));
}

// escape_decode(data): _PyBytes_DecodeEscape, the escapes of bytes literals.
Ref<> codecs_escape_decode(Object*, Object* const* args, Py_ssize_t nargs)
{
    BufferArg data;
    Object* errors;
    if (!check_positional("escape_decode", nargs, 1, 2) || !data.convert(args[0], true) ||
        !errors_arg("escape_decode", 2, args, nargs, &errors))
        return nullptr;
    std::string_view s = data.data;
    std::string out;
    int first_invalid = -1;
    unsigned invalid_octal = 0;
    for (std::size_t i = 0, n = s.size(); i < n;) {
        char c = s[i++];
        if (c != '\\') {
            out += c;
            continue;
        }
        if (i >= n) {
            set_error(Exc_ValueError, "Trailing \\ in string");
            return nullptr;
        }
        c = s[i++];
        switch (c) {
        case '\n': break;
        case '\\': out += '\\'; break;
        case '\'': out += '\''; break;
        case '"': out += '"'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 't': out += '\t'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 'v': out += '\v'; break;
        case 'a': out += '\a'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            unsigned v = static_cast<unsigned>(c - '0');
            for (int k = 0; k < 2 && i < n && s[i] >= '0' && s[i] <= '7'; k++) v = (v << 3) + static_cast<unsigned>(s[i++] - '0');
            if (v > 0377 && !invalid_octal) invalid_octal = v;
            out += static_cast<char>(v & 0xFF);
            break;
        }
        case 'x': {
            int hi = i < n ? hex_value(static_cast<unsigned char>(s[i])) : -1;
            int lo = i + 1 < n ? hex_value(static_cast<unsigned char>(s[i + 1])) : -1;
            if (hi < 0 || lo < 0)
                return format_error(Exc_ValueError, "invalid \\x escape at position %zd", static_cast<Py_ssize_t>(i - 2));
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
            break;
        }
        default:
            if (first_invalid < 0) first_invalid = static_cast<unsigned char>(c);
            out += '\\';
            i--;  // the character itself is copied next
        }
    }
    if (!warn_invalid_escapes(first_invalid, invalid_octal)) return nullptr;
    return pair(bytes_from_view(out), static_cast<Py_ssize_t>(s.size()));
}

Ref<> codecs_readbuffer_encode(Object*, Object* const* args, Py_ssize_t nargs)
{
    BufferArg data;
    Object* errors;
    if (!check_positional("readbuffer_encode", nargs, 1, 2) || !data.convert(args[0], true) ||
        !errors_arg("readbuffer_encode", 2, args, nargs, &errors))
        return nullptr;
    return pair(std::move(data.bytes), static_cast<Py_ssize_t>(data.data.size()));
}

// --- UTF-7 (RFC 2152) ---------------------------------------------------------------------
// Characters outside the direct set travel as their UTF-16 units in a
// modified Base64 between '+' and '-' (or any non-Base64 character, which
// ends the run implicitly). CPython's encoder writes directly every ASCII
// character but '+' (as "+-"), '\\', '~' and the controls other than
// TAB, LF and CR (utf7_category 3).

bool utf7_is_base64(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}

int utf7_from_base64(unsigned char c)
{
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    return c == '+' ? 62 : 63;
}

char utf7_to_base64(unsigned v)
{
    static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    return digits[v & 0x3F];
}

bool utf7_encode_direct(Py_UCS4 c)
{
    if (c == 0 || c >= 128) return false;
    if (c == '\t' || c == '\n' || c == '\r') return true;
    return c >= 0x20 && c != 0x7F && c != '+' && c != '\\' && c != '~';
}

Ref<> codecs_utf_7_encode(Object*, Object* const* args, Py_ssize_t nargs)
{
    Object* errors;
    if (!check_positional("utf_7_encode", nargs, 1, 2) || !str_arg("utf_7_encode", 1, args[0]) ||
        !errors_arg("utf_7_encode", 2, args, nargs, &errors))
        return nullptr;
    Object* str = args[0];
    std::string out;
    bool in_shift = false;
    unsigned bits = 0;
    unsigned long long buffer = 0;
    auto put_unit = [&](Py_UCS4 unit) {
        bits += 16;
        buffer = (buffer << 16) | unit;
        while (bits >= 6) {
            out += utf7_to_base64(static_cast<unsigned>(buffer >> (bits - 6)));
            bits -= 6;
        }
        buffer &= (1ULL << bits) - 1;
    };
    for (Py_ssize_t i = 0, n = unicode_length(str); i < n; i++) {
        Py_UCS4 ch = unicode_read_char(str, i);
        if (utf7_encode_direct(ch)) {
            if (in_shift) {
                if (bits) out += utf7_to_base64(static_cast<unsigned>(buffer << (6 - bits)));
                bits = 0, buffer = 0, in_shift = false;
                // Only a Base64 character or '-' needs the explicit end mark.
                if (utf7_is_base64(static_cast<unsigned char>(ch)) || ch == '-') out += '-';
            }
            out += static_cast<char>(ch);
            continue;
        }
        if (!in_shift) {
            if (ch == '+') {
                out += "+-";
                continue;
            }
            out += '+';
            in_shift = true;
        }
        if (ch >= 0x10000) {
            put_unit(0xD800 + ((ch - 0x10000) >> 10));
            ch = 0xDC00 + ((ch - 0x10000) & 0x3FF);
        }
        put_unit(ch);
    }
    if (bits) out += utf7_to_base64(static_cast<unsigned>(buffer << (6 - bits)));
    if (in_shift) out += '-';
    return pair(bytes_from_view(out), unicode_length(str));
}

// PyUnicode_DecodeUTF7Stateful. Not final: a shift sequence still open at
// the end is left undecoded (consumed stops at its '+').
Ref<> codecs_utf_7_decode(Object*, Object* const* args, Py_ssize_t nargs)
{
    BufferArg data;
    Object* errors;
    int final = 0;
    if (!check_positional("utf_7_decode", nargs, 1, 3) || !data.convert(args[0], false) ||
        !errors_arg("utf_7_decode", 2, args, nargs, &errors) || !int_arg(args, nargs, 3, 0, &final))
        return nullptr;
    std::string_view s = data.data;
    std::size_t n = s.size(), i = 0, start = 0;
    std::vector<Py_UCS4> out;
    bool in_shift = false;
    unsigned bits = 0;
    unsigned long long buffer = 0;
    Py_UCS4 surrogate = 0;
    std::size_t shift_out_start = 0;  // out's length when the open shift began
    auto fail = [&](const char* message, std::size_t end) {
        UnicodeWriter w;
        std::size_t resume;
        if (!escape_error(data.bytes.get(), "utf7", errors, static_cast<Py_ssize_t>(start),
                          static_cast<Py_ssize_t>(end), message, w, &resume))
            return false;
        Ref<> rep = w.finish();
        if (!rep) return false;
        for (Py_ssize_t k = 0; k < unicode_length(rep.get()); k++) out.push_back(unicode_read_char(rep.get(), k));
        i = resume;
        return true;
    };
    for (;;) {
        while (i < n) {
            auto ch = static_cast<unsigned char>(s[i]);
            if (in_shift) {
                if (utf7_is_base64(ch)) {
                    buffer = (buffer << 6) | static_cast<unsigned>(utf7_from_base64(ch));
                    bits += 6;
                    i++;
                    if (bits >= 16) {
                        auto unit = static_cast<Py_UCS4>((buffer >> (bits - 16)) & 0xFFFF);
                        bits -= 16;
                        buffer &= (1ULL << bits) - 1;
                        if (surrogate) {
                            if (unit >= 0xDC00 && unit <= 0xDFFF) {
                                out.push_back(0x10000 + ((surrogate - 0xD800) << 10) + (unit - 0xDC00));
                                surrogate = 0;
                                continue;
                            }
                            out.push_back(surrogate);
                            surrogate = 0;
                        }
                        if (unit >= 0xD800 && unit <= 0xDBFF) surrogate = unit;
                        else out.push_back(unit);
                    }
                    continue;
                }
                // Leaving the Base64 run: fewer than 6 bits, all zero, may be left.
                in_shift = false;
                if (bits >= 6 || buffer != 0) {
                    i++;
                    if (!fail(bits >= 6 ? "partial character in shift sequence"
                                       : "non-zero padding bits in shift sequence",
                              i))
                        return nullptr;
                    continue;
                }
                if (surrogate && ch <= 127 && ch != '+') out.push_back(surrogate);
                surrogate = 0;
                if (ch == '-') i++;  // '-' ends the run and is dropped; others stay
            } else if (ch == '+') {
                start = i++;
                if (i < n && s[i] == '-') {
                    i++;
                    out.push_back('+');
                } else if (i < n && !utf7_is_base64(static_cast<unsigned char>(s[i]))) {
                    i++;
                    if (!fail("ill-formed sequence", i)) return nullptr;
                } else {
                    in_shift = true;
                    surrogate = 0;
                    shift_out_start = out.size();
                    bits = 0;
                    buffer = 0;
                }
            } else if (ch <= 127) {
                i++;
                out.push_back(ch);
            } else {
                start = i++;
                if (!fail("unexpected special character", i)) return nullptr;
            }
        }
        // The end: an open run is complete only if nothing is pending.
        if (in_shift && final) {
            in_shift = false;
            if (surrogate || bits >= 6 || (bits > 0 && buffer != 0)) {
                if (!fail("unterminated shift sequence", n)) return nullptr;
                if (i < n) continue;
            }
        }
        break;
    }
    Py_ssize_t consumed = static_cast<Py_ssize_t>(i);
    if (!final && in_shift) {
        consumed = static_cast<Py_ssize_t>(start);
        out.resize(shift_out_start);
    }
    Ref<> result = unicode_from_ucs4(out.data(), static_cast<Py_ssize_t>(out.size()));
    return pair(std::move(result), final ? static_cast<Py_ssize_t>(n) : consumed);
}

// --- The charmap codec --------------------------------------------------------------------

// charmap_decode(data, errors=None, mapping=None): a str indexed by byte
// (U+FFFE: undefined) or any mapping from byte to int, str or None.
Ref<> codecs_charmap_decode(Object*, Object* const* args, Py_ssize_t nargs)
{
    BufferArg data;
    Object* errors;
    if (!check_positional("charmap_decode", nargs, 1, 3) || !data.convert(args[0], false) ||
        !errors_arg("charmap_decode", 2, args, nargs, &errors))
        return nullptr;
    Object* mapping = nargs > 2 && args[2] != Py_None() ? args[2] : nullptr;
    std::string_view s = data.data;
    if (!mapping) return pair(codec_decode_latin1(s), static_cast<Py_ssize_t>(s.size()));
    UnicodeWriter w;
    for (std::size_t i = 0; i < s.size();) {
        auto byte = static_cast<unsigned char>(s[i]);
        bool undefined = false;
        if (unicode_check(mapping)) {
            Py_UCS4 ch = static_cast<Py_ssize_t>(byte) < unicode_length(mapping) ? unicode_read_char(mapping, byte) : 0xFFFE;
            if (ch == 0xFFFE) undefined = true;
            else w.write_char(ch);
        } else {
            Ref<> key = long_from_long(byte);
            if (!key) return nullptr;
            Ref<> v = object_get_item(mapping, key.get());
            if (!v) {
                if (!error_matches(Exc_LookupError)) return nullptr;
                error_clear();
                undefined = true;
            } else if (v.get() == Py_None()) {
                undefined = true;
            } else if (long_check(v.get())) {
                long long x = long_as_long_long(v.get());
                if (x == -1 && error_occurred()) return nullptr;
                if (x < 0 || x > 0x10FFFF)
                    return format_error(Exc_TypeError, "character mapping must be in range(0x110000)");
                w.write_char(static_cast<Py_UCS4>(x));
            } else if (unicode_check(v.get())) {
                if (unicode_length(v.get()) == 1 && unicode_read_char(v.get(), 0) == 0xFFFE) undefined = true;
                else w.write_str(v.get());
            } else {
                return format_error(Exc_TypeError, "character mapping must return integer, None or str");
            }
        }
        if (!undefined) {
            i++;
            continue;
        }
        std::size_t resume;
        if (!escape_error(data.bytes.get(), "charmap", errors, static_cast<Py_ssize_t>(i),
                          static_cast<Py_ssize_t>(i + 1), "character maps to <undefined>", w, &resume))
            return nullptr;
        i = resume;
    }
    return pair(w.finish(), static_cast<Py_ssize_t>(s.size()));
}

// The byte(s) mapping gives ch: 1 appended, 0 undefined, -1 error.
int charmap_encode_char(Object* mapping, Py_UCS4 ch, std::string& out)
{
    Ref<> key = long_from_long(static_cast<long>(ch));
    if (!key) return -1;
    Ref<> v = object_get_item(mapping, key.get());
    if (!v) {
        if (!error_matches(Exc_LookupError)) return -1;
        error_clear();
        return 0;
    }
    if (v.get() == Py_None()) return 0;
    if (long_check(v.get())) {
        long long x = long_as_long_long(v.get());
        if (x == -1 && error_occurred()) return -1;
        if (x < 0 || x > 255) {
            set_error(Exc_TypeError, "character mapping must be in range(256)");
            return -1;
        }
        out += static_cast<char>(x);
        return 1;
    }
    if (bytes_check(v.get())) {
        out += bytes_view(v.get());
        return 1;
    }
    set_error(Exc_TypeError, "character mapping must return integer, bytes or None, not str");
    return -1;
}

Ref<> codecs_charmap_encode(Object*, Object* const* args, Py_ssize_t nargs)
{
    Object* errors;
    if (!check_positional("charmap_encode", nargs, 1, 3) || !str_arg("charmap_encode", 1, args[0]) ||
        !errors_arg("charmap_encode", 2, args, nargs, &errors))
        return nullptr;
    Object* str = args[0];
    Object* mapping = nargs > 2 && args[2] != Py_None() ? args[2] : nullptr;
    Py_ssize_t n = unicode_length(str);
    if (!mapping) return pair(codec_encode_ucs1(str, errors, 256), n);
    std::string out;
    Ref<> handler;
    for (Py_ssize_t i = 0; i < n;) {
        int r = charmap_encode_char(mapping, unicode_read_char(str, i), out);
        if (r < 0) return nullptr;
        if (r > 0) {
            i++;
            continue;
        }
        // A run of unencodable characters goes to the handler at once.
        Py_ssize_t end = i + 1;
        std::string scratch;
        for (; end < n; end++) {
            int k = charmap_encode_char(mapping, unicode_read_char(str, end), scratch);
            if (k < 0) return nullptr;
            if (k > 0) break;
        }
        if (!handler) {
            handler = codec_lookup_error(errors);
            if (!handler) return nullptr;
        }
        Ref<> enc = unicode_from_string("charmap"), rs = unicode_from_string("character maps to <undefined>");
        Ref<> st = long_from_ssize_t(i), en = long_from_ssize_t(end);
        if (!enc || !rs || !st || !en) return nullptr;
        Ref<> exc = call_function_objargs(reinterpret_cast<Object*>(Exc_UnicodeEncodeError),
                                          {enc.get(), str, st.get(), en.get(), rs.get()});
        if (!exc) return nullptr;
        Ref<> res = call_one_arg(handler.get(), exc.get());
        if (!res) return nullptr;
        if (!tuple_check(res.get()) || tuple_size(res.get()) != 2 ||
            !(unicode_check(tuple_item(res.get(), 0)) || bytes_check(tuple_item(res.get(), 0))) ||
            !long_check(tuple_item(res.get(), 1)))
            return format_error(Exc_TypeError, "encoding error handler must return (str/bytes, int) tuple");
        Object* rep = tuple_item(res.get(), 0);
        if (bytes_check(rep)) {
            out += bytes_view(rep);
        } else {
            // The replacement text goes through the mapping too; what it
            // cannot encode makes the original error stand.
            for (Py_ssize_t k = 0; k < unicode_length(rep); k++) {
                int m = charmap_encode_char(mapping, unicode_read_char(rep, k), out);
                if (m < 0) return nullptr;
                if (m == 0) {
                    restore_exception(std::move(exc));
                    return nullptr;
                }
            }
        }
        Py_ssize_t pos = long_as_ssize_t(tuple_item(res.get(), 1));
        if (pos == -1 && error_occurred()) return nullptr;
        if (pos < 0) pos += n;
        if (pos < 0 || pos > n) return format_error(Exc_IndexError, "position %zd from error handler out of bounds", pos);
        i = pos;
    }
    return pair(bytes_from_view(out), n);
}

Ref<> codecs_charmap_build(Object*, Object* map)
{
    if (!unicode_check(map))
        return format_error(Exc_TypeError, "charmap_build() argument must be str, not %.50s", Py_TYPE(map)->tp_name);
    Ref<> d = dict_new();
    if (!d) return nullptr;
    for (Py_ssize_t i = 0, n = unicode_length(map); i < n; i++) {
        Ref<> k = long_from_long(static_cast<long>(unicode_read_char(map, i))), v = long_from_ssize_t(i);
        if (!k || !v || dict_set_item(d.get(), k.get(), v.get()) < 0) return nullptr;
    }
    return d;
}

MethodDef codecs_methods[] = {
    method_o("register", codecs_register,
             "register($module, search_function, /)\n--\n\nRegister a codec search function.\n\n"
             "Search functions are expected to take one argument, the encoding name in\n"
             "all lower case letters, and either return None, or a tuple of functions\n"
             "(encoder, decoder, stream_reader, stream_writer) (or a CodecInfo object)."),
    method_o("unregister", codecs_unregister,
             "unregister($module, search_function, /)\n--\n\nUnregister a codec search function and clear the "
             "registry's cache.\n\nIf the search function is not registered, do nothing."),
    method_o("lookup", codecs_lookup, "lookup($module, encoding, /)\n--\n\nLooks up a codec tuple in the Python codec "
                                      "registry and returns a CodecInfo object."),
    method_fastkw("encode", codecs_encode,
                  "encode($module, /, obj, encoding='utf-8', errors='strict')\n--\n\n"
                  "Encodes obj using the codec registered for encoding."),
    method_fastkw("decode", codecs_decode,
                  "decode($module, /, obj, encoding='utf-8', errors='strict')\n--\n\n"
                  "Decodes obj using the codec registered for encoding."),
    method_o("_forget_codec", codecs_forget_codec,
             "_forget_codec($module, encoding, /)\n--\n\nPurge the named codec from the internal codec lookup cache"),
    method_fast("escape_decode", codecs_escape_decode),
    method_fast("escape_encode", codecs_escape_encode),
    method_fast("utf_7_decode", codecs_utf_7_decode),
    method_fast("utf_8_decode", codecs_utf_8_decode),
    method_fast("utf_16_decode", codecs_utf_16_decode),
    method_fast("utf_16_le_decode", codecs_utf_16_le_decode),
    method_fast("utf_16_be_decode", codecs_utf_16_be_decode),
    method_fast("utf_16_ex_decode", codecs_utf_16_ex_decode),
    method_fast("utf_32_decode", codecs_utf_32_decode),
    method_fast("utf_32_le_decode", codecs_utf_32_le_decode),
    method_fast("utf_32_be_decode", codecs_utf_32_be_decode),
    method_fast("utf_32_ex_decode", codecs_utf_32_ex_decode),
    method_fast("unicode_escape_decode", codecs_unicode_escape_decode),
    method_fast("raw_unicode_escape_decode", codecs_raw_unicode_escape_decode),
    method_fast("latin_1_decode", codecs_latin_1_decode),
    method_fast("ascii_decode", codecs_ascii_decode),
    method_fast("charmap_decode", codecs_charmap_decode),
    method_o("charmap_build", codecs_charmap_build),
    method_fast("readbuffer_encode", codecs_readbuffer_encode),
    method_fast("utf_7_encode", codecs_utf_7_encode),
    method_fast("utf_8_encode", codecs_utf_8_encode),
    method_fast("utf_16_encode", codecs_utf_16_encode),
    method_fast("utf_16_le_encode", codecs_utf_16_le_encode),
    method_fast("utf_16_be_encode", codecs_utf_16_be_encode),
    method_fast("utf_32_encode", codecs_utf_32_encode),
    method_fast("utf_32_le_encode", codecs_utf_32_le_encode),
    method_fast("utf_32_be_encode", codecs_utf_32_be_encode),
    method_fast("unicode_escape_encode", codecs_unicode_escape_encode),
    method_fast("raw_unicode_escape_encode", codecs_raw_unicode_escape_encode),
    method_fast("latin_1_encode", codecs_latin_1_encode),
    method_fast("ascii_encode", codecs_ascii_encode),
    method_fast("charmap_encode", codecs_charmap_encode),
    method_fast("register_error", codecs_register_error,
                "register_error($module, errors, handler, /)\n--\n\nRegister the specified error handler under the "
                "name errors."),
    method_o("lookup_error", codecs_lookup_error,
             "lookup_error($module, name, /)\n--\n\nlookup_error(errors) -> handler\n\n"
             "Return the error handler for the specified error handling name or raise a\n"
             "LookupError, if no handler exists under this name."),
    {},
};

}  // namespace

Ref<> codecs_module_create()
{
    Ref<> mod = module_new("_codecs");
    if (!mod || module_add_functions(mod.get(), codecs_methods) < 0) return nullptr;
    return mod;
}

}  // namespace minipy::modules
