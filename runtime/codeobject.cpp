// codeobject.cpp: the code type.
// Mirrors CPython 3.11 Objects/codeobject.c. Book chapters 7 and 11.
#include "minipy/runtime/codeobject.h"

#include <climits>
#include <cmath>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/complexobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/floatobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/opcode.h"
#include "minipy/runtime/setobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/runtime/weakrefobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

namespace {

CodeObject* C(Object* o) { return static_cast<CodeObject*>(o); }

bool all_str(Object* tuple)
{
    for (Py_ssize_t i = 0; i < tuple_size(tuple); i++)
        if (!unicode_check(tuple_item(tuple, i))) return false;
    return true;
}

Ref<> names_of_kind(CodeObject* co, std::uint8_t kind)
{
    std::vector<Object*> names;
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        auto k = static_cast<std::uint8_t>(bytes_as_string(co->co_localspluskinds)[i]);
        if (k & kind) names.push_back(tuple_item(co->co_localsplusnames, i));
    }
    return tuple_from_array(names.data(), static_cast<Py_ssize_t>(names.size()));
}

// _PyCode_Validate: what the caller got wrong (a SystemError for arguments
// only C code can pass, ValueError for inconsistent counts).
bool code_validate(const CodeConstructor& con)
{
    if (!con.filename || !unicode_check(con.filename) || !con.name || !unicode_check(con.name) || !con.qualname ||
        !unicode_check(con.qualname) || !con.code || !bytes_check(con.code) || !con.linetable ||
        !bytes_check(con.linetable) || !con.consts || !tuple_check(con.consts) || !con.names ||
        !tuple_check(con.names) || !con.localsplusnames || !tuple_check(con.localsplusnames) ||
        !con.localspluskinds || !bytes_check(con.localspluskinds) || !con.exceptiontable ||
        !bytes_check(con.exceptiontable) || con.argcount < con.posonlyargcount || con.posonlyargcount < 0 ||
        con.kwonlyargcount < 0 || con.stacksize < 0 || con.flags < 0 ||
        tuple_size(con.localsplusnames) != bytes_size(con.localspluskinds)) {
        (void)error_bad_internal_call();
        return false;
    }
    if (bytes_size(con.code) % 2 != 0) {
        (void)format_error(Exc_ValueError, "code: co_code is malformed");
        return false;
    }
    int nlocals = 0;
    for (Py_ssize_t i = 0; i < bytes_size(con.localspluskinds); i++)
        if (static_cast<std::uint8_t>(bytes_as_string(con.localspluskinds)[i]) & CO_FAST_LOCAL) nlocals++;
    int nargs = con.argcount + con.kwonlyargcount + ((con.flags & CO_VARARGS) ? 1 : 0) +
                ((con.flags & CO_VARKEYWORDS) ? 1 : 0);
    if (nlocals < nargs) {
        (void)format_error(Exc_ValueError, "code: co_varnames is too small");
        return false;
    }
    return true;
}

// intern_strings: every str of a name tuple is replaced, in place, by its
// interned copy, as _PyCode_New does. Names then compare by identity: the
// key STORE_ATTR puts in an instance dict is the very object a LOAD_ATTR
// in another function looks up (dict_lookup's first test), and the type
// method cache, which only caches interned names, applies.
void intern_strings(Object* tuple)
{
    for (Py_ssize_t i = 0; i < tuple_size(tuple); i++) {
        Ref<> s = new_ref(tuple_item(tuple, i));
        unicode_intern_in_place(&s);
        if (s.get() != tuple_item(tuple, i)) {
            Object* old = tuple_item(tuple, i);
            tuple_set_item(tuple, i, s.release());
            decref(old);
        }
    }
}

// all_name_chars: an ASCII str of letters, digits and '_' only, the
// constants _PyCode_New interns (they look like identifiers, so the same
// literal in two functions is one object: 'a' is 'a' across code objects).
bool all_name_chars(Object* s)
{
    if (!as_unicode(s)->state.ascii) return false;
    const auto* p = static_cast<const unsigned char*>(unicode_data(s));
    for (Py_ssize_t i = 0; i < unicode_length(s); i++) {
        unsigned char c = p[i];  // Py_ISALNUM: ASCII classes, whatever the locale
        bool name_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        if (!name_char) return false;
    }
    return true;
}

// intern_string_constants: interns the name-like strs of co_consts in
// place, descending into tuple and frozenset constants (a frozenset is
// rebuilt when one of its strs was replaced). Sets *modified if any
// item of `tuple` itself changed.
[[nodiscard]] int intern_string_constants(Object* tuple, bool* modified)
{
    for (Py_ssize_t i = tuple_size(tuple); --i >= 0;) {
        Object* v = tuple_item(tuple, i);
        if (unicode_check_exact(v)) {
            if (!all_name_chars(v)) continue;
            Ref<> s = new_ref(v);
            unicode_intern_in_place(&s);
            if (s.get() != v) {
                tuple_set_item(tuple, i, s.release());
                decref(v);
                if (modified) *modified = true;
            }
        } else if (tuple_check_exact(v)) {
            if (intern_string_constants(v, nullptr) < 0) return -1;
        } else if (frozenset_check(v)) {
            Ref<> items = sequence_tuple(v);
            if (!items) return -1;
            bool items_modified = false;
            if (intern_string_constants(items.get(), &items_modified) < 0) return -1;
            if (!items_modified) continue;
            Ref<> rebuilt = frozenset_new(items.get());
            if (!rebuilt) return -1;
            tuple_set_item(tuple, i, rebuilt.release());
            decref(v);
            if (modified) *modified = true;
        }
    }
    return 0;
}

