// _json.cpp: the _json module, json's C accelerator: scanstring, the
// Scanner (make_scanner), the Encoder (make_encoder) and
// encode_basestring(_ascii). Mirrors CPython 3.11 Modules/_json.c. Book
// chapter 12, "The Standard Library".
//
// lib/json uses these when they exist, exactly where CPython's json uses
// its C versions, and keeps its pure-Python ones (py_scanstring,
// py_make_scanner, the Python encoder) otherwise: both give the same
// results, errors and positions (tests/modules/test_json_vectors.py runs
// against python3.11, whose json is this C code).
//
// Errors: a JSONDecodeError(msg, doc, pos) built from json.decoder's class
// (imported on first use, as CPython does); "no value here" is
// StopIteration(idx), which JSONDecoder turns into "Expecting value".
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/floatobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/objimpl.h"
#include "minipy/runtime/pystate.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::modules {

using namespace runtime;

namespace {

// ===========================================================================
// Errors

// raise_errmsg: JSONDecodeError(msg, s, end), with json.decoder imported
// through builtins.__import__ the first time.
void raise_errmsg(const char* msg, Object* s, Py_ssize_t end)
{
    static Object* decode_error = nullptr;  // owned for the process's life
    if (!decode_error) {
        ThreadState* ts = thread_state_get();
        Object* import = dict_get_item_string(ts->interp->builtins, "__import__");
        if (!import) {
            set_error(Exc_ImportError, "__import__ not found");
            return;
        }
        Ref<> name = unicode_from_string("json.decoder");
        Ref<> what = unicode_from_string("JSONDecodeError");
        Ref<> fromlist = what ? tuple_pack({what.get()}) : Ref<>();
        if (!name || !fromlist) return;
        Ref<> mod = call_function_objargs(import, {name.get(), Py_None(), Py_None(), fromlist.get()});
        if (!mod) return;
        Ref<> cls = object_get_attr_string(mod.get(), "JSONDecodeError");
        if (!cls) return;
        decode_error = cls.release();
    }
    Ref<> m = unicode_from_string(msg);
    Ref<> pos = long_from_ssize_t(end);
    if (!m || !pos) return;
    Ref<> exc = call_function_objargs(decode_error, {m.get(), s, pos.get()});
    if (exc) set_error_object(Py_TYPE(exc.get()), exc.get());
}

void raise_stop_iteration(Py_ssize_t idx)
{
    Ref<> value = long_from_ssize_t(idx);
    if (!value) return;
    Ref<> exc = call_one_arg(reinterpret_cast<Object*>(Exc_StopIteration), value.get());
    if (exc) set_error_object(Exc_StopIteration, exc.get());
}

// ===========================================================================
// scanstring

int hex_digit(Py_UCS4 c)
{
    if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
    if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
    return -1;
}

// Four hex digits at s[i..i+3], or -1.
long hex4(unsigned kind, const void* data, Py_ssize_t i)
{
    long v = 0;
    for (int k = 0; k < 4; k++) {
        int d = hex_digit(unicode_read(kind, data, i + k));
        if (d < 0) return -1;
        v = (v << 4) | d;
    }
    return v;
}

// scanstring_unicode: the JSON string whose body starts at end (just after
// the opening quote); *next_end gets the index after the closing quote.
Ref<> scanstring_unicode(Object* pystr, Py_ssize_t end, bool strict, Py_ssize_t* next_end)
{
    Py_ssize_t len = unicode_length(pystr);
    unsigned kind = unicode_kind(pystr);
    const void* data = unicode_data(pystr);
    Py_ssize_t begin = end - 1;
    if (end < 0 || len < end) {
        set_error(Exc_ValueError, "end is out of bounds");
        return nullptr;
    }
    UnicodeWriter out;
    bool out_empty = true;  // nothing written yet: no escape seen
    for (;;) {
        // A run of plain characters up to a quote or a backslash.
        Py_ssize_t next = end;
        Py_UCS4 c = 0;
        for (; next < len; next++) {
            c = unicode_read(kind, data, next);
            if (c == '"' || c == '\\') break;
            if (c <= 0x1f && strict) {
                raise_errmsg("Invalid control character at", pystr, next);
                return nullptr;
            }
        }
        if (next >= len) {
            raise_errmsg("Unterminated string starting at", pystr, begin);
            return nullptr;
        }
        next++;
        if (c == '"' && out_empty) {
            // The common case: no escape at all, the body is a substring.
            *next_end = next;
            return unicode_substring(pystr, end, next - 1);
        }
        if (next - 1 != end) out.write_substring(pystr, end, next - 1);
        out_empty = false;
        if (c == '"') {
            end = next;
            break;
        }
        if (next == len) {
            raise_errmsg("Unterminated string starting at", pystr, begin);
            return nullptr;
        }
        c = unicode_read(kind, data, next);
        if (c != 'u') {
            end = next + 1;
            switch (c) {
            case '"': break;
            case '\\': break;
            case '/': break;
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            case 'n': c = '\n'; break;
            case 'r': c = '\r'; break;
            case 't': c = '\t'; break;
            default:
                raise_errmsg("Invalid \\escape", pystr, end - 2);
                return nullptr;
            }
            out.write_char(c);
            continue;
        }
        // \uXXXX: four digits, and at least one character after them.
        next++;
        end = next + 4;
        if (end >= len) {
            raise_errmsg("Invalid \\uXXXX escape", pystr, next - 1);
            return nullptr;
        }
        long uni = hex4(kind, data, next);
        if (uni < 0) {
            raise_errmsg("Invalid \\uXXXX escape", pystr, end - 5);
            return nullptr;
        }
        // A high surrogate and a low one's escape make one character.
        if (uni >= 0xd800 && uni <= 0xdbff && end + 6 < len && unicode_read(kind, data, end) == '\\' &&
            unicode_read(kind, data, end + 1) == 'u') {
            long uni2 = hex4(kind, data, end + 2);
            if (uni2 < 0) {
                raise_errmsg("Invalid \\uXXXX escape", pystr, end + 1);
                return nullptr;
            }
            if (uni2 >= 0xdc00 && uni2 <= 0xdfff) {
                uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00));
                end += 6;
            }
        }
        out.write_char(static_cast<Py_UCS4>(uni));
    }
    *next_end = end;
    return out.finish();
}

