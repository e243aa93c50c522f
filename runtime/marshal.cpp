// marshal.cpp: the marshal format, version 4: reading and writing the
// objects a code object is made of.
// Mirrors CPython 3.11 Python/marshal.c. Book chapter 7.
//
// Design notes
// ------------
// * A marshalled object is a type byte, then its payload. Bit 7 of the type
//   byte (FLAG_REF) asks the reader to remember the object in a list of
//   references; a later TYPE_REF 'r' + index stands for that same object.
//   That is how .pyc files share interned names and repeated constants.
// * The reader registers containers (tuples, lists, dicts, sets) BEFORE
//   reading their items, and code objects and frozensets at a reserved slot
//   filled AFTER their fields, exactly as r_object does, so that indices
//   agree with CPython's writer.
// * The writer (w_object) sets FLAG_REF on an object whose refcount is above
//   1 (it may be shared) and writes TYPE_REF when it meets it again. The
//   decision depends on refcounts, like CPython's, which is what makes
//   byte-identical .pyc files possible at all.
// * Bad input is never trusted: sizes are checked against the bytes left
//   before anything is allocated, recursion is capped at
//   MAX_MARSHAL_STACK_DEPTH, and every failure is CPython's exception.
#include "minipy/runtime/marshal.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <unordered_map>
#include <vector>

#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/codeobject.h"
#include "minipy/runtime/complexobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/floatobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/setobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::runtime {

namespace {

// The type codes of marshal.c.
enum : unsigned char {
    TYPE_NULL = '0',
    TYPE_NONE = 'N',
    TYPE_FALSE = 'F',
    TYPE_TRUE = 'T',
    TYPE_STOPITER = 'S',
    TYPE_ELLIPSIS = '.',
    TYPE_INT = 'i',
    TYPE_INT64 = 'I',  // read only: no longer written
    TYPE_FLOAT = 'f',
    TYPE_BINARY_FLOAT = 'g',
    TYPE_COMPLEX = 'x',
    TYPE_BINARY_COMPLEX = 'y',
    TYPE_LONG = 'l',
    TYPE_STRING = 's',  // bytes
    TYPE_INTERNED = 't',
    TYPE_REF = 'r',
    TYPE_TUPLE = '(',
    TYPE_LIST = '[',
    TYPE_DICT = '{',
    TYPE_CODE = 'c',
    TYPE_UNICODE = 'u',
    TYPE_UNKNOWN = '?',
    TYPE_SET = '<',
    TYPE_FROZENSET = '>',
    TYPE_ASCII = 'a',
    TYPE_ASCII_INTERNED = 'A',
    TYPE_SMALL_TUPLE = ')',
    TYPE_SHORT_ASCII = 'z',
    TYPE_SHORT_ASCII_INTERNED = 'Z',
    FLAG_REF = 0x80,
};

constexpr int MAX_MARSHAL_STACK_DEPTH = 2000;
constexpr long SIZE32_MAX = 0x7FFFFFFF;

// ints are written in base 2**15 "marshal digits", two per 30-bit digit.
constexpr int PyLong_MARSHAL_SHIFT = 15;
constexpr int PyLong_MARSHAL_BASE = 1 << PyLong_MARSHAL_SHIFT;
constexpr int PyLong_MARSHAL_MASK = PyLong_MARSHAL_BASE - 1;
constexpr int PyLong_MARSHAL_RATIO = PyLong_SHIFT / PyLong_MARSHAL_SHIFT;

// --- UTF-8 with "surrogatepass" ----------------------------------------------
// marshal stores str as UTF-8 in which lone surrogates are allowed (encoded
// as 3-byte sequences ED A0..BF xx), so that every str round-trips.

void raise_utf8_error(std::string_view data, std::size_t start, std::size_t end, const char* reason)
{
    Ref<> bytes = bytes_from_view(data);
    Ref<> enc = unicode_from_string("utf-8");
    Ref<> st = long_from_ssize_t(static_cast<Py_ssize_t>(start));
    Ref<> en = long_from_ssize_t(static_cast<Py_ssize_t>(end));
    Ref<> rs = unicode_from_string(reason);
    if (!bytes || !enc || !st || !en || !rs) return;
    Ref<> args = tuple_pack({enc.get(), bytes.get(), st.get(), en.get(), rs.get()});
    if (args) set_error_object(Exc_UnicodeDecodeError, args.get());
}

// Decodes UTF-8 into out; surrogates (ED A0..BF xx) are accepted when
// surrogatepass is set. On invalid input returns false with the span and
// reason the strict decoder reports.
struct Utf8Error {
    std::size_t start = 0, end = 0;
    const char* reason = nullptr;
};

bool decode_utf8(std::string_view data, bool surrogatepass, std::vector<Py_UCS4>* out, Utf8Error* err)
{
    const auto* s = reinterpret_cast<const unsigned char*>(data.data());
    const std::size_t n = data.size();
    std::size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) {
            out->push_back(c);
            i++;
            continue;
        }
        int len;
        Py_UCS4 ch;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            ch = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            ch = c & 0x0F;
            if (c == 0xE0) lo = 0xA0;                    // overlong
            if (c == 0xED && !surrogatepass) hi = 0x9F;  // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            ch = c & 0x07;
            if (c == 0xF0) lo = 0x90;  // overlong
            if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
        } else {
            *err = {i, i + 1, "invalid start byte"};
            return false;
        }
        for (int k = 1; k < len; k++) {
            std::size_t at = i + static_cast<std::size_t>(k);
            if (at >= n) {
                *err = {i, n, "unexpected end of data"};
                return false;
            }
            unsigned char cc = s[at];
            if (cc < lo || cc > hi) {
                *err = {i, at, "invalid continuation byte"};
                return false;
            }
            lo = 0x80;
            hi = 0xBF;
            ch = (ch << 6) | (cc & 0x3F);
        }
        out->push_back(ch);
        i += static_cast<std::size_t>(len);
    }
    return true;
}