// _PyCode_New after validation.
Ref<> code_new_validated(const CodeConstructor& con)
{
    // intern_strings: the name tuples are interned, so they must be strs.
    if (!all_str(con.names) || !all_str(con.localsplusnames))
        return format_error(Exc_SystemError, "non-string found in code slot");
    intern_strings(con.names);
    intern_strings(con.localsplusnames);
    if (intern_string_constants(con.consts, nullptr) < 0) return nullptr;
    int nlocalsplus = static_cast<int>(tuple_size(con.localsplusnames));
    int nlocals = 0, ncellvars = 0, nplaincellvars = 0, nfreevars = 0;
    for (int i = 0; i < nlocalsplus; i++) {
        auto kind = static_cast<std::uint8_t>(bytes_as_string(con.localspluskinds)[i]);
        if (kind & CO_FAST_LOCAL) {
            nlocals++;
            if (kind & CO_FAST_CELL) ncellvars++;
        } else if (kind & CO_FAST_CELL) {
            ncellvars++;
            nplaincellvars++;
        } else if (kind & CO_FAST_FREE) {
            nfreevars++;
        }
    }
    Py_ssize_t size = bytes_size(con.code) / 2;
    Ref<CodeObject> co = object_new<CodeObject>(&Code_Type, size);
    if (!co) return nullptr;
    Ref<> filename = new_ref(con.filename), name = new_ref(con.name), qualname = new_ref(con.qualname);
    unicode_intern_in_place(&filename);
    unicode_intern_in_place(&name);
    unicode_intern_in_place(&qualname);
    co->co_filename = filename.release();
    co->co_name = name.release();
    co->co_qualname = qualname.release();
    co->co_flags = con.flags;
    co->co_firstlineno = con.firstlineno;
    co->co_linetable = new_ref(con.linetable).release();
    co->co_consts = new_ref(con.consts).release();
    co->co_names = new_ref(con.names).release();
    co->co_localsplusnames = new_ref(con.localsplusnames).release();
    co->co_localspluskinds = new_ref(con.localspluskinds).release();
    co->co_argcount = con.argcount;
    co->co_posonlyargcount = con.posonlyargcount;
    co->co_kwonlyargcount = con.kwonlyargcount;
    co->co_stacksize = con.stacksize;
    co->co_exceptiontable = new_ref(con.exceptiontable).release();
    co->co_nlocalsplus = nlocalsplus;
    co->co_nlocals = nlocals;
    co->co_nplaincellvars = nplaincellvars;
    co->co_ncellvars = ncellvars;
    co->co_nfreevars = nfreevars;
    co->co_warmup = 8;  // QUICKENING_INITIAL_WARMUP_VALUE
    std::memcpy(co->co_code_adaptive, bytes_as_string(con.code), static_cast<std::size_t>(bytes_size(con.code)));
    return co;
}

}  // namespace

Ref<> code_new(const CodeConstructor& con)
{
    if (!code_validate(con)) return nullptr;
    return code_new_validated(con);
}

// _PyCode_ConstantKey. Python's == says 0 == 0.0 == False == 0j and
// 0.0 == -0.0, so a dict keyed by the constants themselves would merge
// them; the key wraps each constant so that two keys are equal only for the
// same value of the same type, with the sign of float and complex zeros
// kept apart. None, Ellipsis, int, str and code objects are their own keys
// (no other type's value equals theirs); a tuple's key is (the tuple of its
// items' keys, the tuple), a frozenset's (the frozenset of its items' keys,
// the frozenset); any other object is keyed by its identity.
Ref<> code_constant_key(Object* op)
{
    if (op == Py_None() || op == Py_Ellipsis() || long_check_exact(op) || unicode_check_exact(op) || code_check(op))
        return new_ref(op);
    if (bool_check(op) || bytes_check_exact(op))  // bytes: no BytesWarning against str
        return tuple_pack({Py_TYPE(op), op});
    if (float_check_exact(op)) {
        double d = float_value(op);
        if (d == 0.0 && std::signbit(d)) return tuple_pack({Py_TYPE(op), op, Py_None()});
        return tuple_pack({Py_TYPE(op), op});
    }
    if (Py_TYPE(op) == &Complex_Type) {
        // All four complex zeros differ; True/False/None tag the sign pattern.
        Py_complex z = static_cast<ComplexObject*>(op)->cval;
        bool real_neg = z.real == 0.0 && std::signbit(z.real), imag_neg = z.imag == 0.0 && std::signbit(z.imag);
        if (real_neg && imag_neg) return tuple_pack({Py_TYPE(op), op, Py_True()});
        if (imag_neg) return tuple_pack({Py_TYPE(op), op, Py_False()});
        if (real_neg) return tuple_pack({Py_TYPE(op), op, Py_None()});
        return tuple_pack({Py_TYPE(op), op});
    }
    if (tuple_check_exact(op)) {
        Ref<> keys = tuple_new(tuple_size(op));
        if (!keys) return nullptr;
        for (Py_ssize_t i = 0; i < tuple_size(op); i++) {
            Ref<> k = code_constant_key(tuple_item(op, i));
            if (!k) return nullptr;
            tuple_set_item(keys.get(), i, k.release());
        }
        return tuple_pack({keys.get(), op});
    }
    if (Py_TYPE(op) == &FrozenSet_Type) {
        // The item keys go through a tuple in iteration order, as in
        // CPython, so the key's own iteration order (and repr) matches.
        Ref<> keys = tuple_new(set_size(op));
        if (!keys) return nullptr;
        Py_ssize_t pos = 0, i = 0;
        Object* item;
        while (set_next(op, &pos, &item)) {
            Ref<> k = code_constant_key(item);
            if (!k) return nullptr;
            tuple_set_item(keys.get(), i++, k.release());
        }
        Ref<> fz = frozenset_new(keys.get());
        if (!fz) return nullptr;
        return tuple_pack({fz.get(), op});
    }
    Ref<> id = long_from_unsigned(reinterpret_cast<std::uintptr_t>(op));
    if (!id) return nullptr;
    return tuple_pack({id.get(), op});
}