// scanstring(string, end, strict=True) -> (str, end)
Ref<> json_scanstring(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (nargs < 2 || nargs > 3)
        return format_error(Exc_TypeError, "scanstring expected %s arguments, got %zd", nargs < 2 ? "at least 2" : "at most 3",
                            nargs);
    if (!unicode_check(args[0]))
        return format_error(Exc_TypeError, "first argument must be a string, not %.80s", Py_TYPE(args[0])->tp_name);
    Ref<> endobj = number_index(args[1]);
    if (!endobj) return nullptr;
    Py_ssize_t end = long_as_ssize_t(endobj.get());
    if (end == -1 && error_occurred()) return nullptr;
    int strict = 1;
    if (nargs == 3) {
        strict = object_is_true(args[2]);
        if (strict < 0) return nullptr;
    }
    Py_ssize_t next_end = -1;
    Ref<> s = scanstring_unicode(args[0], end, strict != 0, &next_end);
    if (!s) return nullptr;
    Ref<> e = long_from_ssize_t(next_end);
    if (!e) return nullptr;
    return tuple_pack({s.get(), e.get()});
}

// ===========================================================================
// Scanner

struct ScannerObject : Object {
    bool strict;
    Object* object_hook;        // owned
    Object* object_pairs_hook;  // owned
    Object* parse_float;        // owned
    Object* parse_int;          // owned
    Object* parse_constant;     // owned
    Object* memo;               // owned dict: one str object per distinct key
};

extern TypeObject Scanner_Type;

ScannerObject* SC(Object* op) { return static_cast<ScannerObject*>(op); }

