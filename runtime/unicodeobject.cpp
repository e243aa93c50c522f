// unicodeobject.cpp: the str type: PEP 393 storage, UTF-8 conversion,
// PyUnicode_FromFormat, interning, repr, hashing and comparison.
// Mirrors CPython 3.11 Objects/unicodeobject.c (the core; the methods are in
// unicode_methods.cpp). Book chapter 11.
#include <cctype>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "minipy/memory/obmalloc.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/pyhash.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "pycore_runtime.h"
#include "pycore_unicode.h"
#include "stringlib_codecs.h"

namespace minipy::runtime {

namespace {

Object* empty_str = nullptr;
Object* latin1_cache[256];
Object* interned = nullptr;  // dict str -> str; holds its strings for good

unsigned kind_for(Py_UCS4 maxchar)
{
    return maxchar < 256 ? PyUnicode_1BYTE_KIND : maxchar < 65536 ? PyUnicode_2BYTE_KIND : PyUnicode_4BYTE_KIND;
}

}  // namespace

Ref<UnicodeObject> unicode_new(Py_ssize_t length, Py_UCS4 maxchar)
{
    if (length < 0) return error_bad_internal_call();
    if (maxchar > MAX_UNICODE) return format_error(Exc_SystemError, "invalid maximum character passed to PyUnicode_New");
    unsigned kind = kind_for(maxchar);
    if (length > (PTRDIFF_MAX - static_cast<Py_ssize_t>(sizeof(UnicodeObject))) / static_cast<Py_ssize_t>(kind) - 1)
        return error_no_memory();
    std::size_t size = sizeof(UnicodeObject) + static_cast<std::size_t>(length + 1) * kind;
    auto* op = static_cast<UnicodeObject*>(object_alloc_sized(&Unicode_Type, size));
    if (!op) return nullptr;
    op->length = length;
    op->hash = -1;
    op->state.interned = SSTATE_NOT_INTERNED;
    op->state.kind = kind;
    op->state.compact = 1;
    op->state.ascii = maxchar < 128;
    if (op->state.ascii) {
        op->utf8 = static_cast<char*>(unicode_data(op));
        op->utf8_length = length;
    }
    return steal_ref(op);
}

Object* unicode_empty()
{
    if (!empty_str) empty_str = unicode_new(0, 0).release();
    return empty_str;
}

Ref<> unicode_from_ordinal(Py_UCS4 ch)
{
    if (ch > MAX_UNICODE) return format_error(Exc_ValueError, "chr() arg not in range(0x110000)");
    if (ch < 256) {
        if (!latin1_cache[ch]) {
            Ref<UnicodeObject> s = unicode_new(1, ch);
            if (!s) return nullptr;
            unicode_write(PyUnicode_1BYTE_KIND, unicode_data(s.get()), 0, ch);
            latin1_cache[ch] = s.release();
        }
        return new_ref(latin1_cache[ch]);
    }
    Ref<UnicodeObject> s = unicode_new(1, ch);
    if (!s) return nullptr;
    unicode_write(s->state.kind, unicode_data(s.get()), 0, ch);
    return s;
}

Ref<> unicode_from_ucs4(const Py_UCS4* chars, Py_ssize_t n)
{
    if (n == 0) return new_ref(unicode_empty());
    if (n == 1) return unicode_from_ordinal(chars[0]);
    Py_UCS4 maxchar = 0;
    for (Py_ssize_t i = 0; i < n; i++) maxchar = std::max(maxchar, chars[i]);
    Ref<UnicodeObject> s = unicode_new(n, maxchar);
    if (!s) return nullptr;
    void* data = unicode_data(s.get());
    for (Py_ssize_t i = 0; i < n; i++) unicode_write(s->state.kind, data, i, chars[i]);
    return s;
}

Ref<> unicode_from_ascii(std::string_view s)
{
    if (s.empty()) return new_ref(unicode_empty());
    if (s.size() == 1) return unicode_from_ordinal(static_cast<unsigned char>(s[0]));
    Ref<UnicodeObject> u = unicode_new(static_cast<Py_ssize_t>(s.size()), 127);
    if (!u) return nullptr;
    std::memcpy(unicode_data(u.get()), s.data(), s.size());
    return u;
}

// --- UTF-8 ---------------------------------------------------------------------

int utf8_decode_char(const char* p, const char* end, Py_UCS4* cp)
{
    const auto b0 = static_cast<unsigned char>(p[0]);
    if (b0 < 0x80) {
        *cp = b0;
        return 1;
    }
    return decode_sequence(reinterpret_cast<const unsigned char*>(p), reinterpret_cast<const unsigned char*>(end), cp);
}

int utf8_error_length(const char* p, const char* end, const char** reason)
{
    const auto b0 = static_cast<unsigned char>(p[0]);
    int need;
    unsigned char low = 0x80, high = 0xBF;  // the valid range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 1;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 2;
        if (b0 == 0xE0) low = 0xA0;   // overlong
        if (b0 == 0xED) high = 0x9F;  // surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 3;
        if (b0 == 0xF0) low = 0x90;   // overlong
        if (b0 == 0xF4) high = 0x8F;  // above U+10FFFF
    } else {
        *reason = "invalid start byte";
        return 1;
    }
    // The error spans the lead byte and the continuation bytes that were
    // still acceptable when the sequence broke off.
    int k = 0;
    while (k < need) {
        if (p + 1 + k >= end) {
            *reason = "unexpected end of data";
            return 1 + k;
        }
        const auto b = static_cast<unsigned char>(p[1 + k]);
        const bool ok = k == 0 ? (b >= low && b <= high) : (b & 0xC0) == 0x80;
        if (!ok) break;
        ++k;
    }
    *reason = "invalid continuation byte";
    return 1 + k;
}

