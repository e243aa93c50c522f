// memoryobject.cpp: memoryview, and the buffer protocol's functions.
// Mirrors CPython 3.11 Objects/memoryobject.c (memoryview, the managed
// buffer, memory_iterator) and the buffer part of Objects/abstract.c
// (PyObject_GetBuffer, PyBuffer_Release, PyBuffer_FillInfo,
// PyBuffer_IsContiguous). Book chapter 11.
//
// Design notes
// ------------
// * A managed buffer (ManagedBufferObject, CPython's _PyManagedBufferObject)
//   holds the one buffer obtained from the exporter, the "master" view.
//   Every memoryview made from it, slices and casts included, holds a
//   reference to the managed buffer; the master is given back to the
//   exporter when the last of them is gone, so bytearray stays unresizable
//   exactly while some view of it is alive and not released.
// * A memoryview owns its own copy of the view's geometry: shape, strides
//   (and suboffsets, always absent) live in ob_array, 3 * ndim entries, as
//   in CPython; slicing copies and adjusts them, it never copies memory.
// * A memoryview is itself an exporter: bytes(mv), b"".join([mv]) take a
//   buffer of it, counted in mv->exports; mv.release() refuses while some
//   are out ("memoryview has 1 exported buffer").
// * Items are unpacked and packed for the native single-character struct
//   formats ('B', 'b', 'c', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'n',
//   'N', 'f', 'd', '?', 'P'), optionally prefixed by '@'.
#include "minipy/runtime/buffer.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/floatobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/pyhash.h"
#include "minipy/runtime/sliceobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::runtime {

// --- the buffer protocol (Objects/abstract.c) ---------------------------------------

int object_get_buffer(Object* o, Py_buffer* view, int flags)
{
    BufferProcs* pb = type_buffer_procs(Py_TYPE(o));
    if (!pb || !pb->bf_getbuffer) {
        format_error(Exc_TypeError, "a bytes-like object is required, not '%.100s'", Py_TYPE(o)->tp_name);
        return -1;
    }
    return pb->bf_getbuffer(o, view, flags);
}

void buffer_release(Py_buffer* view)
{
    Object* obj = view->obj;
    if (!obj) return;
    if (BufferProcs* pb = type_buffer_procs(Py_TYPE(obj)); pb && pb->bf_releasebuffer) pb->bf_releasebuffer(obj, view);
    view->obj = nullptr;
    decref(obj);
}

int buffer_fill_info(Py_buffer* view, Object* exporter, void* buf, Py_ssize_t len, int readonly, int flags)
{
    if ((flags & PyBUF_WRITABLE) && readonly) {
        format_error(Exc_BufferError, "Object is not writable.");
        return -1;
    }
    view->obj = exporter;
    xincref(exporter);
    view->buf = buf;
    view->len = len;
    view->readonly = readonly;
    view->itemsize = 1;
    view->format = (flags & PyBUF_FORMAT) ? "B" : nullptr;
    view->ndim = 1;
    view->shape = (flags & PyBUF_ND) ? &view->len : nullptr;
    view->strides = ((flags & PyBUF_STRIDES) == PyBUF_STRIDES) ? &view->itemsize : nullptr;
    view->suboffsets = nullptr;
    view->internal = nullptr;
    return 0;
}

namespace {

bool is_c_contiguous(const Py_buffer* view)
{
    if (view->len == 0 || !view->strides) return true;
    Py_ssize_t sd = view->itemsize;
    for (int i = view->ndim - 1; i >= 0; i--) {
        if (view->shape[i] > 1 && view->strides[i] != sd) return false;
        sd *= view->shape[i];
    }
    return true;
}

bool is_f_contiguous(const Py_buffer* view)
{
    if (view->len == 0) return true;
    if (!view->strides) {
        if (view->ndim <= 1) return true;
        // C-contiguous with at most one dimension > 1 is also F-contiguous.
        Py_ssize_t big = 0;
        for (int i = 0; i < view->ndim; i++)
            if (view->shape[i] > 1) big++;
        return big <= 1;
    }
    Py_ssize_t sd = view->itemsize;
    for (int i = 0; i < view->ndim; i++) {
        if (view->shape[i] > 1 && view->strides[i] != sd) return false;
        sd *= view->shape[i];
    }
    return true;
}

}  // namespace

bool buffer_is_contiguous(const Py_buffer* view, char order)
{
    if (order == 'C') return is_c_contiguous(view);
    if (order == 'F') return is_f_contiguous(view);
    return is_c_contiguous(view) || is_f_contiguous(view);
}

