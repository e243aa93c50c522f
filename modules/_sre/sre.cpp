// sre.cpp: the _sre module: compiled patterns (re.Pattern), match objects
// (re.Match), scanners, and the module functions lib/re/_compiler.py uses
// (compile, the case helpers, MAGIC, CODESIZE, MAXREPEAT, MAXGROUPS).
// Mirrors CPython 3.11 Modules/_sre/sre.c; the matcher itself is
// sre_lib.cpp. Book chapter 12, "The Standard Library".
//
// A Pattern holds the code list made by lib/re/_compiler.py. Every matching
// method builds a State over the subject (str data, or a buffer for bytes-
// like objects), runs sre_match/sre_search, and turns the marks into a Match
// (group spans as indexes). Replacement templates with backslashes and
// Match.expand go back to Python (re._subx, re._expand), as in CPython.
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <string_view>

#include "clinic_args.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/buffer.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/genericaliasobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/pystate.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/runtime/weakrefobject.h"
#include "sre.h"

namespace minipy::modules {

using namespace runtime;
using namespace sre;

namespace sre {
State::~State()
{
    if (has_buffer) buffer_release(&buffer);
}
}  // namespace sre

namespace {

constexpr Py_ssize_t kSsizeMax = std::numeric_limits<Py_ssize_t>::max();

// ---------------------------------------------------------------------------
// Object layouts.

struct PatternObject : Object {
    Py_ssize_t groups;     // capturing groups (without group 0)
    Object* groupindex;    // owned dict: name -> group number
    Object* indexgroup;    // owned tuple: group number -> name or None
    Object* pattern;       // owned: the source (str, bytes or None)
    int flags;
    int isbytes;           // 1 bytes, 0 str, -1 no source pattern (matches both)
    Object* weakreflist;
    std::vector<SRE_CODE>* code;  // owned (the object's memory is raw)
};

struct MatchObject : VarObject {
    Object* string;    // owned: the subject
    Object* regs;      // owned tuple, made on first use
    PatternObject* pattern;  // owned
    Py_ssize_t pos, endpos;
    Py_ssize_t lastindex;
    Py_ssize_t groups;  // group count including group 0
    // 2 * groups span ends follow (-1 for a group that did not take part)
};

struct ScannerObject : Object {
    PatternObject* pattern;  // owned
    State* state;            // owned
    bool executing;
};

extern TypeObject Pattern_Type;
extern TypeObject Match_Type;
extern TypeObject Scanner_Type;

PatternObject* P(Object* op) { return static_cast<PatternObject*>(op); }
MatchObject* M(Object* op) { return static_cast<MatchObject*>(op); }
Py_ssize_t* match_marks(MatchObject* m) { return reinterpret_cast<Py_ssize_t*>(m + 1); }

// ---------------------------------------------------------------------------
// Subjects and states.

// getstring: the characters of a str, or the buffer of a bytes-like object.
[[nodiscard]] bool getstring(Object* string, State* st)
{
    if (unicode_check(string)) {
        st->data = unicode_data(string);
        st->length = unicode_length(string);
        st->charsize = static_cast<int>(unicode_kind(string));
        st->isbytes = false;
        return true;
    }
    if (!object_check_buffer(string) || object_get_buffer(string, &st->buffer, PyBUF_SIMPLE) < 0) {
        error_clear();
        format_error(Exc_TypeError, "expected string or bytes-like object, got '%.200s'", Py_TYPE(string)->tp_name);
        return false;
    }
    st->has_buffer = true;
    st->data = st->buffer.buf;
    st->length = st->buffer.len;
    st->charsize = 1;
    st->isbytes = true;
    return true;
}

[[nodiscard]] bool state_init(State* st, PatternObject* pattern, Object* string, Py_ssize_t start, Py_ssize_t end)
{
    if (!getstring(string, st)) return false;
    if (st->isbytes && pattern->isbytes == 0) {
        set_error(Exc_TypeError, "cannot use a string pattern on a bytes-like object");
        return false;
    }
    if (!st->isbytes && pattern->isbytes > 0) {
        set_error(Exc_TypeError, "cannot use a bytes pattern on a string-like object");
        return false;
    }
    Py_ssize_t length = st->length;
    start = start < 0 ? 0 : (start > length ? length : start);
    end = end < 0 ? 0 : (end > length ? length : end);
    st->string = string;
    st->pos = start;
    st->endpos = end;
    st->start = start;
    st->end = end;
    st->ptr = start;
    st->mark.assign(static_cast<std::size_t>(pattern->groups) * 2, -1);
    return true;
}

// The subject's text from i to j as a str or bytes (CPython's getslice:
// bytes-like subjects give bytes).
[[nodiscard]] Ref<> getslice(bool isbytes, const void* data, Object* string, Py_ssize_t i, Py_ssize_t j)
{
    if (isbytes) {
        if (Py_TYPE(string) == &Bytes_Type && i == 0 && j == object_size(string)) return new_ref(string);
        return bytes_from_string_and_size(static_cast<const char*>(data) + i, j - i);
    }
    return unicode_substring(string, i, j);
}

// state_getslice: group `index` (1-based) of the last match; an unmatched
// group gives None, or an empty slice when `empty`.
[[nodiscard]] Ref<> state_getslice(State* st, Py_ssize_t index, Object* string, bool empty)
{
    Py_ssize_t k = (index - 1) * 2;
    Py_ssize_t i, j;
    if (k >= st->lastmark || st->mark[k] < 0 || st->mark[k + 1] < 0) {
        if (!empty) return none_ref();
        i = j = 0;
    } else {
        i = st->mark[k];
        j = st->mark[k + 1];
        if (i > j)
            return format_error(Exc_SystemError,
                                "The span of capturing group is wrong, please report a bug for the re module.");
    }
    return getslice(st->isbytes, st->data, string, i, j);
}

[[nodiscard]] Ref<> pattern_error(Py_ssize_t status)
{
    switch (status) {
    case SRE_ERROR_RECURSION_LIMIT: return format_error(Exc_RecursionError, "maximum recursion limit exceeded");
    case SRE_ERROR_MEMORY: return error_no_memory();
    case SRE_ERROR_INTERRUPTED: return nullptr;  // the signal handler's exception is set
    default: return format_error(Exc_RuntimeError, "internal error in regular expression engine");
    }
}

// pattern_new_match: a Match for a successful run, None for no match.
[[nodiscard]] Ref<> pattern_new_match(PatternObject* pattern, State* st, Py_ssize_t status)
{
    if (status == 0) return none_ref();
    if (status < 0) return pattern_error(status);
    Py_ssize_t ngroups = pattern->groups + 1;
    Ref<MatchObject> m = object_new<MatchObject>(&Match_Type, 2 * ngroups);
    if (!m) return nullptr;
    m->string = new_ref(st->string).release();
    m->regs = nullptr;
    m->pattern = static_cast<PatternObject*>(new_ref<Object>(pattern).release());
    m->groups = ngroups;
    Py_ssize_t* mark = match_marks(m.get());
    mark[0] = st->start;
    mark[1] = st->ptr;
    for (Py_ssize_t i = 0, j = 0; i < pattern->groups; i++, j += 2) {
        if (j + 1 <= st->lastmark && st->mark[j] >= 0 && st->mark[j + 1] >= 0) {
            if (st->mark[j] > st->mark[j + 1])
                return format_error(Exc_SystemError,
                                    "The span of capturing group is wrong, please report a bug for the re module.");
            mark[j + 2] = st->mark[j];
            mark[j + 3] = st->mark[j + 1];
        } else {
            mark[j + 2] = mark[j + 3] = -1;
        }
    }
    m->pos = st->pos;
    m->endpos = st->endpos;
    m->lastindex = st->lastindex;
    return m;
}

const SRE_CODE* pattern_code(PatternObject* p) { return p->code->data(); }

// Calls a function of lib/re (re._subx, re._expand), importing re through
// builtins.__import__ as CPython's call(SRE_PY_MODULE, ...) does.
[[nodiscard]] Ref<> call_re(const char* function, std::initializer_list<Object*> args)
{
    Object* builtins = interpreter_get()->builtins;
    Object* import = builtins ? dict_get_item_with_error(builtins, unicode_intern_from_string("__import__").get())
                              : nullptr;
    if (!import) {
        if (!error_occurred()) set_error(Exc_ImportError, "__import__ not found");
        return nullptr;
    }
    Ref<> name = unicode_from_string("re");
    if (!name) return nullptr;
    Ref<> mod = call_one_arg(import, name.get());
    if (!mod) return nullptr;
    Ref<> func = object_get_attr_string(mod.get(), function);
    if (!func) return nullptr;
    return call_function_objargs(func.get(), args);
}

// ---------------------------------------------------------------------------
// Argument helpers.

[[nodiscard]] bool as_ssize(Object* o, Py_ssize_t* out)
{
    Py_ssize_t v = number_as_ssize_t(o, Exc_OverflowError);
    if (v == -1 && error_occurred()) return false;
    *out = v;
    return true;
}

// (string, pos=0, endpos=sys.maxsize) of match, search, findall, ...
[[nodiscard]] bool parse_string_pos(const char* fname, Object* const* args, Py_ssize_t nargs, Object* kwnames,
                                    Object** string, Py_ssize_t* pos, Py_ssize_t* endpos)
{
    Object* a[3] = {};
    if (!parse_clinic_args(fname, args, nargs, kwnames, {"string", "pos", "endpos"}, 3, 1, a)) return false;
    *string = a[0];
    *pos = 0;
    *endpos = kSsizeMax;
    if (a[1] && !as_ssize(a[1], pos)) return false;
    if (a[2] && !as_ssize(a[2], endpos)) return false;
    return true;
}

// ---------------------------------------------------------------------------
// Pattern methods.

[[nodiscard]] Ref<> pattern_match_impl(PatternObject* self, const char* fname, Object* const* args, Py_ssize_t nargs,
                                       Object* kwnames, bool match_all)
{
    Object* string;
    Py_ssize_t pos, endpos;
    if (!parse_string_pos(fname, args, nargs, kwnames, &string, &pos, &endpos)) return nullptr;
    State st;
    if (!state_init(&st, self, string, pos, endpos)) return nullptr;
    st.match_all = match_all;
    st.ptr = st.start;
    Py_ssize_t status = sre_match(&st, pattern_code(self), true);
    return pattern_new_match(self, &st, status);
}

Ref<> pattern_match(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    return pattern_match_impl(P(self), "match", args, nargs, kwnames, false);
}

Ref<> pattern_fullmatch(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    return pattern_match_impl(P(self), "fullmatch", args, nargs, kwnames, true);
}

Ref<> pattern_search(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* string;
    Py_ssize_t pos, endpos;
    if (!parse_string_pos("search", args, nargs, kwnames, &string, &pos, &endpos)) return nullptr;
    State st;
    if (!state_init(&st, P(self), string, pos, endpos)) return nullptr;
    Py_ssize_t status = sre_search(&st, pattern_code(P(self)));
    return pattern_new_match(P(self), &st, status);
}

Ref<> pattern_findall(Object* op, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    PatternObject* self = P(op);
    Object* string;
    Py_ssize_t pos, endpos;
    if (!parse_string_pos("findall", args, nargs, kwnames, &string, &pos, &endpos)) return nullptr;
    State st;
    if (!state_init(&st, self, string, pos, endpos)) return nullptr;
    Ref<> list = list_new(0);
    if (!list) return nullptr;
    while (st.start <= st.end) {
        state_reset(&st);
        st.ptr = st.start;
        Py_ssize_t status = sre_search(&st, pattern_code(self));
        if (status <= 0) {
            if (status == 0) break;
            return pattern_error(status);
        }
        Ref<> item;
        if (self->groups == 0) {
            item = getslice(st.isbytes, st.data, string, st.start, st.ptr);
        } else if (self->groups == 1) {
            item = state_getslice(&st, 1, string, true);
        } else {
            item = tuple_new(self->groups);
            if (!item) return nullptr;
            for (Py_ssize_t i = 0; i < self->groups; i++) {
                Ref<> g = state_getslice(&st, i + 1, string, true);
                if (!g) return nullptr;
                tuple_set_item(item.get(), i, g.release());
            }
        }
        if (!item || list_append(list.get(), item.get()) < 0) return nullptr;
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
    }
    return list;
}

Ref<> scanner_new(PatternObject* self, Object* string, Py_ssize_t pos, Py_ssize_t endpos);

Ref<> pattern_scanner(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* string;
    Py_ssize_t pos, endpos;
    if (!parse_string_pos("scanner", args, nargs, kwnames, &string, &pos, &endpos)) return nullptr;
    return scanner_new(P(self), string, pos, endpos);
}

Ref<> pattern_finditer(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* string;
    Py_ssize_t pos, endpos;
    if (!parse_string_pos("finditer", args, nargs, kwnames, &string, &pos, &endpos)) return nullptr;
    Ref<> scanner = scanner_new(P(self), string, pos, endpos);
    if (!scanner) return nullptr;
    Ref<> search = object_get_attr_string(scanner.get(), "search");
    if (!search) return nullptr;
    // iter(scanner.search, None): CPython's PyCallIter_New
    Object* builtins = interpreter_get()->builtins;
    Object* iter = dict_get_item_with_error(builtins, unicode_intern_from_string("iter").get());
    if (!iter) return error_occurred() ? nullptr : format_error(Exc_RuntimeError, "lost builtins.iter");
    return call_function_objargs(iter, {search.get(), Py_None()});
}

Ref<> pattern_split(Object* op, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    PatternObject* self = P(op);
    Object* a[2] = {};
    if (!parse_clinic_args("split", args, nargs, kwnames, {"string", "maxsplit"}, 2, 1, a)) return nullptr;
    Py_ssize_t maxsplit = 0;
    if (a[1] && !as_ssize(a[1], &maxsplit)) return nullptr;
    Object* string = a[0];
    State st;
    if (!state_init(&st, self, string, 0, kSsizeMax)) return nullptr;
    Ref<> list = list_new(0);
    if (!list) return nullptr;
    Py_ssize_t n = 0;
    Py_ssize_t last = st.start;
    while (!maxsplit || n < maxsplit) {
        state_reset(&st);
        st.ptr = st.start;
        Py_ssize_t status = sre_search(&st, pattern_code(self));
        if (status <= 0) {
            if (status == 0) break;
            return pattern_error(status);
        }
        Ref<> item = getslice(st.isbytes, st.data, string, last, st.start);
        if (!item || list_append(list.get(), item.get()) < 0) return nullptr;
        for (Py_ssize_t i = 0; i < self->groups; i++) {
            item = state_getslice(&st, i + 1, string, false);
            if (!item || list_append(list.get(), item.get()) < 0) return nullptr;
        }
        n++;
        st.must_advance = st.ptr == st.start;
        last = st.start = st.ptr;
    }
    Ref<> item = getslice(st.isbytes, st.data, string, last, st.endpos);
    if (!item || list_append(list.get(), item.get()) < 0) return nullptr;
    return list;
}

// pattern_subx: sub and subn. The replacement is a callable, a literal
// (no backslash), or a template that re._subx turns into one of those.
[[nodiscard]] Ref<> pattern_subx(PatternObject* self, Object* ptemplate, Object* string, Py_ssize_t count,
                                 bool subn)
{
    Ref<> filter;
    bool filter_is_callable;
    if (callable_check(ptemplate)) {
        filter = new_ref(ptemplate);
        filter_is_callable = true;
    } else {
        bool literal;
        if (unicode_check(ptemplate)) {
            literal = true;
            Py_ssize_t n = unicode_length(ptemplate);
            for (Py_ssize_t i = 0; i < n && literal; i++)
                if (unicode_read_char(ptemplate, i) == '\\') literal = false;
        } else {
            State tmp;
            if (getstring(ptemplate, &tmp)) {
                literal = std::memchr(tmp.data, '\\', static_cast<std::size_t>(tmp.length)) == nullptr;
            } else {
                error_clear();
                literal = false;
            }
        }
        if (literal) {
            filter = new_ref(ptemplate);
            filter_is_callable = false;
        } else {
            filter = call_re("_subx", {self, ptemplate});
            if (!filter) return nullptr;
            filter_is_callable = callable_check(filter.get());
        }
    }

    State st;
    if (!state_init(&st, self, string, 0, kSsizeMax)) return nullptr;
    Ref<> list = list_new(0);
    if (!list) return nullptr;
    Py_ssize_t n = 0, i = 0;
    while (!count || n < count) {
        state_reset(&st);
        st.ptr = st.start;
        Py_ssize_t status = sre_search(&st, pattern_code(self));
        if (status <= 0) {
            if (status == 0) break;
            return pattern_error(status);
        }
        Py_ssize_t b = st.start, e = st.ptr;
        if (i < b) {
            Ref<> item = getslice(st.isbytes, st.data, string, i, b);
            if (!item || list_append(list.get(), item.get()) < 0) return nullptr;
        }
        if (filter_is_callable) {
            Ref<> match = pattern_new_match(self, &st, 1);
            if (!match) return nullptr;
            Ref<> item = call_one_arg(filter.get(), match.get());
            if (!item) return nullptr;
            if (item.get() != Py_None() && list_append(list.get(), item.get()) < 0) return nullptr;
        } else if (list_append(list.get(), filter.get()) < 0) {
            return nullptr;
        }
        i = e;
        n++;
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
    }
    if (i < st.endpos) {
        Ref<> item = getslice(st.isbytes, st.data, string, i, st.endpos);
        if (!item || list_append(list.get(), item.get()) < 0) return nullptr;
    }
    Ref<> joined;
    if (st.isbytes) {
        Ref<> empty = bytes_from_string_and_size("", 0);
        if (!empty) return nullptr;
        joined = call_method(empty.get(), "join", {list.get()});
    } else {
        joined = unicode_join(unicode_empty(), list.get());
    }
    if (!joined) return nullptr;
    if (!subn) return joined;
    Ref<> cnt = long_from_ssize_t(n);
    if (!cnt) return nullptr;
    Object* items[2] = {joined.get(), cnt.get()};
    return tuple_from_array(items, 2);
}

[[nodiscard]] Ref<> pattern_sub_impl(Object* self, const char* fname, Object* const* args, Py_ssize_t nargs,
                                     Object* kwnames, bool subn)
{
    Object* a[3] = {};
    if (!parse_clinic_args(fname, args, nargs, kwnames, {"repl", "string", "count"}, 3, 2, a)) return nullptr;
    Py_ssize_t count = 0;
    if (a[2] && !as_ssize(a[2], &count)) return nullptr;
    return pattern_subx(P(self), a[0], a[1], count, subn);
}

Ref<> pattern_sub(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    return pattern_sub_impl(self, "sub", args, nargs, kwnames, false);
}

Ref<> pattern_subn(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    return pattern_sub_impl(self, "subn", args, nargs, kwnames, true);
}

Ref<> pattern_copy(Object* self, Object*) { return new_ref(self); }
Ref<> pattern_deepcopy(Object* self, Object*) { return new_ref(self); }

// repr: re.compile('pattern', re.FLAG|re.FLAG), the source cut at 200
// characters and re.UNICODE left out for str patterns, where it is implied.
Ref<> pattern_repr(Object* op)
{
    PatternObject* self = P(op);
    static const struct {
        const char* name;
        int value;
    } flag_names[] = {
        {"re.TEMPLATE", SRE_FLAG_TEMPLATE}, {"re.IGNORECASE", SRE_FLAG_IGNORECASE},
        {"re.LOCALE", SRE_FLAG_LOCALE},     {"re.MULTILINE", SRE_FLAG_MULTILINE},
        {"re.DOTALL", SRE_FLAG_DOTALL},     {"re.UNICODE", SRE_FLAG_UNICODE},
        {"re.VERBOSE", SRE_FLAG_VERBOSE},   {"re.DEBUG", SRE_FLAG_DEBUG},
        {"re.ASCII", SRE_FLAG_ASCII},
    };
    int flags = self->flags;
    if (unicode_check(self->pattern) &&
        (flags & (SRE_FLAG_LOCALE | SRE_FLAG_UNICODE | SRE_FLAG_ASCII)) == SRE_FLAG_UNICODE)
        flags &= ~SRE_FLAG_UNICODE;
    std::string flag_text;
    for (const auto& f : flag_names) {
        if (flags & f.value) {
            if (!flag_text.empty()) flag_text += '|';
            flag_text += f.name;
            flags &= ~f.value;
        }
    }
    if (flags) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "0x%x", static_cast<unsigned>(flags));
        if (!flag_text.empty()) flag_text += '|';
        flag_text += buf;
    }
    Ref<> r = object_repr(self->pattern);
    if (!r) return nullptr;
    if (unicode_length(r.get()) > 200) {
        r = unicode_substring(r.get(), 0, 200);
        if (!r) return nullptr;
    }
    if (flag_text.empty()) return unicode_from_format("re.compile(%U)", r.get());
    return unicode_from_format("re.compile(%U, %s)", r.get(), flag_text.c_str());
}

