// binascii.cpp: the binascii module: conversions between binary data and
// ASCII encodings (uuencode, base64, quoted-printable, hex) and the CRC-32
// and CRC-CCITT checksums. Mirrors CPython 3.11 Modules/binascii.c. Book
// chapter 12.
//
// Two argument kinds, as CPython's clinic converters: the a2b_* (decoding)
// functions take an "ASCII buffer" -- any bytes-like object, or a str of
// ASCII characters only -- while the b2a_* (encoding) functions and the
// checksums take bytes-like objects only. Every function works on a byte
// view of its argument and returns bytes (crc32/crc_hqx: an int).
#include <cstdint>
#include <string>
#include <string_view>

#include "clinic_args.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/buffer.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/pystrhex.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::modules {

using namespace runtime;

namespace {

TypeObject* binascii_error = nullptr;       // binascii.Error (a ValueError)
TypeObject* binascii_incomplete = nullptr;  // binascii.Incomplete

// The bytes of an argument while a function runs: a buffer view held for
// the call, or the UTF-8 (here: ASCII) text of a str.
class ByteArg {
public:
    ByteArg() = default;
    ByteArg(const ByteArg&) = delete;
    ByteArg& operator=(const ByteArg&) = delete;
    ~ByteArg() { buffer_release(&view_); }

    // The `Py_buffer` converter: a bytes-like object.
    [[nodiscard]] bool from_buffer(Object* o)
    {
        if (object_get_buffer(o, &view_, PyBUF_SIMPLE) < 0) return false;
        data_ = std::string_view(static_cast<const char*>(view_.buf), static_cast<std::size_t>(view_.len));
        return true;
    }

    // ascii_buffer_converter: a bytes-like object or an ASCII-only str.
    [[nodiscard]] bool from_ascii(Object* o)
    {
        if (unicode_check(o)) {
            if (!as_unicode(o)->state.ascii) {
                set_error(Exc_ValueError, "string argument should contain only ASCII characters");
                return false;
            }
            // An ASCII string's code points are its bytes.
            data_ = std::string_view(static_cast<const char*>(unicode_data(o)),
                                     static_cast<std::size_t>(unicode_length(o)));
            return true;
        }
        if (!object_check_buffer(o) || object_get_buffer(o, &view_, PyBUF_SIMPLE) < 0) {
            error_clear();
            format_error(Exc_TypeError, "argument should be bytes, buffer or ASCII string, not '%.100s'",
                         Py_TYPE(o)->tp_name);
            return false;
        }
        data_ = std::string_view(static_cast<const char*>(view_.buf), static_cast<std::size_t>(view_.len));
        return true;
    }

