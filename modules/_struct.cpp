// _struct.cpp: the _struct module: conversion between Python values and C
// structs held in bytes (pack, unpack, calcsize, pack_into, unpack_from,
// iter_unpack, the compiled Struct type and struct.error).
// Mirrors CPython 3.11 Modules/_struct.c. Book chapter 12.
//
// A format compiles once into a list of FormatCode (code, offset, size,
// count): the byte order prefix picks the mode. '@' (the default) uses the
// native sizes and aligns every field to its size (x86-64 and aarch64: the
// alignment of every C type here equals its size); '=', '<', '>' and '!' use
// the standard sizes without alignment and refuse the native-only codes
// n, N and P. minipy's native byte order is little-endian (checked below).
#include <bit>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "clinic_args.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/buffer.h"
#include "minipy/runtime/bytearrayobject.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/floatobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::modules {

using namespace runtime;

static_assert(std::endian::native == std::endian::little, "_struct assumes a little-endian host");

namespace {

TypeObject* struct_error = nullptr;  // struct.error (owned by the module state, created once)

// One compiled field: `count` is the length of s/p strings (one item) and 1
// for every other code (a repeat count expands into several FormatCodes).
struct FormatCode {
    char code;
    Py_ssize_t offset;
    Py_ssize_t size;
};

struct StructObject : Object {
    Object* format;  // owned: the format as a str
    Py_ssize_t size;
    Py_ssize_t len;  // number of items packed/unpacked
    bool little;     // byte order of the fields
    bool native;     // '@': native sizes and alignment
    std::vector<FormatCode>* codes;  // owned (the object's memory is raw)
    Object* weakreflist;
};

extern TypeObject Struct_Type;

StructObject* S(Object* op) { return static_cast<StructObject*>(op); }

// The size of a code in a mode, or 0 when the code is unknown there.
Py_ssize_t code_size(char c, bool native)
{
    switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'q': case 'Q': case 'd': return 8;
    case 'l': case 'L': return native ? 8 : 4;
    case 'n': case 'N': case 'P': return native ? 8 : 0;
    default: return 0;
    }
}

// prepare_s: fills a new Struct from its format (str or bytes).
[[nodiscard]] bool struct_compile(StructObject* s, Object* format)
{
    std::string fmt;
    if (unicode_check(format)) {
        Py_ssize_t n = 0;
        const char* p = unicode_as_utf8(format, &n);
        if (!p) return false;
        fmt.assign(p, static_cast<std::size_t>(n));
        set_ref(s->format, new_ref(format).release());
    } else if (bytes_check(format)) {
        fmt = std::string(bytes_as_string(format), static_cast<std::size_t>(bytes_size(format)));
        Ref<> text = unicode_from_string(fmt.c_str());
        if (!text) return false;
        set_ref(s->format, text.release());
    } else {
        format_error(Exc_TypeError, "Struct() argument 1 must be a str or bytes object, not %.50s",
                     Py_TYPE(format)->tp_name);
        return false;
    }
    std::size_t i = 0;
    bool native = true;
    s->little = true;
    s->native = true;
    if (!fmt.empty() && std::strchr("@=<>!", fmt[0])) {
        native = fmt[0] == '@';
        s->little = fmt[0] == '@' || fmt[0] == '=' || fmt[0] == '<';
        s->native = native;
        i = 1;
    }
    auto* codes = new std::vector<FormatCode>();
    delete s->codes;
    s->codes = codes;
    Py_ssize_t size = 0, len = 0;
    const Py_ssize_t limit = std::numeric_limits<Py_ssize_t>::max();
    while (i < fmt.size()) {
        char c = fmt[i++];
        if (std::isspace(static_cast<unsigned char>(c))) continue;
        Py_ssize_t num = 1;
        if (c >= '0' && c <= '9') {
            num = c - '0';
            while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') {
                if (num >= limit / 10) {
                    set_error(struct_error, "total struct size too long");
                    return false;
                }
                num = num * 10 + (fmt[i++] - '0');
            }
            if (i >= fmt.size()) {
                set_error(struct_error, "repeat count given without format specifier");
                return false;
            }
            c = fmt[i++];
        }
        Py_ssize_t isize = code_size(c, native);
        if (isize == 0) {
            set_error(struct_error, "bad char in struct format");
            return false;
        }
        // Native mode aligns each field on its own size (x, s, p are bytes).
        if (native && isize > 1) size = (size + isize - 1) / isize * isize;
        if (c == 's' || c == 'p') {
            codes->push_back({c, size, num});
            len++;
            size += num;
        } else if (c == 'x') {
            size += num;
        } else {
            if (num > (limit - size) / isize) {
                set_error(struct_error, "total struct size too long");
                return false;
            }
            for (Py_ssize_t k = 0; k < num; k++) codes->push_back({c, size + k * isize, isize});
            len += num;
            size += num * isize;
        }
        if (size < 0) {
            set_error(struct_error, "total struct size too long");
            return false;
        }
    }
    s->size = size;
    s->len = len;
    return true;
}