Ref<> pattern_richcompare(Object* a, Object* b, int op)
{
    if (op != Py_EQ && op != Py_NE) return not_implemented_ref();
    if (Py_TYPE(a) != &Pattern_Type || Py_TYPE(b) != &Pattern_Type) return not_implemented_ref();
    bool eq;
    if (a == b) {
        eq = true;
    } else {
        PatternObject* l = P(a);
        PatternObject* r = P(b);
        eq = l->flags == r->flags && l->isbytes == r->isbytes && *l->code == *r->code;
        if (eq) {
            int c = object_rich_compare_bool(l->pattern, r->pattern, Py_EQ);
            if (c < 0) return nullptr;
            eq = c == 1;
        }
    }
    return bool_from_long(op == Py_EQ ? eq : !eq);
}

Py_hash_t pattern_hash(Object* op)
{
    PatternObject* self = P(op);
    Py_hash_t hash = object_hash(self->pattern);
    if (hash == -1) return -1;
    std::size_t h = std::hash<std::string_view>{}(std::string_view(
        reinterpret_cast<const char*>(self->code->data()), self->code->size() * sizeof(SRE_CODE)));
    hash ^= static_cast<Py_hash_t>(h);
    hash ^= self->flags;
    hash ^= self->isbytes;
    if (hash == -1) hash = -2;
    return hash;
}

