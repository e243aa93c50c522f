// bytes_methods.cpp: the ASCII character-class, case, padding and
// translation methods of bytes (bytearray runs the same code, see
// bytearrayobject.cpp's shared_with_bytes).
// Mirrors CPython 3.11 Objects/bytes_methods.c (isalnum, isascii, islower,
// isupper, istitle, title, capitalize, swapcase, maketrans) and the bytes
// half of Objects/stringlib/transmogrify.h (center, ljust, rjust, zfill,
// expandtabs) and bytesobject.c (translate, removeprefix, removesuffix,
// splitlines). Book chapter 11.
//
// Every method only looks at ASCII: a byte >= 0x80 is neither a letter nor
// a digit nor whitespace, and case changes leave it alone. Methods that
// would return their argument unchanged return the same object for an
// exact bytes (CPython's return_self), a fresh copy otherwise.
#include <string>

#include "minipy/runtime/buffer.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/bytearrayobject.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "pycore_bytes_methods.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

namespace {

bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool is_alpha(unsigned char c) { return is_lower(c) || is_upper(c); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
char to_lower(unsigned char c) { return static_cast<char>(is_upper(c) ? c + 32 : c); }
char to_upper(unsigned char c) { return static_cast<char>(is_lower(c) ? c - 32 : c); }

Ref<> return_self(Object* self)
{
    if (bytes_check_exact(self)) return new_ref(self);
    return bytes_from_view(bytes_view(self));
}


// Argument Clinic's "c" converter: a bytes or bytearray of length 1.
bool byte_arg(const char* fname, int argnum, Object* o, char* out)
{
    if (bytes_check(o) && bytes_size(o) == 1) *out = bytes_view(o)[0];
    else if (bytearray_check(o) && bytearray_size(o) == 1) *out = bytearray_view(o)[0];
    else {
        format_error(Exc_TypeError, "%s() argument %d must be a byte string of length 1, not %.50s", fname, argnum,
                     Py_TYPE(o)->tp_name);
        return false;
    }
    return true;
}

// Argument Clinic's Py_ssize_t converter: __index__, then an
// OverflowError past the C range.
bool ssize_arg(Object* o, Py_ssize_t* out)
{
    Ref<> i = number_index(o);
    if (!i) return false;
    *out = long_as_ssize_t(i.get());
    return !(*out == -1 && error_occurred());
}

// --- Character classes (bytes_methods.c) ------------------------------------------

template <bool (*Pred)(unsigned char)>
Ref<> all_of(Object* self, Object*)
{
    std::string_view s = bytes_view(self);
    if (s.empty()) return new_ref(Py_False());
    for (char c : s)
        if (!Pred(static_cast<unsigned char>(c))) return new_ref(Py_False());
    return new_ref(Py_True());
}
bool is_alnum(unsigned char c) { return is_alpha(c) || is_digit(c); }

Ref<> is_ascii_all(Object* self, Object*)
{
    for (char c : bytes_view(self))
        if (static_cast<unsigned char>(c) >= 0x80) return new_ref(Py_False());
    return new_ref(Py_True());
}

// islower/isupper: at least one cased byte, and none of the other case.
template <bool Lower>
Ref<> cased_is(Object* self, Object*)
{
    bool cased = false;
    for (char sc : bytes_view(self)) {
        auto c = static_cast<unsigned char>(sc);
        if (Lower ? is_upper(c) : is_lower(c)) return new_ref(Py_False());
        cased |= Lower ? is_lower(c) : is_upper(c);
    }
    return bool_from_long(cased);
}

// istitle: uppercase bytes only after uncased ones, lowercase only after
// cased ones, and at least one cased byte.
Ref<> is_title(Object* self, Object*)
{
    bool cased = false, previous_is_cased = false;
    for (char sc : bytes_view(self)) {
        auto c = static_cast<unsigned char>(sc);
        if (is_upper(c)) {
            if (previous_is_cased) return new_ref(Py_False());
            previous_is_cased = cased = true;
        } else if (is_lower(c)) {
            if (!previous_is_cased) return new_ref(Py_False());
            previous_is_cased = cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    return bool_from_long(cased);
}

// --- Case changes ---------------------------------------------------------------------

Ref<> title(Object* self, Object*)
{
    std::string s(bytes_view(self));
    bool previous_is_cased = false;
    for (char& c : s) {
        auto u = static_cast<unsigned char>(c);
        c = previous_is_cased ? to_lower(u) : to_upper(u);
        previous_is_cased = is_alpha(u);
    }
    return bytes_from_view(s);
}

Ref<> capitalize(Object* self, Object*)
{
    std::string s(bytes_view(self));
    for (std::size_t i = 0; i < s.size(); i++) {
        auto u = static_cast<unsigned char>(s[i]);
        s[i] = i == 0 ? to_upper(u) : to_lower(u);
    }
    return bytes_from_view(s);
}

Ref<> swapcase(Object* self, Object*)
{
    std::string s(bytes_view(self));
    for (char& c : s) {
        auto u = static_cast<unsigned char>(c);
        c = is_upper(u) ? to_lower(u) : to_upper(u);
    }
    return bytes_from_view(s);
}

// --- Padding (stringlib/transmogrify.h) -----------------------------------------------

Ref<> pad(Object* self, Py_ssize_t left, Py_ssize_t right, char fill)
{
    if (left < 0) left = 0;
    if (right < 0) right = 0;
    if (left == 0 && right == 0) return return_self(self);
    std::string s(static_cast<std::size_t>(left), fill);
    s += bytes_view(self);
    s.append(static_cast<std::size_t>(right), fill);
    return bytes_from_view(s);
}

enum class Justify { left, right, center };

template <Justify J>
Ref<> justify(Object* self, Object* const* args, Py_ssize_t nargs)
{
    const char* name = J == Justify::left ? "ljust" : J == Justify::right ? "rjust" : "center";
    if (!check_positional(name, nargs, 1, 2)) return nullptr;
    Py_ssize_t width;
    if (!ssize_arg(args[0], &width)) return nullptr;
    char fill = ' ';
    if (nargs == 2 && !byte_arg(name, 2, args[1], &fill)) return nullptr;
    Py_ssize_t len = bytes_size(self);
    if (len >= width) return return_self(self);
    Py_ssize_t marg = width - len;
    if (J == Justify::left) return pad(self, 0, marg, fill);
    if (J == Justify::right) return pad(self, marg, 0, fill);
    // Odd margins put the extra byte on the left when width is odd.
    Py_ssize_t left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

Ref<> zfill(Object* self, Object* arg)
{
    Py_ssize_t width;
    if (!ssize_arg(arg, &width)) return nullptr;
    Py_ssize_t len = bytes_size(self);
    if (len >= width) return return_self(self);
    std::string s(static_cast<std::size_t>(width - len), '0');
    s += bytes_view(self);
    // A leading sign moves in front of the zeros.
    std::size_t fill = static_cast<std::size_t>(width - len);
    if (s[fill] == '+' || s[fill] == '-') {
        s[0] = s[fill];
        s[fill] = '0';
    }
    return bytes_from_view(s);
}

Ref<> expandtabs(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* out[1];
    if (!parse_args_fastkw("expandtabs", args, nargs, kwnames, {"tabsize"}, 0, out)) return nullptr;
    long long tabsize = 8;
    if (out[0]) {
        Ref<> n = number_index(out[0]);
        if (!n) return nullptr;
        tabsize = long_as_long_long(n.get());
        if (tabsize == -1 && error_occurred()) return nullptr;
        if (tabsize > INT_MAX || tabsize < INT_MIN)
            return format_error(Exc_OverflowError, "Python int too large to convert to C int");
    }
    std::string s;
    Py_ssize_t column = 0;
    for (char c : bytes_view(self)) {
        if (c == '\t') {
            if (tabsize > 0) {
                Py_ssize_t incr = static_cast<Py_ssize_t>(tabsize) - column % static_cast<Py_ssize_t>(tabsize);
                s.append(static_cast<std::size_t>(incr), ' ');
                column += incr;
            }
        } else {
            s += c;
            column = (c == '\n' || c == '\r') ? 0 : column + 1;
        }
    }
    return bytes_from_view(s);
}

// --- Prefixes, lines, translation (bytesobject.c) -----------------------------------

template <bool Suffix>
Ref<> remove_affix(Object* self, Object* arg)
{
    std::string_view affix, s = bytes_view(self);
    if (!bytes_buffer_view(arg, &affix)) return nullptr;
    bool match = affix.size() <= s.size() && (Suffix ? s.substr(s.size() - affix.size()) : s.substr(0, affix.size())) == affix;
    if (!match || affix.empty()) return return_self(self);
    return bytes_from_view(Suffix ? s.substr(0, s.size() - affix.size()) : s.substr(affix.size()));
}

// splitlines: lines end at \n, \r or \r\n (only these, unlike str).
Ref<> splitlines(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* out[1];
    if (!parse_args_fastkw("splitlines", args, nargs, kwnames, {"keepends"}, 0, out)) return nullptr;
    bool keepends = false;
    if (out[0]) {
        Ref<> n = number_index(out[0]);
        if (!n) return nullptr;
        int truth = object_is_true(n.get());
        if (truth < 0) return nullptr;
        keepends = truth;
    }
    std::string_view s = bytes_view(self);
    Ref<> list = list_new(0);
    if (!list) return nullptr;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t j = i;
        while (j < s.size() && s[j] != '\n' && s[j] != '\r') j++;
        std::size_t eol = j;
        if (j < s.size()) j += (s[j] == '\r' && j + 1 < s.size() && s[j + 1] == '\n') ? 2 : 1;
        if (keepends) eol = j;
        Ref<> line = i == 0 && eol == s.size() ? return_self(self) : bytes_from_view(s.substr(i, eol - i));
        if (!line || list_append(list.get(), line.get()) < 0) return nullptr;
        i = j;
    }
    return list;
}

// translate(table, /, delete=b''): table None (identity) or 256 bytes.
Ref<> translate(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* out[2];
    if (!parse_args_fastkw("translate", args, nargs, kwnames, {"", "delete"}, 1, out)) return nullptr;
    std::string_view table, del;
    bool has_table = out[0] != Py_None();
    if (has_table) {
        if (!bytes_buffer_view(out[0], &table)) return nullptr;
        if (table.size() != 256) return format_error(Exc_ValueError, "translation table must be 256 characters long");
    }
    if (out[1] && !bytes_buffer_view(out[1], &del)) return nullptr;
    bool deleted[256] = {};
    for (char c : del) deleted[static_cast<unsigned char>(c)] = true;
    std::string_view s = bytes_view(self);
    std::string result;
    bool changed = false;
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if (deleted[u]) {
            changed = true;
            continue;
        }
        char t = has_table ? table[u] : c;
        changed |= t != c;
        result += t;
    }
    if (!changed) return return_self(self);
    return bytes_from_view(result);
}

}  // namespace

bool bytes_buffer_view(Object* o, std::string_view* out)
{
    if (bytes_check(o)) *out = bytes_view(o);
    else if (bytearray_check(o)) *out = bytearray_view(o);
    else {
        // Any other exporter (memoryview): a contiguous buffer, borrowed
        // for as long as o keeps it (a memoryview holds its exporter's).
        Py_buffer view{};
        if (object_get_buffer(o, &view, PyBUF_SIMPLE) < 0) return false;
        *out = std::string_view(static_cast<const char*>(view.buf), static_cast<std::size_t>(view.len));
        buffer_release(&view);
    }
    return true;
}

// bytes.maketrans(frm, to) and bytearray.maketrans: a 256-byte table
// mapping each byte of frm to the byte of to at the same position.
Ref<> bytes_maketrans(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("maketrans", nargs, 2, 2)) return nullptr;
    std::string_view frm, to;
    if (!bytes_buffer_view(args[0], &frm) || !bytes_buffer_view(args[1], &to)) return nullptr;
    if (frm.size() != to.size()) return format_error(Exc_ValueError, "maketrans arguments must have same length");
    std::string table(256, '\0');
    for (int i = 0; i < 256; i++) table[static_cast<std::size_t>(i)] = static_cast<char>(i);
    for (std::size_t i = 0; i < frm.size(); i++) table[static_cast<unsigned char>(frm[i])] = to[i];
    return bytes_from_view(table);
}

// The exported entry points (pycore_bytes_methods.h).
Ref<> bytes_isalnum(Object* self, Object* a) { return all_of<is_alnum>(self, a); }
Ref<> bytes_isascii(Object* self, Object* a) { return is_ascii_all(self, a); }
Ref<> bytes_islower(Object* self, Object* a) { return cased_is<true>(self, a); }
Ref<> bytes_isupper(Object* self, Object* a) { return cased_is<false>(self, a); }
Ref<> bytes_istitle(Object* self, Object* a) { return is_title(self, a); }
Ref<> bytes_title(Object* self, Object* a) { return title(self, a); }
Ref<> bytes_capitalize(Object* self, Object* a) { return capitalize(self, a); }
Ref<> bytes_swapcase(Object* self, Object* a) { return swapcase(self, a); }
Ref<> bytes_center(Object* self, Object* const* a, Py_ssize_t n) { return justify<Justify::center>(self, a, n); }
Ref<> bytes_ljust(Object* self, Object* const* a, Py_ssize_t n) { return justify<Justify::left>(self, a, n); }
Ref<> bytes_rjust(Object* self, Object* const* a, Py_ssize_t n) { return justify<Justify::right>(self, a, n); }
Ref<> bytes_zfill(Object* self, Object* a) { return zfill(self, a); }
Ref<> bytes_expandtabs(Object* self, Object* const* a, Py_ssize_t n, Object* k) { return expandtabs(self, a, n, k); }
Ref<> bytes_removeprefix(Object* self, Object* a) { return remove_affix<false>(self, a); }
Ref<> bytes_removesuffix(Object* self, Object* a) { return remove_affix<true>(self, a); }
Ref<> bytes_splitlines(Object* self, Object* const* a, Py_ssize_t n, Object* k) { return splitlines(self, a, n, k); }
Ref<> bytes_translate(Object* self, Object* const* a, Py_ssize_t n, Object* k) { return translate(self, a, n, k); }

}  // namespace minipy::runtime
