// bytesobject.cpp: the bytes type (the core: construction, repr, hashing,
// comparison, indexing, slicing, concatenation and a few methods).
// Mirrors CPython 3.11 Objects/bytesobject.c. Book chapter 11.
#include "minipy/runtime/bytesobject.h"

#include <cstring>
#include <string>

#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/bytearrayobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/pyhash.h"
#include "minipy/runtime/sliceobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
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
    else return format_error(Exc_TypeError, "can't concat %.100s to %.100s", Py_TYPE(b)->tp_name, Py_TYPE(a)->tp_name);
    return bytes_from_view(s);
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
    if (!bytes_check(arg)) {
        format_error(Exc_TypeError, "a bytes-like object is required, not '%.100s'", Py_TYPE(arg)->tp_name);
        return -1;
    }
    return bytes_view(op).find(bytes_view(arg)) != std::string_view::npos;
}

Ref<> bytes_decode(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* out[2];
    if (!parse_args_fastkw("decode", args, nargs, kwnames, {"encoding", "errors"}, 0, out)) return nullptr;
    std::string enc = out[0] ? unicode_to_std(out[0]) : "utf-8";
    for (char& c : enc) c = static_cast<char>(c == '_' ? '-' : std::tolower(static_cast<unsigned char>(c)));
    if (enc == "utf-8" || enc == "utf8") return unicode_from_utf8(bytes_view(self));
    if (enc == "latin-1" || enc == "latin1" || enc == "iso-8859-1") {
        UnicodeWriter w;
        for (char c : bytes_view(self)) w.write_char(static_cast<unsigned char>(c));
        return w.finish();
    }
    if (enc == "ascii") {
        std::string_view v = bytes_view(self);
        for (std::size_t i = 0; i < v.size(); i++) {
            if (static_cast<unsigned char>(v[i]) >= 128) {
                Ref<> e = unicode_from_ascii("ascii");
                Ref<> st = long_from_ssize_t(static_cast<Py_ssize_t>(i)), en = long_from_ssize_t(static_cast<Py_ssize_t>(i + 1));
                Ref<> rs = unicode_from_ascii("ordinal not in range(128)");
                if (e && st && en && rs) {
                    Ref<> a = tuple_pack({e.get(), self, st.get(), en.get(), rs.get()});
                    if (a) set_error_object(Exc_UnicodeDecodeError, a.get());
                }
                return nullptr;
            }
        }
        return unicode_from_ascii(v);
    }
    return format_error(Exc_LookupError, "unknown encoding: %s", enc.c_str());
}

Ref<> bytes_hex(Object* self, Object*)
{
    static const char hex[] = "0123456789abcdef";
    std::string s;
    for (char c : bytes_view(self)) {
        s += hex[static_cast<unsigned char>(c) >> 4];
        s += hex[static_cast<unsigned char>(c) & 15];
    }
    return unicode_from_ascii(s);
}

Ref<> bytes_join(Object* self, Object* iterable)
{
    std::string out;
    Py_ssize_t i = 0;
    int r = for_each_item(iterable, [&](Object* item) {
        if (!bytes_check(item)) {
            format_error(Exc_TypeError, "sequence item %zd: expected a bytes-like object, %.80s found", i,
                         Py_TYPE(item)->tp_name);
            return -1;
        }
        if (i++ > 0) out += bytes_view(self);
        out += bytes_view(item);
        return 0;
    });
    if (r < 0) return nullptr;
    return bytes_from_view(out);
}

Ref<> bytes_tailmatch(Object* self, Object* arg, bool suffix, const char* name)
{
    auto one = [&](Object* sub) {
        std::string_view v = bytes_view(self), s = bytes_view(sub);
        return suffix ? v.size() >= s.size() && v.substr(v.size() - s.size()) == s : v.substr(0, s.size()) == s;
    };
    if (tuple_check(arg)) {
        for (Py_ssize_t i = 0; i < tuple_size(arg); i++) {
            if (!bytes_check(tuple_item(arg, i)))
                return format_error(Exc_TypeError, "a bytes-like object is required, not '%.100s'",
                                    Py_TYPE(tuple_item(arg, i))->tp_name);
            if (one(tuple_item(arg, i))) return new_ref(Py_True());
        }
        return new_ref(Py_False());
    }
    if (!bytes_check(arg))
        return format_error(Exc_TypeError, "%s first arg must be bytes or a tuple of bytes, not %.100s", name,
                            Py_TYPE(arg)->tp_name);
    return bool_from_long(one(arg));
}
Ref<> bytes_startswith(Object* self, Object* arg) { return bytes_tailmatch(self, arg, false, "startswith"); }
Ref<> bytes_endswith(Object* self, Object* arg) { return bytes_tailmatch(self, arg, true, "endswith"); }