void pattern_dealloc(Object* op)
{
    PatternObject* self = P(op);
    if (self->weakreflist) object_clear_weakrefs(op);
    clear_ref(self->groupindex);
    clear_ref(self->indexgroup);
    clear_ref(self->pattern);
    delete self->code;
    self->code = nullptr;
    object_dealloc_memory(op);
}

// pattern_traverse / pattern_clear: a pattern is a container (the source
// may be a str subclass whose attributes lead back to it).
int pattern_traverse(Object* op, visitproc visit, void* arg)
{
    for (Object* o : {P(op)->groupindex, P(op)->indexgroup, P(op)->pattern})
        if (o)
            if (int r = visit(o, arg)) return r;
    return 0;
}

int pattern_clear(Object* op)
{
    clear_ref(P(op)->groupindex);
    clear_ref(P(op)->indexgroup);
    clear_ref(P(op)->pattern);
    return 0;
}

Ref<> pattern_get_groupindex(Object* self, void*)
{
    // a read-only view of a private copy, so users cannot change the pattern
    Ref<> copy = dict_copy(P(self)->groupindex);
    if (!copy) return nullptr;
    return mappingproxy_wrap(copy.get());
}
Ref<> pattern_get_pattern(Object* self, void*) { return new_ref(P(self)->pattern); }
Ref<> pattern_get_flags(Object* self, void*) { return long_from_long(P(self)->flags); }
Ref<> pattern_get_groups(Object* self, void*) { return long_from_ssize_t(P(self)->groups); }