Ref<> struct_alloc(TypeObject* type)
{
    Ref<StructObject> s = object_new<StructObject>(type);
    if (!s) return nullptr;
    s->format = nullptr;
    s->size = 0;
    s->len = 0;
    s->little = true;
    s->native = true;
    s->codes = nullptr;
    s->weakreflist = nullptr;
    return s;
}

// The Struct a module-level function uses (CPython caches them; minipy
// compiles each time, so _clearcache has nothing to clear).
Ref<> struct_from_format(Object* format)
{
    Ref<> s = struct_alloc(&Struct_Type);
    if (!s || !struct_compile(S(s.get()), format)) return nullptr;
    return s;
}

// ---------------------------------------------------------------------------
// Half floats (PyFloat_Pack2/Unpack2): 1 sign bit, 5 exponent bits (bias
// 15), 10 fraction bits; rounding is to nearest, ties to even.

[[nodiscard]] int pack_half(double x, std::uint16_t* out)
{
    std::uint16_t sign = std::signbit(x) ? 1 : 0;
    std::uint16_t e, bits;
    if (std::isnan(x)) {
        e = 0x1f;
        bits = 0x200;
    } else if (std::isinf(x)) {
        e = 0x1f;
        bits = 0;
    } else if (x == 0.0) {
        e = 0;
        bits = 0;
    } else {
        int ex;
        double f = std::frexp(std::fabs(x), &ex);  // 0.5 <= f < 1
        f *= 2.0;  // now 1 <= f < 2 and |x| = f * 2**(ex-1)
        ex--;
        if (ex >= 16) goto overflow;
        if (ex < -25) {
            f = 0.0;  // below half the smallest subnormal: rounds to zero
            ex = 0;
        } else if (ex < -14) {
            f = std::ldexp(f, 14 + ex);  // a subnormal: no implicit bit
            ex = 0;
        } else {
            ex += 15;
            f -= 1.0;
        }
        f *= 1024.0;
        auto b = static_cast<unsigned>(f);
        double rest = f - b;
        if (rest > 0.5 || (rest == 0.5 && (b & 1))) {
            if (++b == 1024) {  // the fraction carried into the exponent
                b = 0;
                if (++ex == 31) goto overflow;
            }
        }
        e = static_cast<std::uint16_t>(ex);
        bits = static_cast<std::uint16_t>(b);
    }
    *out = static_cast<std::uint16_t>((sign << 15) | (e << 10) | bits);
    return 0;
overflow:
    set_error(Exc_OverflowError, "float too large to pack with e format");
    return -1;
}

double unpack_half(std::uint16_t h)
{
    int sign = h >> 15;
    int e = (h >> 10) & 0x1f;
    unsigned f = h & 0x3ff;
    double x;
    if (e == 0x1f) x = f == 0 ? HUGE_VAL : std::nan("");
    else if (e == 0) x = std::ldexp(f, -24);
    else x = std::ldexp(f + 1024, e - 25);
    return sign ? -x : x;
}

// ---------------------------------------------------------------------------
// Bytes in either order.

void store_uint(char* p, std::uint64_t v, Py_ssize_t size, bool little)
{
    for (Py_ssize_t k = 0; k < size; k++) {
        auto byte = static_cast<char>((v >> (8 * k)) & 0xff);
        p[little ? k : size - 1 - k] = byte;
    }
}

std::uint64_t load_uint(const char* p, Py_ssize_t size, bool little)
{
    std::uint64_t v = 0;
    for (Py_ssize_t k = 0; k < size; k++)
        v |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[little ? k : size - 1 - k])) << (8 * k);
    return v;
}