Ref<> code_get_varnames(CodeObject* co) { return names_of_kind(co, CO_FAST_LOCAL); }
Ref<> code_get_cellvars(CodeObject* co) { return names_of_kind(co, CO_FAST_CELL); }
Ref<> code_get_freevars(CodeObject* co) { return names_of_kind(co, CO_FAST_FREE); }

Ref<> code_get_code(CodeObject* co)
{
    if (co->_co_code) return new_ref(co->_co_code);
    // The adaptive interpreter is not there yet: the bytes are the originals.
    Ref<> b = bytes_from_string_and_size(co->co_code_adaptive, co->ob_size * 2);
    if (!b) return nullptr;
    co->_co_code = new_ref(b.get()).release();
    return b;
}

Ref<> code_new_with_posonlyargs(const CodeClassicArgs& a)
{
    if (a.argcount < a.posonlyargcount || a.posonlyargcount < 0 || a.kwonlyargcount < 0 || a.nlocals < 0 ||
        a.stacksize < 0 || a.flags < 0 || !a.code || !bytes_check(a.code) || !a.consts || !tuple_check(a.consts) ||
        !a.names || !tuple_check(a.names) || !a.varnames || !tuple_check(a.varnames) || !a.freevars ||
        !tuple_check(a.freevars) || !a.cellvars || !tuple_check(a.cellvars) || !a.name || !unicode_check(a.name) ||
        !a.filename || !unicode_check(a.filename) || !a.linetable || !bytes_check(a.linetable) ||
        !a.exceptiontable || !bytes_check(a.exceptiontable))
        return error_bad_internal_call();
    // The classic tuples become one localsplus array: locals, then cells
    // that are not also locals (a cell argument keeps its argument slot and
    // gains the CO_FAST_CELL bit), then free variables.
    std::vector<Object*> names;
    std::string kinds;
    for (Py_ssize_t i = 0; i < tuple_size(a.varnames); i++) {
        names.push_back(tuple_item(a.varnames, i));
        kinds.push_back(static_cast<char>(CO_FAST_LOCAL));
    }
    for (Py_ssize_t i = 0; i < tuple_size(a.cellvars); i++) {
        Object* name = tuple_item(a.cellvars, i);
        Py_ssize_t j = 0;
        while (j < tuple_size(a.varnames) && unicode_compare(tuple_item(a.varnames, j), name) != 0) j++;
        if (j < tuple_size(a.varnames)) {
            kinds[static_cast<std::size_t>(j)] = static_cast<char>(CO_FAST_LOCAL | CO_FAST_CELL);
            continue;
        }
        names.push_back(name);
        kinds.push_back(static_cast<char>(CO_FAST_CELL));
    }
    for (Py_ssize_t i = 0; i < tuple_size(a.freevars); i++) {
        names.push_back(tuple_item(a.freevars, i));
        kinds.push_back(static_cast<char>(CO_FAST_FREE));
    }
    Ref<> localsplusnames = tuple_from_array(names.data(), static_cast<Py_ssize_t>(names.size()));
    if (!localsplusnames) return nullptr;
    Ref<> localspluskinds = bytes_from_string_and_size(kinds.data(), static_cast<Py_ssize_t>(kinds.size()));
    if (!localspluskinds) return nullptr;
    CodeConstructor con;
    con.filename = a.filename;
    con.name = a.name;
    con.qualname = a.qualname ? a.qualname : a.name;
    con.flags = a.flags;
    con.code = a.code;
    con.firstlineno = a.firstlineno;
    con.linetable = a.linetable;
    con.consts = a.consts;
    con.names = a.names;
    con.localsplusnames = localsplusnames.get();
    con.localspluskinds = localspluskinds.get();
    con.argcount = a.argcount;
    con.posonlyargcount = a.posonlyargcount;
    con.kwonlyargcount = a.kwonlyargcount;
    con.stacksize = a.stacksize;
    con.exceptiontable = a.exceptiontable;
    if (!code_validate(con)) return nullptr;
    if (a.nlocals != tuple_size(a.varnames))
        return format_error(Exc_ValueError, "code: co_nlocals != len(co_varnames)");
    return code_new_validated(con);
}

// --- The location table reader --------------------------------------------
//
// The format is described at the top of compiler/include/minipy/compiler/
// assemble.h (and CPython's Objects/locations.md). Entry starts have the
// high bit set; continuation bytes (varint groups, columns) never do, which
// is what lets the reader step backwards.