MethodDef pattern_methods[] = {
    method_fastkw("match", pattern_match, "Matches zero or more characters at the beginning of the string."),
    method_fastkw("fullmatch", pattern_fullmatch, "Matches against all of the string."),
    method_fastkw("search", pattern_search,
                  "Scan through string looking for a match, and return a corresponding match object instance.\n\n"
                  "Return None if no position in the string matches."),
    method_fastkw("sub", pattern_sub,
                  "Return the string obtained by replacing the leftmost non-overlapping occurrences of pattern in "
                  "string by the replacement repl."),
    method_fastkw("subn", pattern_subn,
                  "Return the tuple (new_string, number_of_subs_made) found by replacing the leftmost "
                  "non-overlapping occurrences of pattern with the replacement repl."),
    method_fastkw("findall", pattern_findall, "Return a list of all non-overlapping matches of pattern in string."),
    method_fastkw("split", pattern_split, "Split string by the occurrences of pattern."),
    method_fastkw("finditer", pattern_finditer,
                  "Return an iterator over all non-overlapping matches for the RE pattern in string.\n\n"
                  "For each match, the iterator returns a match object."),
    method_fastkw("scanner", pattern_scanner, nullptr),
    method_noargs("__copy__", pattern_copy, nullptr),
    method_o("__deepcopy__", pattern_deepcopy, nullptr),
    method_o("__class_getitem__", generic_alias_class_getitem, "See PEP 585", METH_CLASS),
    {},
};