// get_pylong: an exact int for an integer code, or null with struct.error
// "required argument is not an integer" (objects with __index__ convert).
Ref<> get_pylong(Object* v)
{
    if (long_check(v)) return new_ref(v);
    if (index_check(v)) return number_index(v);
    set_error(struct_error, "required argument is not an integer");
    return nullptr;
}

// The value of an int as 64 bits: signed codes accept [-2**63, 2**63),
// unsigned ones [0, 2**64) (P accepts both ranges, as PyLong_AsVoidPtr).
// -1 with struct.error `message` otherwise.
[[nodiscard]] int int_as_u64(Object* v, bool is_signed, bool allow_negative, const char* message,
                             std::uint64_t* out)
{
    int overflow = 0;
    long long ll = long_as_long_long_and_overflow(v, &overflow);
    if (ll == -1 && error_occurred()) return -1;
    if (overflow == 0 && (ll >= 0 || is_signed || allow_negative)) {
        *out = static_cast<std::uint64_t>(ll);
        return 0;
    }
    if (overflow <= 0 || is_signed || long_num_bits(static_cast<LongObject*>(v)) > 64) {
        set_error(struct_error, message);
        return -1;
    }
    // 2**63 <= v < 2**64: v - 2**63 fits a long long.
    Ref<> half = long_from_unsigned(std::uint64_t{1} << 63);
    if (!half) return -1;
    Ref<> low = number_subtract(v, half.get());
    if (!low) return -1;
    long long rest = long_as_long_long(low.get());
    if (rest == -1 && error_occurred()) return -1;
    *out = static_cast<std::uint64_t>(rest) + (std::uint64_t{1} << 63);
    return 0;
}

// The integer codes. Which checks and words apply depends on the table
// CPython picks: the native one ('@', and '<'/'=' for the codes whose
// standard size equals the native one, which CPython swaps in on a
// little-endian host) or the big-endian standard one ('>', '!'). b and B
// always use the native byte checks.
[[nodiscard]] int pack_int(const FormatCode& fc, Object* arg, char* p, bool little, bool native)
{
    Ref<> v = get_pylong(arg);
    if (!v) return -1;
    char c = fc.code;
    bool is_signed = c == 'b' || c == 'h' || c == 'i' || c == 'l' || c == 'q' || c == 'n';
    bool native_table = native || (little && !(c == 'l' || c == 'L'));
    std::uint64_t u = 0;
    if (c == 'b' || c == 'B' || (native_table && (c == 'h' || c == 'H'))) {
        // np_byte & co.: a C long, then the range, sign included.
        if (int_as_u64(v.get(), true, false, "argument out of range", &u) < 0) return -1;
        auto x = static_cast<long long>(u);
        const char* what = c == 'b' ? "byte format requires -128 <= number <= 127"
                           : c == 'B' ? "ubyte format requires 0 <= number <= 255"
                           : c == 'h' ? "short format requires -32768 <= number <= 32767"
                                      : "ushort format requires 0 <= number <= 65535";
        long long lo = c == 'b' ? -128 : c == 'h' ? -32768 : 0;
        long long hi = c == 'b' ? 127 : c == 'B' ? 255 : c == 'h' ? 32767 : 65535;
        if (x < lo || x > hi) {
            set_error(struct_error, what);
            return -1;
        }
    } else if (fc.size == 8) {
        // P goes through PyLong_AsVoidPtr and big-endian q/Q through
        // _PyLong_AsByteArray, whose OverflowError text CPython keeps.
        const char* message = c == 'P' || !native_table ? "int too large to convert" : "argument out of range";
        if (int_as_u64(v.get(), is_signed, c == 'P', message, &u) < 0) {
            // (A negative value for Q is refused before anything is written.)
            bool wrote = is_signed || long_sign(static_cast<LongObject*>(v.get())) >= 0;
            if (!native_table && wrote && error_matches(struct_error)) {
                // _PyLong_AsByteArray has already written the low 64 bits
                // (two's complement) when it finds the overflow; pack_into
                // shows them, so they are written here too.
                error_clear();
                Ref<> mask = long_from_unsigned(~std::uint64_t{0});
                Ref<> low = mask ? number_and(v.get(), mask.get()) : nullptr;
                if (!low || int_as_u64(low.get(), false, false, message, &u) < 0) return -1;
                store_uint(p, u, fc.size, little);
                set_error(struct_error, message);
            }
            return -1;
        }
    } else {
        // 2- and 4-byte fields: a C long (or unsigned long), then the range.
        if (int_as_u64(v.get(), is_signed, false, "argument out of range", &u) < 0) return -1;
        int bits = static_cast<int>(8 * fc.size);
        if (is_signed) {
            auto x = static_cast<long long>(u);
            long long lo = -(1LL << (bits - 1)), hi = (1LL << (bits - 1)) - 1;
            if (x < lo || x > hi) {
                format_error(struct_error, "'%c' format requires %lld <= number <= %lld", c, lo, hi);
                return -1;
            }
        } else {
            std::uint64_t hi = (std::uint64_t{1} << bits) - 1;
            if (u > hi) {
                format_error(struct_error, "'%c' format requires 0 <= number <= %llu", c,
                             static_cast<unsigned long long>(hi));
                return -1;
            }
        }
    }
    store_uint(p, u, fc.size, little);
    return 0;
}

