// codecs.cpp: codec name lookup and the built-in error handlers.
// Mirrors CPython 3.11 Python/codecs.c (PyCodec_StrictErrors,
// PyCodec_IgnoreErrors, PyCodec_ReplaceErrors, ..., PyCodec_SurrogatePassErrors)
// and the name normalisation of Lib/encodings/__init__.py with the rows of
// Lib/encodings/aliases.py that name minipy's codecs. The codecs themselves
// are in unicode_codecs.cpp; pycore_codecs.h describes the protocol between
// them. Book chapter 11.
#include <cctype>
#include <cstdio>
#include <string>
#include <utility>

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/bytearrayobject.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/codecs.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/pystate.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "pycore_codecs.h"
#include "pycore_unicode.h"

namespace minipy::runtime {

const char* codec_normalized_name(std::string_view encoding, bool* fast_path)
{
    // normalize_encoding: ASCII letters and digits and '.' are kept (lowered),
    // every run of anything else becomes one '_' between two kept runs.
    std::string norm;
    bool pending = false;
    for (char c : encoding) {
        unsigned char u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '.') {
            if (pending && !norm.empty()) norm += '_';
            pending = false;
            norm += static_cast<char>(std::tolower(u));
        } else {
            pending = true;
        }
    }
    // encodings.aliases for the built-in codecs, plus their own module
    // names; search_function also retries the alias table with '.' read as '_'.
    static const std::pair<const char*, const char*> aliases[] = {
        {"utf_8", "utf_8"}, {"utf8", "utf_8"}, {"u8", "utf_8"}, {"utf", "utf_8"}, {"utf8_ucs2", "utf_8"},
        {"utf8_ucs4", "utf_8"}, {"cp65001", "utf_8"},
        {"ascii", "ascii"}, {"646", "ascii"}, {"ansi_x3.4_1968", "ascii"}, {"ansi_x3_4_1968", "ascii"},
        {"ansi_x3.4_1986", "ascii"}, {"cp367", "ascii"}, {"csascii", "ascii"}, {"ibm367", "ascii"},
        {"iso646_us", "ascii"}, {"iso_646.irv_1991", "ascii"}, {"iso_ir_6", "ascii"}, {"us", "ascii"},
        {"us_ascii", "ascii"},
        {"latin_1", "latin_1"}, {"8859", "latin_1"}, {"cp819", "latin_1"}, {"csisolatin1", "latin_1"},
        {"ibm819", "latin_1"}, {"iso8859", "latin_1"}, {"iso8859_1", "latin_1"}, {"iso_8859_1", "latin_1"},
        {"iso_8859_1_1987", "latin_1"}, {"iso_ir_100", "latin_1"}, {"l1", "latin_1"}, {"latin", "latin_1"},
        {"latin1", "latin_1"},
        {"utf_16", "utf_16"}, {"u16", "utf_16"}, {"utf16", "utf_16"},
        {"utf_16_le", "utf_16_le"}, {"unicodelittleunmarked", "utf_16_le"}, {"utf_16le", "utf_16_le"},
        {"utf_16_be", "utf_16_be"}, {"unicodebigunmarked", "utf_16_be"}, {"utf_16be", "utf_16_be"},
        {"utf_32", "utf_32"}, {"u32", "utf_32"}, {"utf32", "utf_32"},
        {"utf_32_le", "utf_32_le"}, {"utf_32le", "utf_32_le"},
        {"utf_32_be", "utf_32_be"}, {"utf_32be", "utf_32_be"},
    };
    // PyUnicode_Decode and PyUnicode_AsEncodedString call these codecs
    // directly; other names go through the codec registry
    // (encodings.search_function), which rewords some of the errors.
    static const char* const direct[] = {"utf8", "utf_8", "utf16", "utf_16", "utf32", "utf_32", "ascii", "us_ascii",
                                         "latin1", "latin_1", "iso_8859_1", "iso8859_1"};
    if (fast_path) {
        *fast_path = false;
        for (const char* name : direct)
            if (norm == name) *fast_path = true;
    }
    std::string dotless = norm;
    for (char& c : dotless)
        if (c == '.') c = '_';
    for (const auto& [alias, codec] : aliases)
        if (norm == alias || dotless == alias) return codec;
    return nullptr;
}

bool codec_check_arguments(const char* fname, Object* encoding, Object* errors)
{
    const std::pair<const char*, Object*> args[] = {{"encoding", encoding}, {"errors", errors}};
    for (const auto& [name, value] : args) {
        if (value && !unicode_check(value)) {
            format_error(Exc_TypeError, "%s() argument '%s' must be str, not %.100s", fname, name,
                         value == Py_None() ? "None" : Py_TYPE(value)->tp_name);
            return false;
        }
    }
    return true;
}