bool is_ws(Py_UCS4 c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

Ref<> scan_once(ScannerObject* s, Object* pystr, Py_ssize_t idx, Py_ssize_t* next_idx);

Py_ssize_t skip_ws(unsigned kind, const void* data, Py_ssize_t idx, Py_ssize_t len)
{
    while (idx < len && is_ws(unicode_read(kind, data, idx))) idx++;
    return idx;
}

// _parse_object_unicode: idx is just after '{'.
Ref<> parse_object(ScannerObject* s, Object* pystr, Py_ssize_t idx, Py_ssize_t* next_idx)
{
    Py_ssize_t len = unicode_length(pystr);
    unsigned kind = unicode_kind(pystr);
    const void* data = unicode_data(pystr);
    bool has_pairs_hook = s->object_pairs_hook != Py_None();
    Ref<> rval = has_pairs_hook ? list_new(0) : dict_new();
    if (!rval) return nullptr;
    idx = skip_ws(kind, data, idx, len);
    if (idx >= len || unicode_read(kind, data, idx) != '}') {
        for (;;) {
            if (idx >= len || unicode_read(kind, data, idx) != '"') {
                raise_errmsg("Expecting property name enclosed in double quotes", pystr, idx);
                return nullptr;
            }
            Py_ssize_t next = 0;
            Ref<> key = scanstring_unicode(pystr, idx + 1, s->strict, &next);
            if (!key) return nullptr;
            // One str object per distinct key (the memo), as CPython does.
            Object* memokey = dict_get_item_with_error(s->memo, key.get());
            if (memokey) key = new_ref(memokey);
            else if (error_occurred() || dict_set_item(s->memo, key.get(), key.get()) < 0) return nullptr;
            idx = skip_ws(kind, data, next, len);
            if (idx >= len || unicode_read(kind, data, idx) != ':') {
                raise_errmsg("Expecting ':' delimiter", pystr, idx);
                return nullptr;
            }
            idx = skip_ws(kind, data, idx + 1, len);
            Ref<> val = scan_once(s, pystr, idx, &next);
            if (!val) return nullptr;
            if (has_pairs_hook) {
                Ref<> item = tuple_pack({key.get(), val.get()});
                if (!item || list_append(rval.get(), item.get()) < 0) return nullptr;
            } else if (dict_set_item(rval.get(), key.get(), val.get()) < 0) {
                return nullptr;
            }
            idx = skip_ws(kind, data, next, len);
            if (idx < len && unicode_read(kind, data, idx) == '}') break;
            if (idx >= len || unicode_read(kind, data, idx) != ',') {
                raise_errmsg("Expecting ',' delimiter", pystr, idx);
                return nullptr;
            }
            idx = skip_ws(kind, data, idx + 1, len);
        }
    }
    *next_idx = idx + 1;
    if (has_pairs_hook) return call_one_arg(s->object_pairs_hook, rval.get());
    if (s->object_hook != Py_None()) return call_one_arg(s->object_hook, rval.get());
    return rval;
}

// _parse_array_unicode: idx is just after '['.
Ref<> parse_array(ScannerObject* s, Object* pystr, Py_ssize_t idx, Py_ssize_t* next_idx)
{
    Py_ssize_t len = unicode_length(pystr);
    unsigned kind = unicode_kind(pystr);
    const void* data = unicode_data(pystr);
    Ref<> rval = list_new(0);
    if (!rval) return nullptr;
    idx = skip_ws(kind, data, idx, len);
    if (idx >= len || unicode_read(kind, data, idx) != ']') {
        for (;;) {
            Py_ssize_t next = 0;
            Ref<> val = scan_once(s, pystr, idx, &next);
            if (!val || list_append(rval.get(), val.get()) < 0) return nullptr;
            idx = skip_ws(kind, data, next, len);
            if (idx < len && unicode_read(kind, data, idx) == ']') break;
            if (idx >= len || unicode_read(kind, data, idx) != ',') {
                raise_errmsg("Expecting ',' delimiter", pystr, idx);
                return nullptr;
            }
            idx = skip_ws(kind, data, idx + 1, len);
        }
    }
    *next_idx = idx + 1;
    return rval;
}

// _match_number_unicode: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?
Ref<> match_number(ScannerObject* s, Object* pystr, Py_ssize_t start, Py_ssize_t* next_idx)
{
    Py_ssize_t len = unicode_length(pystr);
    unsigned kind = unicode_kind(pystr);
    const void* data = unicode_data(pystr);
    auto digit = [&](Py_ssize_t i) {
        Py_UCS4 c = unicode_read(kind, data, i);
        return c >= '0' && c <= '9';
    };
    Py_ssize_t idx = start;
    if (unicode_read(kind, data, idx) == '-') {
        idx++;
        if (idx >= len) {
            raise_stop_iteration(start);
            return nullptr;
        }
    }
    Py_UCS4 c = unicode_read(kind, data, idx);
    if (c >= '1' && c <= '9') {
        idx++;
        while (idx < len && digit(idx)) idx++;
    } else if (c == '0') {
        idx++;
    } else {
        raise_stop_iteration(start);
        return nullptr;
    }
    bool is_float = false;
    if (idx < len - 1 && unicode_read(kind, data, idx) == '.' && digit(idx + 1)) {
        is_float = true;
        idx += 2;
        while (idx < len && digit(idx)) idx++;
    }
    if (idx < len - 1 && (unicode_read(kind, data, idx) == 'e' || unicode_read(kind, data, idx) == 'E')) {
        Py_ssize_t e_start = idx;
        idx++;
        Py_UCS4 sign = unicode_read(kind, data, idx);
        if (sign == '-' || sign == '+') idx++;
        Py_ssize_t digits_start = idx;
        while (idx < len && digit(idx)) idx++;
        if (idx > digits_start) is_float = true;
        else idx = e_start;  // a bare 'e' is not part of the number
    }
    *next_idx = idx;
    // The default float and int parse the ASCII text directly: from_chars
    // is correctly rounded as float() is (and ignores the locale), and up to
    // 18 digits fit a long long.
    // Longer ints take int()'s path (and its 4300-digit limit).
    bool default_float = is_float && s->parse_float == reinterpret_cast<Object*>(&Float_Type);
    bool default_int = !is_float && s->parse_int == reinterpret_cast<Object*>(&Long_Type);
    if ((default_float && idx - start < 64) || (default_int && idx - start <= 18)) {
        char buf[64];
        for (Py_ssize_t k = start; k < idx; k++) buf[k - start] = static_cast<char>(unicode_read(kind, data, k));
        buf[idx - start] = 0;
        const char* first = buf;
        const char* last = buf + (idx - start);
        if (default_float) {
            double d = 0;
            auto [ptr, ec] = std::from_chars(first, last, d);
            // Out of range: from_chars leaves d alone; float() gives +-inf
            // or +-0.0, which strtod gives too.
            if (ec == std::errc::result_out_of_range) d = std::strtod(buf, nullptr);
            (void)ptr;
            return float_from_double(d);
        }
        long long v = 0;
        std::from_chars(first, last, v);  // a leading '-' is accepted
        return long_from_long(v);
    }
    Ref<> numstr = unicode_substring(pystr, start, idx);
    if (!numstr) return nullptr;
    if (default_float) return float_from_string(numstr.get());
    if (default_int) return long_from_unicode_object(numstr.get(), 10);
    return call_one_arg(is_float ? s->parse_float : s->parse_int, numstr.get());
}

// Does s[idx:] start with the ASCII word w?
bool starts_with(Object* pystr, Py_ssize_t idx, const char* w)
{
    Py_ssize_t len = unicode_length(pystr);
    for (Py_ssize_t k = 0; w[k]; k++)
        if (idx + k >= len || unicode_read_char(pystr, idx + k) != static_cast<Py_UCS4>(w[k])) return false;
    return true;
}

Ref<> parse_constant(ScannerObject* s, const char* text, Py_ssize_t idx, Py_ssize_t width, Py_ssize_t* next_idx)
{
    Ref<> name = unicode_from_string(text);
    if (!name) return nullptr;
    *next_idx = idx + width;
    return call_one_arg(s->parse_constant, name.get());
}

// scan_once_unicode: the value at idx, or StopIteration(idx).
Ref<> scan_once(ScannerObject* s, Object* pystr, Py_ssize_t idx, Py_ssize_t* next_idx)
{
    if (idx < 0) {
        set_error(Exc_ValueError, "idx cannot be negative");
        return nullptr;
    }
    Py_ssize_t len = unicode_length(pystr);
    if (idx >= len) {
        raise_stop_iteration(idx);
        return nullptr;
    }
    switch (unicode_read_char(pystr, idx)) {
    case '"':
        return scanstring_unicode(pystr, idx + 1, s->strict, next_idx);
    case '{': {
        if (!enter_recursive_call(" while decoding a JSON object from a unicode string")) return nullptr;
        Ref<> r = parse_object(s, pystr, idx + 1, next_idx);
        leave_recursive_call();
        return r;
    }
    case '[': {
        if (!enter_recursive_call(" while decoding a JSON array from a unicode string")) return nullptr;
        Ref<> r = parse_array(s, pystr, idx + 1, next_idx);
        leave_recursive_call();
        return r;
    }
    case 'n':
        if (starts_with(pystr, idx, "null")) {
            *next_idx = idx + 4;
            return none_ref();
        }
        break;
    case 't':
        if (starts_with(pystr, idx, "true")) {
            *next_idx = idx + 4;
            return new_ref(Py_True());
        }
        break;
    case 'f':
        if (starts_with(pystr, idx, "false")) {
            *next_idx = idx + 5;
            return new_ref(Py_False());
        }
        break;
    case 'N':
        if (starts_with(pystr, idx, "NaN")) return parse_constant(s, "NaN", idx, 3, next_idx);
        break;
    case 'I':
        if (starts_with(pystr, idx, "Infinity")) return parse_constant(s, "Infinity", idx, 8, next_idx);
        break;
    case '-':
        if (starts_with(pystr, idx, "-Infinity")) return parse_constant(s, "-Infinity", idx, 9, next_idx);
        break;
    default:
        break;
    }
    Py_UCS4 c = unicode_read_char(pystr, idx);
    if (c == '-' || (c >= '0' && c <= '9')) return match_number(s, pystr, idx, next_idx);
    raise_stop_iteration(idx);
    return nullptr;
}

// scanner(string, idx) -> (value, end)
Ref<> scanner_call(Object* self, Object* args, Object* kwds)
{
    Object* out[2] = {};
    if (!parse_args_tuple_kw("scan_once", args, kwds, {"string", "idx"}, 2, out)) return nullptr;
    if (!unicode_check(out[0]))
        return format_error(Exc_TypeError, "first argument must be a string, not %.80s", Py_TYPE(out[0])->tp_name);
    Ref<> idxobj = number_index(out[1]);
    if (!idxobj) return nullptr;
    Py_ssize_t idx = long_as_ssize_t(idxobj.get());
    if (idx == -1 && error_occurred()) return nullptr;
    Py_ssize_t next_idx = -1;
    Ref<> rval = scan_once(SC(self), out[0], idx, &next_idx);
    dict_clear(SC(self)->memo);
    if (!rval) return nullptr;
    Ref<> end = long_from_ssize_t(next_idx);
    if (!end) return nullptr;
    return tuple_pack({rval.get(), end.get()});
}

Ref<> scanner_new(TypeObject* type, Object* args, Object* kwds)
{
    Object* ctx = nullptr;
    if (!parse_args_tuple_kw("make_scanner", args, kwds, {"context"}, 1, &ctx)) return nullptr;
    Ref<> self = steal_ref(object_alloc_raw(type, 0));
    if (!self) return nullptr;
    ScannerObject* s = SC(self.get());
    s->memo = dict_new().release();
    if (!s->memo) return nullptr;
    Ref<> strict = object_get_attr_string(ctx, "strict");
    if (!strict) return nullptr;
    int st = object_is_true(strict.get());
    if (st < 0) return nullptr;
    s->strict = st != 0;
    Object** fields[] = {&s->object_hook, &s->object_pairs_hook, &s->parse_float, &s->parse_int, &s->parse_constant};
    const char* names[] = {"object_hook", "object_pairs_hook", "parse_float", "parse_int", "parse_constant"};
    for (int i = 0; i < 5; i++) {
        Ref<> v = object_get_attr_string(ctx, names[i]);
        if (!v) return nullptr;
        *fields[i] = v.release();
    }
    return self;
}

int scanner_traverse(Object* op, visitproc visit, void* arg)
{
    ScannerObject* s = SC(op);
    for (Object* o : {s->object_hook, s->object_pairs_hook, s->parse_float, s->parse_int, s->parse_constant, s->memo})
        if (o)
            if (int r = visit(o, arg)) return r;
    return 0;
}

int scanner_clear(Object* op)
{
    ScannerObject* s = SC(op);
    clear_ref(s->object_hook);
    clear_ref(s->object_pairs_hook);
    clear_ref(s->parse_float);
    clear_ref(s->parse_int);
    clear_ref(s->parse_constant);
    clear_ref(s->memo);
    return 0;
}

void scanner_dealloc(Object* op)
{
    object_gc_untrack(op);
    scanner_clear(op);
    object_dealloc_memory(op);
}

MemberDef scanner_members[] = {
    {"strict", T_BOOL, static_cast<Py_ssize_t>(offsetof(ScannerObject, strict)), READONLY, "strict"},
    {"object_hook", T_OBJECT, static_cast<Py_ssize_t>(offsetof(ScannerObject, object_hook)), READONLY, "object_hook"},
    {"object_pairs_hook", T_OBJECT, static_cast<Py_ssize_t>(offsetof(ScannerObject, object_pairs_hook)), READONLY,
     nullptr},
    {"parse_float", T_OBJECT, static_cast<Py_ssize_t>(offsetof(ScannerObject, parse_float)), READONLY, "parse_float"},
    {"parse_int", T_OBJECT, static_cast<Py_ssize_t>(offsetof(ScannerObject, parse_int)), READONLY, "parse_int"},
    {"parse_constant", T_OBJECT, static_cast<Py_ssize_t>(offsetof(ScannerObject, parse_constant)), READONLY,
     "parse_constant"},
    {},
};

TypeObject Scanner_Type = [] {
    TypeObject t = static_type("_json.Scanner", sizeof(ScannerObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC, "JSON scanner object");
    t.tp_dealloc = scanner_dealloc;
    t.tp_call = scanner_call;
    t.tp_getattro = object_generic_get_attr;
    t.tp_traverse = scanner_traverse;
    t.tp_clear = scanner_clear;
    t.tp_members = scanner_members;
    t.tp_new = scanner_new;
    return t;
}();

// ===========================================================================
// String encoding

void write_u_escape(std::string& out, unsigned c)
{
    static const char hex[] = "0123456789abcdef";
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out.push_back(hex[(c >> shift) & 0xf]);
}

// The short escapes both encoders share; 0 when c has none.
char short_escape(Py_UCS4 c)
{
    switch (c) {
    case '\\': return '\\';
    case '"': return '"';
    case '\b': return 'b';
    case '\f': return 'f';
    case '\n': return 'n';
    case '\r': return 'r';
    case '\t': return 't';
    default: return 0;
    }
}

// write_escaped: the JSON string literal of pystr, quotes included, into
// w. Runs of characters that need no escape are copied whole. With
// ascii_only (ascii_escape_unicode) only printable ASCII stays, astral
// characters become surrogate pairs; otherwise (escape_unicode) only '"',
// '\\' and control characters are escaped.
void write_escaped(UnicodeWriter& w, Object* pystr, bool ascii_only)
{
    Py_ssize_t len = unicode_length(pystr);
    unsigned kind = unicode_kind(pystr);
    const void* data = unicode_data(pystr);
    w.write_char('"');
    Py_ssize_t run = 0;  // start of the pending run of unescaped characters
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 c = unicode_read(kind, data, i);
        if (c >= ' ' && c != '\\' && c != '"' && (!ascii_only || c <= '~')) continue;
        if (i > run) w.write_substring(pystr, run, i);
        run = i + 1;
        std::string esc;
        if (char e = short_escape(c)) {
            esc = {'\\', e};
        } else if (c >= 0x10000) {
            Py_UCS4 v = c - 0x10000;
            write_u_escape(esc, 0xd800 | ((v >> 10) & 0x3ff));
            write_u_escape(esc, 0xdc00 | (v & 0x3ff));
        } else {
            write_u_escape(esc, c);
        }
        w.write_ascii(esc);
    }
    if (len > run) w.write_substring(pystr, run, len);
    w.write_char('"');
}

Ref<> escape_string(Object* pystr, bool ascii_only)
{
    UnicodeWriter w;
    write_escaped(w, pystr, ascii_only);
    return w.finish();
}

Ref<> json_encode_basestring_ascii(Object*, Object* pystr)
{
    if (!unicode_check(pystr))
        return format_error(Exc_TypeError, "first argument must be a string, not %.80s", Py_TYPE(pystr)->tp_name);
    return escape_string(pystr, true);
}

Ref<> json_encode_basestring(Object*, Object* pystr)
{
    if (!unicode_check(pystr))
        return format_error(Exc_TypeError, "first argument must be a string, not %.80s", Py_TYPE(pystr)->tp_name);
    return escape_string(pystr, false);
}

// ===========================================================================
// Encoder

struct EncoderObject : Object {
    Object* markers;         // owned: dict or None
    Object* defaultfn;       // owned
    Object* encoder;         // owned: the str encoder
    Object* indent;          // owned
    Object* key_separator;   // owned str
    Object* item_separator;  // owned str
    bool sort_keys;
    bool skipkeys;
    bool allow_nan;
    int fast_encode;  // 1: encoder is our encode_basestring_ascii, 2: encode_basestring, 0: call it
};

extern TypeObject Encoder_Type;

EncoderObject* EN(Object* op) { return static_cast<EncoderObject*>(op); }

Object* fast_ascii_fn = nullptr;  // the module's encode_basestring_ascii (owned)
Object* fast_unicode_fn = nullptr;

Ref<> encode_string(EncoderObject* s, Object* str)
{
    if (s->fast_encode) return escape_string(str, s->fast_encode == 1);
    Ref<> r = call_one_arg(s->encoder, str);
    if (r && !unicode_check(r.get()))
        return format_error(Exc_TypeError, "encoder() must return a string, not %.80s", Py_TYPE(r.get())->tp_name);
    return r;
}

Ref<> encode_float(EncoderObject* s, Object* obj)
{
    double d = float_value(obj);
    if (!std::isfinite(d)) {
        if (!s->allow_nan) return format_error(Exc_ValueError, "Out of range float values are not JSON compliant");
        return unicode_from_string(d > 0 ? "Infinity" : d < 0 ? "-Infinity" : "NaN");
    }
    return unicode_from_string(float_repr_string(d).c_str());
}

[[nodiscard]] bool listencode_obj(EncoderObject* s, UnicodeWriter& w, Object* obj, Py_ssize_t level);

// The markers dict maps id(container) to the container while it is being
// encoded: meeting it again is a cycle.
[[nodiscard]] bool mark(EncoderObject* s, Object* obj, Ref<>* ident)
{
    if (s->markers == Py_None()) return true;
    *ident = long_from_unsigned(reinterpret_cast<std::uintptr_t>(obj));
    if (!*ident) return false;
    int has = dict_contains(s->markers, ident->get());
    if (has < 0) return false;
    if (has) {
        set_error(Exc_ValueError, "Circular reference detected");
        return false;
    }
    return dict_set_item(s->markers, ident->get(), obj) == 0;
}

[[nodiscard]] bool unmark(EncoderObject* s, Object* ident)
{
    return !ident || dict_del_item(s->markers, ident) == 0;
}

[[nodiscard]] bool listencode_list(EncoderObject* s, UnicodeWriter& w, Object* seq, Py_ssize_t level)
{
    // A list may change size while default() runs: its length is read
    // again at every step.
    bool is_tuple = tuple_check(seq);
    auto size = [&] { return is_tuple ? tuple_size(seq) : list_size(seq); };
    if (size() == 0) {
        w.write_ascii("[]");
        return true;
    }
    Ref<> ident;
    if (!mark(s, seq, &ident)) return false;
    w.write_char('[');
    for (Py_ssize_t i = 0; i < size(); i++) {
        if (i) w.write_str(s->item_separator);
        Ref<> item = new_ref(is_tuple ? tuple_item(seq, i) : list_item(seq, i));
        if (!listencode_obj(s, w, item.get(), level)) return false;
    }
    if (!unmark(s, ident.get())) return false;
    w.write_char(']');
    return true;
}

[[nodiscard]] bool listencode_dict(EncoderObject* s, UnicodeWriter& w, Object* dct, Py_ssize_t level)
{
    if (dict_size(dct) == 0) {
        w.write_ascii("{}");
        return true;
    }
    Ref<> ident;
    if (!mark(s, dct, &ident)) return false;
    w.write_char('{');
    Ref<> items = call_method(dct, "items");
    if (!items) return false;
    items = sequence_list(items.get());
    if (!items) return false;
    if (s->sort_keys && list_sort(items.get()) < 0) return false;
    bool first = true;
    for (Py_ssize_t i = 0; i < list_size(items.get()); i++) {
        Ref<> item = new_ref(list_item(items.get(), i));
        if (!tuple_check(item.get()) || tuple_size(item.get()) != 2) {
            set_error(Exc_ValueError, "items must return 2-tuples");
            return false;
        }
        Object* key = tuple_item(item.get(), 0);
        Object* value = tuple_item(item.get(), 1);
        Ref<> kstr;
        if (unicode_check(key)) kstr = new_ref(key);
        else if (float_check(key)) kstr = encode_float(s, key);
        else if (key == Py_True()) kstr = unicode_from_string("true");
        else if (key == Py_False()) kstr = unicode_from_string("false");
        else if (key == Py_None()) kstr = unicode_from_string("null");
        else if (long_check(key)) kstr = Long_Type.tp_repr(key);
        else if (s->skipkeys) continue;
        else {
            format_error(Exc_TypeError, "keys must be str, int, float, bool or None, not %.100s",
                         Py_TYPE(key)->tp_name);
            return false;
        }
        if (!kstr) return false;
        if (!first) w.write_str(s->item_separator);
        first = false;
        if (s->fast_encode) {
            write_escaped(w, kstr.get(), s->fast_encode == 1);
        } else {
            Ref<> encoded = encode_string(s, kstr.get());
            if (!encoded) return false;
            w.write_str(encoded.get());
        }
        w.write_str(s->key_separator);
        if (!listencode_obj(s, w, value, level)) return false;
    }
    if (!unmark(s, ident.get())) return false;
    w.write_char('}');
    return true;
}

bool listencode_obj(EncoderObject* s, UnicodeWriter& w, Object* obj, Py_ssize_t level)
{
    if (obj == Py_None()) {
        w.write_ascii("null");
        return true;
    }
    if (obj == Py_True()) {
        w.write_ascii("true");
        return true;
    }
    if (obj == Py_False()) {
        w.write_ascii("false");
        return true;
    }
    if (unicode_check(obj)) {
        if (s->fast_encode) {
            write_escaped(w, obj, s->fast_encode == 1);
            return true;
        }
        Ref<> e = encode_string(s, obj);
        if (!e) return false;
        w.write_str(e.get());
        return true;
    }
    if (long_check(obj)) {
        Ref<> r = Long_Type.tp_repr(obj);
        if (!r) return false;
        w.write_str(r.get());
        return true;
    }
    if (float_check(obj) && std::isfinite(float_value(obj))) {
        w.write_ascii(float_repr_string(float_value(obj)));
        return true;
    }
    if (float_check(obj)) {
        Ref<> r = encode_float(s, obj);
        if (!r) return false;
        w.write_str(r.get());
        return true;
    }
    bool is_list = list_check(obj) || tuple_check(obj);
    bool is_dict = !is_list && dict_check(obj);
    if (!enter_recursive_call(" while encoding a JSON object")) return false;
    bool ok;
    if (is_list) {
        ok = listencode_list(s, w, obj, level);
    } else if (is_dict) {
        ok = listencode_dict(s, w, obj, level);
    } else {
        Ref<> ident;
        ok = mark(s, obj, &ident);
        if (ok) {
            Ref<> newobj = call_one_arg(s->defaultfn, obj);
            ok = newobj && listencode_obj(s, w, newobj.get(), level) && unmark(s, ident.get());
        }
    }
    leave_recursive_call();
    return ok;
}

// encoder(obj, _current_indent_level) -> (text,)
Ref<> encoder_call(Object* self, Object* args, Object* kwds)
{
    Object* out[2] = {};
    if (!parse_args_tuple_kw("_iterencode", args, kwds, {"obj", "_current_indent_level"}, 2, out)) return nullptr;
    Ref<> levelobj = number_index(out[1]);
    if (!levelobj) return nullptr;
    Py_ssize_t level = long_as_ssize_t(levelobj.get());
    if (level == -1 && error_occurred()) return nullptr;
    UnicodeWriter w;
    if (!listencode_obj(EN(self), w, out[0], level)) return nullptr;
    Ref<> text = w.finish();
    if (!text) return nullptr;
    return tuple_pack({text.get()});
}

Ref<> encoder_new(TypeObject* type, Object* args, Object* kwds)
{
    Object* a[9] = {};
    if (!parse_args_tuple_kw("make_encoder", args, kwds,
                             {"markers", "default", "encoder", "indent", "key_separator", "item_separator",
                              "sort_keys", "skipkeys", "allow_nan"},
                             9, a))
        return nullptr;
    if (a[0] != Py_None() && !dict_check(a[0]))
        return format_error(Exc_TypeError, "make_encoder() argument 1 must be dict or None, not %.200s",
                            Py_TYPE(a[0])->tp_name);
    for (int i : {4, 5})
        if (!unicode_check(a[i]))
            return format_error(Exc_TypeError, "make_encoder() argument %d must be str, not %.200s", i + 1,
                                Py_TYPE(a[i])->tp_name);
    int flags[3];
    for (int i = 0; i < 3; i++) {
        flags[i] = object_is_true(a[6 + i]);
        if (flags[i] < 0) return nullptr;
    }
    Ref<> self = steal_ref(object_alloc_raw(type, 0));
    if (!self) return nullptr;
    EncoderObject* s = EN(self.get());
    s->markers = new_ref(a[0]).release();
    s->defaultfn = new_ref(a[1]).release();
    s->encoder = new_ref(a[2]).release();
    s->indent = new_ref(a[3]).release();
    s->key_separator = new_ref(a[4]).release();
    s->item_separator = new_ref(a[5]).release();
    s->sort_keys = flags[0] != 0;
    s->skipkeys = flags[1] != 0;
    s->allow_nan = flags[2] != 0;
    s->fast_encode = a[2] == fast_ascii_fn ? 1 : a[2] == fast_unicode_fn ? 2 : 0;
    return self;
}

int encoder_traverse(Object* op, visitproc visit, void* arg)
{
    EncoderObject* s = EN(op);
    for (Object* o : {s->markers, s->defaultfn, s->encoder, s->indent, s->key_separator, s->item_separator})
        if (o)
            if (int r = visit(o, arg)) return r;
    return 0;
}

int encoder_clear(Object* op)
{
    EncoderObject* s = EN(op);
    clear_ref(s->markers);
    clear_ref(s->defaultfn);
    clear_ref(s->encoder);
    clear_ref(s->indent);
    clear_ref(s->key_separator);
    clear_ref(s->item_separator);
    return 0;
}

void encoder_dealloc(Object* op)
{
    object_gc_untrack(op);
    encoder_clear(op);
    object_dealloc_memory(op);
}

MemberDef encoder_members[] = {
    {"markers", T_OBJECT, static_cast<Py_ssize_t>(offsetof(EncoderObject, markers)), READONLY, "markers"},
    {"default", T_OBJECT, static_cast<Py_ssize_t>(offsetof(EncoderObject, defaultfn)), READONLY, "default"},
    {"encoder", T_OBJECT, static_cast<Py_ssize_t>(offsetof(EncoderObject, encoder)), READONLY, "encoder"},
    {"indent", T_OBJECT, static_cast<Py_ssize_t>(offsetof(EncoderObject, indent)), READONLY, "indent"},
    {"key_separator", T_OBJECT, static_cast<Py_ssize_t>(offsetof(EncoderObject, key_separator)), READONLY,
     "key_separator"},
    {"item_separator", T_OBJECT, static_cast<Py_ssize_t>(offsetof(EncoderObject, item_separator)), READONLY,
     "item_separator"},
    {"sort_keys", T_BOOL, static_cast<Py_ssize_t>(offsetof(EncoderObject, sort_keys)), READONLY, "sort_keys"},
    {"skipkeys", T_BOOL, static_cast<Py_ssize_t>(offsetof(EncoderObject, skipkeys)), READONLY, "skipkeys"},
    {},
};

TypeObject Encoder_Type = [] {
    TypeObject t = static_type("_json.Encoder", sizeof(EncoderObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC, "Encoder(markers, default, encoder, indent, key_separator, item_separator, sort_keys, skipkeys, allow_nan)");
    t.tp_dealloc = encoder_dealloc;
    t.tp_call = encoder_call;
    t.tp_getattro = object_generic_get_attr;
    t.tp_traverse = encoder_traverse;
    t.tp_clear = encoder_clear;
    t.tp_members = encoder_members;
    t.tp_new = encoder_new;
    return t;
}();

MethodDef json_methods[] = {
    method_o("encode_basestring_ascii", json_encode_basestring_ascii,
             "encode_basestring_ascii(string) -> string\n\nReturn an ASCII-only JSON representation of a Python string"),
    method_o("encode_basestring", json_encode_basestring,
             "encode_basestring(string) -> string\n\nReturn a JSON representation of a Python string"),
    method_fast("scanstring", json_scanstring,
                "scanstring(string, end, strict=True) -> (string, end)\n\n"
                "Scan the string s for a JSON string. End is the index of the\n"
                "character in s after the quote that started the JSON string."),
    {},
};

}  // namespace

Ref<> json_module_create()
{
    for (TypeObject* t : {&Scanner_Type, &Encoder_Type})
        if (!(t->tp_flags & Py_TPFLAGS_READY) && type_ready(t) < 0) return nullptr;
    Ref<> mod = module_new("_json");
    if (!mod || module_add_functions(mod.get(), json_methods) < 0) return nullptr;
    Ref<> doc = unicode_from_string("json speedups\n");
    if (!doc || module_add_object(mod.get(), "__doc__", doc.get()) < 0) return nullptr;
    if (module_add_object(mod.get(), "make_scanner", &Scanner_Type) < 0) return nullptr;
    if (module_add_object(mod.get(), "make_encoder", &Encoder_Type) < 0) return nullptr;
    if (!fast_ascii_fn) {
        Ref<> a = object_get_attr_string(mod.get(), "encode_basestring_ascii");
        Ref<> u = object_get_attr_string(mod.get(), "encode_basestring");
        if (!a || !u) return nullptr;
        fast_ascii_fn = a.release();
        fast_unicode_fn = u.release();
    }
    return mod;
}

}  // namespace minipy::modules
