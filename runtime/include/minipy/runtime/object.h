// object.h: the object header, type objects as slot tables, reference
// counting and the Ref<T> owning handle.
// Mirrors CPython 3.11 Include/object.h and Include/cpython/object.h.
// Book chapter 11, "Objects and Types".
//
// Design notes
// ------------
// * Every object starts with Object {ob_refcnt, ob_type}; variable-size
//   objects (int, tuple, bytes) with VarObject {.., ob_size}. Concrete
//   objects derive from these structs, so a LongObject* converts to Object*
//   implicitly and back with a checked cast after a type test.
// * A type is a table of slot function pointers (tp_*, and the nb_*, sq_*,
//   mp_* sub-tables), in the order of CPython 3.11's PyTypeObject. The
//   abstract protocol (abstract.h) only ever dispatches through slots.
// * Ownership is in the types: a function that returns a new reference
//   returns Ref<T>; a raw T* argument or result is always borrowed. A null
//   Ref (or -1 from an int-returning function) means "an exception is set on
//   the thread state" (pyerrors.h). Hot paths such as the eval loop may hold
//   raw pointers with explicit incref/decref, as ceval.c does.
// * Debug builds (no NDEBUG) count every incref/decref in ref_total, like
//   CPython's Py_REF_DEBUG; `-X showrefcount` prints it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>

namespace minipy::runtime {

using Py_ssize_t = std::ptrdiff_t;
using Py_hash_t = std::ptrdiff_t;
using Py_uhash_t = std::size_t;

#if !defined(NDEBUG)
#define MINIPY_REF_DEBUG 1
#else
#define MINIPY_REF_DEBUG 0
#endif

struct TypeObject;

// PyObject: the header every object starts with.
struct Object {
    Py_ssize_t ob_refcnt;
    TypeObject* ob_type;
};

// PyVarObject: objects with a variable number of items.
struct VarObject : Object {
    Py_ssize_t ob_size;
};

inline TypeObject* Py_TYPE(const Object* op) { return op->ob_type; }
inline Py_ssize_t Py_SIZE(const VarObject* op) { return op->ob_size; }
inline Py_ssize_t Py_REFCNT(const Object* op) { return op->ob_refcnt; }

// ---------------------------------------------------------------------------
// Reference counting

#if MINIPY_REF_DEBUG
// _Py_RefTotal: increfs minus decrefs over every object (debug builds).
inline Py_ssize_t ref_total = 0;
#endif

// Deallocates an object whose refcount reached zero (calls tp_dealloc).
void dealloc(Object* op);

inline void incref(Object* op)
{
#if MINIPY_REF_DEBUG
    ++ref_total;
#endif
    ++op->ob_refcnt;
}

inline void decref(Object* op)
{
#if MINIPY_REF_DEBUG
    --ref_total;
#endif
    if (--op->ob_refcnt == 0) dealloc(op);
}

inline void xincref(Object* op)
{
    if (op) incref(op);
}
inline void xdecref(Object* op)
{
    if (op) decref(op);
}

// Py_CLEAR: drops the reference held in a field, nulling it first so that a
// destructor running inside decref never sees a dangling field.
template <class T>
inline void clear_ref(T*& field)
{
    if (T* tmp = field) {
        field = nullptr;
        decref(tmp);
    }
}

// Py_SETREF/Py_XSETREF: stores a new owned reference, then drops the old one.
template <class T, class U>
inline void set_ref(T*& field, U* value)
{
    T* old = field;
    field = value;
    xdecref(old);
}

// Total references in debug builds (sys.gettotalrefcount), else 0.
Py_ssize_t get_ref_total();

// ---------------------------------------------------------------------------
// Ref<T>: an owning handle on one reference.

template <class T = Object>
class Ref {
public:
    Ref() = default;
    Ref(std::nullptr_t) {}

    // Takes over a reference the caller owns (a "stolen" reference).
    static Ref steal(T* op)
    {
        Ref r;
        r.ptr_ = op;
        return r;
    }
    // Makes a new reference to a borrowed object (Py_NewRef).
    static Ref new_ref(T* op)
    {
        if (op) incref(op);
        return steal(op);
    }