GetSetDef pattern_getset[] = {
    {"groupindex", pattern_get_groupindex, nullptr, "A dictionary mapping group names to group numbers.", nullptr},
    {"pattern", pattern_get_pattern, nullptr, "The pattern string from which the RE object was compiled.", nullptr},
    {"flags", pattern_get_flags, nullptr, "The regex matching flags.", nullptr},
    {"groups", pattern_get_groups, nullptr, "The number of capturing groups in the pattern.", nullptr},
    {},
};

Ref<> no_new(TypeObject* type, Object*, Object*)
{
    return format_error(Exc_TypeError, "cannot create '%s' instances", type->tp_name);
}

TypeObject Pattern_Type = [] {
    TypeObject t = static_type("re.Pattern", sizeof(PatternObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE | Py_TPFLAGS_DISALLOW_INSTANTIATION,
                               "Compiled regular expression object.");
    t.tp_dealloc = pattern_dealloc;
    t.tp_traverse = pattern_traverse;
    t.tp_clear = pattern_clear;
    t.tp_repr = pattern_repr;
    t.tp_hash = pattern_hash;
    t.tp_richcompare = pattern_richcompare;
    t.tp_getattro = object_generic_get_attr;
    t.tp_methods = pattern_methods;
    t.tp_getset = pattern_getset;
    t.tp_weaklistoffset = static_cast<Py_ssize_t>(offsetof(PatternObject, weakreflist));
    t.tp_new = no_new;
    return t;
}();

// ---------------------------------------------------------------------------
// Match.

// match_getindex: a group number from an int or a group name; IndexError
// "no such group" otherwise.
[[nodiscard]] Py_ssize_t match_getindex(MatchObject* self, Object* index)
{
    Py_ssize_t i = -1;
    if (index_check(index)) {
        i = number_as_ssize_t(index, nullptr);
        if (i == -1 && error_occurred()) return -1;
    } else {
        Object* v = dict_get_item_with_error(self->pattern->groupindex, index);
        if (!v && error_occurred()) return -1;
        if (v && long_check(v)) i = long_as_ssize_t(v);
    }
    if (i < 0 || i >= self->groups) {
        set_error(Exc_IndexError, "no such group");
        return -1;
    }
    return i;
}

[[nodiscard]] Ref<> match_getslice_by_index(MatchObject* self, Py_ssize_t index, Object* def)
{
    Py_ssize_t* mark = match_marks(self);
    if (mark[index * 2] < 0) return new_ref(def);
    State st;
    if (!getstring(self->string, &st)) return nullptr;
    return getslice(st.isbytes, st.data, self->string, mark[index * 2], mark[index * 2 + 1]);
}

[[nodiscard]] Ref<> match_getslice(MatchObject* self, Object* index, Object* def)
{
    Py_ssize_t i = match_getindex(self, index);
    if (i < 0) return nullptr;
    return match_getslice_by_index(self, i, def);
}

Ref<> match_group(Object* op, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    MatchObject* self = M(op);
    if (kwnames && tuple_size(kwnames)) return format_error(Exc_TypeError, "group() takes no keyword arguments");
    if (nargs == 0) return match_getslice_by_index(self, 0, Py_None());
    if (nargs == 1) return match_getslice(self, args[0], Py_None());
    Ref<> result = tuple_new(nargs);
    if (!result) return nullptr;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        Ref<> item = match_getslice(self, args[i], Py_None());
        if (!item) return nullptr;
        tuple_set_item(result.get(), i, item.release());
    }
    return result;
}

Ref<> match_getitem(Object* op, Object* name) { return match_getslice(M(op), name, Py_None()); }

Ref<> match_groups(Object* op, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    MatchObject* self = M(op);
    Object* a[1] = {};
    if (!parse_clinic_args("groups", args, nargs, kwnames, {"default"}, 1, 0, a)) return nullptr;
    Object* def = a[0] ? a[0] : Py_None();
    Ref<> result = tuple_new(self->groups - 1);
    if (!result) return nullptr;
    for (Py_ssize_t i = 1; i < self->groups; i++) {
        Ref<> item = match_getslice_by_index(self, i, def);
        if (!item) return nullptr;
        tuple_set_item(result.get(), i - 1, item.release());
    }
    return result;
}

