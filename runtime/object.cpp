// object.cpp: the generic object protocol: allocation, deallocation, repr,
// str, hash, rich comparison, truth, attribute access, and the singletons
// None, NotImplemented and Ellipsis.
// Mirrors CPython 3.11 Objects/object.c. Book chapter 11, "Objects and Types".
#include <cstring>

#include "minipy/memory/gc.h"
#include "minipy/memory/obmalloc.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/objimpl.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/runtime/warnings.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

// --- Allocation ---------------------------------------------------------------

void dealloc(Object* op)
{
    // Every container deallocator starts with PyObject_GC_UnTrack in
    // CPython; minipy does it once here, before tp_dealloc runs, so a
    // collection triggered while the object is torn down never traverses it.
    // (A tp_dealloc that resurrects through a finalizer tracks it again:
    // object_call_finalizer_from_dealloc.)
    if (object_is_gc(op)) object_gc_untrack(op);
    Py_TYPE(op)->tp_dealloc(op);
}

Py_ssize_t get_ref_total()
{
#if MINIPY_REF_DEBUG
    return ref_total;
#else
    return 0;
#endif
}

Object* object_alloc_raw(TypeObject* type, Py_ssize_t nitems)
{
    // The item array follows the fixed part (as _PyObject_VAR_SIZE computes).
    std::size_t size = static_cast<std::size_t>(type->tp_basicsize) +
                       static_cast<std::size_t>(nitems) * static_cast<std::size_t>(type->tp_itemsize);
    Object* op = object_alloc_sized(type, size);
    if (op && type->tp_itemsize) static_cast<VarObject*>(op)->ob_size = nitems;
    return op;
}

Object* object_alloc_sized(TypeObject* type, std::size_t size)
{
    // Round up so the size stays a multiple of the pointer size.
    size = (size + sizeof(void*) - 1) & ~(sizeof(void*) - 1);
    const bool gc = type_has_feature(type, Py_TPFLAGS_HAVE_GC);
    const std::size_t pre = gc ? sizeof(memory::GCHead) : 0;
    char* block = static_cast<char*>(memory::object_malloc(pre + size));
    if (!block) return error_no_memory();
    std::memset(block, 0, pre + size);  // an untracked GC head is all zero
    auto* op = reinterpret_cast<Object*>(block + pre);
    op->ob_type = type;
    op->ob_refcnt = 1;
#if MINIPY_REF_DEBUG
    ++ref_total;
#endif
    if (type_has_feature(type, Py_TPFLAGS_HEAPTYPE)) incref(type);
    if (gc) {
        // _PyObject_GC_Link: counts the allocation and may run a collection
        // (which cannot see op: it is not tracked yet).
        memory::gc_link();
        // Tracked from birth, as CPython's constructors and
        // PyType_GenericAlloc do, except exact dicts (tracked on the first
        // insertion of a container, dictobject.cpp's MAINTAIN_TRACKING).
        if (type != &Dict_Type) memory::gc_track(op);
    }
    return op;
}

void object_free_memory(Object* op)
{
    if (object_is_gc(op)) {
        memory::gc_unlink(op);  // PyObject_GC_Del: untrack, uncount
        memory::object_free(memory::gc_head_of(op));
    }
    else memory::object_free(op);
}

void object_dealloc_memory(Object* op)
{
    TypeObject* type = Py_TYPE(op);
    type->tp_free ? type->tp_free(op) : object_free_memory(op);
    if (type_has_feature(type, Py_TPFLAGS_HEAPTYPE)) decref(type);
}

void object_generic_dealloc(Object* op) { object_dealloc_memory(op); }

Ref<> object_generic_alloc(TypeObject* type, Py_ssize_t nitems)
{
    return steal_ref(object_alloc_raw(type, nitems));
}

// --- repr, str, hash ------------------------------------------------------------