// The double of a float code's argument; any failure becomes struct.error.
[[nodiscard]] int get_double(Object* v, double* out)
{
    double x = float_as_double(v);
    if (x == -1.0 && error_occurred()) {
        error_clear();
        set_error(struct_error, "required argument is not a float");
        return -1;
    }
    *out = x;
    return 0;
}

[[nodiscard]] bool bytes_like(Object* v, const char** data, Py_ssize_t* n)
{
    if (bytes_check(v)) {
        *data = bytes_as_string(v);
        *n = bytes_size(v);
        return true;
    }
    if (bytearray_check(v)) {
        std::string_view sv = bytearray_view(v);
        *data = sv.data();
        *n = static_cast<Py_ssize_t>(sv.size());
        return true;
    }
    return false;
}

// s_pack_internal: packs args (exactly s->len of them) into buf (s->size
// bytes, zeroed by the caller so that pad bytes are 0).
[[nodiscard]] int pack_fields(StructObject* s, Object* const* args, char* buf)
{
    Py_ssize_t k = 0;
    for (const FormatCode& fc : *s->codes) {
        Object* v = args[k++];
        char* p = buf + fc.offset;
        switch (fc.code) {
        case 'c': {
            if (!bytes_check(v) || bytes_size(v) != 1) {
                set_error(struct_error, "char format requires a bytes object of length 1");
                return -1;
            }
            *p = bytes_as_string(v)[0];
            break;
        }
        case 's':
        case 'p': {
            const char* data;
            Py_ssize_t n;
            if (!bytes_like(v, &data, &n)) {
                format_error(struct_error, "argument for '%c' must be a bytes object", fc.code);
                return -1;
            }
            if (fc.code == 's') {
                std::memcpy(p, data, static_cast<std::size_t>(n < fc.size ? n : fc.size));
            } else if (fc.size > 0) {
                // A Pascal string: a length byte (at most 255), then the text.
                Py_ssize_t m = n < fc.size - 1 ? n : fc.size - 1;
                std::memcpy(p + 1, data, static_cast<std::size_t>(m));
                *p = static_cast<char>(m > 255 ? 255 : m);
            }
            break;
        }
        case '?': {
            int t = object_is_true(v);
            if (t < 0) return -1;
            *p = static_cast<char>(t);
            break;
        }
        case 'e': {
            double x;
            std::uint16_t h;
            if (get_double(v, &x) < 0 || pack_half(x, &h) < 0) return -1;
            store_uint(p, h, 2, s->little);
            break;
        }
        case 'f': {
            double x;
            if (get_double(v, &x) < 0) return -1;
            auto y = static_cast<float>(x);
            // Standard sizes refuse a finite double that rounds to inf;
            // the native code is a plain C cast.
            if (!s->native && std::isinf(y) && !std::isinf(x)) {
                set_error(Exc_OverflowError, "float too large to pack with f format");
                return -1;
            }
            store_uint(p, std::bit_cast<std::uint32_t>(y), 4, s->little);
            break;
        }
        case 'd': {
            double x;
            if (get_double(v, &x) < 0) return -1;
            store_uint(p, std::bit_cast<std::uint64_t>(x), 8, s->little);
            break;
        }
        default:
            if (pack_int(fc, v, p, s->little, s->native) < 0) return -1;
        }
    }
    return 0;
}