    std::string_view data() const { return data_; }

private:
    Py_buffer view_{};
    std::string_view data_;
};

// bool(accept={int}): an int (anything with __index__) read as a truth value.
[[nodiscard]] bool int_flag(Object* o, bool dflt, bool* out)
{
    if (!o) {
        *out = dflt;
        return true;
    }
    int v;
    if (!long_as_int(o, &v)) return false;
    *out = v != 0;
    return true;
}

Ref<> raise_binascii(TypeObject* type, const char* msg)
{
    set_error(type, msg);
    return nullptr;
}

// --- uuencode ---------------------------------------------------------------

// a2b_uu(data, /): one line; its first character gives the byte count. Short
// lines are padded with zero bytes, as if spaces had been eaten at the end.
Ref<> a2b_uu(Object*, Object* arg)
{
    ByteArg in;
    if (!in.from_ascii(arg)) return nullptr;
    std::string_view a = in.data();
    std::size_t i = 0;
    // The count byte of an empty line reads as NUL: (0 - ' ') & 077 == 32.
    unsigned char first = a.empty() ? 0 : static_cast<unsigned char>(a[i++]);
    int bin_len = ((first - ' ') & 077);
    std::string out;
    unsigned int leftchar = 0;
    int leftbits = 0;
    while (static_cast<int>(out.size()) < bin_len) {
        unsigned char c = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
        if (c == '\n' || c == '\r' || i >= a.size()) c = 0;
        else {
            // '@' (space + 64) is accepted: some encoders write it for zero.
            if (c < ' ' || c > ' ' + 64) return raise_binascii(binascii_error, "Illegal char");
            c = (c - ' ') & 077;
        }
        i++;
        leftchar = (leftchar << 6) | c;
        leftbits += 6;
        if (leftbits >= 8) {
            leftbits -= 8;
            out += static_cast<char>((leftchar >> leftbits) & 0xff);
            leftchar &= (1u << leftbits) - 1;
        }
    }
    // Anything after the data must be padding or the line end.
    for (; i < a.size(); i++) {
        char c = a[i];
        if (c != ' ' && c != ' ' + 64 && c != '\n' && c != '\r')
            return raise_binascii(binascii_error, "Trailing garbage");
    }
    return bytes_from_view(out);
}

// b2a_uu(data, /, *, backtick=False): one line of at most 45 bytes.
Ref<> b2a_uu(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[2];
    if (!parse_clinic_args("b2a_uu", args, nargs, kwnames, {"", "backtick"}, 1, 1, a)) return nullptr;
    ByteArg in;
    bool backtick;
    if (!in.from_buffer(a[0]) || !int_flag(a[1], false, &backtick)) return nullptr;
    std::string_view b = in.data();
    if (b.size() > 45) return raise_binascii(binascii_error, "At most 45 bytes at once");
    // Zero sextets are written as '`' instead of ' ' with backtick=True.
    auto sextet = [&](unsigned v) { return static_cast<char>(backtick && v == 0 ? '`' : ' ' + v); };
    std::string out(1, sextet(static_cast<unsigned>(b.size()) & 077));
    unsigned int leftchar = 0;
    int leftbits = 0;
    for (std::size_t i = 0; i < b.size() || leftbits != 0; i++) {
        leftchar = (leftchar << 8) | (i < b.size() ? static_cast<unsigned char>(b[i]) : 0);
        leftbits += 8;
        while (leftbits >= 6) {
            leftbits -= 6;
            out += sextet((leftchar >> leftbits) & 0x3f);
        }
    }
    out += '\n';
    return bytes_from_view(out);
}

// --- base64 -----------------------------------------------------------------

const char b64_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// The sextet of a base64 character, or -1.
int b64_value(unsigned char c)
{
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

// a2b_base64(data, /, *, strict_mode=False). Lenient mode skips characters
// outside the alphabet and stops at the padding that completes a quad;
// strict mode refuses them, padding first or inside, and data after it.
Ref<> a2b_base64(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[2];
    if (!parse_clinic_args("a2b_base64", args, nargs, kwnames, {"", "strict_mode"}, 1, 1, a)) return nullptr;
    ByteArg in;
    bool strict;
    if (!in.from_ascii(a[0]) || !int_flag(a[1], false, &strict)) return nullptr;
    std::string_view s = in.data();
    if (strict && !s.empty() && s[0] == '=') return raise_binascii(binascii_error, "Leading padding not allowed");
    std::string out;
    int quad_pos = 0;  // sextets of the current quad seen so far
    int pads = 0;      // '=' seen since the last data character
    bool padding_started = false;
    unsigned int leftchar = 0;
    for (std::size_t i = 0; i < s.size(); i++) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c == '=') {
            padding_started = true;
            if (quad_pos >= 2 && quad_pos + ++pads >= 4) {
                if (strict && i + 1 < s.size()) return raise_binascii(binascii_error, "Excess data after padding");
                return bytes_from_view(out);
            }
            continue;
        }
        int v = b64_value(c);
        if (v < 0) {
            if (strict) return raise_binascii(binascii_error, "Only base64 data is allowed");
            continue;
        }
        if (strict && padding_started) return raise_binascii(binascii_error, "Discontinuous padding not allowed");
        pads = 0;
        switch (quad_pos) {
        case 0:
            leftchar = static_cast<unsigned>(v);
            quad_pos = 1;
            break;
        case 1:
            out += static_cast<char>((leftchar << 2) | (static_cast<unsigned>(v) >> 4));
            leftchar = static_cast<unsigned>(v) & 0x0f;
            quad_pos = 2;
            break;
        case 2:
            out += static_cast<char>((leftchar << 4) | (static_cast<unsigned>(v) >> 2));
            leftchar = static_cast<unsigned>(v) & 0x03;
            quad_pos = 3;
            break;
        default:
            out += static_cast<char>((leftchar << 6) | static_cast<unsigned>(v));
            quad_pos = 0;
            break;
        }
    }
    if (quad_pos == 1) {
        // One sextet cannot make a byte: report the data characters seen.
        format_error(binascii_error,
                     "Invalid base64-encoded string: number of data characters (%zd) cannot be 1 more than a "
                     "multiple of 4",
                     static_cast<Py_ssize_t>(out.size() / 3 * 4 + 1));
        return nullptr;
    }
    if (quad_pos != 0) return raise_binascii(binascii_error, "Incorrect padding");
    return bytes_from_view(out);
}