Ref<> object_repr(Object* v)
{
    if (!v) return unicode_from_string("<NULL>");
    if (!Py_TYPE(v)->tp_repr) return object_repr_default(v);
    if (!enter_recursive_call(" while getting the repr of an object")) return nullptr;
    Ref<> res = Py_TYPE(v)->tp_repr(v);
    leave_recursive_call();
    if (res && !unicode_check(res.get()))
        return format_error(Exc_TypeError, "__repr__ returned non-string (type %.200s)",
                            Py_TYPE(res.get())->tp_name);
    return res;
}

Ref<> object_str(Object* v)
{
    if (!v) return unicode_from_string("<NULL>");
    if (unicode_check_exact(v)) return new_ref(v);
    if (!Py_TYPE(v)->tp_str) return object_repr(v);
    if (!enter_recursive_call(" while getting the str of an object")) return nullptr;
    Ref<> res = Py_TYPE(v)->tp_str(v);
    leave_recursive_call();
    if (res && !unicode_check(res.get()))
        return format_error(Exc_TypeError, "__str__ returned non-string (type %.200s)",
                            Py_TYPE(res.get())->tp_name);
    return res;
}

Ref<> object_ascii(Object* v)
{
    Ref<> repr = object_repr(v);
    if (!repr) return nullptr;
    if (unicode_max_char(repr.get()) < 128) return repr;
    // Non-ASCII code points become \xhh, \uhhhh or \Uhhhhhhhh.
    UnicodeWriter w;
    static const char hex[] = "0123456789abcdef";
    for (Py_ssize_t i = 0, n = unicode_length(repr.get()); i < n; i++) {
        Py_UCS4 ch = unicode_read_char(repr.get(), i);
        if (ch < 128) {
            w.write_char(ch);
            continue;
        }
        int digits = ch < 0x100 ? 2 : ch < 0x10000 ? 4 : 8;
        w.write_char('\\');
        w.write_char(digits == 2 ? 'x' : digits == 4 ? 'u' : 'U');
        for (int s = (digits - 1) * 4; s >= 0; s -= 4) w.write_char(hex[(ch >> s) & 0xF]);
    }
    return w.finish();
}

Py_hash_t hash_not_implemented(Object* v)
{
    format_error(Exc_TypeError, "unhashable type: '%.200s'", Py_TYPE(v)->tp_name);
    return -1;
}

Py_hash_t object_hash(Object* v)
{
    TypeObject* tp = Py_TYPE(v);
    if (tp->tp_hash) return tp->tp_hash(v);
    return hash_not_implemented(v);
}

// --- Rich comparison ----------------------------------------------------------

namespace {

const int swapped_op[] = {Py_GT, Py_GE, Py_EQ, Py_NE, Py_LT, Py_LE};
const char* const opstrings[] = {"<", "<=", "==", "!=", ">", ">="};

// do_richcompare: the reflected operation of a subclass of v's type is
// tried first, so that subclasses can override comparisons with their base.
Ref<> do_richcompare(Object* v, Object* w, int op)
{
    richcmpfunc f;
    bool checked_reverse_op = false;
    if (Py_TYPE(v) != Py_TYPE(w) && type_is_subtype(Py_TYPE(w), Py_TYPE(v)) &&
        (f = Py_TYPE(w)->tp_richcompare) != nullptr) {
        checked_reverse_op = true;
        Ref<> res = f(w, v, swapped_op[op]);
        if (res.get() != Py_NotImplemented()) return res;
    }
    if ((f = Py_TYPE(v)->tp_richcompare) != nullptr) {
        Ref<> res = f(v, w, op);
        if (res.get() != Py_NotImplemented()) return res;
    }
    if (!checked_reverse_op && (f = Py_TYPE(w)->tp_richcompare) != nullptr) {
        Ref<> res = f(w, v, swapped_op[op]);
        if (res.get() != Py_NotImplemented()) return res;
    }
    // Neither side knows: == and != fall back to identity.
    switch (op) {
    case Py_EQ: return new_ref(v == w ? Py_True() : Py_False());
    case Py_NE: return new_ref(v != w ? Py_True() : Py_False());
    default:
        return format_error(Exc_TypeError, "'%s' not supported between instances of '%.100s' and '%.100s'",
                            opstrings[op], Py_TYPE(v)->tp_name, Py_TYPE(w)->tp_name);
    }
}

}  // namespace