// PyUnicode_DecodeUTF8(s, n, "surrogatepass").
Ref<> decode_utf8_surrogatepass(std::string_view data)
{
    std::vector<Py_UCS4> out;
    out.reserve(data.size());
    Utf8Error err;
    if (!decode_utf8(data, true, &out, &err)) {
        raise_utf8_error(data, err.start, err.end, err.reason);
        return nullptr;
    }
    return unicode_from_ucs4(out.data(), static_cast<Py_ssize_t>(out.size()));
}

// The "replace" error handler, as PyUnicode_FromFormat's %s decodes: one
// U+FFFD per invalid span.
Ref<> decode_utf8_replace(std::string_view data)
{
    std::vector<Py_UCS4> out;
    Utf8Error err;
    while (!decode_utf8(data, false, &out, &err)) {
        out.push_back(0xFFFD);
        data.remove_prefix(err.end);
    }
    return unicode_from_ucs4(out.data(), static_cast<Py_ssize_t>(out.size()));
}

// PyUnicode_AsEncodedString(v, "utf8", "surrogatepass").
std::string encode_utf8_surrogatepass(Object* s)
{
    std::string out;
    Py_ssize_t n = unicode_length(s);
    out.reserve(static_cast<std::size_t>(n));
    for (Py_ssize_t i = 0; i < n; i++) {
        // utf8_append writes surrogates as 3 bytes like any other code point.
        utf8_append(out, unicode_read_char(s, i));
    }
    return out;
}

// PyOS_string_to_double(s, NULL, NULL) for the text floats of TYPE_FLOAT and
// TYPE_COMPLEX: an optional sign, then a decimal number or inf/infinity/nan
// (any case); nothing else, not even spaces. Overflow gives +-inf.
bool parse_float_text(std::string_view text, double* out)
{
    std::string_view body = text;
    bool negative = false;
    if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
        negative = body[0] == '-';
        body.remove_prefix(1);
    }
    auto lower_equals = [&](std::string_view word) {
        if (body.size() != word.size()) return false;
        for (std::size_t i = 0; i < word.size(); i++)
            if (std::tolower(static_cast<unsigned char>(body[i])) != word[i]) return false;
        return true;
    };
    if (lower_equals("inf") || lower_equals("infinity")) {
        *out = negative ? -HUGE_VAL : HUGE_VAL;
        return true;
    }
    if (lower_equals("nan")) {
        *out = negative ? -std::nan("") : std::nan("");
        return true;
    }
    // digits [. digits] [e [sign] digits], at least one mantissa digit.
    std::size_t i = 0, mantissa_digits = 0;
    while (i < body.size() && std::isdigit(static_cast<unsigned char>(body[i]))) i++, mantissa_digits++;
    if (i < body.size() && body[i] == '.') {
        i++;
        while (i < body.size() && std::isdigit(static_cast<unsigned char>(body[i]))) i++, mantissa_digits++;
    }
    if (mantissa_digits == 0) return false;
    if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
        i++;
        if (i < body.size() && (body[i] == '+' || body[i] == '-')) i++;
        std::size_t exp_digits = 0;
        while (i < body.size() && std::isdigit(static_cast<unsigned char>(body[i]))) i++, exp_digits++;
        if (exp_digits == 0) return false;
    }
    if (i != body.size()) return false;
    std::string copy(body);
    double v = std::strtod(copy.c_str(), nullptr);  // the C locale: '.' is the point
    *out = negative ? -v : v;
    return true;
}

// --- Reading (r_object) ------------------------------------------------------

struct RFILE {
    const unsigned char* ptr;
    const unsigned char* end;
    int depth = 0;
    // p->refs: owned references; a null entry is a slot reserved by
    // r_ref_reserve that is not filled yet (CPython keeps None there).
    std::vector<Ref<>> refs;

    std::size_t remaining() const { return static_cast<std::size_t>(end - ptr); }
};

// r_byte: the next byte, or -1 at the end (no error set).
int r_byte(RFILE* p)
{
    if (p->ptr < p->end) return *p->ptr++;
    return -1;
}

// r_string: n bytes of payload, or null with EOFError.
const unsigned char* r_string(Py_ssize_t n, RFILE* p)
{
    if (n < 0 || static_cast<std::size_t>(n) > p->remaining()) {
        set_error(Exc_EOFError, "marshal data too short");
        return nullptr;
    }
    const unsigned char* s = p->ptr;
    p->ptr += n;
    return s;
}

