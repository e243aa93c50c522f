// codecs.h: the codec registry and the built-in codecs' entry points.
// Mirrors CPython 3.11 Include/codecs.h (PyCodec_Register, PyCodec_Lookup,
// PyCodec_Encode, PyCodec_RegisterError, ...) and the stateful codec
// functions of Include/cpython/unicodeobject.h (PyUnicode_DecodeUTF8Stateful,
// PyUnicode_DecodeUTF16Stateful, ...) that Modules/_codecsmodule.c wraps.
// The registry is runtime/codecs.cpp, the codecs runtime/unicode_codecs.cpp.
// Book chapter 11.
#pragma once

#include <string_view>

#include "minipy/runtime/unicodeobject.h"

namespace minipy::runtime {

// --- The registry (Python/codecs.c) -----------------------------------------------------------
// A search function takes a normalized encoding name (lower case, spaces
// as '_') and returns a CodecInfo (a 4-tuple or more: encoder, decoder,
// stream reader, stream writer) or None. The first lookup imports the
// `encodings` package, which registers minipy's search function.
[[nodiscard]] int codec_register(Object* search_function);
[[nodiscard]] int codec_unregister(Object* search_function);
// PyCodec_Lookup: the CodecInfo for encoding (cached), or LookupError
// "unknown encoding: NAME".
[[nodiscard]] Ref<> codec_lookup(Object* encoding);
// _PyCodec_Forget: drops encoding from the lookup cache (codecs._forget_codec).
[[nodiscard]] int codec_forget(Object* encoding);
// codecs.encode / codecs.decode: any object through any codec. errors may be null.
[[nodiscard]] Ref<> codec_encode(Object* object, Object* encoding, Object* errors);
[[nodiscard]] Ref<> codec_decode(Object* object, Object* encoding, Object* errors);
// _PyCodec_LookupTextEncoding: the CodecInfo if it is a text encoding,
// LookupError "'NAME' is not a text encoding; use codecs.open() ..." otherwise.
[[nodiscard]] Ref<> codec_lookup_text_encoding(Object* encoding, const char* alternate_command);
// codecs.getincrementalencoder(encoding)(errors) and the decoder (TextIOWrapper).
[[nodiscard]] Ref<> codec_incremental_encoder(Object* encoding, Object* errors);
[[nodiscard]] Ref<> codec_incremental_decoder(Object* encoding, Object* errors);

// Error handlers: callables taking a UnicodeError and returning
// (replacement, new position). The eight standard ones are registered
// from the start under their names ("strict", "ignore", ...).
[[nodiscard]] int codec_register_error(Object* name, Object* handler);
// PyCodec_LookupError: LookupError "unknown error handler name 'NAME'".
[[nodiscard]] Ref<> codec_lookup_error(Object* name);

// PyInterpreterState_Clear's part: drops the search functions, the cache
// and the registered error handlers (the registry starts afresh if used
// again). The vm calls it before the interpreter's last collection.
void codec_registry_clear();

// --- The built-in codecs with their state (unicode_codecs.cpp) --------------------------------
// source is the bytes object a UnicodeDecodeError reports (data's owner).
// consumed null: final (an incomplete sequence at the end is an error);
// otherwise it stops before one and stores how many bytes were decoded.
[[nodiscard]] Ref<> codec_decode_utf8(Object* source, std::string_view data, Object* errors, Py_ssize_t* consumed);
[[nodiscard]] Ref<> codec_decode_ascii(Object* source, std::string_view data, Object* errors);
[[nodiscard]] Ref<> codec_decode_latin1(std::string_view data);
// *byteorder: -1 little, 1 big, 0 read a byte order mark (and set
// *byteorder to what it said; left 0 without one).
[[nodiscard]] Ref<> codec_decode_utf16(Object* source, std::string_view data, Object* errors, int* byteorder,
                                       Py_ssize_t* consumed);
[[nodiscard]] Ref<> codec_decode_utf32(Object* source, std::string_view data, Object* errors, int* byteorder,
                                       Py_ssize_t* consumed);
[[nodiscard]] Ref<> codec_encode_utf8(Object* str, Object* errors);
// limit 128: ASCII, 256: Latin-1.
[[nodiscard]] Ref<> codec_encode_ucs1(Object* str, Object* errors, Py_UCS4 limit);
// byteorder 0: a byte order mark, then native (little-endian) order.
[[nodiscard]] Ref<> codec_encode_utf16(Object* str, Object* errors, int byteorder);
[[nodiscard]] Ref<> codec_encode_utf32(Object* str, Object* errors, int byteorder);

}  // namespace minipy::runtime
