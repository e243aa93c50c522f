// bytesobject.cpp: the bytes type (the core: construction, repr, hashing,
// comparison, indexing, slicing, concatenation and a few methods).
// Mirrors CPython 3.11 Objects/bytesobject.c. Book chapter 11.
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/buffer.h"

#include <cstring>
#include <string>

#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/bytearrayobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/pyhash.h"
#include "minipy/runtime/pystrhex.h"
#include "minipy/runtime/sliceobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "pycore_bytes_methods.h"
#include "pycore_codecs.h"
#include "pycore_format.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

namespace {
Object* empty_bytes = nullptr;
}

Ref<> bytes_from_string_and_size(const char* data, Py_ssize_t size)
{
    if (size < 0) return format_error(Exc_SystemError, "Negative size passed to PyBytes_FromStringAndSize");
    if (size == 0 && empty_bytes) return new_ref(empty_bytes);
    Ref<BytesObject> op = object_new<BytesObject>(&Bytes_Type, size);
    if (!op) return nullptr;
    op->ob_shash = -1;
    if (data) std::memcpy(op->ob_sval, data, static_cast<std::size_t>(size));
    op->ob_sval[size] = '\0';
    if (size == 0) empty_bytes = new_ref<Object>(op.get()).release();
    return op;
}

Ref<> bytes_from_view(std::string_view s) { return bytes_from_string_and_size(s.data(), static_cast<Py_ssize_t>(s.size())); }