Ref<> object_rich_compare(Object* v, Object* w, int op)
{
    if (!v || !w) return error_bad_internal_call();
    if (!enter_recursive_call(" in comparison")) return nullptr;
    Ref<> res = do_richcompare(v, w, op);
    leave_recursive_call();
    return res;
}

int object_rich_compare_bool(Object* v, Object* w, int op)
{
    // Identity implies equality, as for containers' `in` and ==.
    if (v == w) {
        if (op == Py_EQ) return 1;
        if (op == Py_NE) return 0;
    }
    Ref<> res = object_rich_compare(v, w, op);
    if (!res) return -1;
    if (bool_check(res.get())) return res.get() == Py_True();
    return object_is_true(res.get());
}

// --- Truth ------------------------------------------------------------------

int object_is_true(Object* v)
{
    if (v == Py_True()) return 1;
    if (v == Py_False() || v == Py_None()) return 0;
    TypeObject* tp = Py_TYPE(v);
    Py_ssize_t res;
    if (tp->tp_as_number && tp->tp_as_number->nb_bool) res = tp->tp_as_number->nb_bool(v);
    else if (tp->tp_as_mapping && tp->tp_as_mapping->mp_length) res = tp->tp_as_mapping->mp_length(v);
    else if (tp->tp_as_sequence && tp->tp_as_sequence->sq_length) res = tp->tp_as_sequence->sq_length(v);
    else return 1;
    return res > 0 ? 1 : static_cast<int>(res);
}

int object_not(Object* v)
{
    int res = object_is_true(v);
    return res < 0 ? res : res == 0;
}

// --- Attributes -------------------------------------------------------------

Ref<> object_get_attr(Object* v, Object* name)
{
    if (!unicode_check(name))
        return format_error(Exc_TypeError, "attribute name must be string, not '%.200s'", Py_TYPE(name)->tp_name);
    TypeObject* tp = Py_TYPE(v);
    if (tp->tp_getattro) return tp->tp_getattro(v, name);
    return format_error(Exc_AttributeError, "'%.50s' object has no attribute '%U'", tp->tp_name, name);
}

Ref<> object_get_attr_string(Object* v, const char* name)
{
    Ref<> n = unicode_intern_from_string(name);
    if (!n) return nullptr;
    return object_get_attr(v, n.get());
}

int object_lookup_attr(Object* v, Object* name, Ref<>* result)
{
    *result = object_get_attr(v, name);
    if (*result) return 1;
    if (!error_matches(Exc_AttributeError)) return -1;
    error_clear();
    return 0;
}

int object_has_attr_string(Object* v, const char* name)
{
    Ref<> n = unicode_intern_from_string(name);
    if (!n) return -1;
    Ref<> res;
    return object_lookup_attr(v, n.get(), &res);
}

int object_set_attr(Object* v, Object* name, Object* value)
{
    if (!unicode_check(name)) {
        format_error(Exc_TypeError, "attribute name must be string, not '%.200s'", Py_TYPE(name)->tp_name);
        return -1;
    }
    Ref<> key = new_ref(name);
    unicode_intern_in_place(&key);
    TypeObject* tp = Py_TYPE(v);
    if (tp->tp_setattro) return tp->tp_setattro(v, key.get(), value);
    if (!tp->tp_getattro)
        format_error(Exc_TypeError, "'%.100s' object has no attributes (%s .%U)", tp->tp_name,
                     value ? "assign to" : "del", key.get());
    else
        format_error(Exc_TypeError, "'%.100s' object has only read-only attributes (%s .%U)", tp->tp_name,
                     value ? "assign to" : "del", key.get());
    return -1;
}

