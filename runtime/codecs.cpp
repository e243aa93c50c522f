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

#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/dictobject.h"
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

void raise_unknown_handler(Object* errors)
{
    format_error(Exc_LookupError, "unknown error handler name '%U'", errors);
}

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
    *resume = end;
    switch (handler_) {
    case ErrorHandler::Strict:
        raise(start, end, reason);
        return false;
    case ErrorHandler::Unknown:
        raise_unknown_handler(errors_);
        return false;
    case ErrorHandler::Ignore:
        return true;
    case ErrorHandler::Replace:
        // One U+FFFD for the whole span, however many bytes it holds.
        out.write_char(0xFFFD);
        return true;
    case ErrorHandler::BackslashReplace: {
        std::string esc;
        for (std::size_t i = start; i < end; i++) append_hex_escape(esc, static_cast<unsigned char>(data_[i]));
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
        while (n < 4 && start + n < end && static_cast<unsigned char>(data_[start + n]) >= 0x80) {
            out.write_char(0xDC00 + static_cast<unsigned char>(data_[start + n]));
            n++;
        }
        if (n == 0) {
            raise(start, end, reason);
            return false;
        }
        *resume = start + n;
        return true;
    }
    case ErrorHandler::SurrogatePass: {
        // A surrogate encoded in the codec's own UTF, read from start on
        // (the span the codec reported may be shorter than the sequence).
        StandardEncoding enc = standard_encoding(encoding_);
        std::size_t len = enc.unit == 1 ? 3 : static_cast<std::size_t>(enc.unit);
        Py_UCS4 ch = 0;
        if (enc.unit != 0 && start + len <= data_.size()) {
            const auto* p = reinterpret_cast<const unsigned char*>(data_.data() + start);
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
        if (ch < 0xD800 || ch > 0xDFFF) {
            raise(start, end, reason);
            return false;
        }
        out.write_char(ch);
        *resume = start + len;
        return true;
    }
    }
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
    rep->data.clear();
    rep->is_bytes = false;
    *resume = end;
    switch (handler_) {
    case ErrorHandler::Strict:
        raise(start, end, reason);
        return false;
    case ErrorHandler::Unknown:
        raise_unknown_handler(errors_);
        return false;
    case ErrorHandler::Ignore:
        return true;
    case ErrorHandler::Replace:
        rep->data.assign(static_cast<std::size_t>(end - start), '?');
        return true;
    case ErrorHandler::BackslashReplace:
        for (Py_ssize_t i = start; i < end; i++) append_hex_escape(rep->data, unicode_read_char(str_, i));
        return true;
    case ErrorHandler::XmlCharRefReplace:
        for (Py_ssize_t i = start; i < end; i++) {
            rep->data += "&#";
            rep->data += std::to_string(unicode_read_char(str_, i));
            rep->data += ';';
        }
        return true;
    case ErrorHandler::NameReplace:
        // \N{NAME} where the Unicode database names the character, the
        // backslashreplace form where it does not.
        for (Py_ssize_t i = start; i < end; i++) {
            Py_UCS4 ch = unicode_read_char(str_, i);
            std::string name;
            if (unicode_char_name(ch, &name)) rep->data += "\\N{" + name + "}";
            else append_hex_escape(rep->data, ch);
        }
        return true;
    case ErrorHandler::SurrogateEscape:
        // U+DC80-U+DCFF go back to the bytes they stand for. The codecs'
        // fast paths write the escapable prefix of the span and fail on the
        // first other character, reporting the span from there.
        rep->is_bytes = true;
        for (Py_ssize_t i = start; i < end; i++) {
            Py_UCS4 ch = unicode_read_char(str_, i);
            if (ch < 0xDC80 || ch > 0xDCFF) {
                raise(i, end, reason);
                return false;
            }
            rep->data += static_cast<char>(ch - 0xDC00);
        }
        return true;
    case ErrorHandler::SurrogatePass: {
        StandardEncoding enc = standard_encoding(encoding_);
        rep->is_bytes = true;
        for (Py_ssize_t i = start; i < end; i++) {
            Py_UCS4 ch = unicode_read_char(str_, i);
            if (enc.unit == 0 || ch < 0xD800 || ch > 0xDFFF) {
                raise(start, end, reason);
                return false;
            }
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

}  // namespace minipy::runtime