Ref<> bytes_repr(Object* op, bool smartquotes)
{
    std::string_view v = bytes_view(op);
    char quote = '\'';
    if (smartquotes && v.find('\'') != std::string_view::npos && v.find('"') == std::string_view::npos) quote = '"';
    std::string out = "b";
    out += quote;
    static const char hex[] = "0123456789abcdef";
    for (char sc : v) {
        auto c = static_cast<unsigned char>(sc);
        if (c == static_cast<unsigned char>(quote) || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\t') out += "\\t";
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c < ' ' || c >= 0x7f) {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    out += quote;
    return unicode_from_ascii(out);
}

Ref<> bytes_concat(Object* a, Object* b)
{
    std::string s(bytes_view(a));
    if (bytes_check(b)) s += bytes_view(b);
    else if (bytearray_check(b)) s += bytearray_view(b);
    else if (!object_check_buffer(b) || !buffer_append_to(b, &s))
        return object_check_buffer(b) ? nullptr
                                      : format_error(Exc_TypeError, "can't concat %.100s to %.100s",
                                                     Py_TYPE(b)->tp_name, Py_TYPE(a)->tp_name);
    return bytes_from_view(s);
}

// The result of v.__bytes__() (looked up on the type), or null: with an
// error set when the call failed or returned a non-bytes, without one when
// the type has no __bytes__.
Ref<> bytes_from_dunder(Object* v)
{
    Object* meth = type_lookup(Py_TYPE(v), intern_id("__bytes__"));
    if (!meth) return nullptr;
    Ref<> keep = new_ref(meth);
    Ref<> bound = keep;
    if (descrgetfunc get = Py_TYPE(meth)->tp_descr_get) {
        bound = get(meth, v, Py_TYPE(v));
        if (!bound) return nullptr;
    }
    Ref<> result = call_no_args(bound.get());
    if (result && !bytes_check(result.get()))
        return format_error(Exc_TypeError, "__bytes__ returned non-bytes (type %.200s)", Py_TYPE(result.get())->tp_name);
    return result;
}

namespace {

Ref<> bytes_repr_slot(Object* op) { return bytes_repr(op, true); }

Py_hash_t bytes_hash(Object* op)
{
    auto* b = static_cast<BytesObject*>(op);
    if (b->ob_shash == -1) b->ob_shash = hash_bytes(b->ob_sval, b->ob_size);
    return b->ob_shash;
}

Ref<> bytes_richcompare(Object* a, Object* b, int op)
{
    if (!bytes_check(a) || !bytes_check(b)) return not_implemented_ref();
    int c = bytes_view(a).compare(bytes_view(b));
    bool r = op == Py_LT ? c < 0 : op == Py_LE ? c <= 0 : op == Py_EQ ? c == 0 : op == Py_NE ? c != 0 : op == Py_GT ? c > 0 : c >= 0;
    return bool_from_long(r);
}

Py_ssize_t bytes_length(Object* op) { return bytes_size(op); }

Ref<> bytes_item(Object* op, Py_ssize_t i)
{
    if (i < 0 || i >= bytes_size(op)) return format_error(Exc_IndexError, "index out of range");
    return long_from_long(static_cast<unsigned char>(bytes_as_string(op)[i]));
}

Ref<> bytes_subscript(Object* op, Object* item)
{
    if (index_check(item)) {
        Py_ssize_t i = number_as_ssize_t(item, Exc_IndexError);
        if (i == -1 && error_occurred()) return nullptr;
        if (i < 0) i += bytes_size(op);
        return bytes_item(op, i);
    }
    if (slice_check(item)) {
        Py_ssize_t start, stop, step;
        if (slice_unpack(item, &start, &stop, &step) < 0) return nullptr;
        Py_ssize_t len = slice_adjust_indices(bytes_size(op), &start, &stop, step);
        std::string s;
        for (Py_ssize_t cur = start, i = 0; i < len; cur += step, i++) s += bytes_as_string(op)[cur];
        return bytes_from_view(s);
    }
    return format_error(Exc_TypeError, "byte indices must be integers or slices, not %.200s", Py_TYPE(item)->tp_name);
}

Ref<> bytes_repeat(Object* op, Py_ssize_t n)
{
    if (n <= 0) return bytes_from_string_and_size(nullptr, 0);
    if (bytes_size(op) && n > PTRDIFF_MAX / bytes_size(op)) return error_no_memory();
    std::string s;
    for (Py_ssize_t i = 0; i < n; i++) s += bytes_view(op);
    return bytes_from_view(s);
}

int bytes_contains(Object* op, Object* arg)
{
    if (index_check(arg)) {
        Py_ssize_t v = number_as_ssize_t(arg, nullptr);
        if (v == -1 && error_occurred()) return -1;
        if (v < 0 || v > 255) {
            set_error(Exc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        return bytes_view(op).find(static_cast<char>(v)) != std::string_view::npos;
    }
    std::string_view sub;
    if (!bytes_buffer_view(arg, &sub)) return -1;
    return bytes_view(op).find(sub) != std::string_view::npos;
}

Ref<> bytes_decode(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* out[2];
    if (!parse_args_fastkw("decode", args, nargs, kwnames, {"encoding", "errors"}, 0, out)) return nullptr;
    if (!codec_check_arguments("decode", out[0], out[1])) return nullptr;
    return unicode_decode(self, out[0], out[1]);
}

// hex(sep=, bytes_per_sep=1) (_Py_strhex_impl): see pystrhex.h.
Ref<> bytes_hex(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* out[2];
    if (!parse_args_fastkw("hex", args, nargs, kwnames, {"sep", "bytes_per_sep"}, 0, out)) return nullptr;
    std::string s;
    if (!strhex_with_sep(bytes_view(self), out[0], out[1], &s)) return nullptr;
    return unicode_from_ascii(s);
}

Ref<> bytes_join(Object* self, Object* iterable)
{
    // PySequence_Fast(iterable, "can only join an iterable").
    Ref<> it = object_get_iter(iterable);
    if (!it) {
        if (error_matches(Exc_TypeError)) set_error(Exc_TypeError, "can only join an iterable");
        return nullptr;
    }
    std::string out;
    Py_ssize_t i = 0;
    int r = for_each_item(it.get(), [&](Object* item) {
        // Any bytes-like item (an exporter of the buffer protocol).
        if (!object_check_buffer(item)) {
            format_error(Exc_TypeError, "sequence item %zd: expected a bytes-like object, %.80s found", i,
                         Py_TYPE(item)->tp_name);
            return -1;
        }
        if (i++ > 0) out += bytes_view(self);
        if (bytes_check(item)) out += bytes_view(item);
        else if (bytearray_check(item)) out += bytearray_view(item);
        else {
            // PyBUF_SIMPLE: a non-contiguous view (mv[::2]) is refused.
            Py_buffer view{};
            if (object_get_buffer(item, &view, PyBUF_SIMPLE) < 0) {
                error_clear();
                format_error(Exc_TypeError, "sequence item %zd: expected a bytes-like object, %.80s found", i - 1,
                             Py_TYPE(item)->tp_name);
                return -1;
            }
            out.append(static_cast<const char*>(view.buf), static_cast<std::size_t>(view.len));
            buffer_release(&view);
        }
        return 0;
    });
    if (r < 0) return nullptr;
    return bytes_from_view(out);
}

bool find_args(const char* name, Object* self, Object* const* args, Py_ssize_t nargs, Object** sub,
               Py_ssize_t* start, Py_ssize_t* end);

// _Py_bytes_tailmatch: startswith/endswith(affix[, start[, end]]), the affix
// bytes-like or a tuple of them, matched inside self[start:end].
Ref<> bytes_tailmatch(Object* self, Object* const* args, Py_ssize_t nargs, bool suffix, const char* name)
{
    Object* arg;
    Py_ssize_t start, end;
    if (!find_args(name, self, args, nargs, &arg, &start, &end)) return nullptr;
    std::string_view v = bytes_view(self);
    auto one = [&](Object* sub) -> int {
        std::string_view s;
        if (!bytes_buffer_view(sub, &s)) return -1;
        auto slen = static_cast<Py_ssize_t>(s.size()), len = static_cast<Py_ssize_t>(v.size());
        Py_ssize_t from = start;
        if (suffix) {
            if (end - from < slen || from > len) return 0;
            if (end - slen > from) from = end - slen;
        } else if (from > len - slen) {
            return 0;
        }
        if (end - from < slen) return 0;
        return v.substr(static_cast<std::size_t>(from), s.size()) == s;
    };
    if (tuple_check(arg)) {
        for (Py_ssize_t i = 0; i < tuple_size(arg); i++) {
            int r = one(tuple_item(arg, i));
            if (r < 0) return nullptr;
            if (r) return new_ref(Py_True());
        }
        return new_ref(Py_False());
    }
    int r = one(arg);
    if (r < 0) {
        if (error_matches(Exc_TypeError))
            format_error(Exc_TypeError, "%s first arg must be bytes or a tuple of bytes, not %.100s", name,
                         Py_TYPE(arg)->tp_name);
        return nullptr;
    }
    return bool_from_long(r);
}
Ref<> bytes_startswith(Object* self, Object* const* args, Py_ssize_t nargs)
{
    return bytes_tailmatch(self, args, nargs, false, "startswith");
}
Ref<> bytes_endswith(Object* self, Object* const* args, Py_ssize_t nargs)
{
    return bytes_tailmatch(self, args, nargs, true, "endswith");
}

Ref<> bytes_getnewargs(Object* self, Object*)
{
    Ref<> copy = bytes_from_view(bytes_view(self));
    if (!copy) return nullptr;
    return tuple_pack({copy.get()});
}

// --- The byte-string methods (Objects/bytes_methods.c, stringlib) -------------------
// Whitespace and case are ASCII-only for bytes.

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\x0b' || c == '\x0c'; }

bool buffer_arg(Object* o, std::string_view* out) { return bytes_buffer_view(o, out); }

// find/index/count's sub argument: bytes-like or an int in range(256).
bool sub_arg(Object* o, std::string* out)
{
    if (index_check(o)) {
        Py_ssize_t v = number_as_ssize_t(o, nullptr);
        if (v == -1 && error_occurred()) return false;
        if (v < 0 || v > 255) {
            set_error(Exc_ValueError, "byte must be in range(0, 256)");
            return false;
        }
        *out = std::string(1, static_cast<char>(v));
        return true;
    }
    std::string_view v;
    if (!object_check_buffer(o)) {
        format_error(Exc_TypeError, "argument should be integer or bytes-like object, not '%.200s'", Py_TYPE(o)->tp_name);
        return false;
    }
    if (!buffer_arg(o, &v)) return false;
    out->assign(v);
    return true;
}

// stringlib_parse_args_finds + ADJUST_INDICES: "sub[, start[, end]]"
// (PyArg_ParseTuple's messages), the bounds clamped to self.
bool find_args(const char* name, Object* self, Object* const* args, Py_ssize_t nargs, Object** sub,
               Py_ssize_t* start, Py_ssize_t* end)
{
    if (!check_positional_getargs(name, nargs, 1, 3)) return false;
    *sub = args[0];
    *start = 0;
    *end = PTRDIFF_MAX;
    if (nargs >= 2 && !eval_slice_index(args[1], start)) return false;
    if (nargs >= 3 && !eval_slice_index(args[2], end)) return false;
    Py_ssize_t len = bytes_size(self);
    if (*end > len) *end = len;
    else if (*end < 0) *end = std::max<Py_ssize_t>(*end + len, 0);
    if (*start < 0) *start = std::max<Py_ssize_t>(*start + len, 0);
    return true;
}

Ref<> do_find(Object* self, Object* const* args, Py_ssize_t nargs, const char* name, bool reverse, bool raise)
{
    Object* sub_obj;
    std::string sub;
    Py_ssize_t start, end;
    if (!find_args(name, self, args, nargs, &sub_obj, &start, &end) || !sub_arg(sub_obj, &sub)) return nullptr;
    Py_ssize_t r = -1;
    if (start <= end && static_cast<Py_ssize_t>(sub.size()) <= end - start) {
        std::string_view hay = bytes_view(self).substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start));
        std::size_t pos = reverse ? hay.rfind(sub) : hay.find(sub);
        if (pos != std::string_view::npos) r = start + static_cast<Py_ssize_t>(pos);
    }
    if (r < 0 && raise) return format_error(Exc_ValueError, "subsection not found");
    return long_from_ssize_t(r);
}
Ref<> bytes_find(Object* s, Object* const* a, Py_ssize_t n) { return do_find(s, a, n, "find", false, false); }
Ref<> bytes_rfind(Object* s, Object* const* a, Py_ssize_t n) { return do_find(s, a, n, "rfind", true, false); }
Ref<> bytes_index(Object* s, Object* const* a, Py_ssize_t n) { return do_find(s, a, n, "index", false, true); }
Ref<> bytes_rindex(Object* s, Object* const* a, Py_ssize_t n) { return do_find(s, a, n, "rindex", true, true); }

Ref<> bytes_count(Object* self, Object* const* args, Py_ssize_t nargs)
{
    Object* sub_obj;
    std::string sub;
    Py_ssize_t start, end;
    if (!find_args("count", self, args, nargs, &sub_obj, &start, &end) || !sub_arg(sub_obj, &sub)) return nullptr;
    if (start > end) return long_from_long(0);
    std::string_view hay = bytes_view(self).substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start));
    if (sub.empty()) return long_from_ssize_t(static_cast<Py_ssize_t>(hay.size()) + 1);
    Py_ssize_t count = 0;
    for (std::size_t pos = hay.find(sub); pos != std::string_view::npos; pos = hay.find(sub, pos + sub.size())) count++;
    return long_from_ssize_t(count);
}

Ref<> list_of(const std::vector<std::string_view>& parts)
{
    Ref<> list = list_new(0);
    if (!list) return nullptr;
    for (std::string_view p : parts) {
        Ref<> b = bytes_from_view(p);
        if (!b || list_append(list.get(), b.get()) < 0) return nullptr;
    }
    return list;
}

Ref<> bytes_split_impl(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames, bool reverse)
{
    Object* out[2];
    if (!parse_args_fastkw(reverse ? "rsplit" : "split", args, nargs, kwnames, {"sep", "maxsplit"}, 0, out)) return nullptr;
    Py_ssize_t maxsplit = -1;
    if (out[1]) {
        maxsplit = number_as_ssize_t(out[1], Exc_OverflowError);
        if (maxsplit == -1 && error_occurred()) return nullptr;
    }
    if (maxsplit < 0) maxsplit = PTRDIFF_MAX;
    std::string_view s = bytes_view(self);
    std::vector<std::string_view> parts;
    if (!out[0] || out[0] == Py_None()) {
        // Runs of ASCII whitespace separate; ends are trimmed.
        if (!reverse) {
            std::size_t i = 0, n = s.size();
            while (maxsplit-- > 0) {
                while (i < n && is_ascii_space(s[i])) i++;
                if (i == n) break;
                std::size_t j = i;
                while (j < n && !is_ascii_space(s[j])) j++;
                parts.push_back(s.substr(i, j - i));
                i = j;
            }
            while (i < n && is_ascii_space(s[i])) i++;
            if (i < n) parts.push_back(s.substr(i));
        } else {
            std::size_t j = s.size();
            while (maxsplit-- > 0) {
                while (j > 0 && is_ascii_space(s[j - 1])) j--;
                if (j == 0) break;
                std::size_t i = j;
                while (i > 0 && !is_ascii_space(s[i - 1])) i--;
                parts.push_back(s.substr(i, j - i));
                j = i;
            }
            while (j > 0 && is_ascii_space(s[j - 1])) j--;
            if (j > 0) parts.push_back(s.substr(0, j));
            std::reverse(parts.begin(), parts.end());
        }
        return list_of(parts);
    }
    std::string_view sep;
    if (!buffer_arg(out[0], &sep)) return nullptr;
    if (sep.empty()) return format_error(Exc_ValueError, "empty separator");
    if (!reverse) {
        std::size_t i = 0;
        while (maxsplit-- > 0) {
            std::size_t j = s.find(sep, i);
            if (j == std::string_view::npos) break;
            parts.push_back(s.substr(i, j - i));
            i = j + sep.size();
        }
        parts.push_back(s.substr(i));
    } else {
        std::size_t j = s.size();
        while (maxsplit-- > 0 && j >= sep.size()) {
            std::size_t pos = s.substr(0, j).rfind(sep);
            if (pos == std::string_view::npos) break;
            parts.push_back(s.substr(pos + sep.size(), j - pos - sep.size()));
            j = pos;
        }
        parts.push_back(s.substr(0, j));
        std::reverse(parts.begin(), parts.end());
    }
    return list_of(parts);
}
Ref<> bytes_split(Object* s, Object* const* a, Py_ssize_t n, Object* k) { return bytes_split_impl(s, a, n, k, false); }
Ref<> bytes_rsplit(Object* s, Object* const* a, Py_ssize_t n, Object* k) { return bytes_split_impl(s, a, n, k, true); }

Ref<> do_strip(Object* self, Object* const* args, Py_ssize_t nargs, const char* name, bool left, bool right)
{
    if (!check_positional(name, nargs, 0, 1)) return nullptr;
    std::string_view chars;
    bool whitespace = nargs == 0 || args[0] == Py_None();
    if (!whitespace && !buffer_arg(args[0], &chars)) return nullptr;
    auto strip = [&](char c) { return whitespace ? is_ascii_space(c) : chars.find(c) != std::string_view::npos; };
    std::string_view s = bytes_view(self);
    std::size_t i = 0, j = s.size();
    if (left)
        while (i < j && strip(s[i])) i++;
    if (right)
        while (j > i && strip(s[j - 1])) j--;
    if (i == 0 && j == s.size() && bytes_check_exact(self)) return new_ref(self);
    return bytes_from_view(s.substr(i, j - i));
}
Ref<> bytes_strip(Object* s, Object* const* a, Py_ssize_t n) { return do_strip(s, a, n, "strip", true, true); }
Ref<> bytes_lstrip(Object* s, Object* const* a, Py_ssize_t n) { return do_strip(s, a, n, "lstrip", true, false); }
Ref<> bytes_rstrip(Object* s, Object* const* a, Py_ssize_t n) { return do_strip(s, a, n, "rstrip", false, true); }

Ref<> bytes_replace(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("replace", nargs, 2, 3)) return nullptr;
    std::string_view old, repl;
    if (!buffer_arg(args[0], &old) || !buffer_arg(args[1], &repl)) return nullptr;
    Py_ssize_t maxcount = -1;
    if (nargs == 3) {
        maxcount = number_as_ssize_t(args[2], Exc_OverflowError);
        if (maxcount == -1 && error_occurred()) return nullptr;
    }
    if (maxcount < 0) maxcount = PTRDIFF_MAX;
    std::string_view s = bytes_view(self);
    std::string out;
    if (old.empty()) {
        Py_ssize_t done = 0;
        for (std::size_t i = 0; i <= s.size(); i++) {
            if (done < maxcount) {
                out += repl;
                done++;
            }
            if (i < s.size()) out += s[i];
        }
        return bytes_from_view(out);
    }
    std::size_t i = 0;
    for (Py_ssize_t done = 0; done < maxcount; done++) {
        std::size_t j = s.find(old, i);
        if (j == std::string_view::npos) break;
        out += s.substr(i, j - i);
        out += repl;
        i = j + old.size();
    }
    out += s.substr(i);
    return bytes_from_view(out);
}