int object_set_attr_string(Object* v, const char* name, Object* value)
{
    Ref<> n = unicode_intern_from_string(name);
    if (!n) return -1;
    return object_set_attr(v, n.get(), value);
}

Object** object_get_dict_ptr(Object* obj)
{
    TypeObject* tp = Py_TYPE(obj);
    Py_ssize_t offset = tp->tp_dictoffset;
    if (offset == 0) return nullptr;
    if (offset < 0) {
        // Var-sized instances (subclasses of int, tuple, bytes) keep the
        // dict after their items: counted from the end of the object.
        Py_ssize_t n = static_cast<VarObject*>(obj)->ob_size;
        std::size_t size = static_cast<std::size_t>(tp->tp_basicsize) +
                           static_cast<std::size_t>(n < 0 ? -n : n) * static_cast<std::size_t>(tp->tp_itemsize);
        size = (size + sizeof(void*) - 1) & ~(sizeof(void*) - 1);
        offset += static_cast<Py_ssize_t>(size);
    }
    return reinterpret_cast<Object**>(reinterpret_cast<char*>(obj) + offset);
}

Ref<> object_generic_get_dict(Object* obj, void*)
{
    Object** dictptr = object_get_dict_ptr(obj);
    if (!dictptr) return format_error(Exc_AttributeError, "This object has no __dict__");
    if (!*dictptr) {
        Ref<> d = dict_new();
        if (!d) return nullptr;
        *dictptr = d.release();
    }
    return new_ref(*dictptr);
}

