// unicode_format.cpp: str.format() and str.format_map(), the replacement
// field language "{name.attr[key]!conversion:spec}".
// Mirrors CPython 3.11 Objects/stringlib/unicode_format.h (MarkupIterator,
// FieldNameIterator, render_field). Book chapter 11. The two iterators are
// public (unicode_format.h): the _string module exposes them to Python.
//
// A format string is literal text with replacement fields. "{{" and "}}"
// are literal braces. A field names an argument (a number, a keyword, or
// nothing for "the next one"), then attribute and index lookups, then an
// optional conversion (!r, !s, !a) and a format spec, which may itself
// contain fields (one level deep, like CPython's recursion_depth of 2).
#include <string>

#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicode_format.h"
#include "minipy/runtime/unicodeobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

namespace {

struct FormatArgs {
    Object* const* args;
    Py_ssize_t nargs;
    Object* kwargs;  // a mapping or null
    // Automatic numbering state: -1 unknown yet, then 0 (manual) or 1 (auto).
    int auto_mode = -1;
    Py_ssize_t next_auto = 0;
};

using Text = std::u32string;

Text text_of(Object* s, Py_ssize_t start, Py_ssize_t end)
{
    Text t;
    for (Py_ssize_t i = start; i < end; i++) t += static_cast<char32_t>(unicode_read_char(s, i));
    return t;
}

Ref<> str_of(const Text& t)
{
    return unicode_from_ucs4(reinterpret_cast<const Py_UCS4*>(t.data()), static_cast<Py_ssize_t>(t.size()));
}

bool all_digits(const Text& t)
{
    if (t.empty()) return false;
    for (char32_t c : t)
        if (c < '0' || c > '9') return false;
    return true;
}

// get_integer: -1 when not a plain decimal number.
Py_ssize_t to_index(const Text& t)
{
    if (!all_digits(t)) return -1;
    Py_ssize_t n = 0;
    for (char32_t c : t) {
        if (n > (PTRDIFF_MAX - 9) / 10) {
            set_error(Exc_ValueError, "Too many decimal digits in format string");
            return -2;
        }
        n = n * 10 + static_cast<Py_ssize_t>(c - '0');
    }
    return n;
}

// get_field_object: the argument a field name designates, with its
// .attribute and [index] lookups applied.
Ref<> get_field_object(Object* format, const FormatMarkup& m, FormatArgs& fa)
{
    FieldNameIterator rest;
    Ref<> first = field_name_split(format, m.name_start, m.name_end, &rest);
    if (!first) return nullptr;
    Ref<> obj;
    bool automatic = unicode_check(first.get()) && unicode_length(first.get()) == 0;
    if (automatic || long_check(first.get())) {
        Py_ssize_t index;
        if (automatic) {
            if (fa.auto_mode == 0)
                return format_error(Exc_ValueError,
                                    "cannot switch from manual field specification to automatic field numbering");
            fa.auto_mode = 1;
            index = fa.next_auto++;
        } else {
            if (fa.auto_mode == 1)
                return format_error(Exc_ValueError,
                                    "cannot switch from automatic field numbering to manual field specification");
            fa.auto_mode = 0;
            index = long_as_ssize_t(first.get());
            if (index == -1 && error_occurred()) return nullptr;
        }
        // format_map has no positional args at all (args null, not empty).
        if (!fa.args) return format_error(Exc_ValueError, "Format string contains positional fields");
        if (index >= fa.nargs)
            return format_error(Exc_IndexError, "Replacement index %zd out of range for positional args tuple", index);
        obj = new_ref(fa.args[index]);
    } else {
        if (!fa.kwargs) {
            Ref<> args = tuple_pack({first.get()});
            if (args) set_error_object(Exc_KeyError, args.get());
            return nullptr;
        }
        obj = object_get_item(fa.kwargs, first.get());
        if (!obj) return nullptr;
    }
    for (;;) {
        bool is_attribute;
        Ref<> key;
        int r = rest.next(&is_attribute, &key);
        if (r < 0) return nullptr;
        if (r == 0) return obj;
        obj = is_attribute ? object_get_attr(obj.get(), key.get()) : object_get_item(obj.get(), key.get());
        if (!obj) return nullptr;
    }
}

bool build_string(Object* format, Py_ssize_t start, Py_ssize_t end, FormatArgs& fa, int recursion_depth,
                  UnicodeWriter& out);

// One replacement field: the object, converted, formatted with its spec.
bool render_field(Object* format, const FormatMarkup& m, FormatArgs& fa, int recursion_depth, UnicodeWriter& out)
{
    Ref<> obj = get_field_object(format, m, fa);
    if (!obj) return false;
    if (m.conversion) {
        switch (m.conversion) {
        case 'r': obj = object_repr(obj.get()); break;
        case 's': obj = object_str(obj.get()); break;
        case 'a': obj = object_ascii(obj.get()); break;
        default:
            if (m.conversion > 32 && m.conversion < 127)
                format_error(Exc_ValueError, "Unknown conversion specifier %c", static_cast<int>(m.conversion));
            else
                format_error(Exc_ValueError, "Unknown conversion specifier \\x%x", static_cast<unsigned>(m.conversion));
            return false;
        }
        if (!obj) return false;
    }
    // The spec may hold nested fields: expand them first (only then does
    // the recursion limit apply, as in CPython).
    Ref<> spec;
    if (m.spec_needs_expanding) {
        UnicodeWriter spec_writer;
        if (!build_string(format, m.spec_start, m.spec_end, fa, recursion_depth - 1, spec_writer)) return false;
        spec = spec_writer.finish();
    } else {
        spec = unicode_substring(format, m.spec_start, m.spec_end);
    }
    if (!spec) return false;
    Ref<> formatted = object_format(obj.get(), spec.get());
    if (!formatted) return false;
    out.write_str(formatted.get());
    return true;
}

// The output of format[start:end]: literal text and rendered fields.
bool build_string(Object* format, Py_ssize_t start, Py_ssize_t end, FormatArgs& fa, int recursion_depth,
                  UnicodeWriter& out)
{
    if (recursion_depth <= 0) {
        set_error(Exc_ValueError, "Max string recursion exceeded");
        return false;
    }
    MarkupIterator it = markup_iterator(format, start, end);
    for (;;) {
        FormatMarkup m;
        int r = it.next(&m);
        if (r <= 0) return r == 0;
        for (Py_ssize_t i = m.literal_start; i < m.literal_end; i++) out.write_char(unicode_read_char(format, i));
        if (m.has_field && !render_field(format, m, fa, recursion_depth, out)) return false;
    }
}

}  // namespace