    Ref(const Ref& other) : ptr_(other.ptr_) { xincref(ptr_); }
    Ref(Ref&& other) noexcept : ptr_(other.ptr_) { other.ptr_ = nullptr; }
    // Upcasts (Ref<LongObject> -> Ref<Object>).
    template <class U>
        requires std::is_base_of_v<T, U> && (!std::is_same_v<T, U>)
    Ref(Ref<U>&& other) noexcept : ptr_(other.release())
    {
    }
    template <class U>
        requires std::is_base_of_v<T, U> && (!std::is_same_v<T, U>)
    Ref(const Ref<U>& other) : ptr_(other.get())
    {
        xincref(ptr_);
    }

    Ref& operator=(Ref other) noexcept
    {
        std::swap(ptr_, other.ptr_);
        return *this;
    }
    ~Ref() { xdecref(ptr_); }

    T* get() const { return ptr_; }
    T* operator->() const { return ptr_; }
    T& operator*() const { return *ptr_; }
    explicit operator bool() const { return ptr_ != nullptr; }

    // Gives the reference back to the caller (who must drop it eventually).
    [[nodiscard]] T* release()
    {
        T* p = ptr_;
        ptr_ = nullptr;
        return p;
    }
    void reset()
    {
        T* p = ptr_;
        ptr_ = nullptr;
        xdecref(p);
    }

private:
    T* ptr_ = nullptr;
};

// A new reference to a borrowed object: new_ref(op).
template <class T>
inline Ref<T> new_ref(T* op)
{
    return Ref<T>::new_ref(op);
}
template <class T>
inline Ref<T> steal_ref(T* op)
{
    return Ref<T>::steal(op);
}
// Downcast of an owned reference whose type has been checked.
template <class T, class U>
inline Ref<T> ref_cast(Ref<U>&& r)
{
    return Ref<T>::steal(static_cast<T*>(r.release()));
}

// ---------------------------------------------------------------------------
// Slot function types (Include/cpython/object.h). Arguments are borrowed;
// Ref results are new references (null = error).

using unaryfunc = Ref<> (*)(Object*);
using binaryfunc = Ref<> (*)(Object*, Object*);
using ternaryfunc = Ref<> (*)(Object*, Object*, Object*);
using inquiry = int (*)(Object*);
using lenfunc = Py_ssize_t (*)(Object*);
using ssizeargfunc = Ref<> (*)(Object*, Py_ssize_t);
using ssizeobjargproc = int (*)(Object*, Py_ssize_t, Object*);
using objobjargproc = int (*)(Object*, Object*, Object*);
using objobjproc = int (*)(Object*, Object*);
using visitproc = int (*)(Object*, void*);
using traverseproc = int (*)(Object*, visitproc, void*);
using freefunc = void (*)(void*);
using destructor = void (*)(Object*);
using getattrfunc = Ref<> (*)(Object*, char*);
using setattrfunc = int (*)(Object*, char*, Object*);
using getattrofunc = Ref<> (*)(Object*, Object*);
using setattrofunc = int (*)(Object*, Object*, Object*);
using reprfunc = Ref<> (*)(Object*);
using hashfunc = Py_hash_t (*)(Object*);
using richcmpfunc = Ref<> (*)(Object*, Object*, int);
using getiterfunc = Ref<> (*)(Object*);
using iternextfunc = Ref<> (*)(Object*);
using descrgetfunc = Ref<> (*)(Object*, Object*, Object*);
using descrsetfunc = int (*)(Object*, Object*, Object*);
using initproc = int (*)(Object*, Object*, Object*);
using newfunc = Ref<> (*)(TypeObject*, Object*, Object*);
using allocfunc = Ref<> (*)(TypeObject*, Py_ssize_t);
using vectorcallfunc = Ref<> (*)(Object* callable, Object* const* args, std::size_t nargsf,
                                 Object* kwnames);

// PyNumberMethods: the nb_* slots, in 3.11's order.
struct NumberMethods {
    binaryfunc nb_add;
    binaryfunc nb_subtract;
    binaryfunc nb_multiply;
    binaryfunc nb_remainder;
    binaryfunc nb_divmod;
    ternaryfunc nb_power;
    unaryfunc nb_negative;
    unaryfunc nb_positive;
    unaryfunc nb_absolute;
    inquiry nb_bool;
    unaryfunc nb_invert;
    binaryfunc nb_lshift;
    binaryfunc nb_rshift;
    binaryfunc nb_and;
    binaryfunc nb_xor;
    binaryfunc nb_or;
    unaryfunc nb_int;
    void* nb_reserved;  // the old nb_long
    unaryfunc nb_float;
    binaryfunc nb_inplace_add;
    binaryfunc nb_inplace_subtract;
    binaryfunc nb_inplace_multiply;
    binaryfunc nb_inplace_remainder;
    ternaryfunc nb_inplace_power;
    binaryfunc nb_inplace_lshift;
    binaryfunc nb_inplace_rshift;
    binaryfunc nb_inplace_and;
    binaryfunc nb_inplace_xor;
    binaryfunc nb_inplace_or;
    binaryfunc nb_floor_divide;
    binaryfunc nb_true_divide;
    binaryfunc nb_inplace_floor_divide;
    binaryfunc nb_inplace_true_divide;
    unaryfunc nb_index;
    binaryfunc nb_matrix_multiply;
    binaryfunc nb_inplace_matrix_multiply;
};

// PySequenceMethods: the sq_* slots.
struct SequenceMethods {
    lenfunc sq_length;
    binaryfunc sq_concat;
    ssizeargfunc sq_repeat;
    ssizeargfunc sq_item;
    void* was_sq_slice;
    ssizeobjargproc sq_ass_item;
    void* was_sq_ass_slice;
    objobjproc sq_contains;
    binaryfunc sq_inplace_concat;
    ssizeargfunc sq_inplace_repeat;
};

// PyMappingMethods: the mp_* slots.
struct MappingMethods {
    lenfunc mp_length;
    binaryfunc mp_subscript;
    objobjargproc mp_ass_subscript;
};

struct MethodDef;
struct MemberDef;
struct GetSetDef;

// Py_TPFLAGS_*: 3.11's bit values.
enum : unsigned long {
    Py_TPFLAGS_HAVE_FINALIZE = 1UL << 0,  // (meaningless since 3.8, kept for the bit)
    Py_TPFLAGS_MANAGED_DICT = 1UL << 4,
    Py_TPFLAGS_SEQUENCE = 1UL << 5,
    Py_TPFLAGS_MAPPING = 1UL << 6,
    Py_TPFLAGS_DISALLOW_INSTANTIATION = 1UL << 7,
    Py_TPFLAGS_IMMUTABLETYPE = 1UL << 8,
    Py_TPFLAGS_HEAPTYPE = 1UL << 9,
    Py_TPFLAGS_BASETYPE = 1UL << 10,
    Py_TPFLAGS_HAVE_VECTORCALL = 1UL << 11,
    Py_TPFLAGS_READY = 1UL << 12,
    Py_TPFLAGS_READYING = 1UL << 13,
    Py_TPFLAGS_HAVE_GC = 1UL << 14,
    Py_TPFLAGS_METHOD_DESCRIPTOR = 1UL << 17,
    Py_TPFLAGS_HAVE_VERSION_TAG = 1UL << 18,
    Py_TPFLAGS_VALID_VERSION_TAG = 1UL << 19,
    Py_TPFLAGS_IS_ABSTRACT = 1UL << 20,
    Py_TPFLAGS_MATCH_SELF = 1UL << 22,
    Py_TPFLAGS_LONG_SUBCLASS = 1UL << 24,
    Py_TPFLAGS_LIST_SUBCLASS = 1UL << 25,
    Py_TPFLAGS_TUPLE_SUBCLASS = 1UL << 26,
    Py_TPFLAGS_BYTES_SUBCLASS = 1UL << 27,
    Py_TPFLAGS_UNICODE_SUBCLASS = 1UL << 28,
    Py_TPFLAGS_DICT_SUBCLASS = 1UL << 29,
    Py_TPFLAGS_BASE_EXC_SUBCLASS = 1UL << 30,
    Py_TPFLAGS_TYPE_SUBCLASS = 1UL << 31,
    Py_TPFLAGS_DEFAULT = Py_TPFLAGS_HAVE_VERSION_TAG,
};

// PyTypeObject, field for field in 3.11's order.
struct TypeObject : VarObject {
    const char* tp_name;  // "module.Name" for static types outside builtins
    Py_ssize_t tp_basicsize, tp_itemsize;