Ref<> do_partition(Object* self, Object* sep_obj, bool reverse)
{
    std::string_view sep;
    if (!buffer_arg(sep_obj, &sep)) return nullptr;
    if (sep.empty()) return format_error(Exc_ValueError, "empty separator");
    std::string_view s = bytes_view(self);
    std::size_t pos = reverse ? s.rfind(sep) : s.find(sep);
    Ref<> empty = bytes_from_string_and_size(nullptr, 0);
    if (pos == std::string_view::npos) {
        Ref<> whole = bytes_from_view(s);
        if (!whole || !empty) return nullptr;
        return reverse ? tuple_pack({empty.get(), empty.get(), whole.get()}) : tuple_pack({whole.get(), empty.get(), empty.get()});
    }
    Ref<> head = bytes_from_view(s.substr(0, pos)), mid = bytes_from_view(sep), tail = bytes_from_view(s.substr(pos + sep.size()));
    if (!head || !mid || !tail) return nullptr;
    return tuple_pack({head.get(), mid.get(), tail.get()});
}
Ref<> bytes_partition(Object* self, Object* sep) { return do_partition(self, sep, false); }
Ref<> bytes_rpartition(Object* self, Object* sep) { return do_partition(self, sep, true); }

template <bool Upper>
Ref<> bytes_case(Object* self, Object*)
{
    std::string s(bytes_view(self));
    for (char& c : s) {
        if (Upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
        if (!Upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    return bytes_from_view(s);
}

template <int Kind>
Ref<> bytes_is(Object* self, Object*)
{
    std::string_view s = bytes_view(self);
    if (s.empty()) return new_ref(Py_False());
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        bool ok = Kind == 0 ? (u >= '0' && u <= '9') : Kind == 1 ? ((u | 32) >= 'a' && (u | 32) <= 'z') : is_ascii_space(c);
        if (!ok) return new_ref(Py_False());
    }
    return new_ref(Py_True());
}

// bytes.fromhex(string): pairs of hex digits, spaces between pairs allowed.
Ref<> bytes_fromhex(Object* cls, Object* text)
{
    if (!unicode_check(text))
        return format_error(Exc_TypeError, "fromhex() argument must be str, not %.50s",
                            text == Py_None() ? "None" : Py_TYPE(text)->tp_name);
    std::string out;
    Py_ssize_t n = unicode_length(text);
    auto hexval = [](Py_UCS4 c) { return c >= '0' && c <= '9' ? int(c - '0') : (c | 32) >= 'a' && (c | 32) <= 'f' ? int((c | 32) - 'a' + 10) : -1; };
    for (Py_ssize_t i = 0; i < n;) {
        Py_UCS4 c = unicode_read_char(text, i);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\x0b' || c == '\x0c') {
            i++;
            continue;
        }
        int hi = hexval(c);
        if (hi < 0) return format_error(Exc_ValueError, "non-hexadecimal number found in fromhex() arg at position %zd", i);
        int lo = i + 1 < n ? hexval(unicode_read_char(text, i + 1)) : -1;
        if (lo < 0) return format_error(Exc_ValueError, "non-hexadecimal number found in fromhex() arg at position %zd", i + 1);
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    Ref<> b = bytes_from_view(out);
    if (!b || cls == &Bytes_Type) return b;
    return call_one_arg(cls, b.get());
}

// --- bytes % args (_PyBytes_FormatEx; the engine is printf_format.cpp) --------------

bool bytes_is_mapping(Object* args)
{
    const MappingMethods* mp = Py_TYPE(args)->tp_as_mapping;
    return mp && mp->mp_subscript && !tuple_check(args) && !bytes_check(args) && !unicode_check(args) &&
           !bytearray_check(args);
}

std::string narrow(std::u32string_view s) { return std::string(s.begin(), s.end()); }

Ref<> bytes_key(std::u32string_view key) { return bytes_from_view(narrow(key)); }

void widen_into(std::string_view s, Py_ssize_t prec, std::u32string* out)
{
    if (prec >= 0 && prec < static_cast<Py_ssize_t>(s.size())) s = s.substr(0, static_cast<std::size_t>(prec));
    for (char c : s) out->push_back(static_cast<unsigned char>(c));
}

// format_obj: %b and %s take bytes, bytearray, or what __bytes__ returns.
int bytes_format_obj(Object* v, Py_ssize_t prec, std::u32string* out)
{
    if (bytes_check(v) || bytearray_check(v)) {
        widen_into(bytes_check(v) ? bytes_view(v) : bytearray_view(v), prec, out);
        return 1;
    }
    if (object_check_buffer(v)) {  // any other exporter (memoryview)
        std::string copy;
        if (!buffer_append_to(v, &copy)) return -1;
        widen_into(copy, prec, out);
        return 1;
    }
    Ref<> result = bytes_from_dunder(v);
    if (!result) {
        if (!error_occurred())
            format_error(Exc_TypeError,
                         "%%b requires a bytes-like object, or an object that implements __bytes__, not '%.100s'",
                         Py_TYPE(v)->tp_name);
        return -1;
    }
    widen_into(bytes_view(result.get()), prec, out);
    return 1;
}

// byte_converter: %c takes a bytes/bytearray of length 1 or an int in range(256).
int bytes_format_char(Object* v, std::u32string* out)
{
    if ((bytes_check(v) && bytes_size(v) == 1) || (bytearray_check(v) && bytearray_size(v) == 1)) {
        out->push_back(static_cast<unsigned char>(bytes_check(v) ? bytes_view(v)[0] : bytearray_view(v)[0]));
        return 1;
    }
    Ref<> num = index_check(v) ? number_index(v) : nullptr;
    if (!num) {
        if (!index_check(v) || error_matches(Exc_TypeError)) {
            error_clear();
            set_error(Exc_TypeError, "%c requires an integer in range(256) or a single byte");
        }
        return -1;
    }
    long long x = long_as_long_long(num.get());
    if (x == -1 && error_occurred()) {
        if (!error_matches(Exc_OverflowError)) return -1;
        error_clear();
    }
    if (x < 0 || x > 255) {
        set_error(Exc_OverflowError, "%c arg not in range(256)");
        return -1;
    }
    out->push_back(static_cast<char32_t>(x));
    return 1;
}

int bytes_convert_text(Object* v, Py_UCS4 c, Py_ssize_t prec, std::u32string* out)
{
    switch (c) {
    case 'r': case 'a': {  // %r is %a: ascii(v), whose text is ASCII
        Ref<> s = object_ascii(v);
        if (!s) return -1;
        widen_into(unicode_to_std(s.get()), prec, out);
        return 1;
    }
    case 's': case 'b': return bytes_format_obj(v, prec, out);
    case 'c': return bytes_format_char(v, out);
    default: return 0;
    }
}

// CPython formats the offending byte with %c as a signed char: bytes past
// 0x7f make that %c fail with its own OverflowError.
void bytes_unsupported(Py_UCS4 c, Py_ssize_t index)
{
    if (c >= 0x80) {
        set_error(Exc_OverflowError, "character argument not in range(0x110000)");
        return;
    }
    Ref<> ch = unicode_from_ucs4(&c, 1);
    if (!ch) return;
    format_error(Exc_ValueError, "unsupported format character '%s' (0x%x) at index %zd", unicode_to_std(ch.get()).c_str(),
                 static_cast<unsigned>(c), index);
}

const PrintfKind bytes_printf_kind = {
    "bytes", "prec too big", "float argument required, not %.200s", bytes_is_mapping, bytes_key, bytes_convert_text,
    bytes_unsupported,
};

Ref<> bytes_mod(Object* v, Object* w)
{
    if (!bytes_check(v)) return not_implemented_ref();
    std::string result;
    if (!bytes_printf_format(bytes_view(v), w, &result)) return nullptr;
    return bytes_from_view(result);
}

// bytes.__bytes__: a bytes subclass instance gives its plain bytes value.
Ref<> bytes_bytes(Object* self, Object*)
{
    if (bytes_check_exact(self)) return new_ref(self);
    return bytes_from_view(bytes_view(self));
}

MethodDef bytes_methods[] = {
    method_fast("count", bytes_count, "B.count(sub[, start[, end]]) -> int"),
    method_fast("find", bytes_find, "B.find(sub[, start[, end]]) -> int"),
    method_o("fromhex", bytes_fromhex, "Create a bytes object from a string of hexadecimal numbers.", METH_CLASS),
    method_fast("index", bytes_index, "B.index(sub[, start[, end]]) -> int"),
    method_noargs("isalpha", bytes_is<1>, "Return True if all characters in B are alphabetic and there is at least one character in B."),
    method_noargs("isdigit", bytes_is<0>, "Return True if all characters in B are digits and there is at least one character in B."),
    method_noargs("isspace", bytes_is<2>, "Return True if all characters in B are whitespace and there is at least one character in B."),
    method_noargs("lower", bytes_case<false>, "Return a copy of B with all ASCII characters converted to lowercase."),
    method_fast("lstrip", bytes_lstrip, "Strip leading bytes contained in the argument."),
    method_o("partition", bytes_partition, "Partition the bytes into three parts using the given separator."),
    method_fast("replace", bytes_replace, "Return a copy with all occurrences of substring old replaced by new."),
    method_fast("rfind", bytes_rfind, "B.rfind(sub[, start[, end]]) -> int"),
    method_fast("rindex", bytes_rindex, "B.rindex(sub[, start[, end]]) -> int"),
    method_o("rpartition", bytes_rpartition, "Partition the bytes into three parts using the given separator."),
    method_fastkw("rsplit", bytes_rsplit, "Return a list of the sections in the bytes, using sep as the delimiter."),
    method_fast("rstrip", bytes_rstrip, "Strip trailing bytes contained in the argument."),
    method_fastkw("split", bytes_split, "Return a list of the sections in the bytes, using sep as the delimiter."),
    method_fast("strip", bytes_strip, "Strip leading and trailing bytes contained in the argument."),
    method_noargs("upper", bytes_case<true>, "Return a copy of B with all ASCII characters converted to uppercase."),
    method_noargs("__getnewargs__", bytes_getnewargs),
    method_noargs("__bytes__", bytes_bytes, "Convert this value to exact type bytes."),
    // bytes_methods.cpp
    method_noargs("capitalize", bytes_capitalize, "B.capitalize() -> copy of B"),
    method_fast("center", bytes_center, "Return a centered string of length width."),
    method_fastkw("expandtabs", bytes_expandtabs, "Return a copy where all tab characters are expanded using spaces."),
    method_noargs("isalnum", bytes_isalnum, "B.isalnum() -> bool"),
    method_noargs("isascii", bytes_isascii, "B.isascii() -> bool"),
    method_noargs("islower", bytes_islower, "B.islower() -> bool"),
    method_noargs("istitle", bytes_istitle, "B.istitle() -> bool"),
    method_noargs("isupper", bytes_isupper, "B.isupper() -> bool"),
    method_fast("ljust", bytes_ljust, "Return a left-justified string of length width."),
    method_fast("maketrans", bytes_maketrans, "Return a translation table useable for the bytes or bytearray translate method.",
                METH_STATIC),
    method_o("removeprefix", bytes_removeprefix, "Return a bytes object with the given prefix string removed if present."),
    method_o("removesuffix", bytes_removesuffix, "Return a bytes object with the given suffix string removed if present."),
    method_fast("rjust", bytes_rjust, "Return a right-justified string of length width."),
    method_fastkw("splitlines", bytes_splitlines, "Return a list of the lines in the bytes, breaking at line boundaries."),
    method_noargs("swapcase", bytes_swapcase, "B.swapcase() -> copy of B"),
    method_noargs("title", bytes_title, "B.title() -> copy of B"),
    method_fastkw("translate", bytes_translate, "Return a copy with each character mapped by the given translation table."),
    method_o("zfill", bytes_zfill, "Pad a numeric string with zeros on the left, to fill a field of the given width."),
    method_fastkw("decode", bytes_decode, "Decode the bytes using the codec registered for encoding."),
    method_fast("endswith", bytes_endswith, "B.endswith(suffix[, start[, end]]) -> bool"),
    method_fastkw("hex", bytes_hex, "Create a string of hexadecimal numbers from a bytes object."),
    method_o("join", bytes_join, "Concatenate any number of bytes objects."),
    method_fast("startswith", bytes_startswith, "B.startswith(prefix[, start[, end]]) -> bool"),
    {},
};

Ref<> bytes_new_exact(Object* args, Object* kwds);

// bytes.__new__: the value as an exact bytes, then copied into an instance
// of a subclass when type is one (bytes_subtype_new).
Ref<> bytes_new(TypeObject* type, Object* args, Object* kwds)
{
    Ref<> exact = bytes_new_exact(args, kwds);
    if (!exact || type == &Bytes_Type) return exact;
    Py_ssize_t n = bytes_size(exact.get());
    Ref<> self = steal_ref(object_alloc_raw(type, n));
    if (!self) return nullptr;
    static_cast<BytesObject*>(self.get())->ob_shash = -1;
    std::memcpy(bytes_as_string(self.get()), bytes_as_string(exact.get()), static_cast<std::size_t>(n) + 1);
    return self;
}

// bytes(), bytes(int), bytes(iterable_of_ints), bytes(str, encoding),
// bytes(bytes), bytes(x) with x.__bytes__().
Ref<> bytes_new_exact(Object* args, Object* kwds)
{
    Object* arg[3];
    if (!parse_args_tuple_kw("bytes", args, kwds, {"source", "encoding", "errors"}, 0, arg)) return nullptr;
    // bytes_new's clinic checks the two names are str before the body runs.
    if (!codec_check_arguments("bytes", arg[1], arg[2])) return nullptr;
    Object* x = arg[0];
    if (!x) {
        if (arg[1]) return format_error(Exc_TypeError, "encoding without a string argument");
        if (arg[2]) return format_error(Exc_TypeError, "errors without a string argument");
        return bytes_from_string_and_size(nullptr, 0);
    }
    if (unicode_check(x)) {
        if (!arg[1]) return format_error(Exc_TypeError, "string argument without an encoding");
        return unicode_encode(x, arg[1], arg[2]);
    }
    if (arg[1]) return format_error(Exc_TypeError, "encoding without a string argument");
    if (arg[2]) return format_error(Exc_TypeError, "errors without a string argument");
    if (Ref<> b = bytes_from_dunder(x)) return b;
    if (error_occurred()) return nullptr;
    if (bytes_check(x)) return bytes_from_view(bytes_view(x));
    if (bytearray_check(x)) return bytes_from_view(bytearray_view(x));
    if (object_check_buffer(x)) {
        std::string copy;
        if (!buffer_append_to(x, &copy)) return nullptr;
        return bytes_from_view(copy);
    }
    if (index_check(x)) {
        Py_ssize_t size = number_as_ssize_t(x, Exc_OverflowError);
        if (size == -1 && error_occurred()) return nullptr;
        if (size < 0) return format_error(Exc_ValueError, "negative count");
        Ref<> b = bytes_from_string_and_size(nullptr, size);
        if (b && size) std::memset(bytes_as_string(b.get()), 0, static_cast<std::size_t>(size));
        return b;
    }
    std::string out;
    Ref<> it = object_get_iter(x);
    if (!it) {
        error_clear();
        return format_error(Exc_TypeError, "cannot convert '%.200s' object to bytes", Py_TYPE(x)->tp_name);
    }
    for (;;) {
        Ref<> item = iter_next(it.get());
        if (!item) break;
        Py_ssize_t v = number_as_ssize_t(item.get(), nullptr);
        if (v == -1 && error_occurred()) return nullptr;
        if (v < 0 || v > 255) return format_error(Exc_ValueError, "bytes must be in range(0, 256)");
        out += static_cast<char>(v);
    }
    if (error_occurred()) return nullptr;
    return bytes_from_view(out);
}

Ref<> bytes_iter(Object* self) { return index_iter_new(&BytesIter_Type, self); }

SequenceMethods bytes_as_sequence = [] {
    SequenceMethods sq{};
    sq.sq_length = bytes_length;
    sq.sq_concat = bytes_concat;
    sq.sq_repeat = bytes_repeat;
    sq.sq_item = bytes_item;
    sq.sq_contains = bytes_contains;
    return sq;
}();
MappingMethods bytes_as_mapping = {bytes_length, bytes_subscript, nullptr};
NumberMethods bytes_as_number = [] {
    NumberMethods nb{};
    nb.nb_remainder = bytes_mod;
    return nb;
}();

// bf_getbuffer (bytes_buffer_getbuffer): a read-only view of the bytes.
int bytes_getbuffer(Object* self, Py_buffer* view, int flags)
{
    return buffer_fill_info(view, self, bytes_as_string(self), bytes_size(self), 1, flags);
}

BufferProcs bytes_as_buffer = {bytes_getbuffer, nullptr};

}  // namespace

TypeObject Bytes_Type = [] {
    TypeObject t = static_type("bytes", offsetof(BytesObject, ob_sval) + 1, 1,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_BYTES_SUBCLASS | Py_TPFLAGS_MATCH_SELF,
                               "bytes(iterable_of_ints) -> bytes");
    t.tp_dealloc = object_generic_dealloc;
    t.tp_repr = bytes_repr_slot;
    t.tp_as_sequence = &bytes_as_sequence;
    t.tp_as_mapping = &bytes_as_mapping;
    t.tp_as_number = &bytes_as_number;
    t.tp_hash = bytes_hash;
    t.tp_as_buffer = &bytes_as_buffer;
    t.tp_str = bytes_repr_slot;
    t.tp_getattro = object_generic_get_attr;
    t.tp_richcompare = bytes_richcompare;
    t.tp_iter = bytes_iter;
    t.tp_methods = bytes_methods;
    t.tp_new = bytes_new;
    return t;
}();

TypeObject BytesIter_Type = index_iter_type("bytes_iterator");

bool bytes_printf_format(std::string_view format, Object* args, std::string* out)
{
    std::u32string fmt(format.size(), U'\0'), result;
    for (std::size_t i = 0; i < format.size(); i++) fmt[i] = static_cast<unsigned char>(format[i]);
    if (!printf_format(fmt, args, bytes_printf_kind, &result)) return false;
    out->assign(result.begin(), result.end());
    return true;
}

void fini_bytes() { clear_ref(empty_bytes); }

}  // namespace minipy::runtime
