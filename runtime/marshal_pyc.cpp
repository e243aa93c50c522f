// marshal_pyc.cpp: .pyc files: the 16-byte header around a marshalled code
// object, written and checked as importlib does, and read as `python X.pyc`
// does.
// Mirrors CPython 3.11 Lib/importlib/_bootstrap_external.py
// (_code_to_timestamp_pyc, _code_to_hash_pyc, _classify_pyc,
// _validate_timestamp_pyc, _compile_bytecode) and run_pyc_file in
// Python/pythonrun.c. Book chapter 7.
//
// They live in the runtime, next to marshal, because both the compiler
// (`minipy --compile`) and the eval loop (running or importing a .pyc) need
// them, and the runtime is the lowest layer both can see.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/codeobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/marshal.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::runtime {

namespace {

void pack_uint32(std::string* out, std::uint32_t x)
{
    for (int i = 0; i < 4; i++) *out += static_cast<char>((x >> (8 * i)) & 0xFF);
}

std::uint32_t unpack_uint32(std::string_view b)
{
    return std::uint32_t(static_cast<unsigned char>(b[0])) | std::uint32_t(static_cast<unsigned char>(b[1])) << 8 |
           std::uint32_t(static_cast<unsigned char>(b[2])) << 16 |
           std::uint32_t(static_cast<unsigned char>(b[3])) << 24;
}

// The header followed by marshal.dumps(code).
Ref<> pyc_with_header(Object* code, const std::string& header)
{
    // importlib calls marshal.dumps(code) from Python code, where the code
    // object is held by the caller's variable and by the argument: two
    // references, so it is written with FLAG_REF ('\xe3'). The same here.
    Ref<> argument = new_ref(code);
    Ref<> body = marshal_write_object_to_string(code);
    if (!body) return nullptr;
    std::string data = header;
    data.append(bytes_view(body.get()));
    return bytes_from_view(data);
}

// ImportError(message) with name= like importlib's exc_details (path is
// not known here).
void raise_import_error(Object* message)
{
    set_error_object(Exc_ImportError, message);
}

void raise_os_error(int err, const std::string& path)
{
    Ref<> no = long_from_long(err);
    Ref<> text = unicode_from_string(std::strerror(err));
    Ref<> name = unicode_from_utf8(path);
    if (!no || !text || !name) return;
    Ref<> args = tuple_pack({no.get(), text.get(), name.get()});
    if (args) set_error_object(Exc_OSError, args.get());
}

}  // namespace

Ref<> pyc_from_code_timestamp(Object* code, std::uint32_t mtime, std::uint32_t source_size)
{
    std::string header(PYC_MAGIC);
    pack_uint32(&header, 0);
    pack_uint32(&header, mtime);
    pack_uint32(&header, source_size);
    return pyc_with_header(code, header);
}

Ref<> pyc_from_code_hash(Object* code, std::string_view source_hash, bool checked)
{
    if (source_hash.size() != 8) return format_error(Exc_ValueError, "source hash must be 8 bytes");
    std::string header(PYC_MAGIC);
    pack_uint32(&header, 0b1u | (checked ? 0b10u : 0u));
    header.append(source_hash);
    return pyc_with_header(code, header);
}

int pyc_classify(std::string_view data, std::string_view name, PycHeader* header)
{
    Ref<> shown_name = unicode_from_utf8(name);
    if (!shown_name) return -1;
    std::string_view magic = data.substr(0, 4);
    if (magic != PYC_MAGIC) {
        Ref<> magic_bytes = bytes_from_view(magic);
        if (!magic_bytes) return -1;
        Ref<> msg = unicode_from_format("bad magic number in %R: %R", shown_name.get(), magic_bytes.get());
        if (msg) raise_import_error(msg.get());
        return -1;
    }
    if (data.size() < 16) {
        format_error(Exc_EOFError, "reached EOF while reading pyc header of %R", shown_name.get());
        return -1;
    }
    std::uint32_t flags = unpack_uint32(data.substr(4, 4));
    if (flags & ~0b11u) {
        // Only the first two flags are defined.
        Ref<> msg = unicode_from_format("invalid flags %lu in %R", static_cast<unsigned long>(flags), shown_name.get());
        if (msg) raise_import_error(msg.get());
        return -1;
    }
    header->flags = flags;
    if (flags & 0b1) {
        header->source_hash = std::string(data.substr(8, 8));
    } else {
        header->mtime = unpack_uint32(data.substr(8, 4));
        header->source_size = unpack_uint32(data.substr(12, 4));
    }
    return 0;
}

int pyc_validate_timestamp(const PycHeader& header, double source_mtime, std::uint64_t source_size,
                           std::string_view name)
{
    auto mtime = static_cast<std::uint32_t>(static_cast<std::int64_t>(source_mtime) & 0xFFFFFFFF);
    if (header.mtime != mtime || header.source_size != static_cast<std::uint32_t>(source_size & 0xFFFFFFFF)) {
        Ref<> shown_name = unicode_from_utf8(name);
        if (!shown_name) return -1;
        Ref<> msg = unicode_from_format("bytecode is stale for %R", shown_name.get());
        if (msg) raise_import_error(msg.get());
        return -1;
    }
    return 0;
}

Ref<> pyc_load_code(std::string_view data, std::string_view bytecode_path)
{
    Ref<> code = marshal_read_object_from_string(data);
    if (!code) return nullptr;
    if (code_check(code.get())) return code;
    Ref<> shown = unicode_from_utf8(bytecode_path);
    if (!shown) return nullptr;
    Ref<> msg = unicode_from_format("Non-code object in %R", shown.get());
    if (msg) raise_import_error(msg.get());
    return nullptr;
}

Ref<> pyc_read_file(const std::string& path)
{
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        raise_os_error(errno, path);
        return nullptr;
    }
    std::string data;
    char buf[65536];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
    bool failed = std::ferror(f) != 0;
    int err = errno;
    std::fclose(f);
    if (failed) {
        raise_os_error(err, path);
        return nullptr;
    }
    // run_pyc_file: the magic number, then three more header words it
    // skips; a short file fails reading them (file-mode marshal's EOF text).
    if (data.size() < 4) return format_error(Exc_EOFError, "EOF read where not expected");
    if (std::string_view(data).substr(0, 4) != PYC_MAGIC)
        return format_error(Exc_RuntimeError, "Bad magic number in .pyc file");
    if (data.size() < 16) return format_error(Exc_EOFError, "EOF read where not expected");
    Ref<> code = marshal_read_object_from_string(std::string_view(data).substr(16));
    if (!code) return nullptr;
    if (!code_check(code.get())) return format_error(Exc_RuntimeError, "Bad code object in .pyc file");
    return code;
}

int pyc_write_file(const std::string& path, Object* data)
{
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) {
        raise_os_error(errno, path);
        return -1;
    }
    std::string_view bytes = bytes_view(data);
    bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    int err = errno;
    ok = (std::fclose(f) == 0) && ok;
    if (!ok) {
        raise_os_error(err ? err : EIO, path);
        return -1;
    }
    return 0;
}

}  // namespace minipy::runtime
