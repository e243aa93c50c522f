// unicode_methods.cpp: the str type object: its slots and methods (find,
// split, strip, replace, case mapping, predicates, padding...).
// Mirrors the method half of CPython 3.11 Objects/unicodeobject.c and the
// algorithms of Objects/stringlib/ (split.h, partition.h, fastsearch.h, kept
// simple here: searching is a plain scan). Book chapter 11.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "minipy/runtime/buffer.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/sliceobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "pycore_codecs.h"
#include "pycore_format.h"
#include "pycore_runtime.h"
#include "pycore_unicode.h"

namespace minipy::runtime {

void unicode_dealloc(Object* op);

namespace {

// --- Searching ----------------------------------------------------------------

bool match_at(Object* s, Py_ssize_t i, Object* sub)
{
    Py_ssize_t m = unicode_length(sub);
    for (Py_ssize_t k = 0; k < m; k++)
        if (unicode_read_char(s, i + k) != unicode_read_char(sub, k)) return false;
    return true;
}

// The first (or last) index of sub in s[start:end], or -1.
Py_ssize_t find_sub(Object* s, Object* sub, Py_ssize_t start, Py_ssize_t end, bool reverse)
{
    Py_ssize_t m = unicode_length(sub);
    if (end - start < m) return -1;
    if (!reverse) {
        for (Py_ssize_t i = start; i + m <= end; i++)
            if (match_at(s, i, sub)) return i;
    } else {
        for (Py_ssize_t i = end - m; i >= start; i--)
            if (match_at(s, i, sub)) return i;
    }
    return -1;
}

Py_ssize_t count_sub(Object* s, Object* sub, Py_ssize_t start, Py_ssize_t end, Py_ssize_t maxcount)
{
    Py_ssize_t m = unicode_length(sub);
    if (end - start < m) return 0;
    if (m == 0) return std::min(end - start + 1, maxcount);
    Py_ssize_t count = 0;
    for (Py_ssize_t i = start; i + m <= end && count < maxcount;) {
        if (match_at(s, i, sub)) {
            count++;
            i += m;
        } else {
            i++;
        }
    }
    return count;
}

// ADJUST_INDICES of stringlib: negative indices count from the end.
void adjust_indices(Py_ssize_t& start, Py_ssize_t& end, Py_ssize_t len)
{
    if (end > len) end = len;
    else if (end < 0) {
        end += len;
        if (end < 0) end = 0;
    }
    if (start < 0) {
        start += len;
        if (start < 0) start = 0;
    }
}

bool check_str_arg(Object* arg)
{
    if (unicode_check(arg)) return true;
    format_error(Exc_TypeError, "must be str, not %.100s", Py_TYPE(arg)->tp_name);
    return false;
}

// Parses (sub[, start[, end]]) of find/index/count.
bool parse_find_args(const char* name, Object* self, Object* const* args, Py_ssize_t nargs, Object** sub,
                     Py_ssize_t* start, Py_ssize_t* end)
{
    if (!check_positional_getargs(name, nargs, 1, 3)) return false;
    *sub = args[0];
    if (!check_str_arg(*sub)) return false;
    *start = 0;
    *end = PTRDIFF_MAX;
    if (nargs >= 2 && !eval_slice_index(args[1], start)) return false;
    if (nargs >= 3 && !eval_slice_index(args[2], end)) return false;
    adjust_indices(*start, *end, unicode_length(self));
    return true;
}

Ref<> do_find(Object* self, Object* const* args, Py_ssize_t nargs, const char* name, bool reverse, bool raise)
{
    Object* sub;
    Py_ssize_t start, end;
    if (!parse_find_args(name, self, args, nargs, &sub, &start, &end)) return nullptr;
    Py_ssize_t r = start > unicode_length(self) ? -1 : find_sub(self, sub, start, end, reverse);
    if (r < 0 && raise) return format_error(Exc_ValueError, "substring not found");
    return long_from_ssize_t(r);
}

Ref<> str_find(Object* s, Object* const* a, Py_ssize_t n) { return do_find(s, a, n, "find", false, false); }
Ref<> str_rfind(Object* s, Object* const* a, Py_ssize_t n) { return do_find(s, a, n, "rfind", true, false); }
Ref<> str_index(Object* s, Object* const* a, Py_ssize_t n) { return do_find(s, a, n, "index", false, true); }
Ref<> str_rindex(Object* s, Object* const* a, Py_ssize_t n) { return do_find(s, a, n, "rindex", true, true); }

Ref<> str_count(Object* self, Object* const* args, Py_ssize_t nargs)
{
    Object* sub;
    Py_ssize_t start, end;
    if (!parse_find_args("count", self, args, nargs, &sub, &start, &end)) return nullptr;
    if (start > unicode_length(self)) return long_from_long(0);
    return long_from_ssize_t(count_sub(self, sub, start, end, PTRDIFF_MAX));
}

Ref<> tailmatch(Object* self, Object* const* args, Py_ssize_t nargs, const char* name, bool suffix)
{
    if (!check_positional_getargs(name, nargs, 1, 3)) return nullptr;
    Py_ssize_t start = 0, end = PTRDIFF_MAX;
    if (nargs >= 2 && !eval_slice_index(args[1], &start)) return nullptr;
    if (nargs >= 3 && !eval_slice_index(args[2], &end)) return nullptr;
    adjust_indices(start, end, unicode_length(self));
    auto one = [&](Object* sub) -> bool {
        Py_ssize_t m = unicode_length(sub);
        if (start > unicode_length(self)) return false;
        if (end - start < m) return false;
        return match_at(self, suffix ? end - m : start, sub);
    };
    Object* arg = args[0];
    if (tuple_check(arg)) {
        for (Py_ssize_t i = 0; i < tuple_size(arg); i++) {
            Object* sub = tuple_item(arg, i);
            if (!unicode_check(sub))
                return format_error(Exc_TypeError, "tuple for %s must only contain str, not %.100s", name,
                                    Py_TYPE(sub)->tp_name);
            if (one(sub)) return new_ref(Py_True());
        }
        return new_ref(Py_False());
    }
    if (!unicode_check(arg))
        return format_error(Exc_TypeError, "%s first arg must be str or a tuple of str, not %.100s", name,
                            Py_TYPE(arg)->tp_name);
    return bool_from_long(one(arg));
}

Ref<> str_startswith(Object* s, Object* const* a, Py_ssize_t n) { return tailmatch(s, a, n, "startswith", false); }
Ref<> str_endswith(Object* s, Object* const* a, Py_ssize_t n) { return tailmatch(s, a, n, "endswith", true); }

// --- Splitting -------------------------------------------------------------------

bool parse_split_args(const char* name, Object* const* args, Py_ssize_t nargs, Object* kwnames, Object** sep,
                      Py_ssize_t* maxsplit)
{
    Object* out[2];
    if (!parse_args_fastkw(name, args, nargs, kwnames, {"sep", "maxsplit"}, 0, out)) return false;
    *sep = out[0] && out[0] != Py_None() ? out[0] : nullptr;
    if (*sep && !unicode_check(*sep)) {
        format_error(Exc_TypeError, "must be str or None, not %.100s", Py_TYPE(*sep)->tp_name);
        return false;
    }
    if (*sep && unicode_length(*sep) == 0) {
        set_error(Exc_ValueError, "empty separator");
        return false;
    }
    *maxsplit = -1;
    if (out[1]) {
        *maxsplit = number_as_ssize_t(out[1], Exc_OverflowError);
        if (*maxsplit == -1 && error_occurred()) return false;
    }
    if (*maxsplit < 0) *maxsplit = PTRDIFF_MAX;
    return true;
}

Ref<> str_split(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* sep;
    Py_ssize_t maxsplit;
    if (!parse_split_args("split", args, nargs, kwnames, &sep, &maxsplit)) return nullptr;
    Ref<> list = list_new(0);
    if (!list) return nullptr;
    Py_ssize_t n = unicode_length(self);
    auto add = [&](Py_ssize_t i, Py_ssize_t j) {
        Ref<> piece = unicode_substring(self, i, j);
        return piece && list_append(list.get(), piece.get()) == 0;
    };
    if (!sep) {
        // Runs of whitespace separate; leading/trailing whitespace is dropped.
        Py_ssize_t i = 0;
        while (maxsplit-- > 0) {
            while (i < n && unicode_isspace(unicode_read_char(self, i))) i++;
            if (i == n) break;
            Py_ssize_t j = i;
            while (j < n && !unicode_isspace(unicode_read_char(self, j))) j++;
            if (!add(i, j)) return nullptr;
            i = j;
        }
        if (i < n) {
            while (i < n && unicode_isspace(unicode_read_char(self, i))) i++;
            if (i != n && !add(i, n)) return nullptr;
        }
        return list;
    }
    Py_ssize_t m = unicode_length(sep), i = 0;
    while (maxsplit-- > 0) {
        Py_ssize_t j = find_sub(self, sep, i, n, false);
        if (j < 0) break;
        if (!add(i, j)) return nullptr;
        i = j + m;
    }
    if (!add(i, n)) return nullptr;
    return list;
}

Ref<> str_rsplit(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* sep;
    Py_ssize_t maxsplit;
    if (!parse_split_args("rsplit", args, nargs, kwnames, &sep, &maxsplit)) return nullptr;
    Ref<> list = list_new(0);
    if (!list) return nullptr;
    Py_ssize_t n = unicode_length(self);
    auto add = [&](Py_ssize_t i, Py_ssize_t j) {
        Ref<> piece = unicode_substring(self, i, j);
        return piece && list_append(list.get(), piece.get()) == 0;
    };
    if (!sep) {
        Py_ssize_t j = n;
        while (maxsplit-- > 0) {
            while (j > 0 && unicode_isspace(unicode_read_char(self, j - 1))) j--;
            if (j == 0) break;
            Py_ssize_t i = j;
            while (i > 0 && !unicode_isspace(unicode_read_char(self, i - 1))) i--;
            if (!add(i, j)) return nullptr;
            j = i;
        }
        if (j > 0) {
            while (j > 0 && unicode_isspace(unicode_read_char(self, j - 1))) j--;
            if (j != 0 && !add(0, j)) return nullptr;
        }
    } else {
        Py_ssize_t m = unicode_length(sep), j = n;
        while (maxsplit-- > 0) {
            Py_ssize_t pos = find_sub(self, sep, 0, j, true);
            if (pos < 0) break;
            if (!add(pos + m, j)) return nullptr;
            j = pos;
        }
        if (!add(0, j)) return nullptr;
    }
    if (list_reverse(list.get()) < 0) return nullptr;
    return list;
}

bool is_linebreak(Py_UCS4 ch)
{
    switch (ch) {
    case '\n': case '\r': case 0x0B: case 0x0C: case 0x1C: case 0x1D: case 0x1E: case 0x85: case 0x2028: case 0x2029:
        return true;
    default: return false;
    }
}

Ref<> str_splitlines(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* out[1];
    if (!parse_args_fastkw("splitlines", args, nargs, kwnames, {"keepends"}, 0, out)) return nullptr;
    int keepends = 0;
    if (out[0]) {
        // keepends is an int (clinic's bool(accept={int})): "x".splitlines("yes") is a TypeError.
        Ref<> n = number_index(out[0]);
        if (!n) return nullptr;
        keepends = object_is_true(n.get());
        if (keepends < 0) return nullptr;
    }
    Ref<> list = list_new(0);
    if (!list) return nullptr;
    Py_ssize_t n = unicode_length(self), i = 0;
    while (i < n) {
        Py_ssize_t j = i;
        while (j < n && !is_linebreak(unicode_read_char(self, j))) j++;
        Py_ssize_t eol = j;
        if (j < n) {
            if (unicode_read_char(self, j) == '\r' && j + 1 < n && unicode_read_char(self, j + 1) == '\n') j += 2;
            else j++;
            if (keepends) eol = j;
        }
        Ref<> piece = unicode_substring(self, i, eol);
        if (!piece || list_append(list.get(), piece.get()) < 0) return nullptr;
        i = j;
    }
    return list;
}

Ref<> partition(Object* self, Object* sep, bool reverse)
{
    if (!check_str_arg(sep)) return nullptr;
    if (unicode_length(sep) == 0) return format_error(Exc_ValueError, "empty separator");
    Py_ssize_t n = unicode_length(self);
    Py_ssize_t pos = find_sub(self, sep, 0, n, reverse);
    Object* empty = unicode_empty();
    if (pos < 0) {
        if (reverse) return tuple_pack({empty, empty, self});
        return tuple_pack({self, empty, empty});
    }
    Ref<> head = unicode_substring(self, 0, pos);
    Ref<> tail = unicode_substring(self, pos + unicode_length(sep), n);
    if (!head || !tail) return nullptr;
    return tuple_pack({head.get(), sep, tail.get()});
}

Ref<> str_partition(Object* self, Object* sep) { return partition(self, sep, false); }
Ref<> str_rpartition(Object* self, Object* sep) { return partition(self, sep, true); }

Ref<> str_join(Object* self, Object* iterable) { return unicode_join(self, iterable); }

// --- Stripping, replacing, padding ---------------------------------------------------

Ref<> do_strip(Object* self, Object* const* args, Py_ssize_t nargs, const char* name, bool left, bool right)
{
    if (!check_positional(name, nargs, 0, 1)) return nullptr;
    Object* chars = nargs ? args[0] : Py_None();
    if (chars != Py_None() && !unicode_check(chars))
        return format_error(Exc_TypeError, "%s arg must be None or str", name);
    auto strip_char = [&](Py_UCS4 ch) {
        if (chars == Py_None()) return unicode_isspace(ch);
        for (Py_ssize_t k = 0; k < unicode_length(chars); k++)
            if (unicode_read_char(chars, k) == ch) return true;
        return false;
    };
    Py_ssize_t i = 0, j = unicode_length(self);
    if (left)
        while (i < j && strip_char(unicode_read_char(self, i))) i++;
    if (right)
        while (j > i && strip_char(unicode_read_char(self, j - 1))) j--;
    return unicode_substring(self, i, j);
}

Ref<> str_strip(Object* s, Object* const* a, Py_ssize_t n) { return do_strip(s, a, n, "strip", true, true); }
Ref<> str_lstrip(Object* s, Object* const* a, Py_ssize_t n) { return do_strip(s, a, n, "lstrip", true, false); }
Ref<> str_rstrip(Object* s, Object* const* a, Py_ssize_t n) { return do_strip(s, a, n, "rstrip", false, true); }

Ref<> str_replace(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("replace", nargs, 2, 3)) return nullptr;
    Object* old = args[0];
    Object* repl = args[1];
    if (!unicode_check(old))
        return format_error(Exc_TypeError, "replace() argument 1 must be str, not %.100s", Py_TYPE(old)->tp_name);
    if (!unicode_check(repl))
        return format_error(Exc_TypeError, "replace() argument 2 must be str, not %.100s", Py_TYPE(repl)->tp_name);
    Py_ssize_t maxcount = -1;
    if (nargs == 3) {
        maxcount = number_as_ssize_t(args[2], Exc_OverflowError);
        if (maxcount == -1 && error_occurred()) return nullptr;
    }
    if (maxcount < 0) maxcount = PTRDIFF_MAX;
    Py_ssize_t n = unicode_length(self), m = unicode_length(old);
    UnicodeWriter w;
    Py_ssize_t i = 0, done = 0;
    if (m == 0) {
        // An empty pattern matches between every pair of characters.
        for (; i <= n; i++) {
            if (done < maxcount) {
                w.write_str(repl);
                done++;
            }
            if (i < n) w.write_char(unicode_read_char(self, i));
        }
        return w.finish();
    }
    while (done < maxcount) {
        Py_ssize_t j = find_sub(self, old, i, n, false);
        if (j < 0) break;
        w.write_substring(self, i, j);
        w.write_str(repl);
        i = j + m;
        done++;
    }
    if (done == 0 && unicode_check_exact(self)) return new_ref(self);
    w.write_substring(self, i, n);
    return w.finish();
}

bool parse_fill(const char* name, Object* const* args, Py_ssize_t nargs, Py_ssize_t* width, Py_UCS4* fill)
{
    if (!check_positional(name, nargs, 1, 2)) return false;
    *width = number_as_ssize_t(args[0], Exc_OverflowError);
    if (*width == -1 && error_occurred()) return false;
    *fill = ' ';
    if (nargs == 2) {
        if (!unicode_check(args[1])) {
            // convert_uc of the argument clinic, shared by center/ljust/rjust.
            format_error(Exc_TypeError, "The fill character must be a unicode character, not %.200s",
                         Py_TYPE(args[1])->tp_name);
            return false;
        }
        if (unicode_length(args[1]) != 1) {
            set_error(Exc_TypeError, "The fill character must be exactly one character long");
            return false;
        }
        *fill = unicode_read_char(args[1], 0);
    }
    return true;
}

Ref<> pad(Object* self, Py_ssize_t left, Py_ssize_t right, Py_UCS4 fill)
{
    if (left <= 0 && right <= 0 && unicode_check_exact(self)) return new_ref(self);
    UnicodeWriter w;
    for (Py_ssize_t i = 0; i < left; i++) w.write_char(fill);
    w.write_str(self);
    for (Py_ssize_t i = 0; i < right; i++) w.write_char(fill);
    return w.finish();
}

Ref<> str_ljust(Object* self, Object* const* args, Py_ssize_t nargs)
{
    Py_ssize_t width;
    Py_UCS4 fill;
    if (!parse_fill("ljust", args, nargs, &width, &fill)) return nullptr;
    return pad(self, 0, width - unicode_length(self), fill);
}

Ref<> str_rjust(Object* self, Object* const* args, Py_ssize_t nargs)
{
    Py_ssize_t width;
    Py_UCS4 fill;
    if (!parse_fill("rjust", args, nargs, &width, &fill)) return nullptr;
    return pad(self, width - unicode_length(self), 0, fill);
}

Ref<> str_center(Object* self, Object* const* args, Py_ssize_t nargs)
{
    Py_ssize_t width;
    Py_UCS4 fill;
    if (!parse_fill("center", args, nargs, &width, &fill)) return nullptr;
    Py_ssize_t marg = width - unicode_length(self);
    if (marg <= 0) return pad(self, 0, 0, fill);
    // CPython's rounding: the extra character goes left when width is odd.
    Py_ssize_t left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

Ref<> str_zfill(Object* self, Object* arg)
{
    Py_ssize_t width = number_as_ssize_t(arg, Exc_OverflowError);
    if (width == -1 && error_occurred()) return nullptr;
    Py_ssize_t n = unicode_length(self);
    if (n >= width) return unicode_substring(self, 0, n);
    UnicodeWriter w;
    Py_ssize_t i = 0;
    if (n > 0 && (unicode_read_char(self, 0) == '+' || unicode_read_char(self, 0) == '-')) {
        w.write_char(unicode_read_char(self, 0));
        i = 1;
    }
    for (Py_ssize_t k = 0; k < width - n; k++) w.write_char('0');
    w.write_substring(self, i, n);
    return w.finish();
}

Ref<> str_expandtabs(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* out[1];
    if (!parse_args_fastkw("expandtabs", args, nargs, kwnames, {"tabsize"}, 0, out)) return nullptr;
    Py_ssize_t tabsize = 8;
    if (out[0]) {
        tabsize = number_as_ssize_t(out[0], Exc_OverflowError);
        if (tabsize == -1 && error_occurred()) return nullptr;
    }
    UnicodeWriter w;
    Py_ssize_t col = 0;
    for (Py_ssize_t i = 0; i < unicode_length(self); i++) {
        Py_UCS4 ch = unicode_read_char(self, i);
        if (ch == '\t') {
            if (tabsize > 0) {
                Py_ssize_t incr = tabsize - (col % tabsize);
                col += incr;
                while (incr--) w.write_char(' ');
            }
        } else {
            w.write_char(ch);
            col = (ch == '\n' || ch == '\r') ? 0 : col + 1;
        }
    }
    return w.finish();
}

Ref<> str_removeprefix(Object* self, Object* prefix)
{
    if (!unicode_check(prefix))
        return format_error(Exc_TypeError, "removeprefix() argument must be str, not %.100s",
                            prefix == Py_None() ? "None" : Py_TYPE(prefix)->tp_name);  // _PyArg_BadArgument
    Py_ssize_t m = unicode_length(prefix);
    if (m <= unicode_length(self) && match_at(self, 0, prefix)) return unicode_substring(self, m, unicode_length(self));
    return unicode_substring(self, 0, unicode_length(self));
}

Ref<> str_removesuffix(Object* self, Object* suffix)
{
    if (!unicode_check(suffix))
        return format_error(Exc_TypeError, "removesuffix() argument must be str, not %.100s",
                            suffix == Py_None() ? "None" : Py_TYPE(suffix)->tp_name);  // _PyArg_BadArgument
    Py_ssize_t m = unicode_length(suffix), n = unicode_length(self);
    if (m > 0 && m <= n && match_at(self, n - m, suffix)) return unicode_substring(self, 0, n - m);
    return unicode_substring(self, 0, n);
}

// --- Case mapping -------------------------------------------------------------------

using FullMap = int (*)(Py_UCS4, Py_UCS4*);

Ref<> map_each(Object* self, FullMap fn)
{
    UnicodeWriter w;
    Py_UCS4 buf[4];
    for (Py_ssize_t i = 0; i < unicode_length(self); i++) {
        int k = fn(unicode_read_char(self, i), buf);
        for (int j = 0; j < k; j++) w.write_char(buf[j]);
    }
    return w.finish();
}

// Final sigma (handle_capital_sigma): Σ lowers to ς at the end of a word.
bool final_sigma(Object* s, Py_ssize_t i)
{
    Py_ssize_t n = unicode_length(s), j = i - 1;
    while (j >= 0 && unicode_iscaseignorable(unicode_read_char(s, j))) j--;
    if (j < 0 || !unicode_iscased(unicode_read_char(s, j))) return false;
    j = i + 1;
    while (j < n && unicode_iscaseignorable(unicode_read_char(s, j))) j++;
    return j == n || !unicode_iscased(unicode_read_char(s, j));
}

void write_lower(UnicodeWriter& w, Object* s, Py_ssize_t i)
{
    Py_UCS4 ch = unicode_read_char(s, i);
    if (ch == 0x3A3) {
        w.write_char(final_sigma(s, i) ? 0x3C2 : 0x3C3);
        return;
    }
    Py_UCS4 buf[4];
    int k = unicode_to_lower_full(ch, buf);
    for (int j = 0; j < k; j++) w.write_char(buf[j]);
}

Ref<> str_lower(Object* self, Object*)
{
    UnicodeWriter w;
    for (Py_ssize_t i = 0; i < unicode_length(self); i++) write_lower(w, self, i);
    return w.finish();
}
Ref<> str_upper(Object* self, Object*) { return map_each(self, unicode_to_upper_full); }
Ref<> str_casefold(Object* self, Object*) { return map_each(self, unicode_to_folded_full); }

Ref<> str_swapcase(Object* self, Object*)
{
    UnicodeWriter w;
    Py_UCS4 buf[4];
    for (Py_ssize_t i = 0; i < unicode_length(self); i++) {
        Py_UCS4 ch = unicode_read_char(self, i);
        if (unicode_isupper_char(ch)) {
            write_lower(w, self, i);
            continue;
        }
        int k = unicode_islower_char(ch) ? unicode_to_upper_full(ch, buf) : (buf[0] = ch, 1);
        for (int j = 0; j < k; j++) w.write_char(buf[j]);
    }
    return w.finish();
}

Ref<> str_title(Object* self, Object*)
{
    UnicodeWriter w;
    Py_UCS4 buf[4];
    bool previous_is_cased = false;
    for (Py_ssize_t i = 0; i < unicode_length(self); i++) {
        Py_UCS4 ch = unicode_read_char(self, i);
        if (previous_is_cased) {
            write_lower(w, self, i);
        } else {
            int k = unicode_to_title_full(ch, buf);
            for (int j = 0; j < k; j++) w.write_char(buf[j]);
        }
        previous_is_cased = unicode_iscased(ch);
    }
    return w.finish();
}

Ref<> str_capitalize(Object* self, Object*)
{
    UnicodeWriter w;
    Py_UCS4 buf[4];
    for (Py_ssize_t i = 0; i < unicode_length(self); i++) {
        if (i == 0) {
            int k = unicode_to_title_full(unicode_read_char(self, 0), buf);
            for (int j = 0; j < k; j++) w.write_char(buf[j]);
        } else {
            write_lower(w, self, i);
        }
    }
    return w.finish();
}

// --- Predicates ---------------------------------------------------------------------

template <bool (*Pred)(Py_UCS4)>
Ref<> all_chars(Object* self, Object*)
{
    Py_ssize_t n = unicode_length(self);
    if (n == 0) return new_ref(Py_False());
    for (Py_ssize_t i = 0; i < n; i++)
        if (!Pred(unicode_read_char(self, i))) return new_ref(Py_False());
    return new_ref(Py_True());
}

bool is_alnum_char(Py_UCS4 ch) { return unicode_isalpha(ch) || unicode_isdecimal(ch) || unicode_isdigit(ch) || unicode_isnumeric(ch); }

Ref<> str_isprintable(Object* self, Object*)
{
    for (Py_ssize_t i = 0; i < unicode_length(self); i++)
        if (!unicode_isprintable(unicode_read_char(self, i))) return new_ref(Py_False());
    return new_ref(Py_True());
}

Ref<> str_isascii(Object* self, Object*) { return bool_from_long(unicode_max_char(self) < 128); }

Ref<> str_islower(Object* self, Object*)
{
    bool cased = false;
    for (Py_ssize_t i = 0; i < unicode_length(self); i++) {
        Py_UCS4 ch = unicode_read_char(self, i);
        if (unicode_isupper_char(ch) || unicode_istitle_char(ch)) return new_ref(Py_False());
        cased |= unicode_islower_char(ch);
    }
    return bool_from_long(cased);
}

Ref<> str_isupper(Object* self, Object*)
{
    bool cased = false;
    for (Py_ssize_t i = 0; i < unicode_length(self); i++) {
        Py_UCS4 ch = unicode_read_char(self, i);
        if (unicode_islower_char(ch) || unicode_istitle_char(ch)) return new_ref(Py_False());
        cased |= unicode_isupper_char(ch);
    }
    return bool_from_long(cased);
}

Ref<> str_istitle(Object* self, Object*)
{
    bool cased = false, previous_is_cased = false;
    for (Py_ssize_t i = 0; i < unicode_length(self); i++) {
        Py_UCS4 ch = unicode_read_char(self, i);
        if (unicode_isupper_char(ch) || unicode_istitle_char(ch)) {
            if (previous_is_cased) return new_ref(Py_False());
            previous_is_cased = cased = true;
        } else if (unicode_islower_char(ch)) {
            if (!previous_is_cased) return new_ref(Py_False());
            previous_is_cased = cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    return bool_from_long(cased);
}

Ref<> str_isidentifier(Object* self, Object*) { return bool_from_long(unicode_isidentifier(self)); }

// --- Encoding -------------------------------------------------------------------------

Ref<> str_encode(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* out[2];
    if (!parse_args_fastkw("encode", args, nargs, kwnames, {"encoding", "errors"}, 0, out)) return nullptr;
    if (!codec_check_arguments("encode", out[0], out[1])) return nullptr;
    return unicode_encode(self, out[0], out[1]);
}

// str.maketrans(x[, y[, z]]): the translation table as a dict of ordinals.
Ref<> str_maketrans(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("maketrans", nargs, 1, 3)) return nullptr;
    Ref<> table = dict_new();
    if (!table) return nullptr;
    if (nargs == 1) {
        Object* x = args[0];
        if (!dict_check(x))
            return format_error(Exc_TypeError, "if you give only one argument to maketrans it must be a dict");
        Py_ssize_t pos = 0;
        Object *k, *v;
        while (dict_next(x, &pos, &k, &v)) {
            Ref<> key;
            if (unicode_check(k)) {
                if (unicode_length(k) != 1)
                    return format_error(Exc_ValueError, "string keys in translate table must be of length 1");
                key = long_from_long(unicode_read_char(k, 0));
            } else if (long_check(k)) {
                key = new_ref(k);
            } else {
                return format_error(Exc_TypeError, "keys in translate table must be strings or integers");
            }
            if (!key || dict_set_item(table.get(), key.get(), v) < 0) return nullptr;
        }
        return table;
    }
    if (!unicode_check(args[1]))
        return format_error(Exc_TypeError, "maketrans() argument 2 must be str, not %.50s", Py_TYPE(args[1])->tp_name);
    if (!unicode_check(args[0]))
        return format_error(Exc_TypeError, "first maketrans argument must be a string if there is a second argument");
    if (unicode_length(args[0]) != unicode_length(args[1]))
        return format_error(Exc_ValueError, "the first two maketrans arguments must have equal length");
    for (Py_ssize_t i = 0; i < unicode_length(args[0]); i++) {
        Ref<> k = long_from_long(unicode_read_char(args[0], i)), v = long_from_long(unicode_read_char(args[1], i));
        if (!k || !v || dict_set_item(table.get(), k.get(), v.get()) < 0) return nullptr;
    }
    if (nargs == 3) {
        if (!unicode_check(args[2]))
            return format_error(Exc_TypeError, "maketrans() argument 3 must be str, not %.50s", Py_TYPE(args[2])->tp_name);
        for (Py_ssize_t i = 0; i < unicode_length(args[2]); i++) {
            Ref<> k = long_from_long(unicode_read_char(args[2], i));
            if (!k || dict_set_item(table.get(), k.get(), Py_None()) < 0) return nullptr;
        }
    }
    return table;
}

// str.translate(table): table[ord(c)] is a code point, a str, or None
// (delete); a LookupError keeps the character.
Ref<> str_translate(Object* self, Object* table)
{
    UnicodeWriter w;
    for (Py_ssize_t i = 0; i < unicode_length(self); i++) {
        Py_UCS4 ch = unicode_read_char(self, i);
        Ref<> key = long_from_long(ch);
        if (!key) return nullptr;
        Ref<> value = object_get_item(table, key.get());
        if (!value) {
            if (!error_matches(Exc_LookupError)) return nullptr;
            error_clear();
            w.write_char(ch);
            continue;
        }
        if (value.get() == Py_None()) continue;
        if (long_check(value.get())) {
            long long v = long_as_long_long(value.get());
            if (v == -1 && error_occurred()) return nullptr;
            if (v < 0 || v > MAX_UNICODE) return format_error(Exc_ValueError, "character mapping must be in range(0x110000)");
            w.write_char(static_cast<Py_UCS4>(v));
        } else if (unicode_check(value.get())) {
            w.write_str(value.get());
        } else {
            return format_error(Exc_TypeError, "character mapping must return integer, None or str");
        }
    }
    return w.finish();
}

Ref<> str_format_method(Object* self, Object* spec) { return unicode_format_spec(self, spec); }

Ref<> str_getnewargs(Object* self, Object*)
{
    Ref<> copy = unicode_substring(self, 0, unicode_length(self));
    if (!copy) return nullptr;
    return tuple_pack({copy.get()});
}

Ref<> str_sizeof(Object* self, Object*)
{
    auto* u = as_unicode(self);
    Py_ssize_t size = 40 + (u->state.ascii ? 8 : 16) + (u->length + 1) * static_cast<Py_ssize_t>(u->state.kind);
    if (u->utf8 && !u->state.ascii) size += u->utf8_length + 1;
    return long_from_ssize_t(size);
}

MethodDef str_methods[] = {
    method_fastkw("encode", str_encode, "Encode the string using the codec registered for encoding."),
    method_fastkw("split", str_split, "Return a list of the substrings in the string, using sep as the separator string."),
    method_fastkw("rsplit", str_rsplit, "Return a list of the substrings in the string, using sep as the separator string."),
    method_o("join", str_join, "Concatenate any number of strings."),
    method_noargs("capitalize", str_capitalize, "Return a capitalized version of the string."),
    method_noargs("casefold", str_casefold, "Return a version of the string suitable for caseless comparisons."),
    method_noargs("title", str_title, "Return a version of the string where each word is titlecased."),
    method_fast("center", str_center, "Return a centered string of length width."),
    method_fast("count", str_count, "S.count(sub[, start[, end]]) -> int"),
    method_fastkw("expandtabs", str_expandtabs, "Return a copy where all tab characters are expanded using spaces."),
    method_fast("find", str_find, "S.find(sub[, start[, end]]) -> int"),
    method_o("partition", str_partition, "Partition the string into three parts using the given separator."),
    method_fast("index", str_index, "S.index(sub[, start[, end]]) -> int"),
    method_fast("ljust", str_ljust, "Return a left-justified string of length width."),
    method_noargs("lower", str_lower, "Return a copy of the string converted to lowercase."),
    method_fast("lstrip", str_lstrip, "Return a copy of the string with leading whitespace removed."),
    method_fast("rfind", str_rfind, "S.rfind(sub[, start[, end]]) -> int"),
    method_fast("rindex", str_rindex, "S.rindex(sub[, start[, end]]) -> int"),
    method_fast("rjust", str_rjust, "Return a right-justified string of length width."),
    method_fast("rstrip", str_rstrip, "Return a copy of the string with trailing whitespace removed."),
    method_o("rpartition", str_rpartition, "Partition the string into three parts using the given separator."),
    method_fastkw("splitlines", str_splitlines, "Return a list of the lines in the string, breaking at line boundaries."),
    method_fast("strip", str_strip, "Return a copy of the string with leading and trailing whitespace removed."),
    method_noargs("swapcase", str_swapcase, "Convert uppercase characters to lowercase and lowercase characters to uppercase."),
    method_noargs("upper", str_upper, "Return a copy of the string converted to uppercase."),
    method_fast("startswith", str_startswith, "S.startswith(prefix[, start[, end]]) -> bool"),
    method_fast("endswith", str_endswith, "S.endswith(suffix[, start[, end]]) -> bool"),
    method_o("removeprefix", str_removeprefix, "Return a str with the given prefix string removed if present."),
    method_o("removesuffix", str_removesuffix, "Return a str with the given suffix string removed if present."),
    method_noargs("isascii", str_isascii, "Return True if all characters in the string are ASCII, False otherwise."),
    method_noargs("islower", str_islower, "Return True if the string is a lowercase string, False otherwise."),
    method_noargs("isupper", str_isupper, "Return True if the string is an uppercase string, False otherwise."),
    method_noargs("istitle", str_istitle, "Return True if the string is a title-cased string, False otherwise."),
    method_noargs("isspace", all_chars<unicode_isspace>, "Return True if the string is a whitespace string, False otherwise."),
    method_noargs("isdecimal", all_chars<unicode_isdecimal>, "Return True if the string is a decimal string, False otherwise."),
    method_noargs("isdigit", all_chars<unicode_isdigit>, "Return True if the string is a digit string, False otherwise."),
    method_noargs("isnumeric", all_chars<unicode_isnumeric>, "Return True if the string is a numeric string, False otherwise."),
    method_noargs("isalpha", all_chars<unicode_isalpha>, "Return True if the string is an alphabetic string, False otherwise."),
    method_noargs("isalnum", all_chars<is_alnum_char>, "Return True if the string is an alpha-numeric string, False otherwise."),
    method_noargs("isidentifier", str_isidentifier, "Return True if the string is a valid Python identifier, False otherwise."),
    method_noargs("isprintable", str_isprintable, "Return True if the string is printable, False otherwise."),
    method_o("zfill", str_zfill, "Pad a numeric string with zeros on the left, to fill a field of the given width."),
    method_fast("replace", str_replace, "Return a copy with all occurrences of substring old replaced by new."),
    method_fast("maketrans", str_maketrans, "Return a translation table usable for str.translate().", METH_STATIC),
    method_o("translate", str_translate, "Replace each character in the string using the given translation table."),
    method_varkw("format", unicode_format_method, "Return a formatted version of S, using substitutions from args and kwargs."),
    method_o("format_map", unicode_format_map_method, "Return a formatted version of S, using substitutions from mapping."),
    method_o("__format__", str_format_method, "Return a formatted version of the string as described by format_spec."),
    method_noargs("__sizeof__", str_sizeof, "Return the size of the string in memory, in bytes."),
    method_noargs("__getnewargs__", str_getnewargs),
    {},
};

// --- Slots ------------------------------------------------------------------------

Py_ssize_t str_length(Object* self) { return unicode_length(self); }

Ref<> str_sq_item(Object* self, Py_ssize_t i)
{
    if (i < 0 || i >= unicode_length(self)) return format_error(Exc_IndexError, "string index out of range");
    return unicode_from_ordinal(unicode_read_char(self, i));
}

Ref<> str_subscript(Object* self, Object* item)
{
    if (index_check(item)) {
        Py_ssize_t i = number_as_ssize_t(item, Exc_IndexError);
        if (i == -1 && error_occurred()) return nullptr;
        if (i < 0) i += unicode_length(self);
        return str_sq_item(self, i);
    }
    if (slice_check(item)) {
        Py_ssize_t start, stop, step;
        if (slice_unpack(item, &start, &stop, &step) < 0) return nullptr;
        Py_ssize_t len = slice_adjust_indices(unicode_length(self), &start, &stop, step);
        if (len <= 0) return new_ref(unicode_empty());
        if (step == 1) return unicode_substring(self, start, start + len);
        UnicodeWriter w;
        for (Py_ssize_t cur = start, i = 0; i < len; cur += step, i++) w.write_char(unicode_read_char(self, cur));
        return w.finish();
    }
    return format_error(Exc_TypeError, "string indices must be integers, not '%.200s'", Py_TYPE(item)->tp_name);
}

int str_contains(Object* self, Object* sub)
{
    if (!unicode_check(sub)) {
        format_error(Exc_TypeError, "'in <string>' requires string as left operand, not %.100s", Py_TYPE(sub)->tp_name);
        return -1;
    }
    return find_sub(self, sub, 0, unicode_length(self), false) >= 0;
}

Ref<> str_repeat(Object* self, Py_ssize_t n)
{
    if (n <= 0) return new_ref(unicode_empty());
    if (n == 1 && unicode_check_exact(self)) return new_ref(self);
    Py_ssize_t len = unicode_length(self);
    if (len && n > PTRDIFF_MAX / len) return format_error(Exc_OverflowError, "repeated string is too long");
    Ref<UnicodeObject> res = unicode_new(len * n, unicode_max_char(self));
    if (!res) return nullptr;
    unsigned kind = res->state.kind;
    void* data = unicode_data(res.get());
    for (Py_ssize_t k = 0; k < n; k++)
        for (Py_ssize_t i = 0; i < len; i++) unicode_write(kind, data, k * len + i, unicode_read_char(self, i));
    return res;
}

Ref<> str_richcompare(Object* a, Object* b, int op)
{
    if (!unicode_check(a) || !unicode_check(b)) return not_implemented_ref();
    if (op == Py_EQ || op == Py_NE) return bool_from_long(unicode_eq(a, b) == (op == Py_EQ));
    int c = unicode_compare(a, b);
    bool r = op == Py_LT ? c < 0 : op == Py_LE ? c <= 0 : op == Py_GT ? c > 0 : c >= 0;
    return bool_from_long(r);
}

Ref<> str_mod(Object* v, Object* w)
{
    if (!unicode_check(v)) return not_implemented_ref();
    return unicode_printf_format(v, w);
}

Ref<> str_str(Object* self)
{
    if (unicode_check_exact(self)) return new_ref(self);
    return unicode_substring(self, 0, unicode_length(self));
}

// unicode_subtype_new: an instance of a str subclass holding the code
// points of the exact str `unicode`. The data stays inline (unicode_data is
// right after the header, as for every str); the subclass's layout
// (type_new_heap) reserves 4 bytes per code point whatever the kind, so
// that its __dict__ pointer sits at an offset computed from the length
// alone (a negative tp_dictoffset, like int subclasses).
Ref<> unicode_subtype_new(TypeObject* type, Object* unicode)
{
    const Py_ssize_t length = unicode_length(unicode);
    const unsigned kind = unicode_kind(unicode);
    Ref<> obj = steal_ref(object_alloc_raw(type, length));  // sets length (the ob_size position)
    if (!obj) return nullptr;
    auto* u = as_unicode(obj.get());
    u->length = length;
    u->hash = -1;
    u->state.interned = SSTATE_NOT_INTERNED;
    u->state.kind = kind;
    u->state.compact = 1;
    u->state.ascii = as_unicode(unicode)->state.ascii;
    std::memcpy(unicode_data(u), unicode_data(unicode), static_cast<std::size_t>(length + 1) * kind);
    if (u->state.ascii) {
        u->utf8 = static_cast<char*>(unicode_data(u));
        u->utf8_length = length;
    }
    return obj;
}

Ref<> str_tp_new(TypeObject* type, Object* args, Object* kwds)
{
    Object* out[3];
    if (!parse_args_tuple_kw("str", args, kwds, {"object", "encoding", "errors"}, 0, out)) return nullptr;
    Ref<> result;
    if (!out[0]) result = new_ref(unicode_empty());
    else if (!out[1] && !out[2]) result = object_str(out[0]);
    else {
        if (!codec_check_arguments("str", out[1], out[2])) return nullptr;
        if (unicode_check(out[0])) return format_error(Exc_TypeError, "decoding str is not supported");
        if (!bytes_check(out[0]) && !object_check_buffer(out[0]))
            return format_error(Exc_TypeError, "decoding to str: need a bytes-like object, %.80s found",
                                Py_TYPE(out[0])->tp_name);
        // Any other buffer (bytearray, memoryview) is decoded from a copy.
        Ref<> data = new_ref(out[0]);
        if (!bytes_check(out[0])) {
            std::string copy;
            if (!buffer_append_to(out[0], &copy)) return nullptr;
            data = bytes_from_view(copy);
            if (!data) return nullptr;
        }
        result = unicode_decode(data.get(), out[1], out[2]);
    }
    if (!result || type == &Unicode_Type) return result;
    return unicode_subtype_new(type, result.get());
}

// --- str_iterator ---------------------------------------------------------------

struct UnicodeIterObject : Object {
    Py_ssize_t it_index;
    Object* it_seq;
};

void unicodeiter_dealloc(Object* op)
{
    clear_ref(static_cast<UnicodeIterObject*>(op)->it_seq);
    object_dealloc_memory(op);
}
int unicodeiter_traverse(Object* op, visitproc visit, void* arg)
{
    Object* s = static_cast<UnicodeIterObject*>(op)->it_seq;
    return s ? visit(s, arg) : 0;
}
Ref<> unicodeiter_next(Object* op)
{
    auto* it = static_cast<UnicodeIterObject*>(op);
    if (!it->it_seq) return nullptr;
    if (it->it_index < unicode_length(it->it_seq)) return unicode_from_ordinal(unicode_read_char(it->it_seq, it->it_index++));
    clear_ref(it->it_seq);
    return nullptr;
}
Ref<> unicodeiter_len(Object* op, Object*)
{
    auto* it = static_cast<UnicodeIterObject*>(op);
    return long_from_ssize_t(it->it_seq ? unicode_length(it->it_seq) - it->it_index : 0);
}
// __reduce__: iter(s) advanced to the index (iter('') once exhausted).
Ref<> unicodeiter_reduce(Object* op, Object*)
{
    auto* it = static_cast<UnicodeIterObject*>(op);
    Object* iter = eval_get_builtin("iter");
    if (!iter) return nullptr;
    if (!it->it_seq) {
        Ref<> args = tuple_pack({unicode_empty()});
        return args ? tuple_pack({iter, args.get()}) : nullptr;
    }
    Ref<> args = tuple_pack({it->it_seq});
    Ref<> index = long_from_ssize_t(it->it_index);
    if (!args || !index) return nullptr;
    return tuple_pack({iter, args.get(), index.get()});
}
// __setstate__: the index, clamped to the string (an exhausted iterator stays so).
Ref<> unicodeiter_setstate(Object* op, Object* state)
{
    auto* it = static_cast<UnicodeIterObject*>(op);
    if (!long_check(state)) return format_error(Exc_TypeError, "an integer is required");  // PyLong_AsSsize_t
    Py_ssize_t index = long_as_ssize_t(state);
    if (index == -1 && error_occurred()) return nullptr;
    if (it->it_seq) it->it_index = std::clamp<Py_ssize_t>(index, 0, unicode_length(it->it_seq));
    return none_ref();
}
MethodDef unicodeiter_methods[] = {
    method_noargs("__length_hint__", unicodeiter_len, "Private method returning an estimate of len(list(it))."),
    method_noargs("__reduce__", unicodeiter_reduce, "Return state information for pickling."),
    method_o("__setstate__", unicodeiter_setstate, "Set state information for unpickling."),
    {},
};

Ref<> str_iter(Object* self)
{
    Ref<UnicodeIterObject> it = object_new<UnicodeIterObject>(&UnicodeIter_Type);
    if (!it) return nullptr;
    it->it_seq = new_ref(self).release();
    return it;
}

SequenceMethods str_as_sequence = [] {
    SequenceMethods sq{};
    sq.sq_length = str_length;
    sq.sq_concat = unicode_concat;
    sq.sq_repeat = str_repeat;
    sq.sq_item = str_sq_item;
    sq.sq_contains = str_contains;
    return sq;
}();
MappingMethods str_as_mapping = {str_length, str_subscript, nullptr};
NumberMethods str_as_number = [] {
    NumberMethods nb{};
    nb.nb_remainder = str_mod;
    return nb;
}();

}  // namespace

TypeObject Unicode_Type = [] {
    TypeObject t = static_type("str", sizeof(UnicodeObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_UNICODE_SUBCLASS |
                                   Py_TPFLAGS_MATCH_SELF,
                               "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str");
    t.tp_dealloc = unicode_dealloc;
    t.tp_repr = unicode_repr;
    t.tp_as_number = &str_as_number;
    t.tp_as_sequence = &str_as_sequence;
    t.tp_as_mapping = &str_as_mapping;
    t.tp_hash = unicode_hash;
    t.tp_str = str_str;
    t.tp_getattro = object_generic_get_attr;
    t.tp_richcompare = str_richcompare;
    t.tp_iter = str_iter;
    t.tp_methods = str_methods;
    t.tp_new = str_tp_new;
    return t;
}();

TypeObject UnicodeIter_Type = [] {
    TypeObject t = static_type("str_ascii_iterator", sizeof(UnicodeIterObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC);
    t.tp_dealloc = unicodeiter_dealloc;
    t.tp_traverse = unicodeiter_traverse;
    t.tp_getattro = object_generic_get_attr;
    t.tp_iter = object_self_iter;
    t.tp_iternext = unicodeiter_next;
    t.tp_methods = unicodeiter_methods;
    return t;
}();

}  // namespace minipy::runtime