namespace {

enum LocationCode : int {
    // 0..9 are the short forms.
    LOCATION_ONE_LINE0 = 10,
    LOCATION_ONE_LINE1 = 11,
    LOCATION_ONE_LINE2 = 12,
    LOCATION_NO_COLUMNS = 13,
    LOCATION_LONG = 14,
    LOCATION_NONE = 15,
};

int entry_code(std::uint8_t first) { return (first >> 3) & 15; }
int entry_bytes(std::uint8_t first) { return ((first & 7) + 1) * static_cast<int>(sizeof(_Py_CODEUNIT)); }

// Varints: 6-bit groups, least significant first, 0x40 = more follows.
unsigned read_varint(const std::uint8_t*& p)
{
    unsigned byte = *p++;
    unsigned value = byte & 63;
    for (int shift = 6; byte & 64; shift += 6) {
        byte = *p++;
        value |= (byte & 63) << shift;
    }
    return value;
}

int read_signed_varint(const std::uint8_t*& p)
{
    unsigned u = read_varint(p);
    return (u & 1) ? -static_cast<int>(u >> 1) : static_cast<int>(u >> 1);
}

// The line delta of the entry starting at p (0 for the forms that keep the line).
int entry_line_delta(const std::uint8_t* p)
{
    int code = entry_code(*p);
    if (code == LOCATION_NO_COLUMNS || code == LOCATION_LONG) {
        const std::uint8_t* q = p + 1;
        return read_signed_varint(q);
    }
    if (code >= LOCATION_ONE_LINE0 && code <= LOCATION_ONE_LINE2) return code - LOCATION_ONE_LINE0;
    return 0;
}

bool at_end(const CodeAddressRange* r) { return r->opaque.lo_next >= r->opaque.limit; }

// Consumes the entry at lo_next: the next range and its line.
void advance(CodeAddressRange* r)
{
    const std::uint8_t* entry = r->opaque.lo_next;
    r->opaque.computed_line += entry_line_delta(entry);
    r->ar_line = entry_code(*entry) == LOCATION_NONE ? -1 : r->opaque.computed_line;
    r->ar_start = r->ar_end;
    r->ar_end += entry_bytes(*entry);
    do {
        r->opaque.lo_next++;
    } while (r->opaque.lo_next < r->opaque.limit && (*r->opaque.lo_next & 128) == 0);
}

// Start of the entry that ends just before p.
const std::uint8_t* entry_before(const std::uint8_t* p)
{
    do {
        p--;
    } while ((*p & 128) == 0);
    return p;
}

// Undoes advance(): back to the range before the current one.
void retreat(CodeAddressRange* r)
{
    const std::uint8_t* current = entry_before(r->opaque.lo_next);
    r->opaque.computed_line -= entry_line_delta(current);
    r->opaque.lo_next = current;
    const std::uint8_t* previous = entry_before(current);
    r->ar_end = r->ar_start;
    r->ar_start -= entry_bytes(*previous);
    r->ar_line = entry_code(*previous) == LOCATION_NONE ? -1 : r->opaque.computed_line;
}

// advance() that also decodes the columns: the positions of one entry.
void advance_with_locations(CodeAddressRange* r, int* end_line, int* column, int* end_column)
{
    const std::uint8_t*& p = r->opaque.lo_next;
    std::uint8_t first = *p++;
    int code = entry_code(first);
    r->ar_start = r->ar_end;
    r->ar_end = r->ar_start + entry_bytes(first);
    switch (code) {
    case LOCATION_NONE:
        r->ar_line = *end_line = *column = *end_column = -1;
        break;
    case LOCATION_LONG:
        r->opaque.computed_line += read_signed_varint(p);
        r->ar_line = r->opaque.computed_line;
        *end_line = r->ar_line + static_cast<int>(read_varint(p));
        *column = static_cast<int>(read_varint(p)) - 1;  // stored + 1 so that 0 means "none"
        *end_column = static_cast<int>(read_varint(p)) - 1;
        break;
    case LOCATION_NO_COLUMNS:
        r->opaque.computed_line += read_signed_varint(p);
        r->ar_line = *end_line = r->opaque.computed_line;
        *column = *end_column = -1;
        break;
    case LOCATION_ONE_LINE0:
    case LOCATION_ONE_LINE1:
    case LOCATION_ONE_LINE2:
        r->opaque.computed_line += code - LOCATION_ONE_LINE0;
        r->ar_line = *end_line = r->opaque.computed_line;
        *column = *p++;
        *end_column = *p++;
        break;
    default: {  // short form: column = code * 8 + high nibble, width = low nibble
        std::uint8_t second = *p++;
        r->ar_line = *end_line = r->opaque.computed_line;
        *column = code << 3 | (second >> 4);
        *end_column = *column + (second & 15);
    }
    }
}

}  // namespace

void line_table_init_address_range(const char* linetable, Py_ssize_t length, int firstlineno,
                                   CodeAddressRange* range)
{
    range->opaque.lo_next = reinterpret_cast<const std::uint8_t*>(linetable);
    range->opaque.limit = range->opaque.lo_next + length;
    range->ar_start = -1;
    range->ar_end = 0;
    range->opaque.computed_line = firstlineno;
    range->ar_line = -1;
}

int code_init_address_range(CodeObject* co, CodeAddressRange* range)
{
    line_table_init_address_range(bytes_as_string(co->co_linetable), bytes_size(co->co_linetable),
                                  co->co_firstlineno, range);
    return co->co_firstlineno;
}

bool line_table_next_address_range(CodeAddressRange* range)
{
    if (at_end(range)) return false;
    advance(range);
    return true;
}

bool line_table_previous_address_range(CodeAddressRange* range)
{
    if (range->ar_start <= 0) return false;
    retreat(range);
    return true;
}

int code_check_line_number(int lasti, CodeAddressRange* range)
{
    while (range->ar_end <= lasti)
        if (!line_table_next_address_range(range)) return -1;
    while (range->ar_start > lasti)
        if (!line_table_previous_address_range(range)) return -1;
    return range->ar_line;
}

int code_addr2line(CodeObject* co, int addrq)
{
    if (addrq < 0) return co->co_firstlineno;
    CodeAddressRange range;
    code_init_address_range(co, &range);
    return code_check_line_number(addrq, &range);
}

