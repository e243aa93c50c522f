// bytearrayobject.cpp: the bytearray type.
// Mirrors CPython 3.11 Objects/bytearrayobject.c (the core: construction,
// repr, comparison, indexing and slice assignment, the list-like mutators,
// decode/hex). Book chapter 11.
//
// The bytes live in a separate mem_malloc buffer of ob_alloc bytes, always
// 0-terminated after ob_size, over-allocated by 1/8 on growth like lists.
#include "minipy/runtime/bytearrayobject.h"
#include "minipy/runtime/buffer.h"

#include <array>
#include <cstring>
#include <iterator>
#include <string>
#include <utility>

#include "minipy/memory/obmalloc.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/sliceobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "pycore_bytes_methods.h"
#include "pycore_codecs.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

namespace {

ByteArrayObject* B(Object* o) { return static_cast<ByteArrayObject*>(o); }

int bytearray_resize(ByteArrayObject* self, Py_ssize_t size)
{
    if (self->ob_exports > 0 && size != self->ob_size) {
        set_error(Exc_BufferError, "Existing exports of data: object cannot be re-sized");
        return -1;
    }
    if (size + 1 > self->ob_alloc || size + 1 < self->ob_alloc / 2) {
        Py_ssize_t alloc = size + 1 + (size >> 3) + (size < 9 ? 3 : 6);
        auto* buf = static_cast<char*>(memory::mem_realloc(self->ob_bytes, static_cast<std::size_t>(alloc)));
        if (!buf) {
            error_no_memory();
            return -1;
        }
        self->ob_bytes = self->ob_start = buf;
        self->ob_alloc = alloc;
    }
    self->ob_size = size;
    self->ob_bytes[size] = '\0';
    return 0;
}

int set_contents(ByteArrayObject* self, std::string_view data)
{
    if (bytearray_resize(self, static_cast<Py_ssize_t>(data.size())) < 0) return -1;
    if (!data.empty()) std::memmove(self->ob_bytes, data.data(), data.size());
    return 0;
}

// A byte value from an int-like object: "byte must be in range(0, 256)".
int byte_value(Object* arg, int* out)
{
    Py_ssize_t v = number_as_ssize_t(arg, nullptr);
    if (v == -1 && error_occurred()) return -1;
    if (v < 0 || v > 255) {
        set_error(Exc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    *out = static_cast<int>(v);
    return 0;
}

// The bytes of a bytes-like object or an iterable of ints.
bool bytes_of(Object* arg, std::string* out, const char* iterable_error)
{
    if (bytes_check(arg)) {
        out->assign(bytes_view(arg));
        return true;
    }
    if (bytearray_check(arg)) {
        out->assign(bytearray_view(arg));
        return true;
    }
    if (object_check_buffer(arg)) {  // memoryview: its bytes, not its items
        out->clear();
        return buffer_append_to(arg, out);
    }
    if ((iterable_error && unicode_check(arg)) || (!Py_TYPE(arg)->tp_iter && !sequence_check(arg))) {
        if (iterable_error) set_error(Exc_TypeError, iterable_error);
        else format_error(Exc_TypeError, "can't extend bytearray with %.100s", Py_TYPE(arg)->tp_name);
        return false;
    }
    return for_each_item(arg, [&](Object* item) {
               int v;
               if (byte_value(item, &v) < 0) return -1;
               *out += static_cast<char>(v);
               return 0;
           }) == 0;
}

void bytearray_dealloc(Object* op)
{
    memory::mem_free(B(op)->ob_bytes);
    object_dealloc_memory(op);
}

// Like bytes' repr, except that a single quote is escaped even inside
// double quotes (bytearray_repr's own loop in CPython).
Ref<> bytearray_repr(Object* op)
{
    std::string_view v = bytearray_view(op);
    char quote = v.find('\'') != std::string_view::npos && v.find('"') == std::string_view::npos ? '"' : '\'';
    std::string out = std::string(type_short_name(Py_TYPE(op))) + "(b" + quote;
    static const char hex[] = "0123456789abcdef";
    for (char sc : v) {
        auto c = static_cast<unsigned char>(sc);
        if (c == '\'' || c == '\\') {
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
    out += ')';
    return unicode_from_utf8(out);
}

Py_ssize_t bytearray_length(Object* op) { return bytearray_size(op); }

Ref<> bytearray_item(Object* op, Py_ssize_t i)
{
    if (i < 0 || i >= bytearray_size(op)) return format_error(Exc_IndexError, "bytearray index out of range");
    return long_from_long(static_cast<unsigned char>(B(op)->ob_start[i]));
}

Ref<> bytearray_subscript(Object* op, Object* index)
{
    if (index_check(index)) {
        Py_ssize_t i = number_as_ssize_t(index, Exc_IndexError);
        if (i == -1 && error_occurred()) return nullptr;
        if (i < 0) i += bytearray_size(op);
        return bytearray_item(op, i);
    }
    if (slice_check(index)) {
        Py_ssize_t start, stop, step;
        if (slice_unpack(index, &start, &stop, &step) < 0) return nullptr;
        Py_ssize_t len = slice_adjust_indices(bytearray_size(op), &start, &stop, step);
        std::string s;
        for (Py_ssize_t cur = start, i = 0; i < len; cur += step, i++) s += B(op)->ob_start[cur];
        return bytearray_from_view(s);
    }
    return format_error(Exc_TypeError, "bytearray indices must be integers or slices, not %.200s", Py_TYPE(index)->tp_name);
}

int bytearray_ass_subscript(Object* op, Object* index, Object* values)
{
    ByteArrayObject* self = B(op);
    if (index_check(index)) {
        Py_ssize_t i = number_as_ssize_t(index, Exc_IndexError);
        if (i == -1 && error_occurred()) return -1;
        if (i < 0) i += self->ob_size;
        if (i < 0 || i >= self->ob_size) {
            set_error(Exc_IndexError, "bytearray index out of range");
            return -1;
        }
        if (!values) {
            std::string s(bytearray_view(op));
            s.erase(static_cast<std::size_t>(i), 1);
            return set_contents(self, s);
        }
        int v;
        if (byte_value(values, &v) < 0) return -1;
        self->ob_start[i] = static_cast<char>(v);
        return 0;
    }
    if (!slice_check(index)) {
        format_error(Exc_TypeError, "bytearray indices must be integers or slices, not %.200s", Py_TYPE(index)->tp_name);
        return -1;
    }
    Py_ssize_t start, stop, step;
    if (slice_unpack(index, &start, &stop, &step) < 0) return -1;
    Py_ssize_t slicelen = slice_adjust_indices(self->ob_size, &start, &stop, step);
    std::string repl;
    if (values && !bytes_of(values, &repl, "can assign only bytes, buffers, or iterables of ints in range(0, 256)"))
        return -1;
    std::string s(bytearray_view(op));
    if (step == 1) {
        if (stop < start) stop = start;
        s.replace(static_cast<std::size_t>(start), static_cast<std::size_t>(stop - start), repl);
        return set_contents(self, s);
    }
    if (!values) {
        std::string kept;
        std::vector<bool> doomed(s.size(), false);
        for (Py_ssize_t i = 0, cur = start; i < slicelen; i++, cur += step) doomed[static_cast<std::size_t>(cur)] = true;
        for (std::size_t k = 0; k < s.size(); k++)
            if (!doomed[k]) kept += s[k];
        return set_contents(self, kept);
    }
    if (static_cast<Py_ssize_t>(repl.size()) != slicelen) {
        format_error(Exc_ValueError, "attempt to assign bytes of size %zd to extended slice of size %zd",
                     static_cast<Py_ssize_t>(repl.size()), slicelen);
        return -1;
    }
    for (Py_ssize_t i = 0, cur = start; i < slicelen; i++, cur += step) self->ob_start[cur] = repl[static_cast<std::size_t>(i)];
    return 0;
}

int bytearray_contains(Object* op, Object* arg)
{
    std::string_view v = bytearray_view(op);
    if (index_check(arg)) {
        int b;
        if (byte_value(arg, &b) < 0) return -1;
        return v.find(static_cast<char>(b)) != std::string_view::npos;
    }
    std::string needle;
    if (bytes_check(arg)) needle.assign(bytes_view(arg));
    else if (bytearray_check(arg)) needle.assign(bytearray_view(arg));
    else {
        format_error(Exc_TypeError, "a bytes-like object is required, not '%.100s'", Py_TYPE(arg)->tp_name);
        return -1;
    }
    return v.find(needle) != std::string_view::npos;
}

bool buffer_view(Object* o, std::string_view* out)
{
    if (bytes_check(o)) *out = bytes_view(o);
    else if (bytearray_check(o)) *out = bytearray_view(o);
    else if (object_check_buffer(o)) {
        // A contiguous exporter (memoryview), borrowed while o keeps it.
        Py_buffer view{};
        if (object_get_buffer(o, &view, PyBUF_SIMPLE) < 0) {
            error_clear();
            return false;
        }
        *out = std::string_view(static_cast<const char*>(view.buf), static_cast<std::size_t>(view.len));
        buffer_release(&view);
    }
    else return false;
    return true;
}

Ref<> bytearray_concat(Object* a, Object* b)
{
    std::string_view va, vb;
    if (!buffer_view(a, &va) || !buffer_view(b, &vb))
        return format_error(Exc_TypeError, "can't concat %.100s to %.100s", Py_TYPE(b)->tp_name, Py_TYPE(a)->tp_name);
    std::string s(va);
    s += vb;
    return bytearray_from_view(s);
}

Ref<> bytearray_iconcat(Object* self, Object* other)
{
    std::string_view vb;
    if (!buffer_view(other, &vb))
        return format_error(Exc_TypeError, "can't concat %.100s to %.100s", Py_TYPE(other)->tp_name, Py_TYPE(self)->tp_name);
    std::string s(bytearray_view(self));
    s += vb;
    if (set_contents(B(self), s) < 0) return nullptr;
    return new_ref(self);
}

Ref<> bytearray_repeat(Object* self, Py_ssize_t n)
{
    std::string s;
    std::string_view v = bytearray_view(self);
    if (n > 0 && !v.empty() && n > PTRDIFF_MAX / static_cast<Py_ssize_t>(v.size())) return error_no_memory();
    for (Py_ssize_t i = 0; i < n; i++) s += v;
    return bytearray_from_view(s);
}

Ref<> bytearray_irepeat(Object* self, Py_ssize_t n)
{
    Ref<> r = bytearray_repeat(self, n);
    if (!r || set_contents(B(self), bytearray_view(r.get())) < 0) return nullptr;
    return new_ref(self);
}

Ref<> bytearray_richcompare(Object* a, Object* b, int op)
{
    std::string_view va, vb;
    if (!buffer_view(a, &va) || !buffer_view(b, &vb)) return not_implemented_ref();
    int c = va.compare(vb);
    bool r = op == Py_LT ? c < 0 : op == Py_LE ? c <= 0 : op == Py_EQ ? c == 0 : op == Py_NE ? c != 0 : op == Py_GT ? c > 0 : c >= 0;
    return bool_from_long(r);
}

// --- Methods ---------------------------------------------------------------------

Ref<> ba_append(Object* self, Object* item)
{
    int v;
    if (byte_value(item, &v) < 0) return nullptr;
    Py_ssize_t n = bytearray_size(self);
    if (bytearray_resize(B(self), n + 1) < 0) return nullptr;
    B(self)->ob_start[n] = static_cast<char>(v);
    return none_ref();
}

Ref<> ba_extend(Object* self, Object* iterable)
{
    std::string more;
    if (!bytes_of(iterable, &more, nullptr)) return nullptr;
    std::string s(bytearray_view(self));
    s += more;
    if (set_contents(B(self), s) < 0) return nullptr;
    return none_ref();
}

Ref<> ba_insert(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("insert", nargs, 2, 2)) return nullptr;
    Py_ssize_t where = number_as_ssize_t(args[0], Exc_OverflowError);
    if (where == -1 && error_occurred()) return nullptr;
    int v;
    if (byte_value(args[1], &v) < 0) return nullptr;
    std::string s(bytearray_view(self));
    Py_ssize_t n = static_cast<Py_ssize_t>(s.size());
    if (where < 0) where = std::max<Py_ssize_t>(where + n, 0);
    where = std::min(where, n);
    s.insert(static_cast<std::size_t>(where), 1, static_cast<char>(v));
    if (set_contents(B(self), s) < 0) return nullptr;
    return none_ref();
}

Ref<> ba_pop(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("pop", nargs, 0, 1)) return nullptr;
    Py_ssize_t i = -1;
    if (nargs == 1) {
        i = number_as_ssize_t(args[0], Exc_OverflowError);
        if (i == -1 && error_occurred()) return nullptr;
    }
    Py_ssize_t n = bytearray_size(self);
    if (n == 0) return format_error(Exc_IndexError, "pop from empty bytearray");
    if (i < 0) i += n;
    if (i < 0 || i >= n) return format_error(Exc_IndexError, "pop index out of range");
    auto value = static_cast<unsigned char>(B(self)->ob_start[i]);
    std::string s(bytearray_view(self));
    s.erase(static_cast<std::size_t>(i), 1);
    if (set_contents(B(self), s) < 0) return nullptr;
    return long_from_long(value);
}

Ref<> ba_remove(Object* self, Object* arg)
{
    int v;
    if (byte_value(arg, &v) < 0) return nullptr;
    std::string s(bytearray_view(self));
    std::size_t pos = s.find(static_cast<char>(v));
    if (pos == std::string::npos) return format_error(Exc_ValueError, "value not found in bytearray");
    s.erase(pos, 1);
    if (set_contents(B(self), s) < 0) return nullptr;
    return none_ref();
}

Ref<> ba_clear(Object* self, Object*)
{
    if (set_contents(B(self), "") < 0) return nullptr;
    return none_ref();
}

Ref<> ba_copy(Object* self, Object*) { return bytearray_from_view(bytearray_view(self)); }

Ref<> ba_reverse(Object* self, Object*)
{
    std::string s(bytearray_view(self));
    std::reverse(s.begin(), s.end());
    if (set_contents(B(self), s) < 0) return nullptr;
    return none_ref();
}

// decode() and hex() are bytes' own: run them on a bytes copy.
Ref<> ba_decode(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Ref<> b = bytes_from_view(bytearray_view(self));
    if (!b) return nullptr;
    Ref<> meth = object_get_attr_string(b.get(), "decode");
    if (!meth) return nullptr;
    return object_vectorcall(meth.get(), args, static_cast<std::size_t>(nargs), kwnames);
}

// __reduce__/__reduce_ex__ (_common_reduce): (type, args, state). Up to
// protocol 2 the contents travel as a Latin-1 str with its encoding, the
// form Python 2 could read; from protocol 3 as bytes.
Ref<> ba_common_reduce(Object* self, long proto)
{
    Ref<> state = object_get_state(self);
    if (!state) return nullptr;
    std::string_view data = bytearray_view(self);
    Ref<> args;
    if (data.empty()) {
        args = tuple_new(0);
    } else if (proto < 3) {
        Ref<> text = unicode_decode_latin1(data);
        Ref<> enc = unicode_from_string("latin-1");
        if (text && enc) args = tuple_pack({text.get(), enc.get()});
    } else {
        Ref<> bytes = bytes_from_view(data);
        if (bytes) args = tuple_pack({bytes.get()});
    }
    if (!args) return nullptr;
    return tuple_pack({Py_TYPE(self), args.get(), state.get()});
}

Ref<> ba_reduce(Object* self, Object*) { return ba_common_reduce(self, 2); }

Ref<> ba_reduce_ex(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("__reduce_ex__", nargs, 0, 1)) return nullptr;
    long proto = 0;
    if (nargs == 1) {
        Ref<> index = number_index(args[0]);
        if (!index) return nullptr;
        proto = static_cast<long>(number_as_ssize_t(index.get(), Exc_OverflowError));
        if (proto == -1 && error_occurred()) return nullptr;
    }
    return ba_common_reduce(self, proto);
}

Ref<> ba_hex(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Ref<> b = bytes_from_view(bytearray_view(self));
    Ref<> meth = b ? object_get_attr_string(b.get(), "hex") : nullptr;
    if (!meth) return nullptr;
    return object_vectorcall(meth.get(), args, static_cast<std::size_t>(nargs), kwnames);
}

// --- The methods bytearray shares with bytes ------------------------------
// CPython implements them once (Objects/bytes_methods.c) for both types.
// minipy's one implementation is bytes's: a shared method runs on a bytes
// copy of the contents, and what it returns is given back as bytearray
// (a bytes result, and the bytes inside a partition tuple or a split list).

constexpr const char* shared_with_bytes[] = {
    "capitalize", "center",  "count",     "endswith", "expandtabs", "find",      "index",        "isalnum",
    "isalpha",    "isascii", "isdigit",   "islower",  "isspace",    "istitle",   "isupper",      "join",
    "ljust",      "lower",   "lstrip",    "partition", "removeprefix", "removesuffix", "replace", "rfind",
    "rindex",     "rjust",   "rpartition", "rsplit",  "rstrip",     "split",     "splitlines",   "startswith",
    "strip",      "swapcase", "title",    "translate", "upper",     "zfill",
};
constexpr std::size_t n_shared = std::size(shared_with_bytes);

// bytes -> bytearray, through tuples and lists; anything else unchanged.
Ref<> as_bytearray_result(Ref<> r)
{
    if (!r) return nullptr;
    if (bytes_check(r.get())) return bytearray_from_view(bytes_view(r.get()));
    if (tuple_check(r.get()) || list_check(r.get())) {
        bool tuple = tuple_check(r.get());
        Ref<> out = list_new(0);
        if (!out) return nullptr;
        Py_ssize_t n = tuple ? tuple_size(r.get()) : list_size(r.get());
        for (Py_ssize_t i = 0; i < n; i++) {
            Ref<> item = as_bytearray_result(new_ref(tuple ? tuple_item(r.get(), i) : list_item(r.get(), i)));
            if (!item || list_append(out.get(), item.get()) < 0) return nullptr;
        }
        return tuple ? list_as_tuple(out.get()) : out;
    }
    return r;
}

// bytes's method table entry of a shared method.
MethodDef* bytes_method(const char* name)
{
    for (MethodDef* ml = Bytes_Type.tp_methods; ml && ml->ml_name; ml++)
        if (std::string_view(ml->ml_name) == name) return ml;
    return nullptr;
}

template <std::size_t I>
Ref<> ba_shared(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    static MethodDef* const ml = bytes_method(shared_with_bytes[I]);
    if (!ml) return error_bad_internal_call();
    Ref<> copy = bytes_from_view(bytearray_view(self));
    if (!copy) return nullptr;
    // Called as bytearray's own: argument errors name "bytearray.zfill()".
    return as_bytearray_result(methoddef_call(ml, copy.get(), args, nargs, kwnames, &ByteArray_Type));
}

Ref<> ba_alloc(Object* self, Object*) { return long_from_ssize_t(B(self)->ob_alloc); }

// bytearray.fromhex(string): bytes.fromhex's parser, the result as cls.
Ref<> ba_fromhex(Object* cls, Object* string)
{
    Ref<> b = call_method(&Bytes_Type, "fromhex", {string});
    if (!b) return nullptr;
    Ref<> args = tuple_pack({b.get()});
    return args ? object_call(cls, args.get(), nullptr) : nullptr;
}

MethodDef own_methods[] = {
    method_o("append", ba_append, "Append a single item to the end of the bytearray."),
    method_noargs("clear", ba_clear, "Remove all items from the bytearray."),
    method_noargs("copy", ba_copy, "Return a copy of B."),
    method_fastkw("decode", ba_decode, "Decode the bytearray using the codec registered for encoding."),
    method_o("extend", ba_extend, "Append all the items from the iterator or sequence to the end of the bytearray."),
    method_noargs("__reduce__", ba_reduce, "Return state information for pickling."),
    method_fast("__reduce_ex__", ba_reduce_ex, "Return state information for pickling."),
    method_fastkw("hex", ba_hex, "Create a string of hexadecimal numbers from a bytearray object."),
    method_fast("insert", ba_insert, "Insert a single item into the bytearray before the given index."),
    method_fast("pop", ba_pop, "Remove and return a single item from B."),
    method_o("remove", ba_remove, "Remove the first occurrence of a value in the bytearray."),
    method_noargs("reverse", ba_reverse, "Reverse the order of the values in B in place."),
    method_o("fromhex", ba_fromhex, "Create a bytearray object from a string of hexadecimal numbers.", METH_CLASS),
    method_noargs("__alloc__", ba_alloc, "B.__alloc__() -> int\n\nReturn the number of bytes actually allocated."),
    method_fast("maketrans", bytes_maketrans, "Return a translation table useable for the bytes or bytearray translate method.",
                METH_STATIC),
};

template <std::size_t... I>
std::array<MethodDef, std::size(own_methods) + n_shared + 1> make_methods(std::index_sequence<I...>)
{
    std::array<MethodDef, std::size(own_methods) + n_shared + 1> table{};
    std::size_t k = 0;
    for (const MethodDef& m : own_methods) table[k++] = m;
    ((table[k++] = method_fastkw(shared_with_bytes[I], ba_shared<I>)), ...);
    return table;  // the last entry stays empty: the end of the table
}

auto bytearray_methods = make_methods(std::make_index_sequence<n_shared>{});

int bytearray_init(Object* self, Object* args, Object* kwds)
{
    Object* arg[3];
    if (!parse_args_tuple_kw("bytearray", args, kwds, {"source", "encoding", "errors"}, 0, arg)) return -1;
    if (!codec_check_arguments("bytearray", arg[1], arg[2])) return -1;
    Object* x = arg[0];
    if (x && unicode_check(x)) {
        if (!arg[1]) {
            set_error(Exc_TypeError, "string argument without an encoding");
            return -1;
        }
        Ref<> enc = unicode_encode(x, arg[1], arg[2]);
        if (!enc) return -1;
        return set_contents(B(self), bytes_view(enc.get()));
    }
    if (arg[1] || arg[2]) {
        set_error(Exc_TypeError, arg[1] ? "encoding without a string argument" : "errors without a string argument");
        return -1;
    }
    if (!x) return set_contents(B(self), "");
    if (index_check(x)) {
        Py_ssize_t count = number_as_ssize_t(x, Exc_OverflowError);
        if (count == -1 && error_occurred()) return -1;
        if (count < 0) {
            set_error(Exc_ValueError, "negative count");
            return -1;
        }
        return set_contents(B(self), std::string(static_cast<std::size_t>(count), '\0'));
    }
    std::string data;
    if (!bytes_of(x, &data, nullptr)) {
        if (error_matches(Exc_TypeError)) {
            error_clear();
            format_error(Exc_TypeError, "cannot convert '%.200s' object to bytearray", Py_TYPE(x)->tp_name);
        }
        return -1;
    }
    return set_contents(B(self), data);
}

Ref<> bytearray_tp_new(TypeObject* type, Object*, Object*) { return steal_ref(object_alloc_raw(type, 0)); }

Ref<> bytearray_iter(Object* self) { return index_iter_new(&ByteArrayIter_Type, self); }

SequenceMethods bytearray_as_sequence = [] {
    SequenceMethods sq{};
    sq.sq_length = bytearray_length;
    sq.sq_concat = bytearray_concat;
    sq.sq_repeat = bytearray_repeat;
    sq.sq_item = bytearray_item;
    sq.sq_contains = bytearray_contains;
    sq.sq_inplace_concat = bytearray_iconcat;
    sq.sq_inplace_repeat = bytearray_irepeat;
    return sq;
}();
MappingMethods bytearray_as_mapping = {bytearray_length, bytearray_subscript, bytearray_ass_subscript};

// bytearray % args: bytes's formatting, the result as a bytearray.
Ref<> bytearray_mod(Object* v, Object* w)
{
    if (!bytearray_check(v)) return not_implemented_ref();
    std::string result;
    if (!bytes_printf_format(bytearray_view(v), w, &result)) return nullptr;
    return bytearray_from_view(result);
}
NumberMethods bytearray_as_number = [] {
    NumberMethods nb{};
    nb.nb_remainder = bytearray_mod;
    return nb;
}();

// bf_getbuffer/bf_releasebuffer: a writable view; resizing is refused
// while one is out (ob_exports, checked by bytearray_resize).
int bytearray_getbuffer(Object* self, Py_buffer* view, int flags)
{
    auto* b = B(self);
    static char empty[1] = {0};
    if (buffer_fill_info(view, self, b->ob_start ? b->ob_start : empty, b->ob_size, 0, flags) < 0) return -1;
    b->ob_exports++;
    return 0;
}

void bytearray_releasebuffer(Object* self, Py_buffer*) { B(self)->ob_exports--; }

BufferProcs bytearray_as_buffer = {bytearray_getbuffer, bytearray_releasebuffer};

}  // namespace

TypeObject ByteArray_Type = [] {
    TypeObject t = static_type("bytearray", sizeof(ByteArrayObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_SEQUENCE,
                               "bytearray(iterable_of_ints) -> bytearray");
    t.tp_dealloc = bytearray_dealloc;
    t.tp_repr = bytearray_repr;
    t.tp_as_sequence = &bytearray_as_sequence;
    t.tp_as_mapping = &bytearray_as_mapping;
    t.tp_as_number = &bytearray_as_number;
    t.tp_hash = hash_not_implemented;
    t.tp_as_buffer = &bytearray_as_buffer;
    t.tp_str = bytearray_repr;
    t.tp_getattro = object_generic_get_attr;
    t.tp_richcompare = bytearray_richcompare;
    t.tp_iter = bytearray_iter;
    t.tp_methods = bytearray_methods.data();
    t.tp_init = bytearray_init;
    t.tp_new = bytearray_tp_new;
    return t;
}();

TypeObject ByteArrayIter_Type = index_iter_type("bytearray_iterator");

Ref<> bytearray_from_view(std::string_view s)
{
    Ref<> ba = steal_ref(object_alloc_raw(&ByteArray_Type, 0));
    if (!ba || set_contents(B(ba.get()), s) < 0) return nullptr;
    return ba;
}

}  // namespace minipy::runtime