// b2a_base64(data, /, *, newline=True).
Ref<> b2a_base64(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[2];
    if (!parse_clinic_args("b2a_base64", args, nargs, kwnames, {"", "newline"}, 1, 1, a)) return nullptr;
    ByteArg in;
    bool newline;
    if (!in.from_buffer(a[0]) || !int_flag(a[1], true, &newline)) return nullptr;
    std::string_view b = in.data();
    std::string out;
    out.reserve((b.size() + 2) / 3 * 4 + 1);
    std::size_t i = 0;
    for (; i + 3 <= b.size(); i += 3) {
        auto x = (static_cast<unsigned char>(b[i]) << 16) | (static_cast<unsigned char>(b[i + 1]) << 8) |
                 static_cast<unsigned char>(b[i + 2]);
        out += b64_alphabet[(x >> 18) & 63];
        out += b64_alphabet[(x >> 12) & 63];
        out += b64_alphabet[(x >> 6) & 63];
        out += b64_alphabet[x & 63];
    }
    if (i < b.size()) {
        unsigned x = static_cast<unsigned char>(b[i]) << 16;
        bool two = i + 1 < b.size();
        if (two) x |= static_cast<unsigned char>(b[i + 1]) << 8;
        out += b64_alphabet[(x >> 18) & 63];
        out += b64_alphabet[(x >> 12) & 63];
        out += two ? b64_alphabet[(x >> 6) & 63] : '=';
        out += '=';
    }
    if (newline) out += '\n';
    return bytes_from_view(out);
}

// --- checksums --------------------------------------------------------------

// crc_hqx(data, crc, /): CRC-CCITT (polynomial 0x1021, MSB first), as BinHex
// uses it; crc is taken modulo 2**32 and the result is 16 bits.
Ref<> crc_hqx(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("crc_hqx", nargs, 2, 2)) return nullptr;
    ByteArg in;
    if (!in.from_buffer(args[0])) return nullptr;
    Ref<> crc_obj = number_index(args[1]);
    if (!crc_obj) return nullptr;
    // unsigned_int(bitwise=True): the low 32 bits of any int.
    Ref<> mask = long_from_unsigned(0xffffffffULL);
    Ref<> low = mask ? number_and(crc_obj.get(), mask.get()) : nullptr;
    if (!low) return nullptr;
    auto crc = static_cast<std::uint32_t>(long_as_long_long(low.get())) & 0xffff;
    for (char ch : in.data()) {
        crc ^= static_cast<std::uint32_t>(static_cast<unsigned char>(ch)) << 8;
        for (int k = 0; k < 8; k++) crc = (crc & 0x8000) ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
    return long_from_unsigned(crc);
}

// The reflected CRC-32 table (polynomial 0xEDB88320), as zlib's.
const std::uint32_t* crc32_table()
{
    static const auto table = [] {
        struct Table {
            std::uint32_t v[256];
        } t{};
        for (std::uint32_t n = 0; n < 256; n++) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t.v[n] = c;
        }
        return t;
    }();
    return table.v;
}

// crc32(data, crc=0, /): the running CRC-32 of zlib.crc32, unsigned.
Ref<> crc32(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("crc32", nargs, 1, 2)) return nullptr;
    ByteArg in;
    if (!in.from_buffer(args[0])) return nullptr;
    std::uint32_t crc = 0;
    if (nargs > 1) {
        Ref<> crc_obj = number_index(args[1]);
        if (!crc_obj) return nullptr;
        Ref<> mask = long_from_unsigned(0xffffffffULL);
        Ref<> low = mask ? number_and(crc_obj.get(), mask.get()) : nullptr;
        if (!low) return nullptr;
        crc = static_cast<std::uint32_t>(long_as_long_long(low.get()));
    }
    const std::uint32_t* table = crc32_table();
    crc = ~crc;
    for (char ch : in.data()) crc = table[(crc ^ static_cast<unsigned char>(ch)) & 0xff] ^ (crc >> 8);
    return long_from_unsigned(~crc);
}

// --- hex --------------------------------------------------------------------

// b2a_hex/hexlify(data, sep=<none>, bytes_per_sep=1): bytes.hex as bytes.
Ref<> hexlify_impl(const char* fname, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[3];
    if (!parse_clinic_args(fname, args, nargs, kwnames, {"data", "sep", "bytes_per_sep"}, 3, 1, a)) return nullptr;
    ByteArg in;
    if (!in.from_buffer(a[0])) return nullptr;
    std::string out;
    if (!strhex_with_sep(in.data(), a[1], a[2], &out, true)) return nullptr;
    return bytes_from_view(out);
}
Ref<> b2a_hex(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    return hexlify_impl("b2a_hex", args, nargs, kwnames);
}
Ref<> hexlify(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    return hexlify_impl("hexlify", args, nargs, kwnames);
}