// s_unpack_internal: the tuple of the fields at buf.
Ref<> unpack_fields(StructObject* s, const char* buf)
{
    Ref<> result = tuple_new(s->len);
    if (!result) return nullptr;
    Py_ssize_t k = 0;
    for (const FormatCode& fc : *s->codes) {
        const char* p = buf + fc.offset;
        Ref<> v;
        switch (fc.code) {
        case 'c': v = bytes_from_string_and_size(p, 1); break;
        case 's': v = bytes_from_string_and_size(p, fc.size); break;
        case 'p': {
            Py_ssize_t n = fc.size > 0 ? static_cast<unsigned char>(*p) : 0;
            if (n >= fc.size) n = fc.size - 1;
            v = bytes_from_string_and_size(p + 1, n < 0 ? 0 : n);
            break;
        }
        case '?': v = bool_from_long(*p != 0); break;
        case 'e': v = float_from_double(unpack_half(static_cast<std::uint16_t>(load_uint(p, 2, s->little)))); break;
        case 'f':
            v = float_from_double(std::bit_cast<float>(static_cast<std::uint32_t>(load_uint(p, 4, s->little))));
            break;
        case 'd': v = float_from_double(std::bit_cast<double>(load_uint(p, 8, s->little))); break;
        default: {
            std::uint64_t u = load_uint(p, fc.size, s->little);
            bool is_signed = std::strchr("bhilqn", fc.code) != nullptr;
            if (is_signed) {
                int shift = static_cast<int>(64 - 8 * fc.size);
                auto x = static_cast<long long>(u << shift) >> shift;  // sign extension
                v = long_from_long(x);
            } else {
                v = long_from_unsigned(u);
            }
        }
        }
        if (!v) return nullptr;
        tuple_set_item(result.get(), k++, v.release());
    }
    return result;
}

// ---------------------------------------------------------------------------
// The operations, shared by the Struct methods and the module functions.

Ref<> do_pack(StructObject* s, Object* const* args, Py_ssize_t nargs)
{
    if (nargs != s->len)
        return format_error(struct_error, "pack expected %zd items for packing (got %zd)", s->len, nargs);
    std::string buf(static_cast<std::size_t>(s->size), '\0');
    if (pack_fields(s, args, buf.data()) < 0) return nullptr;
    return bytes_from_string_and_size(buf.data(), s->size);
}

Ref<> do_pack_into(StructObject* s, Object* const* args, Py_ssize_t nargs)
{
    if (nargs != s->len + 2) {
        if (nargs == 0) return format_error(Exc_TypeError, "pack_into expected buffer argument");
        if (nargs == 1) return format_error(Exc_TypeError, "pack_into expected offset argument");
        return format_error(struct_error, "pack_into expected %zd items for packing (got %zd)", s->len, nargs - 2);
    }
    Py_buffer view;
    if (object_get_buffer(args[0], &view, PyBUF_WRITABLE) < 0) return nullptr;
    Ref<> off = number_index(args[1]);
    Py_ssize_t offset = off ? number_as_ssize_t(off.get(), Exc_IndexError) : -1;
    if (offset == -1 && error_occurred()) {
        buffer_release(&view);
        return nullptr;
    }
    Py_ssize_t given = offset;
    if (offset < 0) {
        if (offset + s->size > 0) {
            buffer_release(&view);
            return format_error(struct_error, "no space to pack %zd bytes at offset %zd", s->size, given);
        }
        if (offset + view.len < 0) {
            buffer_release(&view);
            return format_error(struct_error, "offset %zd out of range for %zd-byte buffer", given, view.len);
        }
        offset += view.len;
    }
    if (view.len - offset < s->size) {
        Py_ssize_t len = view.len;
        buffer_release(&view);
        return format_error(struct_error,
                            "pack_into requires a buffer of at least %zd bytes for packing %zd bytes at offset %zd "
                            "(actual buffer size is %zd)",
                            s->size + offset, s->size, offset, len);
    }
    // As in CPython, the record is zeroed (pad bytes) and the fields are
    // written in place: a failing field leaves the ones before it packed.
    char* dest = static_cast<char*>(view.buf) + offset;
    std::memset(dest, 0, static_cast<std::size_t>(s->size));
    int rc = pack_fields(s, args + 2, dest);
    buffer_release(&view);
    if (rc < 0) return nullptr;
    return none_ref();
}