// r_long: a signed 32-bit little-endian int; -1 with an error set on EOF.
long r_long(RFILE* p, bool* ok)
{
    const unsigned char* b = r_string(4, p);
    if (!b) {
        *ok = false;
        return -1;
    }
    std::uint32_t x = std::uint32_t(b[0]) | std::uint32_t(b[1]) << 8 | std::uint32_t(b[2]) << 16 |
                      std::uint32_t(b[3]) << 24;
    *ok = true;
    return static_cast<long>(static_cast<std::int32_t>(x));
}

// r_short: a signed 16-bit little-endian int.
int r_short(RFILE* p, bool* ok)
{
    const unsigned char* b = r_string(2, p);
    if (!b) {
        *ok = false;
        return -1;
    }
    *ok = true;
    return static_cast<std::int16_t>(static_cast<std::uint16_t>(b[0] | (b[1] << 8)));
}

double r_float_bin(RFILE* p, bool* ok)
{
    const unsigned char* b = r_string(8, p);
    if (!b) {
        *ok = false;
        return -1.0;
    }
    std::uint64_t bits = 0;
    for (int i = 7; i >= 0; i--) bits = (bits << 8) | b[i];
    double d;
    std::memcpy(&d, &bits, sizeof d);  // PyFloat_Unpack8, IEEE little-endian
    *ok = true;
    return d;
}

// r_float_str: a length byte, then the repr of the float as text.
double r_float_str(RFILE* p, bool* ok)
{
    *ok = false;
    int n = r_byte(p);
    if (n < 0) {
        set_error(Exc_EOFError, "EOF read where not expected");
        return -1.0;
    }
    const unsigned char* s = r_string(n, p);
    if (!s) return -1.0;
    std::string_view text(reinterpret_cast<const char*>(s), static_cast<std::size_t>(n));
    double d;
    if (!parse_float_text(text, &d)) {
        // PyOS_string_to_double: the text between quotes, not its repr.
        // "%.200s" of a C string: up to 200 bytes, cut at the first NUL.
        std::string_view shown_text = text.substr(0, std::min<std::size_t>(200, text.find('\0')));
        Ref<> shown = decode_utf8_replace(shown_text);
        if (!shown) return -1.0;
        format_error(Exc_ValueError, "could not convert string to float: '%U'", shown.get());
        return -1.0;
    }
    *ok = true;
    return d;
}

// R_REF: remembers a finished (or about to be filled) object.
void r_ref(Object* o, bool flag, RFILE* p)
{
    if (flag && o) p->refs.push_back(new_ref(o));
}

// r_ref_reserve: a slot for an object built after its children (code
// objects, frozensets).
std::size_t r_ref_reserve(bool flag, RFILE* p)
{
    if (!flag) return 0;
    p->refs.emplace_back();
    return p->refs.size() - 1;
}

void r_ref_insert(Object* o, std::size_t idx, bool flag, RFILE* p)
{
    if (flag && o) p->refs[idx] = new_ref(o);
}

Ref<> r_object(RFILE* p);

// r_PyLong: |n| marshal digits of 15 bits, least significant first; the sign
// of n is the sign of the int. Validated as CPython does (each digit
// < 2**15, the top one non-zero), read one at a time, so that a huge n in
// short data fails with EOFError before anything big is allocated.
Ref<> r_PyLong(RFILE* p)
{
    bool ok;
    long n = r_long(p, &ok);
    if (!ok) return nullptr;
    if (n == 0) return long_from_long(0);
    if (n < -SIZE32_MAX || n > SIZE32_MAX)
        return format_error(Exc_ValueError, "bad marshal data (long size out of range)");
    long absn = n < 0 ? -n : n;
    long size = 1 + (absn - 1) / PyLong_MARSHAL_RATIO;
    long shorts_in_top_digit = 1 + (absn - 1) % PyLong_MARSHAL_RATIO;
    std::vector<digit> digits;
    for (long i = 0; i < size; i++) {
        bool top = i == size - 1;
        long count = top ? shorts_in_top_digit : PyLong_MARSHAL_RATIO;
        digit d = 0;
        for (long j = 0; j < count; j++) {
            int md = r_short(p, &ok);
            if (!ok) return nullptr;
            if (md < 0 || md > PyLong_MARSHAL_BASE)
                return format_error(Exc_ValueError, "bad marshal data (digit out of range in long)");
            if (top && md == 0 && j == count - 1)
                return format_error(Exc_ValueError, "bad marshal data (unnormalized long data)");
            d += static_cast<digit>(md) << (j * PyLong_MARSHAL_SHIFT);
        }
        digits.push_back(d);
    }
    Ref<LongObject> ob = object_new<LongObject>(&Long_Type, static_cast<Py_ssize_t>(digits.size()));
    if (!ob) return nullptr;
    std::memcpy(ob->ob_digit, digits.data(), digits.size() * sizeof(digit));
    ob->ob_size = n > 0 ? static_cast<Py_ssize_t>(digits.size()) : -static_cast<Py_ssize_t>(digits.size());
    return ob;
}