void code_addr2location(CodeObject* co, int addrq, int* start_line, int* start_column, int* end_line,
                        int* end_column)
{
    if (addrq < 0) {
        *start_line = *end_line = co->co_firstlineno;
        *start_column = *end_column = 0;
        return;
    }
    CodeAddressRange range;
    code_init_address_range(co, &range);
    *start_line = *end_line = *start_column = *end_column = -1;
    while (!at_end(&range)) {
        advance_with_locations(&range, end_line, start_column, end_column);
        if (range.ar_end > addrq) {
            *start_line = range.ar_line;
            return;
        }
    }
    *end_line = *start_column = *end_column = -1;
}

namespace {

// --- co_lines() and co_positions() ----------------------------------------

// lineiterobject: yields (start, end, line) per location entry, line None
// for instructions without one. 3.11 does not merge neighbouring entries
// of the same line (3.12 does).
struct LineIterObject : Object {
    Object* li_code;  // owned: keeps the table alive
    CodeAddressRange li_line;
};

void lineiter_dealloc(Object* op)
{
    clear_ref(static_cast<LineIterObject*>(op)->li_code);
    object_dealloc_memory(op);
}

Ref<> line_or_none(int line) { return line < 0 ? none_ref() : long_from_long(line); }

Ref<> lineiter_next(Object* op)
{
    auto* li = static_cast<LineIterObject*>(op);
    if (!line_table_next_address_range(&li->li_line)) return nullptr;
    Ref<> start = long_from_long(li->li_line.ar_start), end = long_from_long(li->li_line.ar_end);
    Ref<> line = line_or_none(li->li_line.ar_line);
    if (!start || !end || !line) return nullptr;
    return tuple_pack({start.get(), end.get(), line.get()});
}

// positionsiterator: yields (line, end_line, column, end_column) per code
// unit, None for each unknown part.
struct PositionsIterObject : Object {
    Object* pi_code;  // owned
    CodeAddressRange pi_range;
    int pi_offset;
    int pi_endline;
    int pi_column;
    int pi_endcolumn;
};

void positionsiter_dealloc(Object* op)
{
    clear_ref(static_cast<PositionsIterObject*>(op)->pi_code);
    object_dealloc_memory(op);
}

Ref<> positionsiter_next(Object* op)
{
    auto* pi = static_cast<PositionsIterObject*>(op);
    if (pi->pi_offset >= pi->pi_range.ar_end) {
        if (at_end(&pi->pi_range)) return nullptr;
        advance_with_locations(&pi->pi_range, &pi->pi_endline, &pi->pi_column, &pi->pi_endcolumn);
    }
    pi->pi_offset += static_cast<int>(sizeof(_Py_CODEUNIT));
    Ref<> a = line_or_none(pi->pi_range.ar_line), b = line_or_none(pi->pi_endline);
    Ref<> c = line_or_none(pi->pi_column), d = line_or_none(pi->pi_endcolumn);
    if (!a || !b || !c || !d) return nullptr;
    return tuple_pack({a.get(), b.get(), c.get(), d.get()});
}

Ref<> code_co_lines(Object* op, Object*)
{
    Ref<LineIterObject> li = object_new<LineIterObject>(&LineIter_Type);
    if (!li) return nullptr;
    li->li_code = new_ref(op).release();
    code_init_address_range(C(op), &li->li_line);
    return li;
}

Ref<> code_co_positions(Object* op, Object*)
{
    Ref<PositionsIterObject> pi = object_new<PositionsIterObject>(&PositionsIter_Type);
    if (!pi) return nullptr;
    pi->pi_code = new_ref(op).release();
    code_init_address_range(C(op), &pi->pi_range);
    pi->pi_offset = pi->pi_range.ar_end;
    pi->pi_endline = pi->pi_column = pi->pi_endcolumn = -1;
    return pi;
}

// co_lnotab: the 3.9 line-number table rebuilt from the location table for
// old tools: (bytecode delta, line delta) byte pairs, emitted whenever the
// line changes, with 255/127/-128 steps for big deltas.
Ref<> code_get_lnotab(Object* op, void*)
{
    CodeObject* co = C(op);
    std::string out;
    auto emit = [&](int bdelta, int ldelta) {
        out.push_back(static_cast<char>(static_cast<std::uint8_t>(bdelta)));
        out.push_back(static_cast<char>(static_cast<std::uint8_t>(ldelta)));
    };
    CodeAddressRange range;
    int line = code_init_address_range(co, &range);
    int code_offset = 0;
    while (line_table_next_address_range(&range)) {
        int computed = range.opaque.computed_line;
        if (computed == line) continue;
        int bdelta = range.ar_start - code_offset, ldelta = computed - line;
        for (; bdelta > 255; bdelta -= 255) emit(255, 0);
        for (; ldelta > 127; ldelta -= 127, bdelta = 0) emit(bdelta, 127);
        for (; ldelta < -128; ldelta += 128, bdelta = 0) emit(bdelta, -128);
        emit(bdelta, ldelta);
        code_offset = range.ar_start;
        line = computed;
    }
    return bytes_from_string_and_size(out.data(), static_cast<Py_ssize_t>(out.size()));
}

}  // namespace