// MarkupIterator_next: literal text up to a brace; a doubled brace ends
// the literal after its first half; a single '{' opens a field, which runs
// to its matching '}' (nested braces in the spec count, braces inside
// [...] of the field name do not).
int MarkupIterator::next(FormatMarkup* out)
{
    *out = FormatMarkup{};
    if (pos >= end) return 0;
    out->literal_start = pos;
    while (pos < end) {
        Py_UCS4 c = unicode_read_char(str, pos);
        if (c == '{' || c == '}') break;
        pos++;
    }
    out->literal_end = pos;
    if (pos == end) return 1;
    Py_UCS4 brace = unicode_read_char(str, pos);
    if (pos + 1 < end && unicode_read_char(str, pos + 1) == brace) {
        out->literal_end = pos + 1;
        pos += 2;
        return 1;
    }
    if (brace == '}') {
        set_error(Exc_ValueError, "Single '}' encountered in format string");
        return -1;
    }
    Py_ssize_t field_start = ++pos;
    int depth = 1;
    // spec_mark: where the field name ended (':' or '!'), -1 while still in it.
    bool in_spec = false, in_bracket = false;
    Py_ssize_t spec_mark = -1;
    Py_ssize_t i = pos;
    while (i < end) {
        Py_UCS4 ch = unicode_read_char(str, i);
        if (!in_spec && ch == '[') in_bracket = true;
        else if (in_bracket && ch == ']') in_bracket = false;
        else if (!in_bracket) {
            if (!in_spec && (ch == ':' || ch == '!')) {
                in_spec = true;
                spec_mark = i;
            }
            if (ch == '{') depth++;
            else if (ch == '}' && --depth == 0) break;
        }
        i++;
    }
    if (depth) {
        // The wording depends on where the text ran out: in the field name,
        // right after '!', or inside the format spec.
        const char* msg = field_start == end ? "Single '{' encountered in format string"
                          : spec_mark < 0    ? "expected '}' before end of string"
                          : spec_mark == end - 1 && unicode_read_char(str, spec_mark) == '!'
                              ? "end of string while looking for conversion specifier"
                              : "unmatched '{' in format spec";
        set_error(Exc_ValueError, msg);
        return -1;
    }
    Py_ssize_t field_end = i;
    pos = i + 1;
    // parse_field: the name runs to '!' or ':' outside brackets.
    i = field_start;
    int bracket = 0;
    while (i < field_end) {
        Py_UCS4 c = unicode_read_char(str, i);
        if (c == '[') bracket++;
        else if (c == ']') bracket = bracket ? bracket - 1 : 0;
        else if (!bracket && (c == '!' || c == ':')) break;
        i++;
    }
    out->has_field = true;
    out->name_start = field_start;
    out->name_end = i;
    out->spec_start = out->spec_end = field_end;
    if (i < field_end && unicode_read_char(str, i) == '!') {
        if (i + 1 >= field_end) {
            // CPython's scanner reports "{0!}" this way (the '}' was taken
            // as the field's end before the conversion was read).
            set_error(Exc_ValueError, "unmatched '{' in format spec");
            return -1;
        }
        out->conversion = unicode_read_char(str, i + 1);
        i += 2;
        if (i < field_end && unicode_read_char(str, i) != ':') {
            set_error(Exc_ValueError, "expected ':' after conversion specifier");
            return -1;
        }
    }
    if (i < field_end && unicode_read_char(str, i) == ':') out->spec_start = i + 1;
    for (Py_ssize_t k = out->spec_start; k < out->spec_end; k++)
        if (unicode_read_char(str, k) == '{') out->spec_needs_expanding = true;
    return 1;
}