// A sized container's element count (tuple, list, set): a 32-bit int in
// 0..SIZE32_MAX, else ValueError "bad marshal data (WHAT size out of range)".
bool r_size(RFILE* p, const char* what, long* n)
{
    bool ok;
    *n = r_long(p, &ok);
    if (!ok) return false;
    if (*n < 0 || *n > SIZE32_MAX) {
        format_error(Exc_ValueError, "bad marshal data (%s size out of range)", what);
        return false;
    }
    return true;
}

// The items of a tuple or list, stored with store(i, item). Each item takes
// at least one byte, so a count above the bytes left cannot succeed; the
// container is then not allocated (CPython would allocate it), the items are
// read into a scratch vector until the same error CPython reports arises.
template <class Store>
bool r_items(RFILE* p, long n, const char* what, Store store)
{
    for (long i = 0; i < n; i++) {
        Ref<> item = r_object(p);
        if (!item) {
            if (!error_occurred()) format_error(Exc_TypeError, "NULL object in marshal data for %s", what);
            return false;
        }
        store(i, std::move(item));
    }
    return true;
}

Ref<> r_sequence(RFILE* p, unsigned char type, bool flag)
{
    long n;
    if (type == TYPE_SMALL_TUPLE) {
        n = r_byte(p);
        if (n < 0) return format_error(Exc_EOFError, "EOF read where not expected");
    } else if (!r_size(p, type == TYPE_LIST ? "list" : "tuple", &n)) {
        return nullptr;
    }
    const char* what = type == TYPE_LIST ? "list" : "tuple";
    if (static_cast<std::size_t>(n) > p->remaining()) {
        // A placeholder holds the container's reference index, so that the
        // items read the same references as CPython's.
        if (flag) p->refs.push_back(none_ref());
        std::vector<Ref<>> scratch;
        if (r_items(p, n, what, [&](long, Ref<> item) { scratch.push_back(std::move(item)); }))
            format_error(Exc_SystemError, "marshal: %s of %ld items in %zu bytes", what, n, p->remaining());
        return nullptr;
    }
    Ref<> v = type == TYPE_LIST ? list_new(n) : tuple_new(n);
    if (!v) return nullptr;
    r_ref(v.get(), flag, p);
    bool ok = type == TYPE_LIST
                  ? r_items(p, n, what, [&](long i, Ref<> item) { list_set_item(v.get(), i, item.release()); })
                  : r_items(p, n, what, [&](long i, Ref<> item) { tuple_set_item(v.get(), i, item.release()); });
    if (!ok) return nullptr;
    return v;
}

Ref<> r_dict(RFILE* p, bool flag)
{
    Ref<> v = dict_new();
    if (!v) return nullptr;
    r_ref(v.get(), flag, p);
    // Key/value pairs until a TYPE_NULL key (or value).
    for (;;) {
        Ref<> key = r_object(p);
        if (!key) break;
        Ref<> val = r_object(p);
        if (!val) break;
        if (dict_set_item(v.get(), key.get(), val.get()) < 0) break;
    }
    if (error_occurred()) return nullptr;
    return v;
}

Ref<> r_set(RFILE* p, unsigned char type, bool flag)
{
    long n;
    if (!r_size(p, "set", &n)) return nullptr;
    Ref<> v = type == TYPE_SET ? set_new(nullptr) : frozenset_new(nullptr);
    if (!v) return nullptr;
    std::size_t idx = 0;
    // A set is registered before its items; a frozenset (immutable once
    // shared) in a reserved slot after them.
    if (type == TYPE_SET) r_ref(v.get(), flag, p);
    else idx = r_ref_reserve(flag, p);
    for (long i = 0; i < n; i++) {
        Ref<> item = r_object(p);
        if (!item) {
            if (!error_occurred()) set_error(Exc_TypeError, "NULL object in marshal data for set");
            return nullptr;
        }
        if (set_add(v.get(), item.get()) < 0) return nullptr;
    }
    if (type != TYPE_SET) r_ref_insert(v.get(), idx, flag, p);
    return v;
}

// TYPE_CODE: the 3.11 fields in marshal order; _PyCode_Validate (in
// code_new) rejects fields of the wrong type with SystemError.
Ref<> r_code_fields(RFILE* p, bool flag);

Ref<> r_code(RFILE* p, bool flag)
{
    Ref<> v = r_code_fields(p, flag);
    if (!v && !error_occurred()) set_error(Exc_TypeError, "NULL object in marshal data for code object");
    return v;
}