Ref<> match_groupdict(Object* op, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    MatchObject* self = M(op);
    Object* a[1] = {};
    if (!parse_clinic_args("groupdict", args, nargs, kwnames, {"default"}, 1, 0, a)) return nullptr;
    Object* def = a[0] ? a[0] : Py_None();
    Ref<> result = dict_new();
    if (!result) return nullptr;
    Py_ssize_t pos = 0;
    Object *key, *value;
    while (dict_next(self->pattern->groupindex, &pos, &key, &value)) {
        Ref<> item = match_getslice(self, key, def);
        if (!item || dict_set_item(result.get(), key, item.get()) < 0) return nullptr;
    }
    return result;
}

[[nodiscard]] Py_ssize_t match_group_arg(MatchObject* self, const char* fname, Object* const* args, Py_ssize_t nargs)
{
    if (nargs > 1) {
        format_error(Exc_TypeError, "%s expected at most 1 argument, got %zd", fname, nargs);
        return -1;
    }
    if (nargs == 0) return 0;
    return match_getindex(self, args[0]);
}

Ref<> match_start(Object* op, Object* const* args, Py_ssize_t nargs)
{
    Py_ssize_t i = match_group_arg(M(op), "start", args, nargs);
    if (i < 0) return nullptr;
    return long_from_ssize_t(match_marks(M(op))[i * 2]);
}

Ref<> match_end(Object* op, Object* const* args, Py_ssize_t nargs)
{
    Py_ssize_t i = match_group_arg(M(op), "end", args, nargs);
    if (i < 0) return nullptr;
    return long_from_ssize_t(match_marks(M(op))[i * 2 + 1]);
}

[[nodiscard]] Ref<> pair(Py_ssize_t a, Py_ssize_t b)
{
    Ref<> x = long_from_ssize_t(a);
    Ref<> y = long_from_ssize_t(b);
    if (!x || !y) return nullptr;
    Object* items[2] = {x.get(), y.get()};
    return tuple_from_array(items, 2);
}

Ref<> match_span(Object* op, Object* const* args, Py_ssize_t nargs)
{
    Py_ssize_t i = match_group_arg(M(op), "span", args, nargs);
    if (i < 0) return nullptr;
    Py_ssize_t* mark = match_marks(M(op));
    return pair(mark[i * 2], mark[i * 2 + 1]);
}

Ref<> match_expand(Object* self, Object* tmpl) { return call_re("_expand", {M(self)->pattern, self, tmpl}); }

Ref<> match_copy(Object* self, Object*) { return new_ref(self); }
Ref<> match_deepcopy(Object* self, Object*) { return new_ref(self); }

Ref<> match_repr(Object* op)
{
    MatchObject* self = M(op);
    Ref<> group0 = match_getslice_by_index(self, 0, Py_None());
    if (!group0) return nullptr;
    Ref<> r = object_repr(group0.get());
    if (!r) return nullptr;
    if (unicode_length(r.get()) > 50) {
        r = unicode_substring(r.get(), 0, 50);
        if (!r) return nullptr;
    }
    Py_ssize_t* mark = match_marks(self);
    return unicode_from_format("<%s object; span=(%zd, %zd), match=%U>", Py_TYPE(op)->tp_name, mark[0], mark[1],
                               r.get());
}

void match_dealloc(Object* op)
{
    MatchObject* self = M(op);
    clear_ref(self->string);
    clear_ref(self->regs);
    Object* p = self->pattern;
    self->pattern = nullptr;
    if (p) decref(p);
    object_dealloc_memory(op);
}

// match_traverse / match_clear: a match holds its subject, which a cycle
// can run through (a str subclass instance that keeps the match).
int match_traverse(Object* op, visitproc visit, void* arg)
{
    for (Object* o : {M(op)->string, M(op)->regs, static_cast<Object*>(M(op)->pattern)})
        if (o)
            if (int r = visit(o, arg)) return r;
    return 0;
}

int match_clear(Object* op)
{
    clear_ref(M(op)->string);
    clear_ref(M(op)->regs);
    Object* p = M(op)->pattern;
    M(op)->pattern = nullptr;
    if (p) decref(p);
    return 0;
}

Ref<> match_get_lastindex(Object* self, void*)
{
    if (M(self)->lastindex >= 0) return long_from_ssize_t(M(self)->lastindex);
    return none_ref();
}

Ref<> match_get_lastgroup(Object* op, void*)
{
    MatchObject* self = M(op);
    Object* ig = self->pattern->indexgroup;
    if (ig && self->lastindex >= 0 && self->lastindex < tuple_size(ig)) return new_ref(tuple_item(ig, self->lastindex));
    return none_ref();
}

Ref<> match_get_regs(Object* op, void*)
{
    MatchObject* self = M(op);
    if (self->regs) return new_ref(self->regs);
    Ref<> regs = tuple_new(self->groups);
    if (!regs) return nullptr;
    Py_ssize_t* mark = match_marks(self);
    for (Py_ssize_t i = 0; i < self->groups; i++) {
        Ref<> item = pair(mark[i * 2], mark[i * 2 + 1]);
        if (!item) return nullptr;
        tuple_set_item(regs.get(), i, item.release());
    }
    self->regs = new_ref(regs.get()).release();
    return regs;
}

Ref<> match_get_string(Object* self, void*) { return new_ref(M(self)->string); }
Ref<> match_get_re(Object* self, void*) { return new_ref<Object>(M(self)->pattern); }
Ref<> match_get_pos(Object* self, void*) { return long_from_ssize_t(M(self)->pos); }
Ref<> match_get_endpos(Object* self, void*) { return long_from_ssize_t(M(self)->endpos); }