    destructor tp_dealloc;
    Py_ssize_t tp_vectorcall_offset;
    getattrfunc tp_getattr;
    setattrfunc tp_setattr;
    void* tp_as_async;
    reprfunc tp_repr;

    NumberMethods* tp_as_number;
    SequenceMethods* tp_as_sequence;
    MappingMethods* tp_as_mapping;

    hashfunc tp_hash;
    ternaryfunc tp_call;
    reprfunc tp_str;
    getattrofunc tp_getattro;
    setattrofunc tp_setattro;
    void* tp_as_buffer;

    unsigned long tp_flags;
    const char* tp_doc;

    traverseproc tp_traverse;
    inquiry tp_clear;
    richcmpfunc tp_richcompare;
    Py_ssize_t tp_weaklistoffset;

    getiterfunc tp_iter;
    iternextfunc tp_iternext;

    MethodDef* tp_methods;
    MemberDef* tp_members;
    GetSetDef* tp_getset;
    TypeObject* tp_base;  // borrowed for static types
    Object* tp_dict;      // owned, filled by type_ready
    descrgetfunc tp_descr_get;
    descrsetfunc tp_descr_set;
    Py_ssize_t tp_dictoffset;
    initproc tp_init;
    allocfunc tp_alloc;
    newfunc tp_new;
    freefunc tp_free;
    inquiry tp_is_gc;
    Object* tp_bases;  // tuple of bases, owned
    Object* tp_mro;    // tuple, owned
    Object* tp_cache;
    Object* tp_subclasses;
    Object* tp_weaklist;
    destructor tp_del;