Ref<> r_code_fields(RFILE* p, bool flag)
{
    std::size_t idx = r_ref_reserve(flag, p);
    bool ok;
    int ints[5];  // argcount, posonlyargcount, kwonlyargcount, stacksize, flags
    for (int& x : ints) {
        x = static_cast<int>(r_long(p, &ok));
        if (!ok) return nullptr;
    }
    // A TYPE_NULL field gives null without an exception (r_code reports it).
    Ref<> fields[8];  // code, consts, names, localsplusnames, localspluskinds, filename, name, qualname
    for (Ref<>& f : fields) {
        f = r_object(p);
        if (!f) return nullptr;
    }
    int firstlineno = static_cast<int>(r_long(p, &ok));
    if (!ok) return nullptr;
    Ref<> linetable = r_object(p);
    if (!linetable) return nullptr;
    Ref<> exceptiontable = r_object(p);
    if (!exceptiontable) return nullptr;

    // _PyCode_Validate, then _PyCode_New's intern_strings, with their
    // messages (PyErr_BadInternalCall names the C line of python3.11's
    // check, which is what its users see).
    auto is_bytes = [](Object* o) { return bytes_check(o); };
    auto is_tuple = [](Object* o) { return tuple_check(o); };
    auto is_str = [](Object* o) { return unicode_check(o); };
    if (ints[0] < ints[1] || ints[1] < 0 || ints[2] < 0 || ints[3] < 0 || ints[4] < 0 || !is_bytes(fields[0].get()) ||
        !is_tuple(fields[1].get()) || !is_tuple(fields[2].get()) || !is_tuple(fields[3].get()) ||
        !is_bytes(fields[4].get()) || tuple_size(fields[3].get()) != bytes_size(fields[4].get()) ||
        !is_str(fields[6].get()) || !is_str(fields[7].get()) || !is_str(fields[5].get()) ||
        !is_bytes(linetable.get()) || !is_bytes(exceptiontable.get()))
        return format_error(Exc_SystemError, "Objects/codeobject.c:250: bad argument to internal function");
    if (bytes_size(fields[0].get()) % 2 != 0) return format_error(Exc_ValueError, "code: co_code is malformed");
    int nlocals = 0;
    for (Py_ssize_t i = 0; i < bytes_size(fields[4].get()); i++)
        if (static_cast<unsigned char>(bytes_as_string(fields[4].get())[i]) & CO_FAST_LOCAL) nlocals++;
    int nargs = ints[0] + ints[2] + ((ints[4] & CO_VARARGS) ? 1 : 0) + ((ints[4] & CO_VARKEYWORDS) ? 1 : 0);
    if (nlocals < nargs) return format_error(Exc_ValueError, "code: co_varnames is too small");
    for (Object* names : {fields[2].get(), fields[3].get()})
        for (Py_ssize_t i = 0; i < tuple_size(names); i++)
            if (!unicode_check_exact(tuple_item(names, i)))
                return format_error(Exc_SystemError, "non-string found in code slot");

    CodeConstructor con;
    con.argcount = ints[0];
    con.posonlyargcount = ints[1];
    con.kwonlyargcount = ints[2];
    con.stacksize = ints[3];
    con.flags = ints[4];
    con.code = fields[0].get();
    con.consts = fields[1].get();
    con.names = fields[2].get();
    con.localsplusnames = fields[3].get();
    con.localspluskinds = fields[4].get();
    con.filename = fields[5].get();
    con.name = fields[6].get();
    con.qualname = fields[7].get();
    con.firstlineno = firstlineno;
    con.linetable = linetable.get();
    con.exceptiontable = exceptiontable.get();
    Ref<> v = code_new(con);
    if (!v) return nullptr;
    r_ref_insert(v.get(), idx, flag, p);
    return v;
}

Ref<> r_str(RFILE* p, unsigned char type, bool flag)
{
    bool interned = type == TYPE_INTERNED || type == TYPE_ASCII_INTERNED || type == TYPE_SHORT_ASCII_INTERNED;
    Ref<> v;
    if (type == TYPE_SHORT_ASCII || type == TYPE_SHORT_ASCII_INTERNED || type == TYPE_ASCII ||
        type == TYPE_ASCII_INTERNED) {
        long n;
        if (type == TYPE_ASCII || type == TYPE_ASCII_INTERNED) {
            bool ok;
            n = r_long(p, &ok);
            if (!ok) return nullptr;
            if (n < 0 || n > SIZE32_MAX)
                return format_error(Exc_ValueError, "bad marshal data (string size out of range)");
        } else {
            n = r_byte(p);
            if (n < 0) return format_error(Exc_EOFError, "EOF read where not expected");
        }
        const unsigned char* s = r_string(n, p);
        if (!s) return nullptr;
        // PyUnicode_FromKindAndData(1BYTE_KIND): the bytes are Latin-1 code
        // points, whatever the type code promised.
        std::vector<Py_UCS4> chars(s, s + n);
        v = unicode_from_ucs4(chars.data(), n);
    } else {
        bool ok;
        long n = r_long(p, &ok);
        if (!ok) return nullptr;
        if (n < 0 || n > SIZE32_MAX)
            return format_error(Exc_ValueError, "bad marshal data (string size out of range)");
        const unsigned char* s = r_string(n, p);
        if (!s) return nullptr;
        v = decode_utf8_surrogatepass(std::string_view(reinterpret_cast<const char*>(s), static_cast<std::size_t>(n)));
    }
    if (!v) return nullptr;
    if (interned) unicode_intern_in_place(&v);
    r_ref(v.get(), flag, p);
    return v;
}