int hex_value(unsigned char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// a2b_hex/unhexlify(hexstr, /): pairs of hex digits, either case.
Ref<> a2b_hex(Object*, Object* arg)
{
    ByteArg in;
    if (!in.from_ascii(arg)) return nullptr;
    std::string_view s = in.data();
    if (s.size() % 2) return raise_binascii(binascii_error, "Odd-length string");
    std::string out;
    out.reserve(s.size() / 2);
    for (std::size_t i = 0; i < s.size(); i += 2) {
        int hi = hex_value(static_cast<unsigned char>(s[i]));
        int lo = hex_value(static_cast<unsigned char>(s[i + 1]));
        if (hi < 0 || lo < 0) return raise_binascii(binascii_error, "Non-hexadecimal digit found");
        out += static_cast<char>((hi << 4) | lo);
    }
    return bytes_from_view(out);
}

// --- quoted-printable (RFC 1521) --------------------------------------------

// a2b_qp(data, header=False): "=XX" escapes and "=" soft line breaks are
// undone; with header, '_' stands for a space (RFC 1522). A '=' that starts
// no valid escape is kept as it is.
Ref<> a2b_qp(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[2];
    if (!parse_clinic_args("a2b_qp", args, nargs, kwnames, {"data", "header"}, 2, 1, a)) return nullptr;
    ByteArg in;
    bool header;
    if (!in.from_ascii(a[0]) || !int_flag(a[1], false, &header)) return nullptr;
    std::string_view s = in.data();
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        if (s[i] == '=') {
            if (++i >= s.size()) break;
            if (s[i] == '\n' || s[i] == '\r') {
                // A soft line break: skip up to and including the '\n'.
                while (i < s.size() && s[i] != '\n') i++;
                if (i < s.size()) i++;
            } else if (s[i] == '=') {
                // "==": what old encoders wrote for '='.
                out += '=';
                i++;
            } else if (i + 1 < s.size() && hex_value(static_cast<unsigned char>(s[i])) >= 0 &&
                       hex_value(static_cast<unsigned char>(s[i + 1])) >= 0) {
                out += static_cast<char>((hex_value(static_cast<unsigned char>(s[i])) << 4) |
                                         hex_value(static_cast<unsigned char>(s[i + 1])));
                i += 2;
            } else {
                out += '=';
            }
        } else if (header && s[i] == '_') {
            out += ' ';
            i++;
        } else {
            out += s[i++];
        }
    }
    return bytes_from_view(out);
}

// b2a_qp(data, quotetabs=False, istext=True, header=False): escapes what
// must be escaped and breaks lines longer than 76 characters with soft line
// breaks. Line ends are written as the data's first line end ("\r\n" or
// "\n"); with istext false, CR and LF are data and get escaped.
Ref<> b2a_qp(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[4];
    if (!parse_clinic_args("b2a_qp", args, nargs, kwnames, {"data", "quotetabs", "istext", "header"}, 4, 1, a))
        return nullptr;
    ByteArg in;
    bool quotetabs, istext, header;
    if (!in.from_buffer(a[0]) || !int_flag(a[1], false, &quotetabs) || !int_flag(a[2], true, &istext) ||
        !int_flag(a[3], false, &header))
        return nullptr;
    constexpr std::size_t MAXLINESIZE = 76;
    static const char hexdigits[] = "0123456789ABCDEF";
    std::string_view d = in.data();
    std::size_t n = d.size();
    auto at = [&](std::size_t k) { return static_cast<unsigned char>(d[k]); };
    std::size_t first_lf = d.find('\n');
    bool crlf = first_lf != std::string_view::npos && first_lf > 0 && d[first_lf - 1] == '\r';
    const char* soft_break = crlf ? "=\r\n" : "=\n";
    std::string out;
    std::size_t linelen = 0;
    std::size_t i = 0;
    while (i < n) {
        unsigned char c = at(i);
        bool lone_dot = c == '.' && linelen == 0 &&
                        (i + 1 == n || at(i + 1) == '\n' || at(i + 1) == '\r' || at(i + 1) == 0);
        bool must_quote = c > 126 || c == '=' || (header && c == '_') || lone_dot ||
                          (!istext && (c == '\r' || c == '\n')) || ((c == '\t' || c == ' ') && i + 1 == n) ||
                          (c < 33 && c != '\r' && c != '\n' && (quotetabs || (c != '\t' && c != ' ')));
        if (must_quote) {
            if (linelen + 3 >= MAXLINESIZE) {
                out += soft_break;
                linelen = 0;
            }
            out += '=';
            out += hexdigits[c >> 4];
            out += hexdigits[c & 15];
            i++;
            linelen += 3;
        } else if (istext && (c == '\n' || (i + 1 < n && c == '\r' && at(i + 1) == '\n'))) {
            linelen = 0;
            // Whitespace before a line end would be lost in transport.
            if (!out.empty() && (out.back() == ' ' || out.back() == '\t')) {
                auto ws = static_cast<unsigned char>(out.back());
                out.back() = '=';
                out += hexdigits[ws >> 4];
                out += hexdigits[ws & 15];
            }
            if (crlf) out += '\r';
            out += '\n';
            i += c == '\r' ? 2 : 1;
        } else {
            if (i + 1 != n && at(i + 1) != '\n' && linelen + 1 >= MAXLINESIZE) {
                out += soft_break;
                linelen = 0;
            }
            linelen++;
            out += header && c == ' ' ? '_' : static_cast<char>(c);
            i++;
        }
    }
    return bytes_from_view(out);
}