Ref<> do_unpack(StructObject* s, Object* buffer)
{
    Py_buffer view;
    if (object_get_buffer(buffer, &view, PyBUF_SIMPLE) < 0) return nullptr;
    if (view.len != s->size) {
        buffer_release(&view);
        return format_error(struct_error, "unpack requires a buffer of %zd bytes", s->size);
    }
    Ref<> r = unpack_fields(s, static_cast<const char*>(view.buf));
    buffer_release(&view);
    return r;
}

Ref<> do_unpack_from(StructObject* s, Object* buffer, Object* offset_obj)
{
    Py_ssize_t offset = 0;
    if (offset_obj) {
        if (!index_check(offset_obj))
            return format_error(Exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                                Py_TYPE(offset_obj)->tp_name);
        offset = number_as_ssize_t(offset_obj, Exc_OverflowError);
        if (offset == -1 && error_occurred()) return nullptr;
    }
    Py_buffer view;
    if (object_get_buffer(buffer, &view, PyBUF_SIMPLE) < 0) return nullptr;
    Py_ssize_t given = offset;
    Ref<> r;
    if (offset < 0) {
        // The record must end before the end of the buffer, which a
        // negative offset counts from.
        if (offset + s->size > 0) {
            format_error(struct_error, "not enough data to unpack %zd bytes at offset %zd", s->size, given);
            goto done;
        }
        if (offset + view.len < 0) {
            format_error(struct_error, "offset %zd out of range for %zd-byte buffer", given, view.len);
            goto done;
        }
        offset += view.len;
    }
    if (view.len - offset < s->size) {
        format_error(struct_error,
                     "unpack_from requires a buffer of at least %zd bytes for unpacking %zd bytes at offset %zd "
                     "(actual buffer size is %zd)",
                     s->size + offset, s->size, offset, view.len);
        goto done;
    }
    r = unpack_fields(s, static_cast<const char*>(view.buf) + offset);
done:
    buffer_release(&view);
    return r;
}

// iter_unpack's iterator (_struct.unpack_iterator): holds the Struct and a
// view of the buffer (released when exhausted or freed) and unpacks one
// record per next().
struct UnpackIterObject : Object {
    Object* so;  // owned: the Struct
    Py_buffer view;
    Py_ssize_t index;  // byte offset of the next record
    bool released;
};

extern TypeObject UnpackIter_Type;

UnpackIterObject* U(Object* op) { return static_cast<UnpackIterObject*>(op); }

void unpackiter_release(UnpackIterObject* it)
{
    if (!it->released) {
        buffer_release(&it->view);
        it->released = true;
    }
}

void unpackiter_dealloc(Object* op)
{
    unpackiter_release(U(op));
    clear_ref(U(op)->so);
    object_dealloc_memory(op);
}

Ref<> unpackiter_iternext(Object* op)
{
    UnpackIterObject* it = U(op);
    if (it->released) return nullptr;
    StructObject* s = S(it->so);
    if (it->index >= it->view.len) {
        unpackiter_release(it);
        return nullptr;
    }
    Ref<> r = unpack_fields(s, static_cast<const char*>(it->view.buf) + it->index);
    it->index += s->size;
    return r;
}

Ref<> unpackiter_len(Object* op, Object*)
{
    UnpackIterObject* it = U(op);
    Py_ssize_t n = it->released ? 0 : (it->view.len - it->index) / S(it->so)->size;
    return long_from_ssize_t(n);
}

Ref<> unpackiter_new(TypeObject*, Object*, Object*)
{
    // CPython 3.11's words, unbalanced quote included.
    return format_error(Exc_TypeError, "Cannot create 'unpack_iterator objects");
}

MethodDef unpackiter_methods[] = {
    method_noargs("__length_hint__", unpackiter_len, "Private method returning an estimate of len(list(it))."),
    {},
};

TypeObject UnpackIter_Type = [] {
    TypeObject t = static_type("_struct.unpack_iterator", sizeof(UnpackIterObject), 0, Py_TPFLAGS_DEFAULT, nullptr);
    t.tp_dealloc = unpackiter_dealloc;
    t.tp_getattro = object_generic_get_attr;
    t.tp_iter = object_self_iter;
    t.tp_iternext = unpackiter_iternext;
    t.tp_methods = unpackiter_methods;
    t.tp_new = unpackiter_new;
    return t;
}();