Ref<> r_object_body(RFILE* p, unsigned char type, bool flag)
{
    bool ok;
    Ref<> v;
    switch (type) {
    case TYPE_NULL:
        return nullptr;  // no exception: the container decides what it means
    case TYPE_NONE:
        return none_ref();
    case TYPE_STOPITER:
        return new_ref<Object>(Exc_StopIteration);
    case TYPE_ELLIPSIS:
        return new_ref(Py_Ellipsis());
    case TYPE_FALSE:
        return new_ref(Py_False());
    case TYPE_TRUE:
        return new_ref(Py_True());
    case TYPE_INT: {
        long x = r_long(p, &ok);
        if (!ok) return nullptr;
        v = long_from_long(x);
        break;
    }
    case TYPE_INT64: {
        const unsigned char* b = r_string(8, p);
        if (!b) return nullptr;
        std::uint64_t x = 0;
        for (int i = 7; i >= 0; i--) x = (x << 8) | b[i];
        v = long_from_long(static_cast<long long>(x));
        break;
    }
    case TYPE_LONG:
        v = r_PyLong(p);
        break;
    case TYPE_FLOAT: {
        double d = r_float_str(p, &ok);
        if (!ok) return nullptr;
        v = float_from_double(d);
        break;
    }
    case TYPE_BINARY_FLOAT: {
        double d = r_float_bin(p, &ok);
        if (!ok) return nullptr;
        v = float_from_double(d);
        break;
    }
    case TYPE_COMPLEX: {
        double re = r_float_str(p, &ok);
        if (!ok) return nullptr;
        double im = r_float_str(p, &ok);
        if (!ok) return nullptr;
        v = complex_from_doubles(re, im);
        break;
    }
    case TYPE_BINARY_COMPLEX: {
        double re = r_float_bin(p, &ok);
        if (!ok) return nullptr;
        double im = r_float_bin(p, &ok);
        if (!ok) return nullptr;
        v = complex_from_doubles(re, im);
        break;
    }
    case TYPE_STRING: {
        long n = r_long(p, &ok);
        if (!ok) return nullptr;
        if (n < 0 || n > SIZE32_MAX)
            return format_error(Exc_ValueError, "bad marshal data (bytes object size out of range)");
        const unsigned char* s = r_string(n, p);
        if (!s) return nullptr;
        v = bytes_from_string_and_size(reinterpret_cast<const char*>(s), n);
        break;
    }
    case TYPE_UNICODE:
    case TYPE_INTERNED:
    case TYPE_ASCII:
    case TYPE_ASCII_INTERNED:
    case TYPE_SHORT_ASCII:
    case TYPE_SHORT_ASCII_INTERNED:
        return r_str(p, type, flag);
    case TYPE_SMALL_TUPLE:
    case TYPE_TUPLE:
    case TYPE_LIST:
        return r_sequence(p, type, flag);
    case TYPE_DICT:
        return r_dict(p, flag);
    case TYPE_SET:
    case TYPE_FROZENSET:
        return r_set(p, type, flag);
    case TYPE_CODE:
        return r_code(p, flag);
    case TYPE_REF: {
        long n = r_long(p, &ok);
        if (!ok) return nullptr;
        if (n < 0 || static_cast<std::size_t>(n) >= p->refs.size() || !p->refs[static_cast<std::size_t>(n)])
            return format_error(Exc_ValueError, "bad marshal data (invalid reference)");
        return p->refs[static_cast<std::size_t>(n)];
    }
    default:
        // TYPE_UNKNOWN '?' included: CPython never reads it either.
        return format_error(Exc_ValueError, "bad marshal data (unknown type code)");
    }
    if (!v) return nullptr;
    r_ref(v.get(), flag, p);
    return v;
}

Ref<> r_object(RFILE* p)
{
    int code = r_byte(p);
    if (code < 0) return format_error(Exc_EOFError, "EOF read where object expected");
    if (++p->depth > MAX_MARSHAL_STACK_DEPTH) {
        p->depth--;
        return format_error(Exc_ValueError, "recursion limit exceeded");
    }
    bool flag = (code & FLAG_REF) != 0;
    Ref<> v = r_object_body(p, static_cast<unsigned char>(code & ~FLAG_REF), flag);
    p->depth--;
    return v;
}

// --- Writing (w_object) ------------------------------------------------------

enum WriteError { WFERR_OK, WFERR_UNMARSHALLABLE, WFERR_NESTEDTOODEEP, WFERR_NOMEMORY };

struct WFILE {
    std::string out;
    int depth = 0;
    int version = Py_MARSHAL_VERSION;
    WriteError error = WFERR_OK;
    // p->hashtable: object -> reference index. The table holds a reference
    // to each key (as CPython's does), which keeps addresses unique.
    std::unordered_map<Object*, long> refs;
    std::vector<Ref<>> keep_alive;
};

void w_byte(int c, WFILE* p) { p->out += static_cast<char>(c); }

void w_long(long x, WFILE* p)
{
    auto u = static_cast<std::uint32_t>(x);
    for (int i = 0; i < 4; i++) w_byte(static_cast<int>((u >> (8 * i)) & 0xFF), p);
}

void w_short(int x, WFILE* p)
{
    w_byte(x & 0xFF, p);
    w_byte((x >> 8) & 0xFF, p);
}

void w_float_bin(double v, WFILE* p)
{
    std::uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    for (int i = 0; i < 8; i++) w_byte(static_cast<int>((bits >> (8 * i)) & 0xFF), p);
}

void w_pstring(std::string_view s, WFILE* p)
{
    w_long(static_cast<long>(s.size()), p);
    p->out.append(s);
}

void w_object(Object* v, WFILE* p);

