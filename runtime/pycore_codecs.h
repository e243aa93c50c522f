// pycore_codecs.h: runtime-private interface between the built-in codecs
// (unicode_codecs.cpp, CPython's Objects/unicodeobject.c codec section) and
// the codec registry's name lookup and error handlers (codecs.cpp, CPython's
// Python/codecs.c and Lib/encodings/). Book chapter 11.
//
// A codec meets malformed input (decoding) or an unencodable character
// (encoding) and hands the span [start, end) to the error handler named by
// the `errors` argument. The handler either raises UnicodeDecodeError /
// UnicodeEncodeError (strict, or when it cannot handle the span), or returns
// a replacement and the position where the codec resumes. The eight standard
// handlers are applied directly (CPython's codecs do the same for their
// names); any other name is looked up in the registry (codecs.register_error)
// and called with an exception object. Like CPython, the handler name is
// looked up only when an error occurs: "x".encode("ascii", "bogus") is b"x".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "minipy/runtime/unicodeobject.h"

namespace minipy::runtime {

// The codec minipy has for an encoding name, after encodings.normalize_encoding
// (lower case, runs of punctuation -> '_') and encodings.aliases: "utf_8",
// "ascii", "latin_1", "utf_16", "utf_16_le", "utf_16_be", "utf_32",
// "utf_32_le" or "utf_32_be"; nullptr for any other name. *fast_path tells
// whether CPython calls the codec directly for this spelling (utf-8,
// utf-16, utf-32, ascii, latin-1 and a few variants) rather than through
// the codec registry.
const char* codec_normalized_name(std::string_view encoding, bool* fast_path = nullptr);

// _PyCodec_DecodeText/_PyCodec_EncodeText's wrap_codec_error: an error
// raised by a codec reached through the registry is re-raised as
// "<operation> with '<encoding>' codec failed (TypeError: ...)", the
// original as its __cause__, when it is a plain exception (not a
// UnicodeError, which carries fields). operation: "decoding"/"encoding".
void codec_wrap_error(const char* operation, Object* encoding);

// The encoding and errors arguments of fname() (encode, decode, str) are
// str or absent: TypeError "fname() argument 'errors' must be str, not int".
[[nodiscard]] bool codec_check_arguments(const char* fname, Object* encoding, Object* errors);

// PyUnicode_AsEncodedString / PyUnicode_Decode for the encodings minipy
// has no built-in codec for: through the registry (codecs.h), with the
// checks that the codec is a text encoding and returns bytes / str.
[[nodiscard]] Ref<> unicode_encode_via_registry(Object* str, Object* encoding, Object* errors);
[[nodiscard]] Ref<> unicode_decode_via_registry(Object* bytes, Object* encoding, Object* errors);

// PyUnicode_DecodeLatin1: every byte is the code point of the same value.
[[nodiscard]] Ref<> unicode_decode_latin1(std::string_view data);

enum class ErrorHandler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
    NameReplace,
    SurrogateEscape,
    SurrogatePass,
    Unknown,  // LookupError "unknown error handler name ..." when first needed
};

// errors == nullptr means "strict". errors is a str (the callers check).
ErrorHandler error_handler_from_name(Object* errors);

// The error state of one decoding run over data (the bytes of source).
// encoding is the name the exception shows ("utf-8", "utf-16-le", ...).
class DecodeErrors {
public:
    DecodeErrors(Object* source, std::string_view data, const char* encoding, Object* errors);
    // The bytes [start, end) are malformed for reason: appends the handler's
    // replacement to out and sets *resume, or returns false with the
    // exception set.
    [[nodiscard]] bool handle(UnicodeWriter& out, std::size_t start, std::size_t end, const char* reason,
                              std::size_t* resume);
    void set_encoding(const char* encoding) { encoding_ = encoding; }

private:
    void raise(std::size_t start, std::size_t end, const char* reason);
    Object* source_;
    std::string_view data_;
    const char* encoding_;
    Object* errors_;
    ErrorHandler handler_;
};

// What an encoding error handler gives back: ASCII text the codec encodes
// itself (replace, backslashreplace, ...) or raw bytes it copies
// (surrogateescape, surrogatepass), CPython's str or bytes replacement.
struct Replacement {
    std::string data;
    bool is_bytes = false;
};

// The error state of one encoding run over the str `str`.
class EncodeErrors {
public:
    EncodeErrors(Object* str, const char* encoding, Object* errors);
    // The characters [start, end) cannot be encoded: fills *rep and *resume,
    // or returns false with the exception set.
    [[nodiscard]] bool handle(Py_ssize_t start, Py_ssize_t end, const char* reason, Replacement* rep,
                              Py_ssize_t* resume);
    // Sets UnicodeEncodeError(encoding, str, start, end, reason).
    void raise(Py_ssize_t start, Py_ssize_t end, const char* reason);

private:
    Object* str_;
    const char* encoding_;
    Object* errors_;
    ErrorHandler handler_;
};

}  // namespace minipy::runtime