Ref<> do_iter_unpack(StructObject* s, Object* buffer)
{
    if (s->size == 0) return format_error(struct_error, "cannot iteratively unpack with a struct of length 0");
    Ref<UnpackIterObject> it = object_new<UnpackIterObject>(&UnpackIter_Type);
    if (!it) return nullptr;
    it->so = new_ref<Object>(s).release();
    it->view = Py_buffer{};
    it->index = 0;
    it->released = true;
    if (object_get_buffer(buffer, &it->view, PyBUF_SIMPLE) < 0) return nullptr;
    it->released = false;
    if (it->view.len % s->size != 0)
        return format_error(struct_error, "iterative unpacking requires a buffer of a multiple of %zd bytes",
                            s->size);
    return it;
}

// ---------------------------------------------------------------------------
// The Struct type.

void struct_dealloc(Object* op)
{
    StructObject* s = S(op);
    clear_ref(s->format);
    delete s->codes;
    s->codes = nullptr;
    object_dealloc_memory(op);
}

Ref<> struct_tp_new(TypeObject* type, Object* args, Object* kwds)
{
    Object* format = nullptr;
    if (!parse_clinic_tuple_kw("Struct", args, kwds, {"format"}, 1, 1, &format)) return nullptr;
    Ref<> s = struct_alloc(type);
    if (!s || !struct_compile(S(s.get()), format)) return nullptr;
    return s;
}

Ref<> s_pack(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    if (kwnames && tuple_size(kwnames)) return format_error(Exc_TypeError, "pack() takes no keyword arguments");
    return do_pack(S(self), args, nargs);
}

Ref<> s_pack_into(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    if (kwnames && tuple_size(kwnames)) return format_error(Exc_TypeError, "pack_into() takes no keyword arguments");
    return do_pack_into(S(self), args, nargs);
}

Ref<> s_unpack(Object* self, Object* buffer) { return do_unpack(S(self), buffer); }
Ref<> s_iter_unpack(Object* self, Object* buffer) { return do_iter_unpack(S(self), buffer); }

Ref<> s_unpack_from(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[2] = {};
    if (!parse_clinic_args("unpack_from", args, nargs, kwnames, {"buffer", "offset"}, 2, 1, a)) return nullptr;
    return do_unpack_from(S(self), a[0], a[1]);
}

Ref<> s_sizeof(Object* self, Object*)
{
    return long_from_ssize_t(static_cast<Py_ssize_t>(Py_TYPE(self)->tp_basicsize) +
                             static_cast<Py_ssize_t>(sizeof(FormatCode)) * (S(self)->len + 1));
}

Ref<> s_get_format(Object* self, void*) { return new_ref(S(self)->format); }
Ref<> s_get_size(Object* self, void*) { return long_from_ssize_t(S(self)->size); }

MethodDef struct_methods[] = {
    method_fastkw("pack", s_pack,
                  "S.pack(v1, v2, ...) -> bytes\n\nReturn a bytes object with v1, v2, ... packed by S.format."),
    method_fastkw("pack_into", s_pack_into,
                  "S.pack_into(buffer, offset, v1, v2, ...)\n\nPack v1, v2, ... by S.format into buffer at offset."),
    method_o("unpack", s_unpack, "Return a tuple of the values in buffer, which must be S.size bytes long."),
    method_fastkw("unpack_from", s_unpack_from, "Return a tuple of the values at buffer[offset:offset+S.size]."),
    method_o("iter_unpack", s_iter_unpack, "Return an iterator over the tuples of consecutive S.size-byte records."),
    method_noargs("__sizeof__", s_sizeof, "S.__sizeof__() -> size of S in memory, in bytes"),
    {},
};

GetSetDef struct_getset[] = {
    {"format", s_get_format, nullptr, "struct format string", nullptr},
    {"size", s_get_size, nullptr, "struct size in bytes", nullptr},
    {},
};