namespace {

// --- the managed buffer -------------------------------------------------------------

struct ManagedBufferObject : Object {
    Py_buffer master;  // the exporter's view, given back in dealloc
};

void mbuf_dealloc(Object* op)
{
    buffer_release(&static_cast<ManagedBufferObject*>(op)->master);
    object_dealloc_memory(op);
}

int mbuf_traverse(Object* op, visitproc visit, void* arg)
{
    Object* o = static_cast<ManagedBufferObject*>(op)->master.obj;
    return o ? visit(o, arg) : 0;
}

// --- memoryview ---------------------------------------------------------------------

enum : int {
    MV_RELEASED = 0x001,
    MV_C = 0x002,
    MV_F = 0x004,
};

struct MemoryViewObject : VarObject {
    ManagedBufferObject* mbuf;  // owned; null once released
    Py_hash_t hash;             // -1 until computed
    int flags;                  // MV_*
    Py_ssize_t exports;         // buffers of this view held by consumers
    Py_buffer view;             // view.obj owned (the exporter); shape/strides point into ob_array
    Py_ssize_t ob_array[1];     // shape[ndim], strides[ndim], suboffsets[ndim]
};

MemoryViewObject* MV(Object* op) { return static_cast<MemoryViewObject*>(op); }

bool released(Object* self) { return MV(self)->flags & MV_RELEASED; }

std::nullptr_t error_released()
{
    return format_error(Exc_ValueError, "operation forbidden on released memoryview object");
}

#define CHECK_RELEASED(self) \
    if (released(self)) return error_released()
#define CHECK_RELEASED_INT(self)   \
    if (released(self)) {          \
        (void)error_released();    \
        return -1;                 \
    }

// The format without its optional '@' ("B" for a null format).
const char* fmt_of(const Py_buffer* view) { return view->format ? view->format : "B"; }

// get_native_fmtchar: the item size of a native single-character format
// (optionally '@'-prefixed), or -1.
Py_ssize_t native_itemsize(const char* fmt, char* out_char = nullptr)
{
    if (fmt[0] == '@') fmt++;
    if (!fmt[0] || fmt[1]) return -1;
    Py_ssize_t size;
    switch (fmt[0]) {
    case 'c': case 'b': case 'B': size = 1; break;
    case '?': size = sizeof(bool); break;
    case 'h': case 'H': size = sizeof(short); break;
    case 'i': case 'I': size = sizeof(int); break;
    case 'l': case 'L': size = sizeof(long); break;
    case 'q': case 'Q': size = sizeof(long long); break;
    case 'n': case 'N': size = sizeof(Py_ssize_t); break;
    case 'f': size = sizeof(float); break;
    case 'd': size = sizeof(double); break;
    case 'P': size = sizeof(void*); break;
    default: return -1;
    }
    if (out_char) *out_char = fmt[0];
    return size;
}

// get_native_fmtstr: a static copy of a native format (the view's format
// must outlive the exporter's string after a cast).
const char* native_fmtstr(char c)
{
    static const char table[] = "cbB?hHiIlLqQnNfdP";
    static const char strings[][2] = {"c", "b", "B", "?", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N", "f", "d", "P"};
    const char* at = std::strchr(table, c);
    return at ? strings[at - table] : nullptr;
}

bool is_byte_format(const char* fmt)
{
    if (fmt[0] == '@') fmt++;
    return (fmt[0] == 'B' || fmt[0] == 'b' || fmt[0] == 'c') && !fmt[1];
}

// The format's single character, or 0 when it is not a native one.
char fmt_char(const char* fmt)
{
    char c = 0;
    return native_itemsize(fmt, &c) < 0 ? 0 : c;
}

std::nullptr_t error_unsupported_format(const char* fmt)
{
    return format_error(Exc_NotImplementedError, "memoryview: format %s not supported", fmt);
}

// unpack_single: the Python value of the item at ptr.
Ref<> unpack_single(const char* ptr, const char* fmt)
{
    auto load = [&](auto v) {
        std::memcpy(&v, ptr, sizeof v);
        return v;
    };
    switch (fmt_char(fmt)) {
    case 'B': return long_from_long(static_cast<unsigned char>(*ptr));
    case 'b': return long_from_long(static_cast<signed char>(*ptr));
    case 'c': return bytes_from_string_and_size(ptr, 1);
    case '?': return bool_from_long(load(static_cast<unsigned char>(0)) != 0);
    case 'h': return long_from_long(load(short{}));
    case 'H': return long_from_long(load(static_cast<unsigned short>(0)));
    case 'i': return long_from_long(load(int{}));
    case 'I': return long_from_long(load(0u));
    case 'l': return long_from_long(load(0l));
    case 'L': return long_from_unsigned(load(0ul));
    case 'q': return long_from_long(load(0ll));
    case 'Q': return long_from_unsigned(load(0ull));
    case 'n': return long_from_ssize_t(load(Py_ssize_t{}));
    case 'N': return long_from_unsigned(load(std::size_t{}));
    case 'f': return float_from_double(load(0.0f));
    case 'd': return float_from_double(load(0.0));
    case 'P': return long_from_unsigned(reinterpret_cast<std::uintptr_t>(load(static_cast<void*>(nullptr))));
    default: return error_unsupported_format(fmt);
    }
}

int type_error_int(const char* fmt)
{
    format_error(Exc_TypeError, "memoryview: invalid type for format '%s'", fmt);
    return -1;
}
int value_error_int(const char* fmt)
{
    format_error(Exc_ValueError, "memoryview: invalid value for format '%s'", fmt);
    return -1;
}

// An int item's value as 64 bits: *neg for negative values; -1 with the
// memoryview errors (TypeError for a non-integer, ValueError past 64 bits).
int item_as_u64(Object* item, const char* fmt, std::uint64_t* out, bool* neg)
{
    if (!index_check(item)) return type_error_int(fmt);
    Ref<> v = number_index(item);
    if (!v) return -1;
    int overflow = 0;
    long long x = long_as_long_long_and_overflow(v.get(), &overflow);
    if (x == -1 && error_occurred()) return -1;
    if (overflow < 0) return value_error_int(fmt);
    if (overflow == 0) {
        *neg = x < 0;
        *out = static_cast<std::uint64_t>(x);
        return 0;
    }
    // Above LLONG_MAX: in range for an unsigned 64-bit format only.
    Ref<> shift = long_from_long(32), mask = long_from_long(0xffffffffLL);
    if (!shift || !mask) return -1;
    Ref<> hi = number_rshift(v.get(), shift.get());
    Ref<> lo = hi ? number_and(v.get(), mask.get()) : nullptr;
    if (!lo) return -1;
    long long h = long_as_long_long_and_overflow(hi.get(), &overflow);
    if (overflow || h >= (1LL << 32)) return value_error_int(fmt);
    *neg = false;
    *out = (static_cast<std::uint64_t>(h) << 32) | static_cast<std::uint64_t>(long_as_long_long(lo.get()));
    return 0;
}

// pack_single: stores item at ptr in the format, with CPython's errors.
int pack_single(char* ptr, Object* item, const char* fmt)
{
    const char c = fmt_char(fmt);
    auto store = [&](auto v) {
        std::memcpy(ptr, &v, sizeof v);
        return 0;
    };
    switch (c) {
    case 'c':
        if (!bytes_check(item)) return type_error_int(fmt);
        if (bytes_size(item) != 1) return value_error_int(fmt);
        *ptr = bytes_as_string(item)[0];
        return 0;
    case '?': {
        int t = object_is_true(item);
        if (t < 0) return -1;
        return store(static_cast<unsigned char>(t));
    }
    case 'f':
    case 'd': {
        Ref<> f = float_check(item) ? new_ref(item) : nullptr;
        if (!f) {
            if (!type_buffer_procs(Py_TYPE(item)) && (Py_TYPE(item)->tp_as_number &&
                                                       (Py_TYPE(item)->tp_as_number->nb_float ||
                                                        Py_TYPE(item)->tp_as_number->nb_index)))
                f = number_float(item);
            if (!f) {
                if (!error_occurred() || error_matches(Exc_TypeError)) {
                    error_clear();
                    return type_error_int(fmt);
                }
                return -1;
            }
        }
        double d = float_as_double(f.get());
        if (c == 'd') return store(d);
        if (d > 3.4028234663852886e38 || d < -3.4028234663852886e38) {
            if (d == d && d != 1.0 / 0.0 && d != -1.0 / 0.0) return value_error_int(fmt);
        }
        return store(static_cast<float>(d));
    }
    case 0: {
        error_unsupported_format(fmt);
        return -1;
    }
    default: break;
    }
    std::uint64_t u;
    bool neg;
    if (item_as_u64(item, fmt, &u, &neg) < 0) return -1;
    auto in_signed = [&](long long lo, long long hi) {
        auto s = static_cast<long long>(u);
        return (neg || u <= static_cast<std::uint64_t>(LLONG_MAX)) && s >= lo && s <= hi;
    };
    auto in_unsigned = [&](std::uint64_t hi) { return !neg && u <= hi; };
    switch (c) {
    case 'b': if (!in_signed(-128, 127)) return value_error_int(fmt); return store(static_cast<signed char>(u));
    case 'B': if (!in_unsigned(255)) return value_error_int(fmt); return store(static_cast<unsigned char>(u));
    case 'h': if (!in_signed(SHRT_MIN, SHRT_MAX)) return value_error_int(fmt); return store(static_cast<short>(u));
    case 'H': if (!in_unsigned(USHRT_MAX)) return value_error_int(fmt); return store(static_cast<unsigned short>(u));
    case 'i': if (!in_signed(INT_MIN, INT_MAX)) return value_error_int(fmt); return store(static_cast<int>(u));
    case 'I': if (!in_unsigned(UINT_MAX)) return value_error_int(fmt); return store(static_cast<unsigned>(u));
    case 'l': if (!in_signed(LONG_MIN, LONG_MAX)) return value_error_int(fmt); return store(static_cast<long>(u));
    case 'L': if (!in_unsigned(ULONG_MAX)) return value_error_int(fmt); return store(static_cast<unsigned long>(u));
    case 'q': if (!in_signed(LLONG_MIN, LLONG_MAX)) return value_error_int(fmt); return store(static_cast<long long>(u));
    case 'Q': if (neg) return value_error_int(fmt); return store(static_cast<unsigned long long>(u));
    case 'n': if (!in_signed(PTRDIFF_MIN, PTRDIFF_MAX)) return value_error_int(fmt); return store(static_cast<Py_ssize_t>(u));
    case 'N': if (neg) return value_error_int(fmt); return store(static_cast<std::size_t>(u));
    case 'P': if (neg) return value_error_int(fmt); return store(reinterpret_cast<void*>(static_cast<std::uintptr_t>(u)));
    default: error_unsupported_format(fmt); return -1;
    }
}

void copy_c_order(const Py_buffer* view, const char* ptr, int dim, std::string* out);

// --- construction -------------------------------------------------------------------

void init_flags(MemoryViewObject* mv)
{
    mv->flags &= MV_RELEASED;
    const Py_buffer* v = &mv->view;
    if (v->ndim == 0) {
        mv->flags |= MV_C | MV_F;
    } else if (v->ndim == 1) {
        // MV_CONTIGUOUS_NDIM1: judged by the stride alone, so an empty
        // slice with a step is not contiguous (unlike PyBuffer_IsContiguous).
        if (v->shape[0] == 1 || v->strides[0] == v->itemsize) mv->flags |= MV_C | MV_F;
    } else {
        if (is_c_contiguous(v)) mv->flags |= MV_C;
        if (is_f_contiguous(v)) mv->flags |= MV_F;
    }
}

// C-order strides for the view's shape (init_strides_from_shape).
void init_strides_from_shape(Py_buffer* v)
{
    if (v->ndim == 0) return;
    v->strides[v->ndim - 1] = v->itemsize;
    for (int i = v->ndim - 2; i >= 0; i--) v->strides[i] = v->strides[i + 1] * v->shape[i + 1];
}

// mbuf_add_incomplete_view: a new memoryview on mbuf with room for ndim
// dimensions; the geometry is copied from src (up to ndim dimensions), the
// caller completes it.
Ref<> mbuf_add_view(ManagedBufferObject* mbuf, const Py_buffer* src, int ndim)
{
    Ref<> op = steal_ref(object_alloc_raw(&MemoryView_Type, 3 * static_cast<Py_ssize_t>(ndim)));
    if (!op) return nullptr;
    MemoryViewObject* mv = MV(op.get());
    mv->mbuf = mbuf;
    incref(mbuf);
    mv->hash = -1;
    mv->flags = 0;
    mv->exports = 0;
    mv->view = *src;
    mv->view.obj = src->obj;
    xincref(src->obj);
    mv->view.internal = nullptr;
    mv->view.ndim = ndim;
    mv->view.shape = mv->ob_array;
    mv->view.strides = mv->ob_array + ndim;
    mv->view.suboffsets = nullptr;
    const int n = std::min(ndim, src->ndim);
    for (int i = 0; i < n; i++) {
        mv->view.shape[i] = src->shape ? src->shape[i] : src->len / src->itemsize;
        mv->view.strides[i] = src->strides ? src->strides[i] : 0;
    }
    if (src->ndim >= 1 && ndim >= 1 && !src->strides) init_strides_from_shape(&mv->view);
    init_flags(mv);
    return op;
}

Ref<> memoryview_from_mbuf(ManagedBufferObject* mbuf)
{
    const Py_buffer* src = &mbuf->master;
    if (src->ndim > PyBUF_MAX_NDIM)
        return format_error(Exc_ValueError, "memoryview: number of dimensions must not exceed %d", PyBUF_MAX_NDIM);
    return mbuf_add_view(mbuf, src, src->ndim);
}

}  // namespace

bool buffer_append_to(Object* o, std::string* out)
{
    Py_buffer view{};
    if (object_get_buffer(o, &view, PyBUF_FULL_RO) < 0) return false;
    if (buffer_is_contiguous(&view, 'C')) out->append(static_cast<const char*>(view.buf), static_cast<std::size_t>(view.len));
    else copy_c_order(&view, static_cast<const char*>(view.buf), 0, out);
    buffer_release(&view);
    return true;
}

Ref<> buffer_as_bytes(Object* o)
{
    if (!object_check_buffer(o)) return nullptr;
    std::string copy;
    if (!buffer_append_to(o, &copy)) return nullptr;
    return bytes_from_view(copy);
}

Ref<> memoryview_from_object(Object* o)
{
    if (memoryview_check(o)) {
        CHECK_RELEASED(o);
        return mbuf_add_view(MV(o)->mbuf, &MV(o)->view, MV(o)->view.ndim);
    }
    if (!object_check_buffer(o))
        return format_error(Exc_TypeError, "memoryview: a bytes-like object is required, not '%.200s'",
                            Py_TYPE(o)->tp_name);
    Ref<ManagedBufferObject> mbuf = object_new<ManagedBufferObject>(&ManagedBuffer_Type);
    if (!mbuf) return nullptr;
    mbuf->master = Py_buffer{};
    if (object_get_buffer(o, &mbuf->master, PyBUF_FULL_RO) < 0) return nullptr;
    return memoryview_from_mbuf(mbuf.get());
}

namespace {

Ref<> memory_new(TypeObject*, Object* args, Object* kwds)
{
    Object* obj;
    if (!parse_args_tuple_kw("memoryview", args, kwds, {"object"}, 1, &obj)) return nullptr;
    return memoryview_from_object(obj);
}

// _memory_release: drops the managed buffer unless buffers are out.
int memory_release_impl(MemoryViewObject* self)
{
    if (self->flags & MV_RELEASED) return 0;
    if (self->exports > 0) {
        format_error(Exc_BufferError, "memoryview has %zd exported buffer%s", self->exports,
                     self->exports == 1 ? "" : "s");
        return -1;
    }
    self->flags |= MV_RELEASED;
    clear_ref(self->mbuf);
    return 0;
}

void memory_dealloc(Object* op)
{
    MemoryViewObject* self = MV(op);
    self->exports = 0;
    (void)memory_release_impl(self);
    clear_ref(self->view.obj);
    object_dealloc_memory(op);
}

int memory_traverse(Object* op, visitproc visit, void* arg)
{
    if (Object* m = MV(op)->mbuf)
        if (int r = visit(m, arg)) return r;
    return 0;
}

Ref<> memory_release(Object* self, Object*)
{
    if (memory_release_impl(MV(self)) < 0) return nullptr;
    return none_ref();
}

Ref<> memory_enter(Object* self, Object*)
{
    CHECK_RELEASED(self);
    return new_ref(self);
}

Ref<> memory_exit(Object* self, Object* const*, Py_ssize_t) { return memory_release(self, nullptr); }

// bf_getbuffer of memoryview: this view's geometry, as far as the flags allow.
int memory_getbuf(Object* op, Py_buffer* view, int flags)
{
    MemoryViewObject* self = MV(op);
    CHECK_RELEASED_INT(op);
    const Py_buffer* base = &self->view;
    if ((flags & PyBUF_WRITABLE) && base->readonly) {
        format_error(Exc_BufferError, "memoryview: underlying buffer is not writable");
        return -1;
    }
    *view = *base;
    view->obj = nullptr;
    if (!(flags & PyBUF_FORMAT)) view->format = nullptr;
    if ((flags & PyBUF_C_CONTIGUOUS) == PyBUF_C_CONTIGUOUS && !(self->flags & MV_C)) {
        format_error(Exc_BufferError, "memoryview: underlying buffer is not C-contiguous");
        return -1;
    }
    if ((flags & PyBUF_F_CONTIGUOUS) == PyBUF_F_CONTIGUOUS && !(self->flags & MV_F)) {
        format_error(Exc_BufferError, "memoryview: underlying buffer is not Fortran contiguous");
        return -1;
    }
    if ((flags & PyBUF_ANY_CONTIGUOUS) == PyBUF_ANY_CONTIGUOUS && !(self->flags & (MV_C | MV_F))) {
        format_error(Exc_BufferError, "memoryview: underlying buffer is not contiguous");
        return -1;
    }
    if ((flags & PyBUF_STRIDES) != PyBUF_STRIDES) {
        if (!(self->flags & MV_C)) {
            format_error(Exc_BufferError, "memoryview: underlying buffer is not C-contiguous");
            return -1;
        }
        view->strides = nullptr;
    }
    if (!(flags & PyBUF_ND)) {
        // Without ND the consumer sees unsigned bytes: the format must be one.
        if (view->format && !is_byte_format(view->format)) {
            format_error(Exc_BufferError, "memoryview: cannot cast to unsigned bytes if the format flag is present");
            return -1;
        }
        view->ndim = 1;
        view->shape = nullptr;
    }
    view->obj = op;
    incref(op);
    self->exports++;
    return 0;
}

void memory_releasebuf(Object* op, Py_buffer*) { MV(op)->exports--; }

BufferProcs memory_as_buffer = {memory_getbuf, memory_releasebuf};

// --- item access --------------------------------------------------------------------

// The address of item `index` along dimension `dim` (lookup_dimension).
char* lookup_dimension(const Py_buffer* view, char* ptr, int dim, Py_ssize_t index)
{
    const Py_ssize_t nitems = view->shape[dim];
    if (index < 0) index += nitems;
    if (index < 0 || index >= nitems) {
        format_error(Exc_IndexError, "index out of bounds on dimension %d", dim + 1);
        return nullptr;
    }
    return ptr + view->strides[dim] * index;
}

// ptr_from_tuple: the address of the item a tuple of ints names.
char* ptr_from_tuple(const Py_buffer* view, Object* tup)
{
    const Py_ssize_t nindices = tuple_size(tup);
    if (nindices > view->ndim) {
        format_error(Exc_TypeError, "cannot index %d-dimension view with %zd-element tuple", view->ndim, nindices);
        return nullptr;
    }
    char* ptr = static_cast<char*>(view->buf);
    for (Py_ssize_t dim = 0; dim < nindices; dim++) {
        Py_ssize_t index = number_as_ssize_t(tuple_item(tup, dim), Exc_IndexError);
        if (index == -1 && error_occurred()) return nullptr;
        ptr = lookup_dimension(view, ptr, static_cast<int>(dim), index);
        if (!ptr) return nullptr;
    }
    return ptr;
}

// is_multiindex / is_multislice: a tuple of all ints / all slices.
bool is_multiindex(Object* key)
{
    if (!tuple_check(key)) return false;
    for (Py_ssize_t i = 0; i < tuple_size(key); i++)
        if (!index_check(tuple_item(key, i))) return false;
    return true;
}
bool is_multislice(Object* key)
{
    if (!tuple_check(key)) return false;
    for (Py_ssize_t i = 0; i < tuple_size(key); i++)
        if (!slice_check(tuple_item(key, i))) return false;
    return true;
}

Ref<> memory_item(Object* self, Py_ssize_t index)
{
    CHECK_RELEASED(self);
    const Py_buffer* view = &MV(self)->view;
    const char* fmt = fmt_of(view);
    if (!fmt_char(fmt)) return error_unsupported_format(fmt);
    if (view->ndim == 0) return format_error(Exc_TypeError, "invalid indexing of 0-dim memory");
    if (view->ndim != 1)
        return format_error(Exc_NotImplementedError, "multi-dimensional sub-views are not implemented");
    char* ptr = lookup_dimension(view, static_cast<char*>(view->buf), 0, index);
    if (!ptr) return nullptr;
    return unpack_single(ptr, fmt);
}

// init_slice: restricts dimension `dim` of a view to a slice (no copy).
int init_slice(Py_buffer* base, Object* key, int dim)
{
    Py_ssize_t start, stop, step;
    if (slice_unpack(key, &start, &stop, &step) < 0) return -1;
    Py_ssize_t slicelength = slice_adjust_indices(base->shape[dim], &start, &stop, step);
    base->buf = static_cast<char*>(base->buf) + base->strides[dim] * start;
    base->shape[dim] = slicelength;
    base->strides[dim] = base->strides[dim] * step;
    // init_len: len is product(shape) * itemsize.
    Py_ssize_t len = base->itemsize;
    for (int i = 0; i < base->ndim; i++) len *= base->shape[i];
    base->len = len;
    return 0;
}

Ref<> memory_subscript(Object* self, Object* key)
{
    CHECK_RELEASED(self);
    MemoryViewObject* mv = MV(self);
    const Py_buffer* view = &mv->view;
    if (view->ndim == 0) {
        if (tuple_check(key) && tuple_size(key) == 0) {
            const char* fmt = fmt_of(view);
            if (!fmt_char(fmt)) return error_unsupported_format(fmt);
            return unpack_single(static_cast<char*>(view->buf), fmt);
        }
        if (key == Py_Ellipsis()) return new_ref(self);
        return format_error(Exc_TypeError, "invalid indexing of 0-dim memory");
    }
    if (index_check(key)) {
        Py_ssize_t index = number_as_ssize_t(key, Exc_IndexError);
        if (index == -1 && error_occurred()) return nullptr;
        return memory_item(self, index);
    }
    if (slice_check(key)) {
        Ref<> sliced = mbuf_add_view(mv->mbuf, view, view->ndim);
        if (!sliced) return nullptr;
        if (init_slice(&MV(sliced.get())->view, key, 0) < 0) return nullptr;
        init_flags(MV(sliced.get()));
        return sliced;
    }
    if (is_multiindex(key)) {
        const char* fmt = fmt_of(view);
        if (!fmt_char(fmt)) return error_unsupported_format(fmt);
        if (tuple_size(key) < view->ndim)
            return format_error(Exc_NotImplementedError, "sub-views are not implemented");
        char* ptr = ptr_from_tuple(view, key);
        if (!ptr) return nullptr;
        return unpack_single(ptr, fmt);
    }
    if (key == Py_Ellipsis()) return new_ref(self);
    if (is_multislice(key))
        return format_error(Exc_NotImplementedError, "multi-dimensional slicing is not implemented");
    return format_error(Exc_TypeError, "memoryview: invalid slice key");
}

// Whether two views have the same format and shape (equiv_structure, for
// slice assignment).
bool equiv_structure(const Py_buffer* dest, const Py_buffer* src)
{
    const char* df = fmt_of(dest);
    const char* sf = fmt_of(src);
    if (df[0] == '@') df++;
    if (sf[0] == '@') sf++;
    if (std::strcmp(df, sf) != 0 || dest->ndim != src->ndim) return false;
    for (int i = 0; i < dest->ndim; i++)
        if ((dest->shape ? dest->shape[i] : dest->len / dest->itemsize) !=
            (src->shape ? src->shape[i] : src->len / src->itemsize))
            return false;
    return true;
}

// Copies the items of a one-dimensional src into dest (which may overlap:
// the items go through a temporary copy).
void copy_single(const Py_buffer* dest, const Py_buffer* src)
{
    const Py_ssize_t n = dest->shape[0];
    const Py_ssize_t size = dest->itemsize;
    const Py_ssize_t sstride = src->strides ? src->strides[0] : src->itemsize;
    std::vector<char> tmp(static_cast<std::size_t>(n * size));
    const char* s = static_cast<const char*>(src->buf);
    for (Py_ssize_t i = 0; i < n; i++) std::memcpy(tmp.data() + i * size, s + i * sstride, static_cast<std::size_t>(size));
    char* d = static_cast<char*>(dest->buf);
    for (Py_ssize_t i = 0; i < n; i++) std::memcpy(d + i * dest->strides[0], tmp.data() + i * size, static_cast<std::size_t>(size));
}

int memory_ass_sub(Object* self, Object* key, Object* value)
{
    CHECK_RELEASED_INT(self);
    MemoryViewObject* mv = MV(self);
    const Py_buffer* view = &mv->view;
    const char* fmt = fmt_of(view);
    if (view->readonly) {
        format_error(Exc_TypeError, "cannot modify read-only memory");
        return -1;
    }
    if (!value) {
        format_error(Exc_TypeError, "cannot delete memory");
        return -1;
    }
    if (!fmt_char(fmt)) {
        error_unsupported_format(fmt);
        return -1;
    }
    if (view->ndim == 0) {
        if (key == Py_Ellipsis() || (tuple_check(key) && tuple_size(key) == 0))
            return pack_single(static_cast<char*>(view->buf), value, fmt);
        format_error(Exc_TypeError, "invalid indexing of 0-dim memory");
        return -1;
    }
    if (index_check(key)) {
        if (view->ndim > 1) {
            format_error(Exc_NotImplementedError, "sub-views are not implemented");
            return -1;
        }
        Py_ssize_t index = number_as_ssize_t(key, Exc_IndexError);
        if (index == -1 && error_occurred()) return -1;
        char* ptr = lookup_dimension(view, static_cast<char*>(view->buf), 0, index);
        if (!ptr) return -1;
        return pack_single(ptr, value, fmt);
    }
    if (slice_check(key) && view->ndim == 1) {
        Py_buffer src{};
        if (object_get_buffer(value, &src, PyBUF_FULL_RO) < 0) return -1;
        Py_ssize_t shape = view->shape[0], stride = view->strides[0];
        Py_buffer dest = *view;
        dest.shape = &shape;
        dest.strides = &stride;
        int r = init_slice(&dest, key, 0);
        if (r == 0 && !equiv_structure(&dest, &src)) {
            format_error(Exc_ValueError, "memoryview assignment: lvalue and rvalue have different structures");
            r = -1;
        }
        if (r == 0) copy_single(&dest, &src);
        buffer_release(&src);
        return r;
    }
    if (is_multiindex(key)) {
        if (tuple_size(key) < view->ndim) {
            format_error(Exc_NotImplementedError, "sub-views are not implemented");
            return -1;
        }
        char* ptr = ptr_from_tuple(view, key);
        if (!ptr) return -1;
        return pack_single(ptr, value, fmt);
    }
    if (slice_check(key) || is_multislice(key)) {
        format_error(Exc_NotImplementedError, "memoryview slice assignments are currently restricted to ndim = 1");
        return -1;
    }
    format_error(Exc_TypeError, "memoryview: invalid slice key");
    return -1;
}

Py_ssize_t memory_length(Object* self)
{
    CHECK_RELEASED_INT(self);
    const Py_buffer* view = &MV(self)->view;
    // A 0-dim view counts as one item (memory_length).
    return view->ndim == 0 ? 1 : view->shape[0];
}

// --- tobytes, tolist, hex, cast -----------------------------------------------------

// Appends the items of dimension `dim` and below in C order.
void copy_c_order(const Py_buffer* view, const char* ptr, int dim, std::string* out)
{
    if (dim == view->ndim) {
        out->append(ptr, static_cast<std::size_t>(view->itemsize));
        return;
    }
    for (Py_ssize_t i = 0; i < view->shape[dim]; i++) copy_c_order(view, ptr + i * view->strides[dim], dim + 1, out);
}

std::string view_bytes(const Py_buffer* view)
{
    std::string out;
    out.reserve(static_cast<std::size_t>(view->len));
    copy_c_order(view, static_cast<const char*>(view->buf), 0, &out);
    return out;
}

// The same in Fortran order (last index slowest), for tobytes('F').
void copy_f_order(const Py_buffer* view, std::vector<Py_ssize_t>& index, int dim, std::string* out)
{
    if (dim < 0) {
        const char* ptr = static_cast<const char*>(view->buf);
        for (int i = 0; i < view->ndim; i++) ptr += index[static_cast<std::size_t>(i)] * view->strides[i];
        out->append(ptr, static_cast<std::size_t>(view->itemsize));
        return;
    }
    for (Py_ssize_t i = 0; i < view->shape[dim]; i++) {
        index[static_cast<std::size_t>(dim)] = i;
        copy_f_order(view, index, dim - 1, out);
    }
}

Ref<> memory_tobytes(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* order = nullptr;
    if (!parse_args_fastkw("tobytes", args, nargs, kwnames, {"order"}, 0, &order)) return nullptr;
    CHECK_RELEASED(self);
    char ord = 'C';
    if (order && order != Py_None()) {
        if (!unicode_check(order))
            return format_error(Exc_TypeError, "tobytes() argument 'order' must be str or None, not %.50s",
                                Py_TYPE(order)->tp_name);
        std::string o = unicode_to_std(order);
        if (o != "C" && o != "F" && o != "A")
            return format_error(Exc_ValueError, "order must be 'C', 'F' or 'A'");
        ord = o[0];
    }
    const Py_buffer* view = &MV(self)->view;
    if (ord == 'F' || (ord == 'A' && !(MV(self)->flags & MV_C) && (MV(self)->flags & MV_F))) {
        std::string out;
        std::vector<Py_ssize_t> index(static_cast<std::size_t>(view->ndim));
        copy_f_order(view, index, view->ndim - 1, &out);
        return bytes_from_view(out);
    }
    return bytes_from_view(view_bytes(view));
}

Ref<> tolist_rec(const Py_buffer* view, const char* ptr, int dim, const char* fmt)
{
    if (dim == view->ndim) return unpack_single(ptr, fmt);
    Ref<> list = list_new(view->shape[dim]);
    if (!list) return nullptr;
    for (Py_ssize_t i = 0; i < view->shape[dim]; i++) {
        Ref<> item = tolist_rec(view, ptr + i * view->strides[dim], dim + 1, fmt);
        if (!item) return nullptr;
        list_set_item(list.get(), i, item.release());
    }
    return list;
}

Ref<> memory_tolist(Object* self, Object*)
{
    CHECK_RELEASED(self);
    const Py_buffer* view = &MV(self)->view;
    const char* fmt = fmt_of(view);
    if (!fmt_char(fmt)) return error_unsupported_format(fmt);
    return tolist_rec(view, static_cast<const char*>(view->buf), 0, fmt);
}

// hex(sep, bytes_per_sep): bytes.hex of the memory in C order.
Ref<> memory_hex(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    CHECK_RELEASED(self);
    Ref<> b = bytes_from_view(view_bytes(&MV(self)->view));
    if (!b) return nullptr;
    Ref<> meth = object_get_attr_string(b.get(), "hex");
    if (!meth) return nullptr;
    return object_vectorcall(meth.get(), args, static_cast<std::size_t>(nargs), kwnames);
}

Ref<> memory_toreadonly(Object* self, Object*)
{
    CHECK_RELEASED(self);
    Ref<> copy = memoryview_from_object(self);
    if (!copy) return nullptr;
    MV(copy.get())->view.readonly = 1;
    return copy;
}

// cast(format[, shape]): 1-D to 1-D with another format, or 1-D to N-D and
// N-D to 1-D; C-contiguous views only. The checks are CPython's.
Ref<> memory_cast(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* argv[2];
    if (!parse_args_fastkw("cast", args, nargs, kwnames, {"format", "shape"}, 1, argv)) return nullptr;
    Object* format = argv[0];
    Object* shape = argv[1];
    if (!unicode_check(format))
        return format_error(Exc_TypeError, "cast() argument 'format' must be str, not %.50s", Py_TYPE(format)->tp_name);
    CHECK_RELEASED(self);
    MemoryViewObject* mv = MV(self);
    const Py_buffer* view = &mv->view;
    if (!(mv->flags & MV_C))
        return format_error(Exc_TypeError, "memoryview: casts are restricted to C-contiguous views");
    auto zero_in_shape = [&] {
        for (int i = 0; i < view->ndim; i++)
            if (view->shape[i] == 0) return true;
        return false;
    };
    Py_ssize_t ndim = 1;
    if ((shape || view->ndim != 1) && zero_in_shape())
        return format_error(Exc_TypeError, "memoryview: cannot cast view with zeros in shape or strides");
    if (shape) {
        if (!list_check(shape) && !tuple_check(shape))
            return format_error(Exc_TypeError, "shape must be a list or a tuple");
        ndim = object_size(shape);
        if (ndim > PyBUF_MAX_NDIM)
            return format_error(Exc_ValueError, "memoryview: number of dimensions must not exceed %d",
                                PyBUF_MAX_NDIM);
        if (view->ndim != 1 && ndim != 1)
            return format_error(Exc_TypeError, "memoryview: cast must be 1D -> ND or ND -> 1D");
    }
    // cast_to_1D.
    std::string fmt = unicode_to_std(format);
    char c = 0;
    Py_ssize_t itemsize = native_itemsize(fmt.c_str(), &c);
    if (itemsize < 0)
        return format_error(Exc_ValueError,
                            "memoryview: destination format must be a native single character format prefixed "
                            "with an optional '@'");
    if (!is_byte_format(fmt.c_str()) && !is_byte_format(fmt_of(view)))
        return format_error(Exc_TypeError, "memoryview: cannot cast between two non-byte formats");
    if (view->len % itemsize)
        return format_error(Exc_TypeError, "memoryview: length is not a multiple of itemsize");
    Ref<> res = mbuf_add_view(mv->mbuf, view, ndim == 0 ? 1 : static_cast<int>(ndim));
    if (!res) return nullptr;
    Py_buffer* v = &MV(res.get())->view;
    v->format = native_fmtstr(c);
    v->itemsize = itemsize;
    v->ndim = 1;
    v->shape[0] = view->len / itemsize;
    v->strides[0] = itemsize;
    if (shape) {
        // cast_to_ND.
        Ref<> items = sequence_tuple(shape);
        if (!items) return nullptr;
        Py_ssize_t len = 1;
        for (Py_ssize_t i = 0; i < ndim; i++) {
            Object* x = tuple_item(items.get(), i);
            if (!long_check(x))
                return format_error(Exc_TypeError, "memoryview.cast(): elements of shape must be integers");
            Py_ssize_t n = long_as_ssize_t(x);
            if (n == -1 && error_occurred()) return nullptr;
            if (n <= 0)
                return format_error(Exc_ValueError, "memoryview.cast(): elements of shape must be integers > 0");
            if (n > PTRDIFF_MAX / len)
                return format_error(Exc_ValueError, "memoryview.cast(): product(shape) > SSIZE_MAX");
            len *= n;
            v->shape[i] = n;
        }
        if (len * itemsize != v->len)
            return format_error(Exc_TypeError, "memoryview: product(shape) * itemsize != buffer size");
        v->ndim = static_cast<int>(ndim);
        if (ndim == 0) {
            v->shape = nullptr;
            v->strides = nullptr;
        } else {
            v->strides = MV(res.get())->ob_array + ndim;
            init_strides_from_shape(v);
        }
    }
    init_flags(MV(res.get()));
    return res;
}

// --- comparison, hash, repr, iteration ----------------------------------------------

Ref<> memory_richcompare(Object* v, Object* w, int op)
{
    if (op != Py_EQ && op != Py_NE) return not_implemented_ref();
    bool equal;
    Py_buffer wbuf{};
    const Py_buffer* vv = &MV(v)->view;
    const Py_buffer* ww = nullptr;
    if (released(v)) {
        equal = v == w;
    } else if (memoryview_check(w) && released(w)) {
        equal = v == w;
    } else {
        if (memoryview_check(w)) {
            ww = &MV(w)->view;
        } else {
            if (object_get_buffer(w, &wbuf, PyBUF_FULL_RO) < 0) {
                error_clear();
                return not_implemented_ref();
            }
            ww = &wbuf;
        }
        equal = true;
        if (vv->ndim != ww->ndim) equal = false;
        for (int i = 0; equal && i < vv->ndim; i++) {
            Py_ssize_t ws = ww->shape ? ww->shape[i] : ww->len / ww->itemsize;
            if (vv->shape[i] != ws) equal = false;
        }
        if (equal) {
            // Item by item, each unpacked with its own format.
            const char* vf = fmt_of(vv);
            const char* wf = fmt_of(ww);
            if (!fmt_char(vf) || !fmt_char(wf)) {
                buffer_release(&wbuf);
                return not_implemented_ref();
            }
            std::vector<Py_ssize_t> index(static_cast<std::size_t>(vv->ndim), 0);
            Py_ssize_t total = 1;
            for (int i = 0; i < vv->ndim; i++) total *= vv->shape[i];
            for (Py_ssize_t k = 0; equal && k < total; k++) {
                const char* vp = static_cast<const char*>(vv->buf);
                const char* wp = static_cast<const char*>(ww->buf);
                Py_ssize_t rest = k;
                for (int i = vv->ndim - 1; i >= 0; i--) {
                    Py_ssize_t idx = rest % vv->shape[i];
                    rest /= vv->shape[i];
                    vp += idx * vv->strides[i];
                    wp += idx * (ww->strides ? ww->strides[i] : ww->itemsize);
                }
                Ref<> a = unpack_single(vp, vf);
                Ref<> b = a ? unpack_single(wp, wf) : nullptr;
                int r = b ? object_rich_compare_bool(a.get(), b.get(), Py_EQ) : -1;
                if (r < 0) {
                    buffer_release(&wbuf);
                    return nullptr;
                }
                equal = r == 1;
            }
        }
    }
    buffer_release(&wbuf);
    return bool_from_long((op == Py_EQ) == equal);
}

Py_hash_t memory_hash(Object* self)
{
    MemoryViewObject* mv = MV(self);
    if (mv->hash != -1) return mv->hash;
    CHECK_RELEASED_INT(self);
    const Py_buffer* view = &mv->view;
    if (!view->readonly) {
        format_error(Exc_ValueError, "cannot hash writable memoryview object");
        return -1;
    }
    if (!is_byte_format(fmt_of(view))) {
        format_error(Exc_ValueError, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
        return -1;
    }
    // The exporter must be hashable too (its own error is kept).
    if (view->obj && object_hash(view->obj) == -1) return -1;
    std::string bytes = view_bytes(view);
    mv->hash = hash_bytes(bytes.data(), static_cast<Py_ssize_t>(bytes.size()));
    return mv->hash;
}

Ref<> memory_repr(Object* self)
{
    if (released(self)) return unicode_from_format("<released memory at %p>", static_cast<void*>(self));
    return unicode_from_format("<memory at %p>", static_cast<void*>(self));
}

struct MemoryIterObject : Object {
    Py_ssize_t it_index;
    MemoryViewObject* it_seq;  // owned; null once exhausted
    Py_ssize_t it_length;
    const char* it_fmt;
};

void memoryiter_dealloc(Object* op)
{
    clear_ref(static_cast<MemoryIterObject*>(op)->it_seq);
    object_dealloc_memory(op);
}

int memoryiter_traverse(Object* op, visitproc visit, void* arg)
{
    Object* s = static_cast<MemoryIterObject*>(op)->it_seq;
    return s ? visit(s, arg) : 0;
}

Ref<> memoryiter_next(Object* op)
{
    auto* it = static_cast<MemoryIterObject*>(op);
    MemoryViewObject* seq = it->it_seq;
    if (!seq) return nullptr;
    if (it->it_index < it->it_length) {
        if (released(seq)) return error_released();
        const Py_buffer* view = &seq->view;
        const char* ptr = static_cast<const char*>(view->buf) + view->strides[0] * it->it_index++;
        return unpack_single(ptr, it->it_fmt);
    }
    clear_ref(it->it_seq);
    return nullptr;
}

Ref<> memory_iter(Object* self)
{
    CHECK_RELEASED(self);
    const Py_buffer* view = &MV(self)->view;
    if (view->ndim == 0) return format_error(Exc_TypeError, "invalid indexing of 0-dim memory");
    if (view->ndim != 1)
        return format_error(Exc_NotImplementedError, "multi-dimensional sub-views are not implemented");
    const char* fmt = fmt_of(view);
    if (!fmt_char(fmt)) return error_unsupported_format(fmt);
    Ref<MemoryIterObject> it = object_new<MemoryIterObject>(&MemoryIter_Type);
    if (!it) return nullptr;
    it->it_index = 0;
    it->it_seq = MV(new_ref(self).release());
    it->it_length = view->shape[0];
    it->it_fmt = fmt;
    return it;
}

// --- attributes ---------------------------------------------------------------------

Ref<> ssize_tuple(const Py_ssize_t* values, int n)
{
    Ref<> t = tuple_new(values ? n : 0);
    if (!t || !values) return t;
    for (int i = 0; i < n; i++) {
        Ref<> v = long_from_ssize_t(values[i]);
        if (!v) return nullptr;
        tuple_set_item(t.get(), i, v.release());
    }
    return t;
}

Ref<> memory_obj_get(Object* self, void*)
{
    CHECK_RELEASED(self);
    Object* obj = MV(self)->view.obj;
    return new_ref(obj ? obj : Py_None());
}
Ref<> memory_nbytes_get(Object* self, void*)
{
    CHECK_RELEASED(self);
    return long_from_ssize_t(MV(self)->view.len);
}
Ref<> memory_readonly_get(Object* self, void*)
{
    CHECK_RELEASED(self);
    return bool_from_long(MV(self)->view.readonly);
}
Ref<> memory_itemsize_get(Object* self, void*)
{
    CHECK_RELEASED(self);
    return long_from_ssize_t(MV(self)->view.itemsize);
}
Ref<> memory_format_get(Object* self, void*)
{
    CHECK_RELEASED(self);
    return unicode_from_string(fmt_of(&MV(self)->view));
}
Ref<> memory_ndim_get(Object* self, void*)
{
    CHECK_RELEASED(self);
    return long_from_long(MV(self)->view.ndim);
}
Ref<> memory_shape_get(Object* self, void*)
{
    CHECK_RELEASED(self);
    return ssize_tuple(MV(self)->view.shape, MV(self)->view.ndim);
}
Ref<> memory_strides_get(Object* self, void*)
{
    CHECK_RELEASED(self);
    return ssize_tuple(MV(self)->view.strides, MV(self)->view.ndim);
}
Ref<> memory_suboffsets_get(Object* self, void*)
{
    CHECK_RELEASED(self);
    return tuple_new(0);
}
Ref<> memory_c_contiguous(Object* self, void*)
{
    CHECK_RELEASED(self);
    return bool_from_long(MV(self)->flags & MV_C);
}
Ref<> memory_f_contiguous(Object* self, void*)
{
    CHECK_RELEASED(self);
    return bool_from_long(MV(self)->flags & MV_F);
}
Ref<> memory_contiguous(Object* self, void*)
{
    CHECK_RELEASED(self);
    return bool_from_long(MV(self)->flags & (MV_C | MV_F));
}

GetSetDef memory_getsets[] = {
    {"obj", memory_obj_get, nullptr, "The underlying object of the memoryview.", nullptr},
    {"nbytes", memory_nbytes_get, nullptr, "The amount of space in bytes that the array would use in a contiguous representation.", nullptr},
    {"readonly", memory_readonly_get, nullptr, "A bool indicating whether the memory is read only.", nullptr},
    {"itemsize", memory_itemsize_get, nullptr, "The size in bytes of each element of the memoryview.", nullptr},
    {"format", memory_format_get, nullptr, "A string containing the format (in struct module style)\n for each element in the view.", nullptr},
    {"ndim", memory_ndim_get, nullptr, "An integer indicating how many dimensions of a multi-dimensional\n array the memory represents.", nullptr},
    {"shape", memory_shape_get, nullptr, "A tuple of ndim integers giving the shape of the memory\n as an N-dimensional array.", nullptr},
    {"strides", memory_strides_get, nullptr, "A tuple of ndim integers giving the size in bytes to access\n each element for each dimension of the array.", nullptr},
    {"suboffsets", memory_suboffsets_get, nullptr, "A tuple of integers used internally for PIL-style arrays.", nullptr},
    {"c_contiguous", memory_c_contiguous, nullptr, "A bool indicating whether the memory is C contiguous.", nullptr},
    {"f_contiguous", memory_f_contiguous, nullptr, "A bool indicating whether the memory is Fortran contiguous.", nullptr},
    {"contiguous", memory_contiguous, nullptr, "A bool indicating whether the memory is contiguous.", nullptr},
    {},
};

MethodDef memory_methods[] = {
    method_noargs("release", memory_release, "Release the underlying buffer exposed by the memoryview object."),
    method_fastkw("tobytes", memory_tobytes, "Return the data in the buffer as a byte string."),
    method_fastkw("hex", memory_hex, "Return the data in the buffer as a str of hexadecimal numbers."),
    method_noargs("tolist", memory_tolist, "Return the data in the buffer as a list of elements."),
    method_fastkw("cast", memory_cast, "Cast a memoryview to a new format or shape."),
    method_noargs("toreadonly", memory_toreadonly, "Return a readonly version of the memoryview."),
    method_noargs("__enter__", memory_enter),
    method_fast("__exit__", memory_exit, "Release the underlying buffer exposed by the memoryview object."),
    {},
};

SequenceMethods memory_as_sequence = [] {
    SequenceMethods sq{};
    sq.sq_length = memory_length;
    sq.sq_item = memory_item;
    return sq;
}();

MappingMethods memory_as_mapping = {memory_length, memory_subscript, memory_ass_sub};

}  // namespace

TypeObject ManagedBuffer_Type = [] {
    TypeObject t = static_type("managedbuffer", sizeof(ManagedBufferObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, nullptr);
    t.tp_dealloc = mbuf_dealloc;
    t.tp_traverse = mbuf_traverse;
    t.tp_getattro = object_generic_get_attr;
    return t;
}();

TypeObject MemoryView_Type = [] {
    TypeObject t = static_type("memoryview", sizeof(MemoryViewObject) - sizeof(Py_ssize_t), sizeof(Py_ssize_t),
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_SEQUENCE,
                               "Create a new memoryview object which references the given object.");
    t.tp_dealloc = memory_dealloc;
    t.tp_repr = memory_repr;
    t.tp_as_sequence = &memory_as_sequence;
    t.tp_as_mapping = &memory_as_mapping;
    t.tp_hash = memory_hash;
    t.tp_getattro = object_generic_get_attr;
    t.tp_as_buffer = &memory_as_buffer;
    t.tp_traverse = memory_traverse;
    t.tp_richcompare = memory_richcompare;
    t.tp_iter = memory_iter;
    t.tp_methods = memory_methods;
    t.tp_getset = memory_getsets;
    t.tp_new = memory_new;
    return t;
}();

TypeObject MemoryIter_Type = [] {
    TypeObject t = static_type("memory_iterator", sizeof(MemoryIterObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
                               nullptr);
    t.tp_dealloc = memoryiter_dealloc;
    t.tp_traverse = memoryiter_traverse;
    t.tp_getattro = object_generic_get_attr;
    t.tp_iter = object_self_iter;
    t.tp_iternext = memoryiter_next;
    return t;
}();

}  // namespace minipy::runtime