std::size_t utf8_find_invalid(std::string_view text)
{
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        // ASCII runs, eight bytes at a time.
        while (end - p >= 8) {
            std::uint64_t word;
            std::memcpy(&word, p, 8);
            if ((word & 0x8080808080808080ULL) != 0) break;
            p += 8;
        }
        if (p >= end) break;
        if (static_cast<unsigned char>(*p) < 0x80) {
            ++p;
            continue;
        }
        Py_UCS4 cp;
        int n = utf8_decode_char(p, end, &cp);
        if (n == 0) return static_cast<std::size_t>(p - text.data());
        p += n;
    }
    return std::string_view::npos;
}

std::string utf8_replace(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        Py_UCS4 cp;
        int n = utf8_decode_char(p, end, &cp);
        if (n > 0) {
            out.append(p, static_cast<std::size_t>(n));
            p += n;
            continue;
        }
        const char* reason;
        p += utf8_error_length(p, end, &reason);
        out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
    }
    return out;
}

Py_ssize_t utf8_count_code_points(std::string_view text)
{
    Py_ssize_t n = 0;
    for (char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

void utf8_append(std::string& out, Py_UCS4 ch)
{
    if (ch < 0x80) {
        out += static_cast<char>(ch);
    } else if (ch < 0x800) {
        out += static_cast<char>(0xC0 | (ch >> 6));
        out += static_cast<char>(0x80 | (ch & 0x3F));
    } else if (ch < 0x10000) {
        out += static_cast<char>(0xE0 | (ch >> 12));
        out += static_cast<char>(0x80 | ((ch >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (ch & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (ch >> 18));
        out += static_cast<char>(0x80 | ((ch >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((ch >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (ch & 0x3F));
    }
}

namespace {

void raise_decode_error(std::string_view data, std::size_t start, std::size_t end, const char* reason)
{
    Ref<> bytes = bytes_from_view(data);
    Ref<> enc = unicode_from_ascii("utf-8");
    Ref<> st = long_from_ssize_t(static_cast<Py_ssize_t>(start));
    Ref<> en = long_from_ssize_t(static_cast<Py_ssize_t>(end));
    Ref<> rs = unicode_from_ascii(reason);
    if (!bytes || !enc || !st || !en || !rs) return;
    Ref<> args = tuple_pack({enc.get(), bytes.get(), st.get(), en.get(), rs.get()});
    if (args) set_error_object(Exc_UnicodeDecodeError, args.get());
}

}  // namespace

Ref<> unicode_from_utf8(std::string_view utf8)
{
    Ref<> fast;
    if (utf8_decode_valid(utf8, &fast)) return fast;
    // Malformed: decode up to the error, which is raised with its span.
    std::size_t n = utf8.size();
    std::size_t i = ascii_prefix_length(utf8);
    UnicodeWriter w;
    w.write_ascii(utf8.substr(0, i));
    const char* end = utf8.data() + n;
    while (i < n) {
        Py_UCS4 ch;
        int len = utf8_decode_char(utf8.data() + i, end, &ch);
        if (len == 0) {
            const char* reason;
            int bad = utf8_error_length(utf8.data() + i, end, &reason);
            raise_decode_error(utf8, i, i + static_cast<std::size_t>(bad), reason);
            return nullptr;
        }
        w.write_char(ch);
        i += static_cast<std::size_t>(len);
    }
    return w.finish();
}

Ref<> unicode_from_string(const char* utf8) { return unicode_from_utf8(utf8); }

const char* unicode_as_utf8(Object* op, Py_ssize_t* size)
{
    auto* u = as_unicode(op);
    const Py_ssize_t encoded_size = u->utf8 ? 0 : utf8_encoded_size(op);
    if (!u->utf8 && encoded_size >= 0) {
        // No surrogates: encoded straight into the cache, sized exactly.
        const Py_ssize_t size = encoded_size;
        char* buf = static_cast<char*>(memory::mem_malloc(static_cast<std::size_t>(size) + 1));
        if (!buf) return error_no_memory();
        utf8_encode_into(op, buf);
        buf[size] = '\0';
        u->utf8 = buf;
        u->utf8_length = size;
    }
    if (!u->utf8) {
        // A surrogate: found again here, and reported with its position.
        std::string out;
        for (Py_ssize_t i = 0; i < u->length; i++) {
            Py_UCS4 ch = unicode_read_char(op, i);
            if (ch >= 0xD800 && ch <= 0xDFFF) {
                Ref<> enc = unicode_from_ascii("utf-8");
                Ref<> st = long_from_ssize_t(i), en = long_from_ssize_t(i + 1);
                Ref<> rs = unicode_from_ascii("surrogates not allowed");
                if (enc && st && en && rs) {
                    Ref<> args = tuple_pack({enc.get(), op, st.get(), en.get(), rs.get()});
                    if (args) set_error_object(Exc_UnicodeEncodeError, args.get());
                }
                return nullptr;
            }
            utf8_append(out, ch);
        }
        // The cache lives as long as the string (freed in unicode_dealloc).
        char* buf = static_cast<char*>(memory::mem_malloc(out.size() + 1));
        if (!buf) return error_no_memory();
        std::memcpy(buf, out.c_str(), out.size() + 1);
        u->utf8 = buf;
        u->utf8_length = static_cast<Py_ssize_t>(out.size());
    }
    if (size) *size = u->utf8_length;
    return u->utf8;
}

std::string unicode_to_std(Object* op)
{
    std::string out;
    for (Py_ssize_t i = 0, n = unicode_length(op); i < n; i++) {
        Py_UCS4 ch = unicode_read_char(op, i);
        if (ch >= 0xD800 && ch <= 0xDFFF) {
            char buf[12];
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(ch));
            out += buf;
        } else {
            utf8_append(out, ch);
        }
    }
    return out;
}

Py_UCS4 unicode_max_char(Object* s)
{
    Py_UCS4 m = 0;
    unsigned kind = unicode_kind(s);
    if (as_unicode(s)->state.ascii) return 127;
    const void* data = unicode_data(s);
    for (Py_ssize_t i = 0, n = unicode_length(s); i < n; i++) m = std::max(m, unicode_read(kind, data, i));
    return m;
}

// --- UnicodeWriter ---------------------------------------------------------------

void UnicodeWriter::write_char(Py_UCS4 ch)
{
    buf_.push_back(static_cast<char32_t>(ch));
    maxchar_ = std::max(maxchar_, ch);
}

void UnicodeWriter::write_ascii(std::string_view s)
{
    for (char c : s) write_char(static_cast<unsigned char>(c));
}

void UnicodeWriter::write_utf8(std::string_view s)
{
    const char* p = s.data();
    const char* end = p + s.size();
    while (p < end) {
        Py_UCS4 ch;
        int len = utf8_decode_char(p, end, &ch);
        if (len == 0) {
            write_char(0xFFFD);
            p++;
        } else {
            write_char(ch);
            p += len;
        }
    }
}

void UnicodeWriter::write_str(Object* s) { write_substring(s, 0, unicode_length(s)); }

void UnicodeWriter::write_substring(Object* s, Py_ssize_t start, Py_ssize_t end)
{
    unsigned kind = unicode_kind(s);
    const void* data = unicode_data(s);
    for (Py_ssize_t i = start; i < end; i++) write_char(unicode_read(kind, data, i));
}

Ref<> UnicodeWriter::finish()
{
    Py_ssize_t n = static_cast<Py_ssize_t>(buf_.size());
    if (n == 0) return new_ref(unicode_empty());
    if (n == 1) return unicode_from_ordinal(buf_[0]);
    Ref<UnicodeObject> s = unicode_new(n, maxchar_);
    if (!s) return nullptr;
    unsigned kind = s->state.kind;
    void* data = unicode_data(s.get());
    for (Py_ssize_t i = 0; i < n; i++) unicode_write(kind, data, i, buf_[static_cast<std::size_t>(i)]);
    buf_.clear();
    maxchar_ = 0;
    return s;
}

// --- PyUnicode_FromFormat ----------------------------------------------------------

Ref<> unicode_from_format_v(const char* format, va_list va)
{
    UnicodeWriter w;
    va_list ap;
    va_copy(ap, va);
    for (const char* f = format; *f; f++) {
        if (*f != '%') {
            // Format strings are UTF-8: copy the run up to the next '%'.
            const char* start = f;
            while (f[1] && f[1] != '%') f++;
            w.write_utf8(std::string_view(start, static_cast<std::size_t>(f - start + 1)));
            continue;
        }
        f++;
        if (*f == '%') {
            w.write_char('%');
            continue;
        }
        // Precision (%.200s) limits the number of characters for strings.
        Py_ssize_t precision = -1;
        int width = 0;
        bool zeropad = *f == '0';  // %02x: numbers padded with zeros
        while (*f >= '0' && *f <= '9') width = width * 10 + (*f++ - '0');
        if (*f == '.') {
            f++;
            precision = 0;
            while (*f >= '0' && *f <= '9') precision = precision * 10 + (*f++ - '0');
        }
        int longflag = 0;
        bool size_tflag = false;
        if (*f == 'l') {
            longflag = 1;
            f++;
            if (*f == 'l') {
                longflag = 2;
                f++;
            }
        } else if (*f == 'z') {
            size_tflag = true;
            f++;
        }
        char buf[64];
        auto write_limited = [&](Object* s) {
            Py_ssize_t n = unicode_length(s);
            if (precision >= 0 && precision < n) n = precision;
            for (Py_ssize_t k = n; k < width; k++) w.write_char(' ');
            w.write_substring(s, 0, n);
        };
        // The numbers come space-padded from snprintf; the '0' flag turns
        // the padding into zeros after the sign.
        auto write_number = [&](char* text) {
            if (zeropad && *text == ' ') {
                char* first = text;  // the sign or first digit
                while (*first == ' ') first++;
                if (*first == '-') {  // "  -5" -> "-005"
                    for (char* p = text + 1; p <= first; p++) *p = '0';
                    text[0] = '-';
                } else {
                    for (char* p = text; p < first; p++) *p = '0';
                }
            }
            w.write_ascii(text);
        };
        switch (*f) {
        case 'c': w.write_char(static_cast<Py_UCS4>(va_arg(ap, int))); break;
        case 'd':
        case 'i':
            if (size_tflag) std::snprintf(buf, sizeof buf, "%*zd", width, va_arg(ap, Py_ssize_t));
            else if (longflag == 1) std::snprintf(buf, sizeof buf, "%*ld", width, va_arg(ap, long));
            else if (longflag == 2) std::snprintf(buf, sizeof buf, "%*lld", width, va_arg(ap, long long));
            else std::snprintf(buf, sizeof buf, "%*d", width, va_arg(ap, int));
            write_number(buf);
            break;
        case 'u':
            if (size_tflag) std::snprintf(buf, sizeof buf, "%*zu", width, va_arg(ap, std::size_t));
            else if (longflag == 1) std::snprintf(buf, sizeof buf, "%*lu", width, va_arg(ap, unsigned long));
            else if (longflag == 2) std::snprintf(buf, sizeof buf, "%*llu", width, va_arg(ap, unsigned long long));
            else std::snprintf(buf, sizeof buf, "%*u", width, va_arg(ap, unsigned));
            write_number(buf);
            break;
        case 'x':
            if (longflag == 1) std::snprintf(buf, sizeof buf, "%*lx", width, va_arg(ap, unsigned long));
            else std::snprintf(buf, sizeof buf, "%*x", width, va_arg(ap, unsigned));
            write_number(buf);
            break;
        case 'p':
            std::snprintf(buf, sizeof buf, "%p", va_arg(ap, void*));
            // CPython normalizes to 0x-prefixed lowercase hex on every platform.
            if (buf[1] != 'x') {
                std::string s = std::string("0x") + buf;
                w.write_ascii(s);
            } else {
                w.write_ascii(buf);
            }
            break;
        case 's': {
            const char* s = va_arg(ap, const char*);
            Ref<> u = unicode_from_utf8(s ? s : "(null)");
            if (!u) {
                error_clear();
                u = unicode_from_ascii("?");
            }
            write_limited(u.get());
            break;
        }
        case 'U': write_limited(va_arg(ap, Object*)); break;
        case 'V': {
            Object* obj = va_arg(ap, Object*);
            const char* s = va_arg(ap, const char*);
            if (obj) write_limited(obj);
            else w.write_utf8(s);
            break;
        }
        case 'R':
        case 'S':
        case 'A': {
            Object* obj = va_arg(ap, Object*);
            Ref<> r = *f == 'R' ? object_repr(obj) : *f == 'S' ? object_str(obj) : object_ascii(obj);
            if (!r) {
                va_end(ap);
                return nullptr;
            }
            write_limited(r.get());
            break;
        }
        default:
            va_end(ap);
            return format_error(Exc_SystemError, "PyUnicode_FromFormatV() got an unexpected format character '%c'",
                                *f ? *f : '?');
        }
    }
    va_end(ap);
    return w.finish();
}

Ref<> unicode_from_format(const char* format, ...)
{
    va_list va;
    va_start(va, format);
    Ref<> res = unicode_from_format_v(format, va);
    va_end(va);
    return res;
}

// --- Comparison and hashing -------------------------------------------------------

int unicode_compare(Object* a, Object* b)
{
    Py_ssize_t la = unicode_length(a), lb = unicode_length(b), n = std::min(la, lb);
    unsigned ka = unicode_kind(a), kb = unicode_kind(b);
    const void *da = unicode_data(a), *db = unicode_data(b);
    if (ka == PyUnicode_1BYTE_KIND && kb == PyUnicode_1BYTE_KIND) {
        int c = std::memcmp(da, db, static_cast<std::size_t>(n));
        if (c) return c < 0 ? -1 : 1;
    } else {
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_UCS4 x = unicode_read(ka, da, i), y = unicode_read(kb, db, i);
            if (x != y) return x < y ? -1 : 1;
        }
    }
    return la < lb ? -1 : la > lb ? 1 : 0;
}

bool unicode_eq(Object* a, Object* b)
{
    if (a == b) return true;
    // Strings are stored in their narrowest kind, so equal strings share it.
    if (unicode_length(a) != unicode_length(b) || unicode_kind(a) != unicode_kind(b)) return false;
    return std::memcmp(unicode_data(a), unicode_data(b),
                       static_cast<std::size_t>(unicode_length(a)) * unicode_kind(a)) == 0;
}

bool unicode_equal_to_ascii(Object* s, const char* ascii)
{
    std::size_t n = std::strlen(ascii);
    if (unicode_kind(s) != PyUnicode_1BYTE_KIND || static_cast<std::size_t>(unicode_length(s)) != n) return false;
    return std::memcmp(unicode_data(s), ascii, n) == 0;
}

Py_hash_t unicode_hash(Object* s)
{
    auto* u = as_unicode(s);
    if (u->hash != -1) return u->hash;
    // CPython hashes the raw storage (length * kind bytes) with SipHash.
    u->hash = hash_bytes(unicode_data(s), u->length * static_cast<Py_ssize_t>(u->state.kind));
    return u->hash;
}

// --- Interning ----------------------------------------------------------------------

void unicode_intern_in_place(Ref<>* p)
{
    Object* s = p->get();
    if (!s || !unicode_check_exact(s) || as_unicode(s)->state.interned) return;
    if (!interned) {
        Ref<> d = dict_new();
        if (!d) {
            error_clear();
            return;
        }
        interned = d.release();
    }
    Object* t = dict_get_item_with_error(interned, s);
    if (t) {
        *p = new_ref(t);
        return;
    }
    if (error_occurred() || dict_set_item(interned, s, s) < 0) {
        error_clear();
        return;
    }
    as_unicode(s)->state.interned = SSTATE_INTERNED_IMMORTAL;
}

Ref<> unicode_intern_from_string(const char* s)
{
    Ref<> u = unicode_from_string(s);
    if (u) unicode_intern_in_place(&u);
    return u;
}

Object* intern_id(const char* name)
{
    // Identifiers used by C code: interned once, kept alive by the intern dict.
    Ref<> u = unicode_intern_from_string(name);
    return u.get();
}

// --- repr -----------------------------------------------------------------------

namespace {

// unicode_repr's escaping, for any source of code points: `at(i)` reads the
// i-th of n code points, `out` takes ASCII text (escapes, quotes) and
// `keep(i)` copies code point i unchanged.
template <class At, class Out, class Keep>
void repr_escape(Py_ssize_t n, At at, Out out, Keep keep)
{
    // Single quotes unless the text holds ' and no ".
    bool has_single = false, has_double = false;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = at(i);
        has_single |= ch == '\'';
        has_double |= ch == '"';
    }
    const char quote = (has_single && !has_double) ? '"' : '\'';
    static const char hex[] = "0123456789abcdef";
    char esc[11];
    out(std::string_view(&quote, 1));
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = at(i);
        if (ch == static_cast<Py_UCS4>(quote) || ch == '\\') {
            esc[0] = '\\', esc[1] = static_cast<char>(ch);
            out(std::string_view(esc, 2));
        } else if (ch == '\t') {
            out("\\t");
        } else if (ch == '\n') {
            out("\\n");
        } else if (ch == '\r') {
            out("\\r");
        } else if ((ch >= ' ' && ch < 0x7F) || (ch > 0x7F && unicode_isprintable(ch))) {
            keep(i);
        } else {  // other ASCII controls as \xhh; the rest by their size
            int digits = ch <= 0xFF ? 2 : ch <= 0xFFFF ? 4 : 8;
            esc[0] = '\\';
            esc[1] = digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
            for (int k = 0; k < digits; k++) esc[2 + k] = hex[(ch >> ((digits - 1 - k) * 4)) & 0xF];
            out(std::string_view(esc, static_cast<std::size_t>(2 + digits)));
        }
    }
    out(std::string_view(&quote, 1));
}

}  // namespace

Ref<> unicode_repr(Object* s)
{
    unsigned kind = unicode_kind(s);
    const void* data = unicode_data(s);
    UnicodeWriter w;
    repr_escape(
        unicode_length(s), [&](Py_ssize_t i) { return unicode_read(kind, data, i); },
        [&](std::string_view ascii) { w.write_ascii(ascii); },
        [&](Py_ssize_t i) { w.write_char(unicode_read(kind, data, i)); });
    return w.finish();
}

std::string unicode_repr_utf8(std::string_view text)
{
    // Decode once; keep() copies the original bytes of a code point.
    std::vector<Py_UCS4> cps;
    std::vector<std::size_t> offsets;
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        Py_UCS4 ch;
        int n = utf8_decode_char(p, end, &ch);
        if (n == 0) {  // invalid input: show the byte's value rather than fail
            ch = static_cast<unsigned char>(*p);
            n = 1;
        }
        cps.push_back(ch);
        offsets.push_back(static_cast<std::size_t>(p - text.data()));
        p += n;
    }
    offsets.push_back(text.size());
    std::string out;
    out.reserve(text.size() + 2);
    repr_escape(
        static_cast<Py_ssize_t>(cps.size()), [&](Py_ssize_t i) { return cps[static_cast<std::size_t>(i)]; },
        [&](std::string_view ascii) { out += ascii; },
        [&](Py_ssize_t i) {
            auto k = static_cast<std::size_t>(i);
            out.append(text.substr(offsets[k], offsets[k + 1] - offsets[k]));
        });
    return out;
}

// --- Building -----------------------------------------------------------------------

Ref<> unicode_substring(Object* s, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t n = unicode_length(s);
    start = std::clamp<Py_ssize_t>(start, 0, n);
    end = std::clamp<Py_ssize_t>(end, start, n);
    if (start == 0 && end == n && unicode_check_exact(s)) return new_ref(s);
    if (end - start == 1) return unicode_from_ordinal(unicode_read_char(s, start));
    UnicodeWriter w;
    w.write_substring(s, start, end);
    return w.finish();
}

Ref<> unicode_concat(Object* a, Object* b)
{
    if (!unicode_check(b))
        return format_error(Exc_TypeError, "can only concatenate str (not \"%.200s\") to str", Py_TYPE(b)->tp_name);
    if (unicode_length(a) == 0 && unicode_check_exact(b)) return new_ref(b);
    if (unicode_length(b) == 0 && unicode_check_exact(a)) return new_ref(a);
    Py_ssize_t la = unicode_length(a), lb = unicode_length(b);
    if (la > PTRDIFF_MAX - lb) return format_error(Exc_OverflowError, "strings are too large to concat");
    Py_UCS4 maxchar = std::max(unicode_max_char(a), unicode_max_char(b));
    Ref<UnicodeObject> res = unicode_new(la + lb, maxchar);
    if (!res) return nullptr;
    unsigned kind = res->state.kind;
    void* data = unicode_data(res.get());
    if (kind == unicode_kind(a)) std::memcpy(data, unicode_data(a), static_cast<std::size_t>(la) * kind);
    else
        for (Py_ssize_t i = 0; i < la; i++) unicode_write(kind, data, i, unicode_read_char(a, i));
    for (Py_ssize_t i = 0; i < lb; i++) unicode_write(kind, data, la + i, unicode_read_char(b, i));
    return res;
}

Ref<> unicode_join(Object* sep, Object* iterable)
{
    // PySequence_Fast(iterable, "can only join an iterable"): only a TypeError
    // from getting the iterator is reworded, not one raised while iterating.
    Ref<> source = new_ref(iterable);
    if (!tuple_check_exact(iterable) && !list_check_exact(iterable)) {
        source = object_get_iter(iterable);
        if (!source) {
            if (error_matches(Exc_TypeError)) set_error(Exc_TypeError, "can only join an iterable");
            return nullptr;
        }
    }
    Ref<> seq = sequence_tuple(source.get());
    if (!seq) return nullptr;
    Py_ssize_t n = tuple_size(seq.get());
    if (n == 1 && unicode_check_exact(tuple_item(seq.get(), 0))) return new_ref(tuple_item(seq.get(), 0));
    UnicodeWriter w;
    for (Py_ssize_t i = 0; i < n; i++) {
        Object* item = tuple_item(seq.get(), i);
        if (!unicode_check(item))
            return format_error(Exc_TypeError, "sequence item %zd: expected str instance, %.80s found", i,
                                Py_TYPE(item)->tp_name);
        if (i > 0) w.write_str(sep);
        w.write_str(item);
    }
    return w.finish();
}

bool unicode_isidentifier(Object* s)
{
    Py_ssize_t n = unicode_length(s);
    if (n == 0) return false;
    Py_UCS4 first = unicode_read_char(s, 0);
    if (first != '_' && !unicode_isxid_start(first)) return false;
    for (Py_ssize_t i = 1; i < n; i++)
        if (!unicode_isxid_continue(unicode_read_char(s, i))) return false;
    return true;
}

void fini_unicode()
{
    clear_ref(empty_str);
    for (Object*& c : latin1_cache) clear_ref(c);
    // _PyUnicode_ClearInterned frees every interned string. minipy frees
    // those that only the intern dict holds (refcount 2: its key and its
    // value) and keeps the rest in the dict: they are held by C statics,
    // or by a reference someone forgot to drop, and staying reachable from
    // here keeps LeakSanitizer quiet about them (as it was before strings
    // were freed at exit at all). Their blocks still show in -X showrefcount.
    if (!interned) return;
    std::vector<Object*> unused;
    Py_ssize_t pos = 0;
    Object* key;
    Object* value;
    while (dict_next(interned, &pos, &key, &value))
        if (key == value && key->ob_refcnt == 2) unused.push_back(key);
    for (Object* s : unused) {
        Ref<> keep = new_ref(s);
        if (dict_del_item(interned, s) < 0) error_clear();
    }
}

// Deallocation: interned strings are immortal (the intern dict keeps them),
// so a str being freed is never in the dict.
void unicode_dealloc(Object* op)
{
    auto* u = as_unicode(op);
    if (u->utf8 && !u->state.ascii) memory::mem_free(u->utf8);
    object_dealloc_memory(op);
}

}  // namespace minipy::runtime