TypeObject Struct_Type = [] {
    TypeObject t = static_type("_struct.Struct", sizeof(StructObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
                               "Struct(fmt) --> compiled struct object\n\n");
    t.tp_dealloc = struct_dealloc;
    t.tp_getattro = object_generic_get_attr;
    t.tp_methods = struct_methods;
    t.tp_getset = struct_getset;
    t.tp_weaklistoffset = static_cast<Py_ssize_t>(offsetof(StructObject, weakreflist));
    t.tp_new = struct_tp_new;
    return t;
}();

// ---------------------------------------------------------------------------
// Module functions: the format first, then the Struct method's arguments.

Ref<> m_pack(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    if (kwnames && tuple_size(kwnames)) return format_error(Exc_TypeError, "pack() takes no keyword arguments");
    if (nargs < 1) return format_error(Exc_TypeError, "pack expected at least 1 argument, got 0");
    Ref<> s = struct_from_format(args[0]);
    return s ? do_pack(S(s.get()), args + 1, nargs - 1) : nullptr;
}

Ref<> m_pack_into(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    if (kwnames && tuple_size(kwnames)) return format_error(Exc_TypeError, "pack_into() takes no keyword arguments");
    if (nargs < 1) return format_error(Exc_TypeError, "pack_into expected at least 1 argument, got 0");
    Ref<> s = struct_from_format(args[0]);
    return s ? do_pack_into(S(s.get()), args + 1, nargs - 1) : nullptr;
}

Ref<> m_unpack(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[2] = {};
    if (!parse_clinic_args("unpack", args, nargs, kwnames, {"", ""}, 2, 2, a)) return nullptr;
    Ref<> s = struct_from_format(a[0]);
    return s ? do_unpack(S(s.get()), a[1]) : nullptr;
}

Ref<> m_iter_unpack(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[2] = {};
    if (!parse_clinic_args("iter_unpack", args, nargs, kwnames, {"", ""}, 2, 2, a)) return nullptr;
    Ref<> s = struct_from_format(a[0]);
    return s ? do_iter_unpack(S(s.get()), a[1]) : nullptr;
}

Ref<> m_unpack_from(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[3] = {};
    if (!parse_clinic_args("unpack_from", args, nargs, kwnames, {"", "buffer", "offset"}, 3, 2, a)) return nullptr;
    Ref<> s = struct_from_format(a[0]);
    return s ? do_unpack_from(S(s.get()), a[1], a[2]) : nullptr;
}

Ref<> m_calcsize(Object*, Object* format)
{
    Ref<> s = struct_from_format(format);
    return s ? long_from_ssize_t(S(s.get())->size) : nullptr;
}

Ref<> m_clearcache(Object*, Object*) { return none_ref(); }

MethodDef struct_module_methods[] = {
    method_noargs("_clearcache", m_clearcache, "Clear the internal cache."),
    method_o("calcsize", m_calcsize, "Return size in bytes of the struct described by the format string."),
    method_fastkw("iter_unpack", m_iter_unpack,
                  "Return an iterator yielding tuples unpacked from the buffer by the format."),
    method_fastkw("pack", m_pack, "pack(format, v1, v2, ...) -> bytes"),
    method_fastkw("pack_into", m_pack_into, "pack_into(format, buffer, offset, v1, v2, ...)"),
    method_fastkw("unpack", m_unpack, "Return a tuple containing values unpacked according to the format string."),
    method_fastkw("unpack_from", m_unpack_from, "Return a tuple containing values unpacked from buffer at offset."),
    {},
};

}  // namespace

Ref<> struct_module_create()
{
    for (TypeObject* t : {&Struct_Type, &UnpackIter_Type})
        if (!(t->tp_flags & Py_TPFLAGS_READY) && type_ready(t) < 0) return nullptr;
    if (!struct_error) {
        Ref<> err = error_new_exception("struct.error", nullptr);
        if (!err) return nullptr;
        struct_error = static_cast<TypeObject*>(err.release());  // kept for the life of the process, like a static type
    }
    Ref<> mod = module_new("_struct");
    if (!mod || module_add_functions(mod.get(), struct_module_methods) < 0) return nullptr;
    Ref<> doc = unicode_from_string(
        "Functions to convert between Python values and C structs.\n"
        "Python bytes objects are used to hold the data representing the C struct\n"
        "and also as format strings (explained below) to describe the layout of data\n"
        "in the C struct.\n");
    if (!doc || module_add_object(mod.get(), "__doc__", doc.get()) < 0) return nullptr;
    if (module_add_object(mod.get(), "Struct", &Struct_Type) < 0) return nullptr;
    if (module_add_object(mod.get(), "error", struct_error) < 0) return nullptr;
    return mod;
}

}  // namespace minipy::modules