    unsigned int tp_version_tag;
    destructor tp_finalize;
    vectorcallfunc tp_vectorcall;
};

// PyHeapTypeObject: a type created at run time (class statements). Its
// slot sub-tables live inside the type object itself.
struct HeapTypeObject : TypeObject {
    NumberMethods as_number;
    MappingMethods as_mapping;
    SequenceMethods as_sequence;
    Object* ht_name;
    Object* ht_slots;
    Object* ht_qualname;
    Object* ht_module;
};

extern TypeObject Type_Type;       // type
extern TypeObject BaseObject_Type;  // object

inline bool type_has_feature(const TypeObject* t, unsigned long f) { return (t->tp_flags & f) != 0; }
inline bool type_fast_subclass(const TypeObject* t, unsigned long f) { return type_has_feature(t, f); }
inline bool is_type(const Object* op, const TypeObject* t) { return Py_TYPE(op) == t; }
inline bool type_check(const Object* op) { return type_fast_subclass(Py_TYPE(op), Py_TPFLAGS_TYPE_SUBCLASS); }
inline bool object_is_gc(const Object* op)
{
    return type_has_feature(Py_TYPE(op), Py_TPFLAGS_HAVE_GC);
}

// PyType_IsSubtype: whether b is in a's MRO.
bool type_is_subtype(TypeObject* a, TypeObject* b);
// PyType_Ready for static types defined above the runtime (the vm's
// builtins and sys), and the helper that starts such a type with every
// slot null (both also in pycore_runtime.h). type_ready: 0 or -1.
[[nodiscard]] int type_ready(TypeObject* type);
TypeObject static_type(const char* name, Py_ssize_t basicsize, Py_ssize_t itemsize, unsigned long flags,
                       const char* doc);
// PyObject_TypeCheck: Py_TYPE(op) is t or a subtype of it.
inline bool object_type_check(Object* op, TypeObject* t)
{
    return Py_TYPE(op) == t || type_is_subtype(Py_TYPE(op), t);
}

// Rich comparison operators (Py_LT ...).
enum : int { Py_LT = 0, Py_LE = 1, Py_EQ = 2, Py_NE = 3, Py_GT = 4, Py_GE = 5 };

// ---------------------------------------------------------------------------
// The singletons (Objects/object.c, Objects/boolobject.c, Objects/sliceobject.c).

extern Object _Py_NoneStruct;
extern Object _Py_NotImplementedStruct;
extern Object _Py_EllipsisObject;
extern TypeObject None_Type;
extern TypeObject NotImplemented_Type;
extern TypeObject Ellipsis_Type;

inline Object* Py_None() { return &_Py_NoneStruct; }
inline Object* Py_NotImplemented() { return &_Py_NotImplementedStruct; }
inline Object* Py_Ellipsis() { return &_Py_EllipsisObject; }
inline Ref<> none_ref() { return new_ref(Py_None()); }
inline Ref<> not_implemented_ref() { return new_ref(Py_NotImplemented()); }

// ---------------------------------------------------------------------------
// The generic object protocol (Objects/object.c).

[[nodiscard]] Ref<> object_repr(Object* v);   // PyObject_Repr
[[nodiscard]] Ref<> object_str(Object* v);    // PyObject_Str
[[nodiscard]] Ref<> object_ascii(Object* v);  // PyObject_ASCII
[[nodiscard]] Py_hash_t object_hash(Object* v);  // -1 on error
[[nodiscard]] Py_hash_t hash_not_implemented(Object* v);  // PyObject_HashNotImplemented
[[nodiscard]] Ref<> object_rich_compare(Object* v, Object* w, int op);
// 1 true, 0 false, -1 error; identity implies equality for Py_EQ/Py_NE.
[[nodiscard]] int object_rich_compare_bool(Object* v, Object* w, int op);
[[nodiscard]] int object_is_true(Object* v);  // 1, 0, or -1
[[nodiscard]] int object_not(Object* v);

[[nodiscard]] Ref<> object_get_attr(Object* v, Object* name);
[[nodiscard]] Ref<> object_get_attr_string(Object* v, const char* name);
[[nodiscard]] int object_set_attr(Object* v, Object* name, Object* value);  // value null: delete
[[nodiscard]] int object_set_attr_string(Object* v, const char* name, Object* value);
// _PyObject_LookupAttr: 1 found (*result set), 0 missing (no error), -1 error.
[[nodiscard]] int object_lookup_attr(Object* v, Object* name, Ref<>* result);
[[nodiscard]] int object_has_attr_string(Object* v, const char* name);
[[nodiscard]] Ref<> object_generic_get_attr(Object* obj, Object* name);
[[nodiscard]] int object_generic_set_attr(Object* obj, Object* name, Object* value);
// The instance __dict__ slot, or nullptr when the type has none.
Object** object_get_dict_ptr(Object* obj);
[[nodiscard]] Ref<> object_self_iter(Object* obj);  // PyObject_SelfIter

// Allocation through the memory stage's funnel. object_new returns an object
// with refcount 1 and its header set; GC types get their GCHead in front.
[[nodiscard]] Object* object_alloc_raw(TypeObject* type, Py_ssize_t nitems);
// The same for objects whose size is computed by their type (str): size
// bytes, header set, no ob_size.
[[nodiscard]] Object* object_alloc_sized(TypeObject* type, std::size_t size);
template <class T>
[[nodiscard]] inline Ref<T> object_new(TypeObject* type, Py_ssize_t nitems = 0)
{
    return Ref<T>::steal(static_cast<T*>(object_alloc_raw(type, nitems)));
}
// PyObject_Free as tp_free: frees an object's memory, GC head included.
// Called at the end of tp_dealloc; op's ob_type must still be valid.
void object_free_memory(Object* op);
// The default tp_dealloc tail: frees memory and drops a heap type's reference.
void object_dealloc_memory(Object* op);

// Recursion guard for repr of containers (Py_ReprEnter/Py_ReprLeave):
// 1 if op is already being repr'd on this thread, 0 if entered, -1 error.
[[nodiscard]] int repr_enter(Object* op);
void repr_leave(Object* op);

// Recursion limit around C-level recursion (_Py_EnterRecursiveCall).
[[nodiscard]] bool enter_recursive_call(const char* where);
void leave_recursive_call();

}  // namespace minipy::runtime
