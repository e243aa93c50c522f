// unicode_format.cpp: str.format() and str.format_map(), the replacement
// field language "{name.attr[key]!conversion:spec}".
// Mirrors CPython 3.11 Objects/stringlib/unicode_format.h (MarkupIterator,
// FieldNameIterator, render_field). Book chapter 11.
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
Ref<> get_field_object(const Text& field, FormatArgs& fa)
{
    std::size_t i = 0;
    while (i < field.size() && field[i] != '.' && field[i] != '[') i++;
    Text first = field.substr(0, i);
    Ref<> obj;
    if (first.empty() || all_digits(first)) {
        Py_ssize_t index;
        if (first.empty()) {
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
            index = to_index(first);
            if (index < 0) return nullptr;
        }
        // format_map has no positional args at all (args null, not empty).
        if (!fa.args) return format_error(Exc_ValueError, "Format string contains positional fields");
        if (index >= fa.nargs)
            return format_error(Exc_IndexError, "Replacement index %zd out of range for positional args tuple", index);
        obj = new_ref(fa.args[index]);
    } else {
        Ref<> key = str_of(first);
        if (!key) return nullptr;
        if (!fa.kwargs) {
            Ref<> args = tuple_pack({key.get()});
            if (args) set_error_object(Exc_KeyError, args.get());
            return nullptr;
        }
        obj = object_get_item(fa.kwargs, key.get());
        if (!obj) return nullptr;
    }
    // The rest: .name or [key], repeated (FieldNameIterator).
    while (i < field.size()) {
        char32_t c = field[i++];
        if (c == '.') {
            std::size_t start = i;
            while (i < field.size() && field[i] != '.' && field[i] != '[') i++;
            if (i == start) return format_error(Exc_ValueError, "Empty attribute in format string");
            Ref<> name = str_of(field.substr(start, i - start));
            if (!name) return nullptr;
            obj = object_get_attr(obj.get(), name.get());
        } else if (c == '[') {
            std::size_t start = i;
            while (i < field.size() && field[i] != ']') i++;
            if (i == field.size()) return format_error(Exc_ValueError, "Missing ']' in format string");
            Text key_text = field.substr(start, i - start);
            i++;
            if (key_text.empty()) return format_error(Exc_ValueError, "Empty attribute in format string");
            Py_ssize_t index = to_index(key_text);
            if (index == -2) return nullptr;
            Ref<> key = index >= 0 ? long_from_ssize_t(index) : str_of(key_text);
            if (!key) return nullptr;
            obj = object_get_item(obj.get(), key.get());
            if (i < field.size() && field[i] != '.' && field[i] != '[')
                return format_error(Exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
        } else {
            return format_error(Exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
        }
        if (!obj) return nullptr;
    }
    return obj;
}

bool build_string(Object* format, Py_ssize_t start, Py_ssize_t end, FormatArgs& fa, int recursion_depth,
                  UnicodeWriter& out);

// One replacement field's body (between the braces).
bool render_field(Object* format, Py_ssize_t start, Py_ssize_t end, FormatArgs& fa, int recursion_depth,
                  UnicodeWriter& out)
{
    // parse_field: name up to '!' or ':' outside brackets.
    Py_ssize_t i = start;
    int bracket = 0;
    while (i < end) {
        Py_UCS4 c = unicode_read_char(format, i);
        if (c == '[') bracket++;
        else if (c == ']') bracket = bracket ? bracket - 1 : 0;
        else if (!bracket && (c == '!' || c == ':')) break;
        i++;
    }
    Text field_name = text_of(format, start, i);
    Py_UCS4 conversion = 0;
    Py_ssize_t spec_start = end, spec_end = end;
    if (i < end && unicode_read_char(format, i) == '!') {
        if (i + 1 >= end) {
            // CPython's scanner reports "{0!}" this way (the '}' was taken
            // as the field's end before the conversion was read).
            set_error(Exc_ValueError, "unmatched '{' in format spec");
            return false;
        }
        conversion = unicode_read_char(format, i + 1);
        i += 2;
        if (i < end) {
            if (unicode_read_char(format, i) != ':') {
                set_error(Exc_ValueError, "expected ':' after conversion specifier");
                return false;
            }
        }
    }
    if (i < end && unicode_read_char(format, i) == ':') {
        spec_start = i + 1;
        spec_end = end;
    }
    Ref<> obj = get_field_object(field_name, fa);
    if (!obj) return false;
    if (conversion) {
        switch (conversion) {
        case 'r': obj = object_repr(obj.get()); break;
        case 's': obj = object_str(obj.get()); break;
        case 'a': obj = object_ascii(obj.get()); break;
        default:
            if (conversion > 32 && conversion < 127)
                format_error(Exc_ValueError, "Unknown conversion specifier %c", static_cast<int>(conversion));
            else
                format_error(Exc_ValueError, "Unknown conversion specifier \\x%x", static_cast<unsigned>(conversion));
            return false;
        }
        if (!obj) return false;
    }
    // The spec may hold nested fields: expand them first (only then does
    // the recursion limit apply, as in CPython).
    Ref<> spec;
    bool needs_expanding = false;
    for (Py_ssize_t k = spec_start; k < spec_end; k++) needs_expanding |= unicode_read_char(format, k) == '{';
    if (needs_expanding) {
        UnicodeWriter spec_writer;
        if (!build_string(format, spec_start, spec_end, fa, recursion_depth - 1, spec_writer)) return false;
        spec = spec_writer.finish();
    } else {
        spec = unicode_substring(format, spec_start, spec_end);
    }
    if (!spec) return false;
    Ref<> formatted = object_format(obj.get(), spec.get());
    if (!formatted) return false;
    out.write_str(formatted.get());
    return true;
}

// MarkupIterator + output: literal text and fields of format[start:end].
bool build_string(Object* format, Py_ssize_t start, Py_ssize_t end, FormatArgs& fa, int recursion_depth,
                  UnicodeWriter& out)
{
    if (recursion_depth <= 0) {
        set_error(Exc_ValueError, "Max string recursion exceeded");
        return false;
    }
    Py_ssize_t i = start;
    while (i < end) {
        Py_UCS4 c = unicode_read_char(format, i);
        if (c == '}') {
            if (i + 1 < end && unicode_read_char(format, i + 1) == '}') {
                out.write_char('}');
                i += 2;
                continue;
            }
            set_error(Exc_ValueError, "Single '}' encountered in format string");
            return false;
        }
        if (c != '{') {
            out.write_char(c);
            i++;
            continue;
        }
        if (i + 1 < end && unicode_read_char(format, i + 1) == '{') {
            out.write_char('{');
            i += 2;
            continue;
        }
        // A field: find its matching '}' (nested braces count).
        // In the field name, braces inside [...] do not count.
        Py_ssize_t field_start = ++i;
        int depth = 1;
        // spec_mark: where the field name ended (':' or '!'), -1 while still in it.
        bool in_spec = false, in_bracket = false;
        Py_ssize_t spec_mark = -1;
        while (i < end) {
            Py_UCS4 ch = unicode_read_char(format, i);
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
            // MarkupIterator_next's wording depends on where the text ran out:
            // in the field name, right after '!', or inside the format spec.
            const char* msg = field_start == end ? "Single '{' encountered in format string"
                              : spec_mark < 0    ? "expected '}' before end of string"
                              : spec_mark == end - 1 && unicode_read_char(format, spec_mark) == '!'
                                  ? "end of string while looking for conversion specifier"
                                  : "unmatched '{' in format spec";
            set_error(Exc_ValueError, msg);
            return false;
        }
        if (!render_field(format, field_start, i, fa, recursion_depth, out)) return false;
        i++;
    }
    return true;
}

}  // namespace

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