void codec_wrap_error(const char* operation, Object* encoding)
{
    // _PyErr_TrySetFromCause: only exceptions that hold nothing but a
    // message can be re-raised with a longer one.
    Ref<> exc = fetch_exception();
    if (!exc) return;
    TypeObject* type = Py_TYPE(exc.get());
    auto* e = static_cast<BaseExceptionObject*>(exc.get());
    bool simple = type->tp_init == Exc_BaseException->tp_init && type->tp_new == Exc_BaseException->tp_new &&
                  type->tp_basicsize == Exc_BaseException->tp_basicsize &&
                  (!e->dict || dict_size(e->dict) == 0) && e->args && tuple_size(e->args) <= 1 &&
                  (tuple_size(e->args) == 0 || unicode_check_exact(tuple_item(e->args, 0)));
    if (!simple) {
        restore_exception(std::move(exc));
        return;
    }
    format_error(type, "%s with '%U' codec failed (%s: %S)", operation, encoding, type->tp_name, exc.get());
    Ref<> wrapped = fetch_exception();
    if (wrapped) exception_set_cause(wrapped.get(), std::move(exc));
    restore_exception(std::move(wrapped));
}

ErrorHandler error_handler_from_name(Object* errors)
{
    if (!errors) return ErrorHandler::Strict;
    static const std::pair<const char*, ErrorHandler> names[] = {
        {"strict", ErrorHandler::Strict},
        {"ignore", ErrorHandler::Ignore},
        {"replace", ErrorHandler::Replace},
        {"backslashreplace", ErrorHandler::BackslashReplace},
        {"xmlcharrefreplace", ErrorHandler::XmlCharRefReplace},
        {"namereplace", ErrorHandler::NameReplace},
        {"surrogateescape", ErrorHandler::SurrogateEscape},
        {"surrogatepass", ErrorHandler::SurrogatePass},
    };
    for (const auto& [name, handler] : names)
        if (unicode_equal_to_ascii(errors, name)) return handler;
    return ErrorHandler::Unknown;
}

namespace {

void raise_unicode_error(TypeObject* type, const char* encoding, Object* object, Py_ssize_t start, Py_ssize_t end,
                         const char* reason)
{
    Ref<> enc = unicode_from_string(encoding);
    Ref<> st = long_from_ssize_t(start), en = long_from_ssize_t(end);
    Ref<> rs = unicode_from_string(reason);
    if (!enc || !st || !en || !rs) return;
    Ref<> args = tuple_pack({enc.get(), object, st.get(), en.get(), rs.get()});
    if (args) set_error_object(type, args.get());
}

// get_standard_encoding: the UTF the surrogatepass handler writes or reads
// surrogates in, from the codec name in the exception. Unit 0: not a UTF
// (ascii, latin-1), the handler then re-raises the codec's error.
struct StandardEncoding {
    int unit;        // 1 (UTF-8: a surrogate takes 3 bytes), 2 or 4
    bool big_endian;
};

StandardEncoding standard_encoding(std::string_view name)
{
    if (name == "utf-8") return {1, false};
    // "utf-16"/"utf-32" without a suffix are the native (little-endian) order.
    if (name == "utf-16" || name == "utf-16-le") return {2, false};
    if (name == "utf-16-be") return {2, true};
    if (name == "utf-32" || name == "utf-32-le") return {4, false};
    if (name == "utf-32-be") return {4, true};
    return {0, false};
}

void append_hex_escape(std::string& out, Py_UCS4 ch)
{
    char buf[12];
    if (ch <= 0xFF) std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(ch));
    else if (ch <= 0xFFFF) std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(ch));
    else std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(ch));
    out += buf;
}

}  // namespace

// --- The standard handlers, shared by the codecs and the Python callables ---------------------