namespace {

// --- code(...), replace() and _varname_from_oparg -------------------------

// Argument Clinic's `int` converter (_PyLong_AsInt).
bool as_c_int(Object* arg, int* out)
{
    Ref<> value = number_index(arg);
    if (!value) return false;
    int overflow = 0;
    long long v = long_as_long_long_and_overflow(value.get(), &overflow);
    if (overflow || v > INT_MAX || v < INT_MIN) {
        format_error(Exc_OverflowError, "Python int too large to convert to C int");
        return false;
    }
    *out = static_cast<int>(v);
    return true;
}

// Clinic's type checks: "code() argument 7 must be bytes, not int" for a
// positional parameter, "replace() argument 'co_code' ..." for a keyword.
bool check_arg_type(Object* arg, TypeObject* type, const char* fname, const char* argname, int position)
{
    bool ok = type == &Unicode_Type ? unicode_check(arg) : type == &Tuple_Type ? tuple_check(arg) : bytes_check(arg);
    if (ok) return true;
    if (argname)
        format_error(Exc_TypeError, "%s() argument '%s' must be %s, not %.50s", fname, argname, type->tp_name,
                     Py_TYPE(arg)->tp_name);
    else
        format_error(Exc_TypeError, "%s() argument %d must be %s, not %.50s", fname, position, type->tp_name,
                     Py_TYPE(arg)->tp_name);
    return false;
}

// validate_and_copy_tuple: name tuples hold exact strs.
bool check_name_tuple(Object* tuple)
{
    for (Py_ssize_t i = 0; i < tuple_size(tuple); i++) {
        Object* item = tuple_item(tuple, i);
        if (!unicode_check_exact(item)) {
            format_error(Exc_TypeError, "name tuples must contain only strings, not '%.500s'", Py_TYPE(item)->tp_name);
            return false;
        }
    }
    return true;
}

// code(argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize,
//      flags, codestring, constants, names, varnames, filename, name,
//      qualname, firstlineno, linetable, exceptiontable, freevars=(),
//      cellvars=(), /)
Ref<> code_tp_new(TypeObject*, Object* args, Object* kwargs)
{
    if (!check_no_kwargs("code", kwargs)) return nullptr;
    Py_ssize_t n = tuple_size(args);
    if (n < 16) return format_error(Exc_TypeError, "code expected at least 16 arguments, got %zd", n);
    if (n > 18) return format_error(Exc_TypeError, "code expected at most 18 arguments, got %zd", n);
    auto arg = [&](int i) { return tuple_item(args, i); };
    CodeClassicArgs a;
    int* ints[] = {&a.argcount, &a.posonlyargcount, &a.kwonlyargcount, &a.nlocals, &a.stacksize, &a.flags};
    for (int i = 0; i < 6; i++)
        if (!as_c_int(arg(i), ints[i])) return nullptr;
    struct {
        Object** field;
        TypeObject* type;
    } objs[] = {{&a.code, &Bytes_Type},     {&a.consts, &Tuple_Type},   {&a.names, &Tuple_Type},
                {&a.varnames, &Tuple_Type}, {&a.filename, &Unicode_Type}, {&a.name, &Unicode_Type},
                {&a.qualname, &Unicode_Type}};
    for (int i = 0; i < 7; i++) {
        if (!check_arg_type(arg(6 + i), objs[i].type, "code", nullptr, 7 + i)) return nullptr;
        *objs[i].field = arg(6 + i);
    }
    if (!as_c_int(arg(13), &a.firstlineno)) return nullptr;
    if (!check_arg_type(arg(14), &Bytes_Type, "code", nullptr, 15) ||
        !check_arg_type(arg(15), &Bytes_Type, "code", nullptr, 16))
        return nullptr;
    a.linetable = arg(14);
    a.exceptiontable = arg(15);
    Ref<> empty = tuple_new(0);
    if (!empty) return nullptr;
    a.freevars = a.cellvars = empty.get();
    if (n > 16) {
        if (!check_arg_type(arg(16), &Tuple_Type, "code", nullptr, 17)) return nullptr;
        a.freevars = arg(16);
    }
    if (n > 17) {
        if (!check_arg_type(arg(17), &Tuple_Type, "code", nullptr, 18)) return nullptr;
        a.cellvars = arg(17);
    }
    const char* negative = a.argcount < 0         ? "argcount"
                           : a.posonlyargcount < 0 ? "posonlyargcount"
                           : a.kwonlyargcount < 0  ? "kwonlyargcount"
                           : a.nlocals < 0         ? "nlocals"
                                                   : nullptr;
    if (negative) return format_error(Exc_ValueError, "code: %s must not be negative", negative);
    for (Object* t : {a.names, a.varnames, a.freevars, a.cellvars})
        if (!check_name_tuple(t)) return nullptr;
    return code_new_with_posonlyargs(a);
}

// code.replace(*, co_argcount=..., ...): a copy with some fields changed.
Ref<> code_replace(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    CodeObject* co = C(self);
    if (nargs > 0) return format_error(Exc_TypeError, "replace() takes no positional arguments");
    static constexpr const char* int_names[] = {"co_argcount", "co_posonlyargcount", "co_kwonlyargcount",
                                                "co_nlocals",  "co_stacksize",       "co_flags",
                                                "co_firstlineno"};
    Object* out[18];
    if (!parse_args_fastkw("replace", args, 0, kwnames,
                           {"co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize",
                            "co_flags", "co_firstlineno", "co_code", "co_consts", "co_names", "co_varnames",
                            "co_freevars", "co_cellvars", "co_filename", "co_name", "co_qualname", "co_linetable",
                            "co_exceptiontable"},
                           0, out))
        return nullptr;
    CodeClassicArgs a;
    a.argcount = co->co_argcount;
    a.posonlyargcount = co->co_posonlyargcount;
    a.kwonlyargcount = co->co_kwonlyargcount;
    a.nlocals = co->co_nlocals;
    a.stacksize = co->co_stacksize;
    a.flags = co->co_flags;
    a.firstlineno = co->co_firstlineno;
    int* ints[] = {&a.argcount, &a.posonlyargcount, &a.kwonlyargcount, &a.nlocals,
                   &a.stacksize, &a.flags,           &a.firstlineno};
    for (int i = 0; i < 7; i++) {
        if (!out[i]) continue;
        if (!as_c_int(out[i], ints[i])) return nullptr;
        if (*ints[i] < 0) return format_error(Exc_ValueError, "%s must be a positive integer", int_names[i]);
    }
    Ref<> code = code_get_code(co), varnames = code_get_varnames(co), freevars = code_get_freevars(co),
          cellvars = code_get_cellvars(co);
    if (!code || !varnames || !freevars || !cellvars) return nullptr;
    struct {
        Object** field;
        Object* current;
        TypeObject* type;
        const char* name;
    } objs[] = {
        {&a.code, code.get(), &Bytes_Type, "co_code"},
        {&a.consts, co->co_consts, &Tuple_Type, "co_consts"},
        {&a.names, co->co_names, &Tuple_Type, "co_names"},
        {&a.varnames, varnames.get(), &Tuple_Type, "co_varnames"},
        {&a.freevars, freevars.get(), &Tuple_Type, "co_freevars"},
        {&a.cellvars, cellvars.get(), &Tuple_Type, "co_cellvars"},
        {&a.filename, co->co_filename, &Unicode_Type, "co_filename"},
        {&a.name, co->co_name, &Unicode_Type, "co_name"},
        {&a.qualname, co->co_qualname, &Unicode_Type, "co_qualname"},
        {&a.linetable, co->co_linetable, &Bytes_Type, "co_linetable"},
        {&a.exceptiontable, co->co_exceptiontable, &Bytes_Type, "co_exceptiontable"},
    };
    for (int i = 0; i < 11; i++) {
        Object* given = out[7 + i];
        if (given && !check_arg_type(given, objs[i].type, "replace", objs[i].name, 0)) return nullptr;
        *objs[i].field = given ? given : objs[i].current;
    }
    return code_new_with_posonlyargs(a);
}

// _varname_from_oparg(oparg): the localsplus name a LOAD_FAST/LOAD_DEREF
// oparg refers to (dis uses it).
Ref<> code_varname_from_oparg(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* out[1];
    if (!parse_args_fastkw("_varname_from_oparg", args, nargs, kwnames, {"oparg"}, 1, out)) return nullptr;
    int oparg = 0;
    if (!as_c_int(out[0], &oparg)) return nullptr;
    Object* names = C(self)->co_localsplusnames;
    if (oparg < 0 || oparg >= tuple_size(names)) return format_error(Exc_IndexError, "tuple index out of range");
    return new_ref(tuple_item(names, oparg));
}

// _co_code_adaptive: the instructions as the (specializing) interpreter
// currently sees them.
Ref<> get_code_adaptive(Object* op, void*)
{
    CodeObject* co = C(op);
    return bytes_from_string_and_size(co->co_code_adaptive, co->ob_size * 2);
}

}  // namespace