// w_ref: 1 when v was written as a TYPE_REF to an earlier occurrence; else
// 0, with FLAG_REF added to *flag when v may be shared (refcount > 1) and
// is seen for the first time.
bool w_ref(Object* v, int* flag, WFILE* p)
{
    if (p->version < 3) return false;
    // Only one reference: not shared. CPython 3.11 does not count the two
    // references its interned dict holds to a string (key and value,
    // PyUnicode_InternInPlace); minipy's dict counts them, so they are taken
    // off here to make the same decision.
    Py_ssize_t refcnt = Py_REFCNT(v);
    if (unicode_check_exact(v) && as_unicode(v)->state.interned != SSTATE_NOT_INTERNED) refcnt -= 2;
    if (refcnt <= 1) return false;
    auto it = p->refs.find(v);
    if (it != p->refs.end()) {
        w_byte(TYPE_REF, p);
        w_long(it->second, p);
        return true;
    }
    long w = static_cast<long>(p->refs.size());
    p->refs.emplace(v, w);
    p->keep_alive.push_back(new_ref(v));
    *flag |= FLAG_REF;
    return false;
}

// w_PyLong: the sign in the count, then 15-bit digits, least significant first.
void w_PyLong(Object* ob, int flag, WFILE* p)
{
    auto* lo = static_cast<LongObject*>(ob);
    w_byte(TYPE_LONG | flag, p);
    Py_ssize_t size = lo->ob_size;
    if (size == 0) {
        w_long(0, p);
        return;
    }
    Py_ssize_t n = size < 0 ? -size : size;
    Py_ssize_t l = (n - 1) * PyLong_MARSHAL_RATIO;
    digit d = lo->ob_digit[n - 1];
    do {
        d >>= PyLong_MARSHAL_SHIFT;
        l++;
    } while (d != 0);
    if (l > SIZE32_MAX) {
        p->error = WFERR_UNMARSHALLABLE;
        return;
    }
    w_long(static_cast<long>(size > 0 ? l : -l), p);
    for (Py_ssize_t i = 0; i < n - 1; i++) {
        d = lo->ob_digit[i];
        for (int j = 0; j < PyLong_MARSHAL_RATIO; j++) {
            w_short(static_cast<int>(d & PyLong_MARSHAL_MASK), p);
            d >>= PyLong_MARSHAL_SHIFT;
        }
    }
    d = lo->ob_digit[n - 1];
    do {
        w_short(static_cast<int>(d & PyLong_MARSHAL_MASK), p);
        d >>= PyLong_MARSHAL_SHIFT;
    } while (d != 0);
}

void w_str(Object* v, int flag, WFILE* p)
{
    auto* u = as_unicode(v);
    bool interned = u->state.interned != SSTATE_NOT_INTERNED;
    if (p->version >= 4 && u->state.ascii) {
        auto* chars = static_cast<const char*>(unicode_data(v));
        std::string_view text(chars, static_cast<std::size_t>(u->length));
        if (u->length < 256) {
            w_byte((interned ? TYPE_SHORT_ASCII_INTERNED : TYPE_SHORT_ASCII) | flag, p);
            w_byte(static_cast<int>(u->length), p);
            p->out.append(text);
        } else {
            w_byte((interned ? TYPE_ASCII_INTERNED : TYPE_ASCII) | flag, p);
            w_pstring(text, p);
        }
        return;
    }
    w_byte((p->version >= 3 && interned ? TYPE_INTERNED : TYPE_UNICODE) | flag, p);
    w_pstring(encode_utf8_surrogatepass(v), p);
}

// Sets are written in a deterministic order (3.11): sorted by the marshal
// bytes of each element, each dumped on its own.
void w_set(Object* v, int flag, WFILE* p)
{
    w_byte((object_type_check(v, &Set_Type) ? TYPE_SET : TYPE_FROZENSET) | flag, p);
    w_long(static_cast<long>(set_size(v)), p);
    std::vector<std::pair<std::string, Ref<>>> pairs;
    Py_ssize_t pos = 0;
    Object* key;
    while (set_next(v, &pos, &key)) {
        // The key is dumped while only the set holds the element (CPython
        // iterates with borrowed references), so its FLAG_REF bits, and
        // with them the order, are those of python3.11.
        WFILE sub;
        sub.version = p->version;
        sub.depth = p->depth;
        w_object(key, &sub);
        if (sub.error != WFERR_OK) {
            p->error = sub.error;
            return;
        }
        pairs.emplace_back(std::move(sub.out), new_ref(key));
    }
    std::stable_sort(pairs.begin(), pairs.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& pr : pairs) w_object(pr.second.get(), p);
}

void w_code(Object* v, int flag, WFILE* p)
{
    auto* co = static_cast<CodeObject*>(v);
    // _PyCode_GetCode caches the bytes in the code object, so they are
    // written with FLAG_REF (two references), as in CPython's .pyc files.
    Ref<> co_code = code_get_code(co);
    if (!co_code) {
        p->error = WFERR_NOMEMORY;
        return;
    }
    w_byte(TYPE_CODE | flag, p);
    w_long(co->co_argcount, p);
    w_long(co->co_posonlyargcount, p);
    w_long(co->co_kwonlyargcount, p);
    w_long(co->co_stacksize, p);
    w_long(co->co_flags, p);
    w_object(co_code.get(), p);
    w_object(co->co_consts, p);
    w_object(co->co_names, p);
    w_object(co->co_localsplusnames, p);
    w_object(co->co_localspluskinds, p);
    w_object(co->co_filename, p);
    w_object(co->co_name, p);
    w_object(co->co_qualname, p);
    w_long(co->co_firstlineno, p);
    w_object(co->co_linetable, p);
    w_object(co->co_exceptiontable, p);
}