namespace {

// The replacement of a standard handler for undecodable bytes [start, end)
// of data (the bytes of source): appended to out, *resume set; false with
// the exception set.
bool decode_standard(ErrorHandler handler, Object* source, std::string_view data, const char* encoding,
                     UnicodeWriter& out, std::size_t start, std::size_t end, const char* reason, std::size_t* resume)
{
    auto raise = [&] {
        raise_unicode_error(Exc_UnicodeDecodeError, encoding, source, static_cast<Py_ssize_t>(start),
                            static_cast<Py_ssize_t>(end), reason);
        return false;
    };
    *resume = end;
    switch (handler) {
    case ErrorHandler::Strict:
    case ErrorHandler::Unknown: return raise();
    case ErrorHandler::Ignore: return true;
    case ErrorHandler::Replace:
        // One U+FFFD for the whole span, however many bytes it holds.
        out.write_char(0xFFFD);
        return true;
    case ErrorHandler::BackslashReplace: {
        std::string esc;
        for (std::size_t i = start; i < end; i++) append_hex_escape(esc, static_cast<unsigned char>(data[i]));
        out.write_ascii(esc);
        return true;
    }
    case ErrorHandler::XmlCharRefReplace:
    case ErrorHandler::NameReplace:
        // These two only know how to replace characters, not bytes.
        set_error(Exc_TypeError, "don't know how to handle UnicodeDecodeError in error callback");
        return false;
    case ErrorHandler::SurrogateEscape: {
        // PEP 383: bytes 0x80-0xFF become U+DC80-U+DCFF, at most four of
        // them per call; an ASCII byte cannot be smuggled and fails.
        std::size_t n = 0;
        while (n < 4 && start + n < end && static_cast<unsigned char>(data[start + n]) >= 0x80) {
            out.write_char(0xDC00 + static_cast<unsigned char>(data[start + n]));
            n++;
        }
        if (n == 0) return raise();
        *resume = start + n;
        return true;
    }
    case ErrorHandler::SurrogatePass: {
        // A surrogate encoded in the codec's own UTF, read from start on
        // (the span the codec reported may be shorter than the sequence).
        StandardEncoding enc = standard_encoding(encoding);
        std::size_t len = enc.unit == 1 ? 3 : static_cast<std::size_t>(enc.unit);
        Py_UCS4 ch = 0;
        if (enc.unit != 0 && start + len <= data.size()) {
            const auto* p = reinterpret_cast<const unsigned char*>(data.data() + start);
            if (enc.unit == 1) {
                if ((p[0] & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
                    ch = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
            } else {
                for (std::size_t k = 0; k < len; k++) {
                    std::size_t byte = enc.big_endian ? k : len - 1 - k;
                    ch = (ch << 8) | p[byte];
                }
            }
        }
        if (ch < 0xD800 || ch > 0xDFFF) return raise();
        out.write_char(ch);
        *resume = start + len;
        return true;
    }
    }
    return true;
}

// The replacement of a standard handler for the characters [start, end)
// of str; translating (UnicodeTranslateError) replaces with U+FFFD, not '?'.
bool encode_standard(ErrorHandler handler, TypeObject* exc_type, Object* str, const char* encoding,
                     Py_ssize_t start, Py_ssize_t end, const char* reason, Replacement* rep, Py_ssize_t* resume)
{
    auto raise = [&](Py_ssize_t from) {
        raise_unicode_error(exc_type, encoding, str, from, end, reason);
        return false;
    };
    rep->data.clear();
    rep->is_bytes = false;
    *resume = end;
    bool translating = exc_type == Exc_UnicodeTranslateError;
    switch (handler) {
    case ErrorHandler::Strict:
    case ErrorHandler::Unknown: return raise(start);
    case ErrorHandler::Ignore: return true;
    case ErrorHandler::Replace:
        if (translating)
            for (Py_ssize_t i = start; i < end; i++) utf8_append(rep->data, 0xFFFD);
        else
            rep->data.assign(static_cast<std::size_t>(end - start), '?');
        return true;
    case ErrorHandler::BackslashReplace:
        for (Py_ssize_t i = start; i < end; i++) append_hex_escape(rep->data, unicode_read_char(str, i));
        return true;
    case ErrorHandler::XmlCharRefReplace:
    case ErrorHandler::NameReplace:
        if (translating) {
            format_error(Exc_TypeError, "don't know how to handle %.200s in error callback", exc_type->tp_name);
            return false;
        }
        for (Py_ssize_t i = start; i < end; i++) {
            Py_UCS4 ch = unicode_read_char(str, i);
            std::string name;
            if (handler == ErrorHandler::XmlCharRefReplace) rep->data += "&#" + std::to_string(ch) + ';';
            // \N{NAME} where the Unicode database names the character, the
            // backslashreplace form where it does not.
            else if (unicode_char_name(ch, &name)) rep->data += "\\N{" + name + "}";
            else append_hex_escape(rep->data, ch);
        }
        return true;
    case ErrorHandler::SurrogateEscape:
        // U+DC80-U+DCFF go back to the bytes they stand for. The codecs'
        // fast paths write the escapable prefix of the span and fail on the
        // first other character, reporting the span from there.
        if (translating) return raise(start);
        rep->is_bytes = true;
        for (Py_ssize_t i = start; i < end; i++) {
            Py_UCS4 ch = unicode_read_char(str, i);
            if (ch < 0xDC80 || ch > 0xDCFF) return raise(i);
            rep->data += static_cast<char>(ch - 0xDC00);
        }
        return true;
    case ErrorHandler::SurrogatePass: {
        StandardEncoding enc = standard_encoding(encoding);
        rep->is_bytes = true;
        for (Py_ssize_t i = start; i < end; i++) {
            Py_UCS4 ch = unicode_read_char(str, i);
            if (enc.unit == 0 || ch < 0xD800 || ch > 0xDFFF) return raise(start);
            if (enc.unit == 1) {
                utf8_append(rep->data, ch);
                continue;
            }
            for (int k = 0; k < enc.unit; k++) {
                int shift = enc.big_endian ? 8 * (enc.unit - 1 - k) : 8 * k;
                rep->data += static_cast<char>((ch >> shift) & 0xFF);
            }
        }
        return true;
    }
    }
    return true;
}

// A registered (non-standard) handler's answer to exc: (replacement, new
// position), the replacement str (or bytes when allow_bytes), the position
// made absolute and checked against len.
bool call_custom_handler(Object* errors, Object* exc, Py_ssize_t len, bool allow_bytes, Ref<>* replacement,
                         Py_ssize_t* newpos)
{
    Ref<> handler = codec_lookup_error(errors);
    if (!handler) return false;
    Ref<> res = call_one_arg(handler.get(), exc);
    if (!res) return false;
    const char* what = allow_bytes ? "encoding error handler must return (str/bytes, int) tuple"
                                   : "decoding error handler must return (str, int) tuple";
    if (!tuple_check(res.get()) || tuple_size(res.get()) != 2 ||
        !(unicode_check(tuple_item(res.get(), 0)) || (allow_bytes && bytes_check(tuple_item(res.get(), 0)))) ||
        !long_check(tuple_item(res.get(), 1))) {
        set_error(Exc_TypeError, what);
        return false;
    }
    Py_ssize_t pos = long_as_ssize_t(tuple_item(res.get(), 1));
    if (pos == -1 && error_occurred()) return false;
    if (pos < 0) pos += len;
    if (pos < 0 || pos > len) {
        format_error(Exc_IndexError, "position %zd from error handler out of bounds", pos);
        return false;
    }
    *replacement = new_ref(tuple_item(res.get(), 0));
    *newpos = pos;
    return true;
}

Ref<> new_unicode_error(TypeObject* type, const char* encoding, Object* object, Py_ssize_t start, Py_ssize_t end,
                        const char* reason)
{
    Ref<> enc = unicode_from_string(encoding);
    Ref<> st = long_from_ssize_t(start), en = long_from_ssize_t(end);
    Ref<> rs = unicode_from_string(reason);
    if (!enc || !st || !en || !rs) return nullptr;
    Ref<> args = tuple_pack({enc.get(), object, st.get(), en.get(), rs.get()});
    if (!args) return nullptr;
    return object_call(type, args.get(), nullptr);
}

}  // namespace

// --- Decoding ------------------------------------------------------------------------------

DecodeErrors::DecodeErrors(Object* source, std::string_view data, const char* encoding, Object* errors)
    : source_(source), data_(data), encoding_(encoding), errors_(errors), handler_(error_handler_from_name(errors))
{
}

void DecodeErrors::raise(std::size_t start, std::size_t end, const char* reason)
{
    raise_unicode_error(Exc_UnicodeDecodeError, encoding_, source_, static_cast<Py_ssize_t>(start),
                        static_cast<Py_ssize_t>(end), reason);
}

bool DecodeErrors::handle(UnicodeWriter& out, std::size_t start, std::size_t end, const char* reason,
                          std::size_t* resume)
{
    if (handler_ != ErrorHandler::Unknown)
        return decode_standard(handler_, source_, data_, encoding_, out, start, end, reason, resume);
    // A handler registered with codecs.register_error: called with the exception.
    Ref<> exc = new_unicode_error(Exc_UnicodeDecodeError, encoding_, source_, static_cast<Py_ssize_t>(start),
                                  static_cast<Py_ssize_t>(end), reason);
    if (!exc) return false;
    Ref<> rep;
    Py_ssize_t pos;
    if (!call_custom_handler(errors_, exc.get(), static_cast<Py_ssize_t>(data_.size()), false, &rep, &pos))
        return false;
    out.write_str(rep.get());
    *resume = static_cast<std::size_t>(pos);
    return true;
}

// --- Encoding ------------------------------------------------------------------------------

EncodeErrors::EncodeErrors(Object* str, const char* encoding, Object* errors)
    : str_(str), encoding_(encoding), errors_(errors), handler_(error_handler_from_name(errors))
{
}

void EncodeErrors::raise(Py_ssize_t start, Py_ssize_t end, const char* reason)
{
    raise_unicode_error(Exc_UnicodeEncodeError, encoding_, str_, start, end, reason);
}

bool EncodeErrors::handle(Py_ssize_t start, Py_ssize_t end, const char* reason, Replacement* rep, Py_ssize_t* resume)
{
    if (handler_ != ErrorHandler::Unknown)
        return encode_standard(handler_, Exc_UnicodeEncodeError, str_, encoding_, start, end, reason, rep, resume);
    Ref<> exc = new_unicode_error(Exc_UnicodeEncodeError, encoding_, str_, start, end, reason);
    if (!exc) return false;
    Ref<> r;
    if (!call_custom_handler(errors_, exc.get(), unicode_length(str_), true, &r, resume)) return false;
    rep->data.clear();
    if (bytes_check(r.get())) {
        rep->is_bytes = true;
        rep->data = bytes_view(r.get());
        return true;
    }
    // A str replacement: ASCII is encoded by the codec itself; anything
    // else must be encodable by the codec (strictly), or the original
    // error stands.
    rep->is_bytes = false;
    bool ascii = true;
    for (Py_ssize_t i = 0, n = unicode_length(r.get()); i < n; i++) ascii = ascii && unicode_read_char(r.get(), i) < 128;
    if (ascii) {
        rep->data = unicode_to_std(r.get());
        return true;
    }
    StandardEncoding enc = standard_encoding(encoding_);
    Ref<> b;
    if (enc.unit == 1) b = codec_encode_utf8(r.get(), nullptr);
    else if (enc.unit == 2) b = codec_encode_utf16(r.get(), nullptr, enc.big_endian ? 1 : -1);
    else if (enc.unit == 4) b = codec_encode_utf32(r.get(), nullptr, enc.big_endian ? 1 : -1);
    else if (std::string_view(encoding_) == "latin-1") b = codec_encode_ucs1(r.get(), nullptr, 256);
    if (!b) {
        error_clear();
        raise(start, end, reason);
        return false;
    }
    rep->is_bytes = true;
    rep->data = bytes_view(b.get());
    return true;
}

// --- The registry (PyCodec_Register, PyCodec_Lookup, ...) ---------------------------------

namespace {

// interp->codec_search_path, codec_search_cache and codec_error_registry,
// made on first use and dropped by codec_registry_clear at finalization.
struct CodecRegistry {
    Object* search_path = nullptr;  // list of search functions
    Object* search_cache = nullptr;  // normalized name -> CodecInfo
    Object* error_registry = nullptr;  // handler name -> callable
};

Ref<> builtin_error_handler(Object* exc, ErrorHandler handler);

Ref<> strict_errors(Object*, Object* exc)
{
    if (!exc || !object_type_check(exc, reinterpret_cast<TypeObject*>(Exc_BaseException))) {
        set_error(Exc_TypeError, "codec must pass exception instance");
        return nullptr;
    }
    restore_exception(new_ref(exc));
    return nullptr;
}
Ref<> ignore_errors(Object*, Object* exc) { return builtin_error_handler(exc, ErrorHandler::Ignore); }
Ref<> replace_errors(Object*, Object* exc) { return builtin_error_handler(exc, ErrorHandler::Replace); }
Ref<> xmlcharrefreplace_errors(Object*, Object* exc) { return builtin_error_handler(exc, ErrorHandler::XmlCharRefReplace); }
Ref<> backslashreplace_errors(Object*, Object* exc) { return builtin_error_handler(exc, ErrorHandler::BackslashReplace); }
Ref<> namereplace_errors(Object*, Object* exc) { return builtin_error_handler(exc, ErrorHandler::NameReplace); }
Ref<> surrogatepass_errors(Object*, Object* exc) { return builtin_error_handler(exc, ErrorHandler::SurrogatePass); }
Ref<> surrogateescape_errors(Object*, Object* exc) { return builtin_error_handler(exc, ErrorHandler::SurrogateEscape); }

MethodDef error_handler_defs[] = {
    method_o("strict_errors", strict_errors, "Implements the 'strict' error handling, which raises a UnicodeError on coding errors."),
    method_o("ignore_errors", ignore_errors, "Implements the 'ignore' error handling, which ignores malformed data and continues."),
    method_o("replace_errors", replace_errors, "Implements the 'replace' error handling, which replaces malformed data with a replacement marker."),
    method_o("xmlcharrefreplace_errors", xmlcharrefreplace_errors, "Implements the 'xmlcharrefreplace' error handling, which replaces an unencodable character with the appropriate XML character reference."),
    method_o("backslashreplace_errors", backslashreplace_errors, "Implements the 'backslashreplace' error handling, which replaces malformed data with a backslashed escape sequence."),
    method_o("namereplace_errors", namereplace_errors, "Implements the 'namereplace' error handling, which replaces an unencodable character with a \\N{...} escape sequence."),
    method_o("surrogatepass_errors", surrogatepass_errors, nullptr),
    method_o("surrogateescape_errors", surrogateescape_errors, nullptr),
    {},
};

CodecRegistry the_registry;

// The registry if it has been created (nothing to clear otherwise).
CodecRegistry* existing_codec_registry() { return the_registry.search_path ? &the_registry : nullptr; }

CodecRegistry* codec_registry()
{
    CodecRegistry& reg = the_registry;
    if (reg.search_path) return &reg;
    Ref<> path = list_new(0), cache = dict_new(), errors = dict_new();
    if (!path || !cache || !errors) return nullptr;
    static const char* const names[] = {"strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace",
                                        "namereplace", "surrogatepass", "surrogateescape"};
    for (int i = 0; i < 8; i++) {
        Ref<> f = cfunction_new(&error_handler_defs[i], nullptr);
        if (!f || dict_set_item_string(errors.get(), names[i], f.get()) < 0) return nullptr;
    }
    reg.search_path = path.release();
    reg.search_cache = cache.release();
    reg.error_registry = errors.release();
    return &reg;
}

// The handlers' view of a UnicodeError: its fields, start and end clipped
// to the object as PyUnicodeEncodeError_GetStart/GetEnd do.
bool unicode_error_fields(Object* exc, UnicodeErrorObject** out, Py_ssize_t* start, Py_ssize_t* end)
{
    auto* e = static_cast<UnicodeErrorObject*>(exc);
    bool is_decode = object_type_check(exc, Exc_UnicodeDecodeError);
    if (!e->object || (is_decode ? !bytes_check(e->object) : !unicode_check(e->object))) {
        format_error(Exc_TypeError, "%s attribute must be %s", "object", is_decode ? "bytes" : "unicode");
        return false;
    }
    Py_ssize_t len = is_decode ? bytes_size(e->object) : unicode_length(e->object);
    *start = e->start < 0 ? 0 : e->start >= len ? (len == 0 ? 0 : len - 1) : e->start;
    *end = e->end < 1 ? 1 : e->end > len ? len : e->end;
    *out = e;
    return true;
}

Ref<> builtin_error_handler(Object* exc, ErrorHandler handler)
{
    bool enc = object_type_check(exc, Exc_UnicodeEncodeError), dec = object_type_check(exc, Exc_UnicodeDecodeError),
         tr = object_type_check(exc, Exc_UnicodeTranslateError);
    bool ok = dec ? handler != ErrorHandler::XmlCharRefReplace && handler != ErrorHandler::NameReplace
                  : enc || (tr && (handler == ErrorHandler::Ignore || handler == ErrorHandler::Replace ||
                                   handler == ErrorHandler::BackslashReplace));
    if (!ok) {
        if (handler == ErrorHandler::SurrogateEscape || handler == ErrorHandler::SurrogatePass) {
            restore_exception(new_ref(exc));  // these re-raise what they cannot handle
            return nullptr;
        }
        return format_error(Exc_TypeError, "don't know how to handle %.200s in error callback", Py_TYPE(exc)->tp_name);
    }
    UnicodeErrorObject* e;
    Py_ssize_t start, end;
    if (!unicode_error_fields(exc, &e, &start, &end)) return nullptr;
    std::string encoding = e->encoding && unicode_check(e->encoding) ? unicode_to_std(e->encoding) : "";
    std::string reason = e->reason && unicode_check(e->reason) ? unicode_to_std(e->reason) : "";
    Ref<> rep;
    Py_ssize_t resume;
    // What surrogateescape and surrogatepass cannot handle, they raise as
    // given (PyCodec_SurrogateEscapeErrors re-raises exc itself).
    auto reraise = [&]() -> Ref<> {
        if ((handler == ErrorHandler::SurrogateEscape || handler == ErrorHandler::SurrogatePass) &&
            error_matches(Exc_UnicodeError)) {
            error_clear();
            restore_exception(new_ref(exc));
        }
        return nullptr;
    };
    if (dec) {
        UnicodeWriter w;
        std::size_t r;
        if (!decode_standard(handler, e->object, bytes_view(e->object), encoding.c_str(), w,
                             static_cast<std::size_t>(start), static_cast<std::size_t>(end), reason.c_str(), &r))
            return reraise();
        rep = w.finish();
        resume = static_cast<Py_ssize_t>(r);
    } else {
        Replacement out;
        if (!encode_standard(handler, Py_TYPE(exc), e->object, encoding.c_str(), start, end, reason.c_str(), &out,
                             &resume))
            return reraise();
        rep = out.is_bytes ? bytes_from_view(out.data) : unicode_from_utf8(out.data);
    }
    if (!rep) return nullptr;
    Ref<> pos = long_from_ssize_t(resume);
    if (!pos) return nullptr;
    return tuple_pack({rep.get(), pos.get()});
}

// normalizestring: lower case, spaces as underscores (the search functions
// normalize further).
Ref<> normalize_lookup_name(Object* encoding)
{
    Py_ssize_t size;
    const char* s = unicode_as_utf8(encoding, &size);
    if (!s) return nullptr;
    std::string out(s, static_cast<std::size_t>(size));
    for (char& c : out) c = c == ' ' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return unicode_from_utf8(out);
}

// Imports `encodings` (whose import registers its search function), as
// _PyCodecRegistry_Init does at start-up; minipy waits for the first lookup.
bool import_encodings(CodecRegistry* reg)
{
    if (list_size(reg->search_path) > 0) return true;
    InterpreterState* interp = interpreter_get();
    Object* import = interp && interp->builtins ? dict_get_item_string(interp->builtins, "__import__") : nullptr;
    // The runtime stage alone (its unit tests, no vm to import with) has
    // only the native codecs: the search finds nothing and the lookup ends
    // in "unknown encoding", as a full registry would answer.
    if (!import) return true;
    Ref<> name = unicode_from_string("encodings");
    if (!name) return false;
    Ref<> mod = call_one_arg(import, name.get());
    return static_cast<bool>(mod);
}

// codec_getitem: the encoder (0), decoder (1) ... of the codec.
Ref<> codec_item(Object* encoding, int index)
{
    Ref<> info = codec_lookup(encoding);
    if (!info) return nullptr;
    return new_ref(tuple_item(info.get(), index));
}

// _PyCodec_EncodeInternal / _PyCodec_DecodeInternal: coder(object[, errors])[0].
Ref<> call_coder(Object* coder, Object* object, Object* encoding, Object* errors, const char* operation)
{
    Ref<> result = errors ? call_function_objargs(coder, {object, errors}) : call_one_arg(coder, object);
    if (!result) {
        codec_wrap_error(operation, encoding);
        return nullptr;
    }
    if (!tuple_check(result.get()) || tuple_size(result.get()) != 2) {
        set_error(Exc_TypeError, operation[0] == 'e' ? "encoder must return a tuple (object, integer)"
                                                      : "decoder must return a tuple (object,integer)");
        return nullptr;
    }
    return new_ref(tuple_item(result.get(), 0));
}

}  // namespace

void codec_registry_clear()
{
    CodecRegistry* reg = existing_codec_registry();
    if (!reg) return;
    clear_ref(reg->search_path);
    clear_ref(reg->search_cache);
    clear_ref(reg->error_registry);
}

int codec_register(Object* search_function)
{
    CodecRegistry* reg = codec_registry();
    if (!reg) return -1;
    if (!callable_check(search_function)) {
        set_error(Exc_TypeError, "argument must be callable");
        return -1;
    }
    return list_append(reg->search_path, search_function);
}

int codec_unregister(Object* search_function)
{
    CodecRegistry* reg = codec_registry();
    if (!reg) return -1;
    for (Py_ssize_t i = 0; i < list_size(reg->search_path); i++) {
        if (list_item(reg->search_path, i) != search_function) continue;
        dict_clear(reg->search_cache);
        Ref<> index = long_from_ssize_t(i);
        return index ? object_del_item(reg->search_path, index.get()) : -1;
    }
    return 0;
}

Ref<> codec_lookup(Object* encoding)
{
    if (!unicode_check(encoding))
        return format_error(Exc_TypeError, "lookup() argument must be str, not %.50s", Py_TYPE(encoding)->tp_name);
    CodecRegistry* reg = codec_registry();
    if (!reg || !import_encodings(reg)) return nullptr;
    Ref<> key = normalize_lookup_name(encoding);
    if (!key) return nullptr;
    if (Object* hit = dict_get_item_with_error(reg->search_cache, key.get())) return new_ref(hit);
    if (error_occurred()) return nullptr;
    Ref<> path = list_as_tuple(reg->search_path);  // search functions may register others
    if (!path) return nullptr;
    for (Py_ssize_t i = 0; i < tuple_size(path.get()); i++) {
        Ref<> result = call_one_arg(tuple_item(path.get(), i), key.get());
        if (!result) return nullptr;
        if (result.get() == Py_None()) continue;
        if (!tuple_check(result.get()) || tuple_size(result.get()) != 4) {
            set_error(Exc_TypeError, "codec search functions must return 4-tuples");
            return nullptr;
        }
        if (dict_set_item(reg->search_cache, key.get(), result.get()) < 0) return nullptr;
        return result;
    }
    return format_error(Exc_LookupError, "unknown encoding: %U", encoding);
}

int codec_forget(Object* encoding)
{
    CodecRegistry* reg = codec_registry();
    if (!reg) return -1;
    Ref<> key = normalize_lookup_name(encoding);
    if (!key) return -1;
    if (dict_del_item(reg->search_cache, key.get()) < 0) error_clear();
    return 0;
}

Ref<> codec_encode(Object* object, Object* encoding, Object* errors)
{
    Ref<> encoder = codec_item(encoding, 0);
    if (!encoder) return nullptr;
    return call_coder(encoder.get(), object, encoding, errors, "encoding");
}

Ref<> codec_decode(Object* object, Object* encoding, Object* errors)
{
    Ref<> decoder = codec_item(encoding, 1);
    if (!decoder) return nullptr;
    return call_coder(decoder.get(), object, encoding, errors, "decoding");
}

Ref<> codec_lookup_text_encoding(Object* encoding, const char* alternate_command)
{
    Ref<> info = codec_lookup(encoding);
    if (!info) return nullptr;
    // CodecInfo marks the binary-to-binary codecs (hex, rot13, ...) with
    // _is_text_encoding = False; plain tuples are text encodings.
    if (!tuple_check_exact(info.get())) {
        Ref<> flag = object_get_attr_string(info.get(), "_is_text_encoding");
        if (!flag) {
            if (!error_matches(Exc_AttributeError)) return nullptr;
            error_clear();
        } else {
            int truth = object_is_true(flag.get());
            if (truth < 0) return nullptr;
            if (!truth)
                return format_error(Exc_LookupError, "'%U' is not a text encoding; use %s to handle arbitrary codecs",
                                    encoding, alternate_command);
        }
    }
    return info;
}

Ref<> unicode_encode_via_registry(Object* str, Object* encoding, Object* errors)
{
    Ref<> info = codec_lookup_text_encoding(encoding, "codecs.encode()");
    if (!info) return nullptr;
    Ref<> v = call_coder(tuple_item(info.get(), 0), str, encoding, errors, "encoding");
    if (!v) return nullptr;
    if (bytes_check(v.get())) return v;
    if (bytearray_check(v.get())) return bytes_from_view(bytearray_view(v.get()));
    return format_error(Exc_TypeError,
                        "'%.400s' encoder returned '%.400s' instead of 'bytes'; use codecs.encode() to encode to "
                        "arbitrary types",
                        unicode_to_std(encoding).c_str(), Py_TYPE(v.get())->tp_name);
}

Ref<> unicode_decode_via_registry(Object* bytes, Object* encoding, Object* errors)
{
    Ref<> info = codec_lookup_text_encoding(encoding, "codecs.decode()");
    if (!info) return nullptr;
    Ref<> v = call_coder(tuple_item(info.get(), 1), bytes, encoding, errors, "decoding");
    if (!v) return nullptr;
    if (unicode_check(v.get())) return v;
    return format_error(Exc_TypeError,
                        "'%.400s' decoder returned '%.400s' instead of 'str'; use codecs.decode() to decode to "
                        "arbitrary types",
                        unicode_to_std(encoding).c_str(), Py_TYPE(v.get())->tp_name);
}

namespace {

Ref<> incremental_coder(Object* encoding, Object* errors, const char* attribute, const char* alternate)
{
    Ref<> info = codec_lookup_text_encoding(encoding, alternate);
    if (!info) return nullptr;
    Ref<> factory = object_get_attr_string(info.get(), attribute);
    if (!factory) return nullptr;
    return errors ? call_one_arg(factory.get(), errors) : call_function_objargs(factory.get(), {});
}

}  // namespace

Ref<> codec_incremental_encoder(Object* encoding, Object* errors)
{
    return incremental_coder(encoding, errors, "incrementalencoder", "codecs.open()");
}

Ref<> codec_incremental_decoder(Object* encoding, Object* errors)
{
    return incremental_coder(encoding, errors, "incrementaldecoder", "codecs.open()");
}

int codec_register_error(Object* name, Object* handler)
{
    CodecRegistry* reg = codec_registry();
    if (!reg) return -1;
    if (!callable_check(handler)) {
        set_error(Exc_TypeError, "handler must be callable");
        return -1;
    }
    return dict_set_item(reg->error_registry, name, handler);
}

Ref<> codec_lookup_error(Object* name)
{
    CodecRegistry* reg = codec_registry();
    if (!reg) return nullptr;
    Ref<> strict;
    if (!name) {
        strict = unicode_from_string("strict");
        if (!strict) return nullptr;
        name = strict.get();
    }
    if (Object* handler = dict_get_item_with_error(reg->error_registry, name)) return new_ref(handler);
    if (error_occurred()) return nullptr;
    return format_error(Exc_LookupError, "unknown error handler name '%.400s'", unicode_to_std(name).c_str());
}

}  // namespace minipy::runtime
