// marshal.h: the marshal serialization format, version 4, and the .pyc file
// header around it.
// Mirrors CPython 3.11 Include/marshal.h, Python/marshal.c and the .pyc
// helpers of Lib/importlib/_bootstrap_external.py. Book chapter 7
// ("The compiler": code objects are written to __pycache__/*.pyc).
//
// The reader accepts every type code of marshal.c (the ones code objects
// use and the rest: lists, dicts, sets); bad input never crashes: it raises
// the error CPython raises (EOFError "marshal data too short", ValueError
// "bad marshal data (unknown type code)", ...). The writer makes CPython's
// reference decisions (FLAG_REF on objects with more than one reference,
// TYPE_REF on repeats) so that its output can be byte-identical to
// py_compile's.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "minipy/runtime/object.h"

namespace minipy::runtime {

// Py_MARSHAL_VERSION: the version marshal.dumps and .pyc files use.
inline constexpr int Py_MARSHAL_VERSION = 4;

// PyMarshal_ReadObjectFromString / marshal.loads: the object serialized at
// the start of data (trailing bytes are ignored, as CPython does).
[[nodiscard]] Ref<> marshal_read_object_from_string(std::string_view data);
// Like it, and also says how many bytes the object took (*consumed).
[[nodiscard]] Ref<> marshal_read_object(std::string_view data, std::size_t* consumed);

// PyMarshal_WriteObjectToString / marshal.dumps(value, version): a bytes
// object. ValueError "unmarshallable object" for a type marshal cannot
// write; version < 3 writes no references, as CPython.
[[nodiscard]] Ref<> marshal_write_object_to_string(Object* value, int version = Py_MARSHAL_VERSION);

// --- .pyc files (importlib._bootstrap_external) -----------------------------
//
// A .pyc file is a 16-byte header, then marshal data of a code object:
//   bytes 0-3   MAGIC_NUMBER: (3495).to_bytes(2, 'little') + b'\r\n'
//   bytes 4-7   flags (little-endian): 0 = checked by source mtime and size;
//               bit 0 set = hash-based (PEP 552), bit 1 = check_source
//   bytes 8-15  flags 0: source mtime, source size (each & 0xFFFFFFFF)
//               hash-based: the 8-byte SipHash of the source (source_hash)

inline constexpr int PYC_MAGIC_NUMBER = 3495;
inline constexpr std::string_view PYC_MAGIC{"\xa7\x0d\x0d\x0a", 4};

struct PycHeader {
    std::uint32_t flags = 0;
    std::uint32_t mtime = 0;  // flags == 0
    std::uint32_t source_size = 0;  // flags == 0
    std::string source_hash;  // 8 bytes when flags & 1
};

// _code_to_timestamp_pyc: header (flags 0, mtime, size) + marshal.dumps(code).
[[nodiscard]] Ref<> pyc_from_code_timestamp(Object* code, std::uint32_t mtime, std::uint32_t source_size);
// _code_to_hash_pyc: header (flags 1 | checked << 1, hash) + marshal.dumps(code).
[[nodiscard]] Ref<> pyc_from_code_hash(Object* code, std::string_view source_hash, bool checked);

// _classify_pyc: checks the magic number and the flags; ImportError with
// importlib's message ("bad magic number in 'NAME': b'...'",
// "invalid flags 4 in 'NAME'") or EOFError ("reached EOF while reading pyc
// header of 'NAME'"). Returns 0 and fills *header, or -1.
[[nodiscard]] int pyc_classify(std::string_view data, std::string_view name, PycHeader* header);
// _validate_timestamp_pyc: ImportError "bytecode is stale for 'NAME'" when
// the recorded mtime/size do not match the source's (-1), else 0.
[[nodiscard]] int pyc_validate_timestamp(const PycHeader& header, double source_mtime, std::uint64_t source_size,
                                         std::string_view name);
// _compile_bytecode: the code object after the header; ImportError
// "Non-code object in 'PATH'" when the data holds something else.
[[nodiscard]] Ref<> pyc_load_code(std::string_view data, std::string_view name);

// run_pyc_file (Python/pythonrun.c), what `python X.pyc` does: the magic
// number is checked (RuntimeError "Bad magic number in .pyc file"), the
// rest of the header skipped, the code object loaded (RuntimeError "Bad
// code object in .pyc file" for anything else). OSError when unreadable.
[[nodiscard]] Ref<> pyc_read_file(const std::string& path);
// Writes data to path (OSError on failure). Returns 0 or -1.
[[nodiscard]] int pyc_write_file(const std::string& path, Object* data);

}  // namespace minipy::runtime