void w_complex_object(Object* v, int flag, WFILE* p)
{
    if (long_check_exact(v)) {
        int overflow = 0;
        long long x = long_as_long_long_and_overflow(v, &overflow);
        if (overflow || x < INT32_MIN || x > INT32_MAX) {
            w_PyLong(v, flag, p);
        } else {
            w_byte(TYPE_INT | flag, p);
            w_long(static_cast<long>(x), p);
        }
    } else if (float_check_exact(v)) {
        w_byte(TYPE_BINARY_FLOAT | flag, p);
        w_float_bin(float_value(v), p);
    } else if (Py_TYPE(v) == &Complex_Type) {
        w_byte(TYPE_BINARY_COMPLEX | flag, p);
        w_float_bin(static_cast<ComplexObject*>(v)->cval.real, p);
        w_float_bin(static_cast<ComplexObject*>(v)->cval.imag, p);
    } else if (bytes_check_exact(v)) {
        w_byte(TYPE_STRING | flag, p);
        w_pstring(bytes_view(v), p);
    } else if (unicode_check_exact(v)) {
        w_str(v, flag, p);
    } else if (tuple_check_exact(v)) {
        Py_ssize_t n = tuple_size(v);
        if (p->version >= 4 && n < 256) {
            w_byte(TYPE_SMALL_TUPLE | flag, p);
            w_byte(static_cast<int>(n), p);
        } else {
            w_byte(TYPE_TUPLE | flag, p);
            w_long(static_cast<long>(n), p);
        }
        for (Py_ssize_t i = 0; i < n; i++) w_object(tuple_item(v, i), p);
    } else if (list_check_exact(v)) {
        w_byte(TYPE_LIST | flag, p);
        Py_ssize_t n = list_size(v);
        w_long(static_cast<long>(n), p);
        for (Py_ssize_t i = 0; i < list_size(v); i++) w_object(list_item(v, i), p);
    } else if (dict_check_exact(v)) {
        w_byte(TYPE_DICT | flag, p);
        Py_ssize_t pos = 0;
        Object *key, *value;
        while (dict_next(v, &pos, &key, &value)) {
            w_object(key, p);
            w_object(value, p);
        }
        w_object(nullptr, p);  // the dict ends with TYPE_NULL
    } else if (Py_TYPE(v) == &Set_Type || Py_TYPE(v) == &FrozenSet_Type) {
        w_set(v, flag, p);
    } else if (code_check(v)) {
        w_code(v, flag, p);
    } else {
        w_byte(TYPE_UNKNOWN, p);
        p->error = WFERR_UNMARSHALLABLE;
    }
}

void w_object(Object* v, WFILE* p)
{
    p->depth++;
    if (p->depth > MAX_MARSHAL_STACK_DEPTH) {
        p->error = WFERR_NESTEDTOODEEP;
    } else if (v == nullptr) {
        w_byte(TYPE_NULL, p);
    } else if (v == Py_None()) {
        w_byte(TYPE_NONE, p);
    } else if (v == Exc_StopIteration) {
        w_byte(TYPE_STOPITER, p);
    } else if (v == Py_Ellipsis()) {
        w_byte(TYPE_ELLIPSIS, p);
    } else if (v == Py_False()) {
        w_byte(TYPE_FALSE, p);
    } else if (v == Py_True()) {
        w_byte(TYPE_TRUE, p);
    } else {
        int flag = 0;
        if (!w_ref(v, &flag, p)) w_complex_object(v, flag, p);
    }
    p->depth--;
}

}  // namespace

Ref<> marshal_read_object(std::string_view data, std::size_t* consumed)
{
    RFILE rf;
    rf.ptr = reinterpret_cast<const unsigned char*>(data.data());
    rf.end = rf.ptr + data.size();
    Ref<> v = r_object(&rf);
    if (!v && !error_occurred()) set_error(Exc_TypeError, "NULL object in marshal data for object");
    if (consumed) *consumed = static_cast<std::size_t>(rf.ptr - reinterpret_cast<const unsigned char*>(data.data()));
    return v;
}

Ref<> marshal_read_object_from_string(std::string_view data) { return marshal_read_object(data, nullptr); }

Ref<> marshal_write_object_to_string(Object* value, int version)
{
    WFILE wf;
    wf.version = version;
    w_object(value, &wf);
    switch (wf.error) {
    case WFERR_OK:
        return bytes_from_view(wf.out);
    case WFERR_NOMEMORY:
        if (!error_occurred()) error_no_memory();
        return nullptr;
    case WFERR_NESTEDTOODEEP:
        return format_error(Exc_ValueError, "object too deeply nested to marshal");
    case WFERR_UNMARSHALLABLE:
        break;
    }
    return format_error(Exc_ValueError, "unmarshallable object");
}

}  // namespace minipy::runtime