MethodDef match_methods[] = {
    method_fastkw("group", match_group,
                  "group([group1, ...]) -> str or tuple.\n    Return subgroup(s) of the match by indices or names.\n"
                  "    For 0 returns the entire match."),
    method_fast("start", match_start, "Return index of the start of the substring matched by group."),
    method_fast("end", match_end, "Return index of the end of the substring matched by group."),
    method_fast("span", match_span, "For match object m, return the 2-tuple (m.start(group), m.end(group))."),
    method_fastkw("groups", match_groups,
                  "Return a tuple containing all the subgroups of the match, from 1.\n\n"
                  "  default\n    Is used for groups that did not participate in the match."),
    method_fastkw("groupdict", match_groupdict,
                  "Return a dictionary containing all the named subgroups of the match, keyed by the subgroup "
                  "name.\n\n  default\n    Is used for groups that did not participate in the match."),
    method_o("expand", match_expand,
             "Return the string obtained by doing backslash substitution on the string template, as done by the "
             "sub() method."),
    method_noargs("__copy__", match_copy, nullptr),
    method_o("__deepcopy__", match_deepcopy, nullptr),
    method_o("__class_getitem__", generic_alias_class_getitem, "See PEP 585", METH_CLASS),
    {},
};

GetSetDef match_getset[] = {
    {"lastindex", match_get_lastindex, nullptr, "The integer index of the last matched capturing group.", nullptr},
    {"lastgroup", match_get_lastgroup, nullptr, "The name of the last matched capturing group.", nullptr},
    {"regs", match_get_regs, nullptr, nullptr, nullptr},
    {"string", match_get_string, nullptr, "The string passed to match() or search().", nullptr},
    {"re", match_get_re, nullptr, "The regular expression object.", nullptr},
    {"pos", match_get_pos, nullptr, "The index into the string at which the RE engine started looking for a match.",
     nullptr},
    {"endpos", match_get_endpos, nullptr, "The index into the string beyond which the RE engine will not go.",
     nullptr},
    {},
};

MappingMethods match_as_mapping = [] {
    MappingMethods m{};
    m.mp_subscript = match_getitem;
    return m;
}();

TypeObject Match_Type = [] {
    TypeObject t = static_type("re.Match", sizeof(MatchObject), sizeof(Py_ssize_t),
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE | Py_TPFLAGS_DISALLOW_INSTANTIATION,
                               "The result of re.match() and re.search().\n"
                               "Match objects always have a boolean value of True.");
    t.tp_dealloc = match_dealloc;
    t.tp_traverse = match_traverse;
    t.tp_clear = match_clear;
    t.tp_repr = match_repr;
    t.tp_as_mapping = &match_as_mapping;
    t.tp_getattro = object_generic_get_attr;
    t.tp_methods = match_methods;
    t.tp_getset = match_getset;
    t.tp_new = no_new;
    return t;
}();

// ---------------------------------------------------------------------------
// Scanner: successive matches over one subject (finditer, re.Scanner).

ScannerObject* SC(Object* op) { return static_cast<ScannerObject*>(op); }

Ref<> scanner_new(PatternObject* pattern, Object* string, Py_ssize_t pos, Py_ssize_t endpos)
{
    auto st = std::make_unique<State>();
    if (!state_init(st.get(), pattern, string, pos, endpos)) return nullptr;
    Ref<ScannerObject> sc = object_new<ScannerObject>(&Scanner_Type);
    if (!sc) return nullptr;
    incref(string);  // the state borrows the subject; the scanner owns it
    sc->state = st.release();
    sc->pattern = static_cast<PatternObject*>(new_ref<Object>(pattern).release());
    sc->executing = false;
    return sc;
}

[[nodiscard]] Ref<> scanner_step(Object* op, bool search)
{
    ScannerObject* self = SC(op);
    State* st = self->state;
    if (st->start < 0) return none_ref();  // exhausted
    if (self->executing) return format_error(Exc_ValueError, "regular expression scanner already executing");
    self->executing = true;
    state_reset(st);
    st->ptr = st->start;
    Py_ssize_t status = search ? sre_search(st, pattern_code(self->pattern))
                               : sre_match(st, pattern_code(self->pattern), true);
    self->executing = false;
    Ref<> match = pattern_new_match(self->pattern, st, status);
    if (status == 0) {
        st->start = -1;
    } else {
        st->must_advance = st->ptr == st->start;
        st->start = st->ptr;
    }
    return match;
}

Ref<> scanner_match(Object* self, Object*) { return scanner_step(self, false); }
Ref<> scanner_search(Object* self, Object*) { return scanner_step(self, true); }

// scanner_traverse / scanner_clear: CPython's visit only the pattern (the
// subject the state holds is not visited).
int scanner_traverse(Object* op, visitproc visit, void* arg)
{
    Object* p = SC(op)->pattern;
    return p ? visit(p, arg) : 0;
}

int scanner_clear(Object* op)
{
    Object* p = SC(op)->pattern;
    SC(op)->pattern = nullptr;
    if (p) decref(p);
    return 0;
}

void scanner_dealloc(Object* op)
{
    ScannerObject* self = SC(op);
    if (self->state) {
        Object* string = self->state->string;
        delete self->state;  // releases a buffer before the subject goes
        self->state = nullptr;
        if (string) decref(string);
    }
    Object* p = self->pattern;
    self->pattern = nullptr;
    if (p) decref(p);
    object_dealloc_memory(op);
}

Ref<> scanner_get_pattern(Object* self, void*) { return new_ref<Object>(SC(self)->pattern); }

MethodDef scanner_methods[] = {
    method_noargs("match", scanner_match, nullptr),
    method_noargs("search", scanner_search, nullptr),
    {},
};

GetSetDef scanner_getset[] = {
    {"pattern", scanner_get_pattern, nullptr, nullptr, nullptr},
    {},
};