namespace {

void code_dealloc(Object* op)
{
    CodeObject* co = C(op);
    if (co->co_weakreflist) object_clear_weakrefs(op);
    for (Object** f : {&co->co_consts, &co->co_names, &co->co_exceptiontable, &co->co_localsplusnames,
                       &co->co_localspluskinds, &co->co_filename, &co->co_name, &co->co_qualname, &co->co_linetable,
                       &co->_co_code})
        clear_ref(*f);
    object_dealloc_memory(op);
}

Ref<> code_repr(Object* op)
{
    CodeObject* co = C(op);
    if (co->co_firstlineno != 0)
        return unicode_from_format("<code object %U at %p, file \"%U\", line %d>", co->co_name, op, co->co_filename,
                                   co->co_firstlineno);
    return unicode_from_format("<code object %U at %p, file \"%U\", line ?\?\?>", co->co_name, op, co->co_filename);
}

// code_richcompare. Compares what a code object means, not where it came
// from: co_qualname, co_filename, co_stacksize and co_nlocals are left out,
// the instructions are compared deoptimized and their inline caches skipped
// (the specializing interpreter rewrites both in place), and co_consts goes
// through the constant key so that code for `0` and for `0.0` differ.
Ref<> code_richcompare(Object* a, Object* b, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !code_check(a) || !code_check(b)) return not_implemented_ref();
    CodeObject *x = C(a), *y = C(b);
    int eq = object_rich_compare_bool(x->co_name, y->co_name, Py_EQ);
    if (eq > 0)
        eq = x->co_argcount == y->co_argcount && x->co_posonlyargcount == y->co_posonlyargcount &&
             x->co_kwonlyargcount == y->co_kwonlyargcount && x->co_flags == y->co_flags &&
             x->co_firstlineno == y->co_firstlineno && x->ob_size == y->ob_size;
    for (Py_ssize_t i = 0; eq > 0 && i < x->ob_size; i++) {
        _Py_CODEUNIT ux = code_units(x)[i], uy = code_units(y)[i];
        int opx = deoptimize(ux & 0xff), opy = deoptimize(uy & 0xff);
        eq = opx == opy && (ux >> 8) == (uy >> 8);
        i += cache_entries(opx);
    }
    if (eq > 0) {
        Ref<> kx = code_constant_key(x->co_consts), ky = code_constant_key(y->co_consts);
        if (!kx || !ky) return nullptr;
        eq = object_rich_compare_bool(kx.get(), ky.get(), Py_EQ);
    }
    for (auto [p, q] : {std::pair{x->co_names, y->co_names}, std::pair{x->co_localsplusnames, y->co_localsplusnames},
                        std::pair{x->co_linetable, y->co_linetable},
                        std::pair{x->co_exceptiontable, y->co_exceptiontable}}) {
        if (eq <= 0) break;
        eq = object_rich_compare_bool(p, q, Py_EQ);
    }
    if (eq < 0) return nullptr;
    return bool_from_long((eq == 1) == (op == Py_EQ));
}