int object_generic_set_dict(Object* obj, Object* value, void*)
{
    Object** dictptr = object_get_dict_ptr(obj);
    if (!dictptr) {
        set_error(Exc_AttributeError, "This object has no __dict__");
        return -1;
    }
    if (!value) {
        set_error(Exc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!dict_check(value)) {
        format_error(Exc_TypeError, "__dict__ must be set to a dictionary, not a '%.200s'", Py_TYPE(value)->tp_name);
        return -1;
    }
    set_ref(*dictptr, new_ref(value).release());
    return 0;
}

namespace {

// Fills AttributeError's name and obj (3.10+), for "Did you mean" hints.
void set_attribute_error_context(Object* v, Object* name)
{
    if (!error_matches(Exc_AttributeError)) return;
    Ref<> type, value, tb;
    fetch_error(&type, &value, &tb);
    if (value && object_type_check(value.get(), Exc_AttributeError)) {
        auto* exc = static_cast<AttributeErrorObject*>(value.get());
        if (!exc->name) {
            exc->name = new_ref(name).release();
            exc->obj = new_ref(v).release();
        }
    }
    restore_error(std::move(type), std::move(value), std::move(tb));
}

}  // namespace

// _PyObject_GenericGetAttrWithDict: data descriptors on the type win over
// the instance dict, which wins over other class attributes.
Ref<> object_generic_get_attr(Object* obj, Object* name)
{
    TypeObject* tp = Py_TYPE(obj);
    Ref<> descr = new_ref(type_lookup(tp, name));
    descrgetfunc f = nullptr;
    if (descr) {
        f = Py_TYPE(descr.get())->tp_descr_get;
        if (f && Py_TYPE(descr.get())->tp_descr_set) {
            Ref<> res = f(descr.get(), obj, tp);
            if (!res) set_attribute_error_context(obj, name);
            return res;
        }
    }
    if (Object** dictptr = object_get_dict_ptr(obj); dictptr && *dictptr) {
        Object* res = dict_get_item_with_error(*dictptr, name);
        if (res) return new_ref(res);
        if (error_occurred()) return nullptr;
    }
    if (f) {
        Ref<> res = f(descr.get(), obj, tp);
        if (!res) set_attribute_error_context(obj, name);
        return res;
    }
    if (descr) return descr;
    format_error(Exc_AttributeError, "'%.50s' object has no attribute '%U'", tp->tp_name, name);
    set_attribute_error_context(obj, name);
    return nullptr;
}

int object_generic_set_attr(Object* obj, Object* name, Object* value)
{
    TypeObject* tp = Py_TYPE(obj);
    Ref<> descr = new_ref(type_lookup(tp, name));
    if (descr) {
        if (descrsetfunc f = Py_TYPE(descr.get())->tp_descr_set) return f(descr.get(), obj, value);
    }
    Object** dictptr = object_get_dict_ptr(obj);
    if (!dictptr) {
        if (!descr)
            format_error(Exc_AttributeError, "'%.100s' object has no attribute '%U'", tp->tp_name, name);
        else
            format_error(Exc_AttributeError, "'%.50s' object attribute '%U' is read-only", tp->tp_name, name);
        set_attribute_error_context(obj, name);
        return -1;
    }
    if (!*dictptr) {
        if (!value) {
            format_error(Exc_AttributeError, "'%.100s' object has no attribute '%U'", tp->tp_name, name);
            set_attribute_error_context(obj, name);
            return -1;
        }
        Ref<> d = dict_new();
        if (!d) return -1;
        *dictptr = d.release();
    }
    if (value) return dict_set_item(*dictptr, name, value);
    if (dict_del_item(*dictptr, name) < 0) {
        if (error_matches(Exc_KeyError)) {
            error_clear();
            format_error(Exc_AttributeError, "'%.100s' object has no attribute '%U'", tp->tp_name, name);
            set_attribute_error_context(obj, name);
        }
        return -1;
    }
    return 0;
}

Ref<> object_self_iter(Object* obj) { return new_ref(obj); }

// --- Recursion guards -----------------------------------------------------------

int repr_enter(Object* op)
{
    ThreadState* ts = thread_state_get();
    if (!ts->repr_list) {
        Ref<> l = list_new(0);
        if (!l) return -1;
        ts->repr_list = l.release();
    }
    for (Py_ssize_t i = list_size(ts->repr_list); --i >= 0;)
        if (list_item(ts->repr_list, i) == op) return 1;
    return list_append(ts->repr_list, op) < 0 ? -1 : 0;
}

void repr_leave(Object* op)
{
    ThreadState* ts = thread_state_get();
    if (!ts->repr_list) return;
    auto* list = static_cast<ListObject*>(ts->repr_list);
    for (Py_ssize_t i = list->ob_size; --i >= 0;) {
        if (list->ob_item[i] == op) {
            Object* item = list->ob_item[i];
            std::memmove(&list->ob_item[i], &list->ob_item[i + 1],
                         sizeof(Object*) * static_cast<std::size_t>(list->ob_size - i - 1));
            list->ob_size--;
            decref(item);
            return;
        }
    }
}

bool enter_recursive_call(const char* where)
{
    ThreadState* ts = thread_state_get();
    if (--ts->recursion_remaining >= 0) return true;
    if (ts->recursion_headroom) {
        // Already handling a RecursionError: give a little more room so
        // that its repr and handlers can run.
        if (ts->recursion_remaining > -50) return true;
    }
    ++ts->recursion_remaining;
    ts->recursion_headroom = true;
    format_error(Exc_RecursionError, "maximum recursion depth exceeded%s", where);
    ts->recursion_headroom = false;
    return false;
}

void leave_recursive_call() { ++thread_state_get()->recursion_remaining; }

// --- None, NotImplemented, Ellipsis -------------------------------------------

namespace {

Ref<> none_repr(Object*) { return unicode_intern_from_string("None"); }
int none_bool(Object*) { return 0; }
Ref<> notimplemented_repr(Object*) { return unicode_intern_from_string("NotImplemented"); }
Ref<> ellipsis_repr(Object*) { return unicode_intern_from_string("Ellipsis"); }

// The singletons are never deallocated; reaching zero is a refcount bug.
void singleton_dealloc(Object* op)
{
    std::fprintf(stderr, "Fatal Python error: deallocating %s\n", Py_TYPE(op)->tp_name);
    std::abort();
}

// NoneType(), type(NotImplemented)(), type(...)() return the singleton. The
// error names the type as its `types` module alias (EllipsisType, whose
// tp_name is "ellipsis"), as none_new/notimplemented_new/ellipsis_new do.
constexpr char none_type_name[] = "NoneType";
constexpr char notimplemented_type_name[] = "NotImplementedType";
constexpr char ellipsis_type_name[] = "EllipsisType";

template <Object* (*Singleton)(), const char* Name>
Ref<> singleton_new(TypeObject*, Object* args, Object* kwargs)
{
    if ((args && tuple_size(args)) || (kwargs && dict_size(kwargs)))
        return format_error(Exc_TypeError, "%s takes no arguments", Name);
    return new_ref(Singleton());
}

NumberMethods none_as_number = [] {
    NumberMethods nb{};
    nb.nb_bool = none_bool;
    return nb;
}();

// notimplemented_reduce/ellipsis_reduce: the singletons pickle by name, so
// copy and pickle find them again as the builtins of that name.
Ref<> notimplemented_reduce(Object*, Object*) { return unicode_from_ascii("NotImplemented"); }
Ref<> ellipsis_reduce(Object*, Object*) { return unicode_from_ascii("Ellipsis"); }

// notimplemented_bool: true, but since 3.9 with a DeprecationWarning
// (bpo-35712); -1 when a filter turns the warning into an error.
int notimplemented_bool(Object*)
{
    if (error_warn(Exc_DeprecationWarning, "NotImplemented should not be used in a boolean context", 1) < 0)
        return -1;
    return 1;
}

NumberMethods notimplemented_as_number = [] {
    NumberMethods nb{};
    nb.nb_bool = notimplemented_bool;
    return nb;
}();

MethodDef notimplemented_methods[] = {
    method_noargs("__reduce__", notimplemented_reduce),
    {},
};
MethodDef ellipsis_methods[] = {
    method_noargs("__reduce__", ellipsis_reduce),
    {},
};

}  // namespace

TypeObject None_Type = [] {
    TypeObject t = static_type("NoneType", sizeof(Object), 0, Py_TPFLAGS_DEFAULT);
    t.tp_dealloc = singleton_dealloc;
    t.tp_repr = none_repr;
    t.tp_as_number = &none_as_number;
    t.tp_hash = object_hash_default;
    t.tp_new = singleton_new<Py_None, none_type_name>;
    return t;
}();

TypeObject NotImplemented_Type = [] {
    TypeObject t = static_type("NotImplementedType", sizeof(Object), 0, Py_TPFLAGS_DEFAULT);
    t.tp_dealloc = singleton_dealloc;
    t.tp_repr = notimplemented_repr;
    t.tp_as_number = &notimplemented_as_number;
    t.tp_hash = object_hash_default;
    t.tp_new = singleton_new<Py_NotImplemented, notimplemented_type_name>;
    t.tp_methods = notimplemented_methods;
    return t;
}();

TypeObject Ellipsis_Type = [] {
    TypeObject t = static_type("ellipsis", sizeof(Object), 0, Py_TPFLAGS_DEFAULT);
    t.tp_dealloc = singleton_dealloc;
    t.tp_repr = ellipsis_repr;
    t.tp_hash = object_hash_default;
    t.tp_new = singleton_new<Py_Ellipsis, ellipsis_type_name>;
    t.tp_methods = ellipsis_methods;
    return t;
}();

Object _Py_NoneStruct{1, &None_Type};
Object _Py_NotImplementedStruct{1, &NotImplemented_Type};
Object _Py_EllipsisObject{1, &Ellipsis_Type};

}  // namespace minipy::runtime