Ref<> bytes_getnewargs(Object* self, Object*)
{
    Ref<> copy = bytes_from_view(bytes_view(self));
    if (!copy) return nullptr;
    return tuple_pack({copy.get()});
}

MethodDef bytes_methods[] = {
    method_noargs("__getnewargs__", bytes_getnewargs),
    method_fastkw("decode", bytes_decode, "Decode the bytes using the codec registered for encoding."),
    method_o("endswith", bytes_endswith, "B.endswith(suffix) -> bool"),
    method_noargs("hex", bytes_hex, "Create a string of hexadecimal numbers from a bytes object."),
    method_o("join", bytes_join, "Concatenate any number of bytes objects."),
    method_o("startswith", bytes_startswith, "B.startswith(prefix) -> bool"),
    {},
};

// bytes(), bytes(int), bytes(iterable_of_ints), bytes(str, encoding), bytes(bytes)
Ref<> bytes_new(TypeObject*, Object* args, Object* kwds)
{
    if (!check_no_kwargs("bytes", kwds)) return nullptr;
    Py_ssize_t n = tuple_size(args);
    if (!check_positional("bytes", n, 0, 3)) return nullptr;
    if (n == 0) return bytes_from_string_and_size(nullptr, 0);
    Object* x = tuple_item(args, 0);
    if (unicode_check(x)) {
        if (n < 2) return format_error(Exc_TypeError, "string argument without an encoding");
        return call_method(x, "encode", {tuple_item(args, 1)});
    }
    if (n > 1) return format_error(Exc_TypeError, unicode_check(tuple_item(args, 1)) ? "encoding without a string argument" : "bytes() argument 'encoding' must be str, not %.50s", Py_TYPE(tuple_item(args, 1))->tp_name);
    if (bytes_check(x)) return bytes_from_view(bytes_view(x));
    if (bytearray_check(x)) return bytes_from_view(bytearray_view(x));
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

// --- bytes_iterator -------------------------------------------------------------

struct BytesIterObject : Object {
    Py_ssize_t it_index;
    Object* it_seq;
};
void bytesiter_dealloc(Object* op)
{
    clear_ref(static_cast<BytesIterObject*>(op)->it_seq);
    object_dealloc_memory(op);
}
int bytesiter_traverse(Object* op, visitproc visit, void* arg)
{
    Object* s = static_cast<BytesIterObject*>(op)->it_seq;
    return s ? visit(s, arg) : 0;
}
Ref<> bytesiter_next(Object* op)
{
    auto* it = static_cast<BytesIterObject*>(op);
    if (!it->it_seq) return nullptr;
    if (it->it_index < bytes_size(it->it_seq)) return bytes_item(it->it_seq, it->it_index++);
    clear_ref(it->it_seq);
    return nullptr;
}
Ref<> bytes_iter(Object* self)
{
    Ref<BytesIterObject> it = object_new<BytesIterObject>(&BytesIter_Type);
    if (!it) return nullptr;
    it->it_seq = new_ref(self).release();
    return it;
}

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

}  // namespace

TypeObject Bytes_Type = [] {
    TypeObject t = static_type("bytes", offsetof(BytesObject, ob_sval) + 1, 1,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_BYTES_SUBCLASS | Py_TPFLAGS_MATCH_SELF,
                               "bytes(iterable_of_ints) -> bytes");
    t.tp_dealloc = object_generic_dealloc;
    t.tp_repr = bytes_repr_slot;
    t.tp_as_sequence = &bytes_as_sequence;
    t.tp_as_mapping = &bytes_as_mapping;
    t.tp_hash = bytes_hash;
    t.tp_str = bytes_repr_slot;
    t.tp_getattro = object_generic_get_attr;
    t.tp_richcompare = bytes_richcompare;
    t.tp_iter = bytes_iter;
    t.tp_methods = bytes_methods;
    t.tp_new = bytes_new;
    return t;
}();

TypeObject BytesIter_Type = [] {
    TypeObject t = static_type("bytes_iterator", sizeof(BytesIterObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC);
    t.tp_dealloc = bytesiter_dealloc;
    t.tp_traverse = bytesiter_traverse;
    t.tp_getattro = object_generic_get_attr;
    t.tp_iter = object_self_iter;
    t.tp_iternext = bytesiter_next;
    return t;
}();

void fini_bytes() { clear_ref(empty_bytes); }

}  // namespace minipy::runtime