// code_hash as 3.11.7 has it: the exclusive or of the hashed fields (3.12
// scrambles the instructions in too). Equal code objects hash alike since
// every field hashed here is also compared.
Py_hash_t code_hash(Object* op)
{
    CodeObject* co = C(op);
    Py_hash_t h = 0;
    for (Object* o : {co->co_name, co->co_consts, co->co_names, co->co_localsplusnames, co->co_linetable,
                      co->co_exceptiontable}) {
        Py_hash_t ho = object_hash(o);
        if (ho == -1) return -1;
        h ^= ho;
    }
    h ^= co->co_argcount ^ co->co_posonlyargcount ^ co->co_kwonlyargcount ^ co->co_flags;
    return h == -1 ? -2 : h;
}

Ref<> get_varnames(Object* op, void*) { return code_get_varnames(C(op)); }
Ref<> get_cellvars(Object* op, void*) { return code_get_cellvars(C(op)); }
Ref<> get_freevars(Object* op, void*) { return code_get_freevars(C(op)); }
Ref<> get_code(Object* op, void*) { return code_get_code(C(op)); }

GetSetDef code_getsets[] = {
    {"co_varnames", get_varnames, nullptr, nullptr, nullptr},
    {"co_cellvars", get_cellvars, nullptr, nullptr, nullptr},
    {"co_freevars", get_freevars, nullptr, nullptr, nullptr},
    {"co_code", get_code, nullptr, nullptr, nullptr},
    {"co_lnotab", code_get_lnotab, nullptr, nullptr, nullptr},
    {"_co_code_adaptive", get_code_adaptive, nullptr, nullptr, nullptr},
    {},
};

MethodDef code_methods[] = {
    method_noargs("co_lines", code_co_lines),
    method_noargs("co_positions", code_co_positions),
    method_fastkw("replace", code_replace, "Return a copy of the code object with new values for the specified fields."),
    method_fastkw("_varname_from_oparg", code_varname_from_oparg,
                  "(internal-only) Return the local variable name for the given oparg."),
    {},
};

MemberDef code_members[] = {
    {"co_argcount", T_INT, offsetof(CodeObject, co_argcount), READONLY, nullptr},
    {"co_posonlyargcount", T_INT, offsetof(CodeObject, co_posonlyargcount), READONLY, nullptr},
    {"co_kwonlyargcount", T_INT, offsetof(CodeObject, co_kwonlyargcount), READONLY, nullptr},
    {"co_stacksize", T_INT, offsetof(CodeObject, co_stacksize), READONLY, nullptr},
    {"co_flags", T_INT, offsetof(CodeObject, co_flags), READONLY, nullptr},
    {"co_nlocals", T_INT, offsetof(CodeObject, co_nlocals), READONLY, nullptr},
    {"co_consts", T_OBJECT, offsetof(CodeObject, co_consts), READONLY, nullptr},
    {"co_names", T_OBJECT, offsetof(CodeObject, co_names), READONLY, nullptr},
    {"co_filename", T_OBJECT, offsetof(CodeObject, co_filename), READONLY, nullptr},
    {"co_name", T_OBJECT, offsetof(CodeObject, co_name), READONLY, nullptr},
    {"co_qualname", T_OBJECT, offsetof(CodeObject, co_qualname), READONLY, nullptr},
    {"co_firstlineno", T_INT, offsetof(CodeObject, co_firstlineno), READONLY, nullptr},
    {"co_linetable", T_OBJECT, offsetof(CodeObject, co_linetable), READONLY, nullptr},
    {"co_exceptiontable", T_OBJECT, offsetof(CodeObject, co_exceptiontable), READONLY, nullptr},
    {},
};

}  // namespace

TypeObject Code_Type = [] {
    TypeObject t = static_type("code", offsetof(CodeObject, co_code_adaptive), sizeof(_Py_CODEUNIT), Py_TPFLAGS_DEFAULT,
                               "code(argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize,\n"
                               "     flags, codestring, constants, names, varnames, filename, name,\n"
                               "     qualname, firstlineno, linetable, exceptiontable, freevars=(),\n"
                               "     cellvars=(), /)\n--\n\n"
                               "Create a code object.  Not for the faint of heart.");
    t.tp_dealloc = code_dealloc;
    t.tp_weaklistoffset = offsetof(CodeObject, co_weakreflist);
    t.tp_repr = code_repr;
    t.tp_hash = code_hash;
    t.tp_getattro = object_generic_get_attr;
    t.tp_richcompare = code_richcompare;
    t.tp_members = code_members;
    t.tp_getset = code_getsets;
    t.tp_methods = code_methods;
    t.tp_new = code_tp_new;
    return t;
}();

TypeObject LineIter_Type = [] {
    TypeObject t = static_type("line_iterator", sizeof(LineIterObject), 0, Py_TPFLAGS_DEFAULT);
    t.tp_dealloc = lineiter_dealloc;
    t.tp_getattro = object_generic_get_attr;
    t.tp_iter = object_self_iter;
    t.tp_iternext = lineiter_next;
    return t;
}();

TypeObject PositionsIter_Type = [] {
    TypeObject t = static_type("positions_iterator", sizeof(PositionsIterObject), 0, Py_TPFLAGS_DEFAULT);
    t.tp_dealloc = positionsiter_dealloc;
    t.tp_getattro = object_generic_get_attr;
    t.tp_iter = object_self_iter;
    t.tp_iternext = positionsiter_next;
    return t;
}();

}  // namespace minipy::runtime