// FieldNameIterator_next: ".name" or "[key]"; anything else (which can
// only follow a ']') is an error, raised when that part is reached.
int FieldNameIterator::next(bool* is_attribute, Ref<>* key)
{
    if (pos >= end) return 0;
    Py_UCS4 c = unicode_read_char(str, pos++);
    Py_ssize_t start = pos;
    if (c == '.') {
        while (pos < end) {
            Py_UCS4 ch = unicode_read_char(str, pos);
            if (ch == '.' || ch == '[') break;
            pos++;
        }
        if (pos == start) {
            set_error(Exc_ValueError, "Empty attribute in format string");
            return -1;
        }
        *is_attribute = true;
        *key = unicode_substring(str, start, pos);
        return *key ? 1 : -1;
    }
    if (c == '[') {
        while (pos < end && unicode_read_char(str, pos) != ']') pos++;
        if (pos == end) {
            set_error(Exc_ValueError, "Missing ']' in format string");
            return -1;
        }
        Py_ssize_t key_end = pos++;
        if (key_end == start) {
            set_error(Exc_ValueError, "Empty attribute in format string");
            return -1;
        }
        Text key_text = text_of(str, start, key_end);
        Py_ssize_t index = to_index(key_text);
        if (index == -2) return -1;
        *is_attribute = false;
        *key = index >= 0 ? long_from_ssize_t(index) : str_of(key_text);
        return *key ? 1 : -1;
    }
    set_error(Exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
    return -1;
}

Ref<> field_name_split(Object* str, Py_ssize_t start, Py_ssize_t end, FieldNameIterator* rest)
{
    Py_ssize_t i = start;
    while (i < end) {
        Py_UCS4 c = unicode_read_char(str, i);
        if (c == '.' || c == '[') break;
        i++;
    }
    *rest = FieldNameIterator{str, i, end};
    Text first = text_of(str, start, i);
    Py_ssize_t index = to_index(first);
    if (index == -2) return nullptr;
    return index >= 0 ? long_from_ssize_t(index) : str_of(first);
}

Ref<> unicode_format_method(Object* self, Object* args, Object* kwargs)
{
    FormatArgs fa{&static_cast<TupleObject*>(args)->ob_item[0], tuple_size(args), kwargs};
    UnicodeWriter out;
    if (!build_string(self, 0, unicode_length(self), fa, 2, out)) return nullptr;
    return out.finish();
}

Ref<> unicode_format_map_method(Object* self, Object* mapping)
{
    FormatArgs fa{nullptr, 0, mapping};
    UnicodeWriter out;
    if (!build_string(self, 0, unicode_length(self), fa, 2, out)) return nullptr;
    return out.finish();
}

}  // namespace minipy::runtime