MethodDef binascii_methods[] = {
    method_o("a2b_uu", a2b_uu, "Decode a line of uuencoded data."),
    method_fastkw("b2a_uu", b2a_uu, "Uuencode line of data."),
    method_fastkw("a2b_base64", a2b_base64,
                  "Decode a line of base64 data.\n\n"
                  "  strict_mode\n"
                  "    When set to True, bytes that are not part of the base64 standard are not allowed.\n"
                  "    The same applies to excess data after padding (= / ==)."),
    method_fastkw("b2a_base64", b2a_base64, "Base64-code line of data."),
    method_fast("crc_hqx", crc_hqx, "Compute CRC-CCITT incrementally."),
    method_fast("crc32", crc32, "Compute CRC-32 incrementally."),
    method_fastkw("b2a_hex", b2a_hex,
                  "Hexadecimal representation of binary data.\n\n"
                  "  sep\n"
                  "    An optional single character or byte to separate hex bytes.\n"
                  "  bytes_per_sep\n"
                  "    How many bytes between separators.  Positive values count from the\n"
                  "    right, negative values count from the left.\n\n"
                  "The return value is a bytes object.  This function is also\n"
                  "available as \"hexlify()\"."),
    method_fastkw("hexlify", hexlify,
                  "Hexadecimal representation of binary data.\n\n"
                  "The return value is a bytes object.  This function is also\n"
                  "available as \"b2a_hex()\"."),
    method_o("a2b_hex", a2b_hex,
             "Binary data of hexadecimal representation.\n\n"
             "hexstr must contain an even number of hex digits (upper or lower case).\n"
             "This function is also available as \"unhexlify()\"."),
    method_o("unhexlify", a2b_hex,
             "Binary data of hexadecimal representation.\n\n"
             "hexstr must contain an even number of hex digits (upper or lower case)."),
    method_fastkw("a2b_qp", a2b_qp, "Decode a string of qp-encoded data."),
    method_fastkw("b2a_qp", b2a_qp,
                  "Encode a string using quoted-printable encoding.\n\n"
                  "On encoding, when istext is set, newlines are not encoded, and white\n"
                  "space at end of lines is.  When istext is not set, \\r and \\n (CR/LF)\n"
                  "are both encoded.  When quotetabs is set, space and tabs are encoded."),
    {},
};

}  // namespace

Ref<> binascii_module_create()
{
    if (!binascii_error) {
        // Both classes live as long as the process, like static types.
        Ref<> err = error_new_exception("binascii.Error", Exc_ValueError);
        if (!err) return nullptr;
        Ref<> inc = error_new_exception("binascii.Incomplete", nullptr);
        if (!inc) return nullptr;
        binascii_error = static_cast<TypeObject*>(err.release());
        binascii_incomplete = static_cast<TypeObject*>(inc.release());
    }
    Ref<> mod = module_new("binascii");
    if (!mod || module_add_functions(mod.get(), binascii_methods) < 0) return nullptr;
    Ref<> doc = unicode_from_string("Conversion between binary data and ASCII");
    if (!doc || module_add_object(mod.get(), "__doc__", doc.get()) < 0) return nullptr;
    if (module_add_object(mod.get(), "Error", binascii_error) < 0) return nullptr;
    if (module_add_object(mod.get(), "Incomplete", binascii_incomplete) < 0) return nullptr;
    return mod;
}

}  // namespace minipy::modules
