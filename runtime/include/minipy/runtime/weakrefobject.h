// weakrefobject.h: weak references (weakref.ref, weakref.proxy) and the
// per-object list of them that deallocators and the cycle collector clear.
// Mirrors CPython 3.11 Include/cpython/weakrefobject.h,
// Include/weakrefobject.h and Objects/weakrefobject.c. Book chapter 9,
// "Garbage collection".
//
// Design notes
// ------------
// * A weak reference does not own its referent: wr_object is a borrowed
//   pointer that stays valid because the referent, when it dies, walks its
//   weak-reference list (the field at tp_weaklistoffset) and sets every
//   wr_object to None (object_clear_weakrefs, PyObject_ClearWeakRefs).
// * The list is doubly linked through wr_prev/wr_next, head in the referent.
//   Order (as CPython): the shared callback-less exact `ref` first, then the
//   shared callback-less proxy, then every other reference, newest first.
// * A type supports weak references iff tp_weaklistoffset != 0 (negative:
//   counted from the end of a var-sized instance, as for tp_dictoffset;
//   only subclasses of str, whose code points are inline). Every
//   deallocator of such a type calls object_clear_weakrefs while the object
//   still has refcount 0 and before any of its fields are torn down.
// * The cycle collector (memory/, handle_weakrefs in gcmodule.c) clears the
//   weak references to unreachable objects with weakref_clear_ref (no
//   callback) before any finalizer can see the trash, then calls the
//   callbacks of the cleared references that are themselves reachable.
#pragma once

#include "minipy/runtime/object.h"

namespace minipy::runtime {

// PyWeakReference: the object behind weakref.ref, proxies and subclasses.
struct WeakReference : Object {
    // The referent (borrowed), or None once it has died or been cleared.
    Object* wr_object;
    // The callback (owned), or null; dropped when the reference is cleared.
    Object* wr_callback;
    // The referent's hash, cached on first hash(); -1 until then.
    Py_hash_t hash;
    // Neighbours in the referent's list (null at the ends). Only references
    // whose wr_object is alive are linked.
    WeakReference* wr_prev;
    WeakReference* wr_next;
    vectorcallfunc vectorcall;
};

extern TypeObject Weakref_RefType;            // weakref.ReferenceType (weakref.ref)
extern TypeObject Weakref_ProxyType;          // weakref.ProxyType
extern TypeObject Weakref_CallableProxyType;  // weakref.CallableProxyType

inline bool weakref_check_ref(Object* op) { return object_type_check(op, &Weakref_RefType); }
inline bool weakref_check_ref_exact(Object* op) { return Py_TYPE(op) == &Weakref_RefType; }
inline bool weakref_check_proxy(Object* op)
{
    return Py_TYPE(op) == &Weakref_ProxyType || Py_TYPE(op) == &Weakref_CallableProxyType;
}
inline bool weakref_check(Object* op) { return weakref_check_ref(op) || weakref_check_proxy(op); }

// _PyType_SUPPORTS_WEAKREFS.
inline bool type_supports_weakrefs(TypeObject* type) { return type->tp_weaklistoffset != 0; }

// _PyObject_GET_WEAKREFS_LISTPTR: the address of op's list head (the field
// at tp_weaklistoffset), or null if op's type has none.
Object** object_weaklist_ptr(Object* op);

// PyWeakref_NewRef / PyWeakref_NewProxy: callback may be null or None.
// TypeError "cannot create weak reference to 'X' object" if ob's type does
// not support them.
[[nodiscard]] Ref<> weakref_new_ref(Object* ob, Object* callback);
[[nodiscard]] Ref<> weakref_new_proxy(Object* ob, Object* callback);

// PyWeakref_GET_OBJECT: the referent (borrowed), or None when dead.
inline Object* weakref_get_object(Object* ref) { return static_cast<WeakReference*>(ref)->wr_object; }

// _PyWeakref_GetWeakrefCount: the number of references in the list
// starting at head (head may be null).
Py_ssize_t weakref_get_weakref_count(WeakReference* head);

// _PyWeakref_ClearRef: unlinks wr from its referent's list and sets
// wr_object to None, WITHOUT calling the callback (which stays set, so the
// collector can still call it). wr is a WeakReference.
void weakref_clear_ref(Object* wr);

// PyObject_ClearWeakRefs: called by deallocators (refcount 0): clears every
// weak reference to op and calls their callbacks (newest first, after the
// shared callback-less ones are gone). A callback's exception goes to the
// unraisable hook; the error indicator is preserved across the calls.
void object_clear_weakrefs(Object* op);

// handle_callback: calls callback(wr), reporting an exception as
// unraisable ("Exception ignored in: <callback repr>"). For the collector.
void weakref_handle_callback(Object* wr, Object* callback);

}  // namespace minipy::runtime