TypeObject Scanner_Type = [] {
    TypeObject t = static_type("_sre.SRE_Scanner", sizeof(ScannerObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE | Py_TPFLAGS_DISALLOW_INSTANTIATION,
                               nullptr);
    t.tp_dealloc = scanner_dealloc;
    t.tp_traverse = scanner_traverse;
    t.tp_clear = scanner_clear;
    t.tp_getattro = object_generic_get_attr;
    t.tp_methods = scanner_methods;
    t.tp_getset = scanner_getset;
    t.tp_new = no_new;
    return t;
}();

// ---------------------------------------------------------------------------
// Module functions.

// _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)
Ref<> sre_compile(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[6] = {};
    if (!parse_clinic_args("compile", args, nargs, kwnames,
                           {"pattern", "flags", "code", "groups", "groupindex", "indexgroup"}, 6, 6, a))
        return nullptr;
    Object* pattern = a[0];
    Object* code = a[2];
    if (!list_check(code))
        return format_error(Exc_TypeError, "compile() argument 'code' must be list, not %.50s", Py_TYPE(code)->tp_name);
    if (!dict_check(a[4]))
        return format_error(Exc_TypeError, "compile() argument 'groupindex' must be dict, not %.50s",
                            Py_TYPE(a[4])->tp_name);
    if (!tuple_check(a[5]))
        return format_error(Exc_TypeError, "compile() argument 'indexgroup' must be tuple, not %.50s",
                            Py_TYPE(a[5])->tp_name);
    Py_ssize_t flags, groups;
    if (!as_ssize(a[1], &flags) || !as_ssize(a[3], &groups)) return nullptr;

    auto words = std::make_unique<std::vector<SRE_CODE>>();
    Py_ssize_t n = object_size(code);
    if (n < 0) return nullptr;
    words->reserve(static_cast<std::size_t>(n));
    for (Py_ssize_t i = 0; i < n; i++) {
        Ref<> item = sequence_get_item(code, i);
        if (!item) return nullptr;
        if (!long_check(item.get())) return format_error(Exc_TypeError, "an integer is required");
        int overflow = 0;
        long long v = long_as_long_long_and_overflow(item.get(), &overflow);
        if (overflow || v < 0 || v > static_cast<long long>(SRE_MAXREPEAT))
            return format_error(Exc_OverflowError, "regular expression code size limit exceeded");
        words->push_back(static_cast<SRE_CODE>(v));
    }
    if (words->empty() || words->back() != SRE_OP_SUCCESS)
        return format_error(Exc_RuntimeError, "invalid SRE code");

    int isbytes = -1;
    if (pattern != Py_None()) {
        State tmp;
        if (!getstring(pattern, &tmp)) return nullptr;
        isbytes = tmp.isbytes ? 1 : 0;
    }
    Ref<PatternObject> p = object_new<PatternObject>(&Pattern_Type);
    if (!p) return nullptr;
    p->code = words.release();
    p->groups = groups;
    p->flags = static_cast<int>(flags);
    p->isbytes = isbytes;
    p->pattern = new_ref(pattern).release();
    p->groupindex = nullptr;
    p->indexgroup = nullptr;
    Ref<> gi = dict_copy(a[4]);
    if (!gi) return nullptr;
    p->groupindex = gi.release();
    p->indexgroup = new_ref(a[5]).release();
    return p;
}

Ref<> sre_getcodesize(Object*, Object*) { return long_from_long(static_cast<long>(sizeof(SRE_CODE))); }

[[nodiscard]] bool code_arg(Object* o, SRE_CODE* out)
{
    Py_ssize_t v;
    if (!long_check(o)) {
        format_error(Exc_TypeError, "'%.200s' object cannot be interpreted as an integer", Py_TYPE(o)->tp_name);
        return false;
    }
    if (!as_ssize(o, &v)) return false;
    *out = static_cast<SRE_CODE>(v);
    return true;
}

Ref<> sre_ascii_iscased(Object*, Object* o)
{
    SRE_CODE ch;
    if (!code_arg(o, &ch)) return nullptr;
    return bool_from_long(ch < 128 && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')));
}

Ref<> sre_unicode_iscased(Object*, Object* o)
{
    SRE_CODE ch;
    if (!code_arg(o, &ch)) return nullptr;
    return bool_from_long(ch != sre_lower_unicode(ch) || ch != sre_upper_unicode(ch));
}

Ref<> sre_ascii_tolower(Object*, Object* o)
{
    SRE_CODE ch;
    if (!code_arg(o, &ch)) return nullptr;
    return long_from_long(sre_lower_ascii(ch));
}

Ref<> sre_unicode_tolower(Object*, Object* o)
{
    SRE_CODE ch;
    if (!code_arg(o, &ch)) return nullptr;
    return long_from_long(sre_lower_unicode(ch));
}

MethodDef sre_methods[] = {
    method_fastkw("compile", sre_compile, nullptr),
    method_noargs("getcodesize", sre_getcodesize, nullptr),
    method_o("ascii_iscased", sre_ascii_iscased, nullptr),
    method_o("unicode_iscased", sre_unicode_iscased, nullptr),
    method_o("ascii_tolower", sre_ascii_tolower, nullptr),
    method_o("unicode_tolower", sre_unicode_tolower, nullptr),
    {},
};

}  // namespace

Ref<> sre_module_create()
{
    for (TypeObject* t : {&Pattern_Type, &Match_Type, &Scanner_Type})
        if (!(t->tp_flags & Py_TPFLAGS_READY) && type_ready(t) < 0) return nullptr;
    Ref<> mod = module_new("_sre");
    if (!mod || module_add_functions(mod.get(), sre_methods) < 0) return nullptr;
    struct {
        const char* name;
        Ref<> value;
    } constants[] = {
        {"MAGIC", long_from_long(SRE_MAGIC)},
        {"CODESIZE", long_from_long(static_cast<long>(sizeof(SRE_CODE)))},
        {"MAXREPEAT", long_from_unsigned(SRE_MAXREPEAT)},
        {"MAXGROUPS", long_from_long(SRE_MAXGROUPS)},
        {"copyright", unicode_from_string(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ")},
    };
    for (auto& c : constants)
        if (!c.value || module_add_object(mod.get(), c.name, c.value.get()) < 0) return nullptr;
    return mod;
}

}  // namespace minipy::modules
