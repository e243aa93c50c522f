// objimpl.h: the object side of the cycle collector: tracking containers,
// PEP 442 finalizers called from deallocators, and the state behind
// gc.garbage and gc.callbacks. Mirrors CPython 3.11 Include/objimpl.h,
// Include/internal/pycore_object.h (_PyObject_GC_TRACK & co.) and the
// runtime half of Modules/gcmodule.c. Book chapter 9, "Garbage collection".
//
// Which objects are tracked (as CPython 3.11):
//  * every object of a Py_TPFLAGS_HAVE_GC type is tracked when it is
//    allocated (object_alloc_sized; CPython tracks at the end of each
//    constructor and in PyType_GenericAlloc, with the same visible result),
//    except exact dicts, which start untracked and are tracked by the first
//    insertion of a key or value that may be tracked (MAINTAIN_TRACKING);
//  * the empty tuple singleton is never tracked;
//  * a collection untracks exact tuples holding only untracked objects
//    (tuple_maybe_untrack) and, in full collections, exact dicts likewise
//    (dict_maybe_untrack);
//  * dealloc() untracks a container before its tp_dealloc runs, so the
//    collector never traverses a half-destroyed object.
#pragma once

#include <initializer_list>
#include <utility>

#include "minipy/runtime/object.h"

namespace minipy::runtime {

// _PyObject_IS_GC: the type has Py_TPFLAGS_HAVE_GC and, when it has
// tp_is_gc (type objects: heap types only), that says yes. Only such
// objects have a GC head.
bool object_is_gc_object(Object* op);

// PyObject_GC_Track: op (a GC object) must not be tracked yet.
void object_gc_track(Object* op);
// PyObject_GC_UnTrack: does nothing when op is not tracked.
void object_gc_untrack(Object* op);
// PyObject_GC_IsTracked / PyObject_GC_IsFinalized (false for non-GC objects).
bool object_gc_is_tracked(Object* op);
bool object_gc_is_finalized(Object* op);
// _PyObject_GC_MAY_BE_TRACKED: whether op may be part of a cycle (a tracked
// tuple, or any other GC object).
bool object_gc_may_be_tracked(Object* op);

// _PyTuple_MaybeUntrack / _PyDict_MaybeUntrack (exact tuple / dict only).
void tuple_maybe_untrack(Object* op);
void dict_maybe_untrack(Object* op);

// PyObject_CallFinalizer: tp_finalize once per object (PEP 442).
void object_call_finalizer(Object* self);
// PyObject_CallFinalizerFromDealloc: for a tp_dealloc whose object reached
// refcount 0: runs the finalizer with the object briefly alive again.
// Returns -1 if the finalizer resurrected it (the dealloc must then stop),
// 0 otherwise.
[[nodiscard]] int object_call_finalizer_from_dealloc(Object* self);

// An instance of type (which may be a subclass) from its tp_alloc
// (PyType_GenericAlloc when it has none): what the tp_new of a built-in
// container type starts from.
template <class T>
Ref<T> alloc_instance(TypeObject* type)
{
    Ref<> obj = type->tp_alloc ? type->tp_alloc(type, 0) : Ref<>::steal(object_alloc_raw(type, 0));
    return ref_cast<T>(std::move(obj));
}

// Py_VISIT over several fields, for tp_traverse: visits the non-null ones
// in order and stops at the first non-zero result.
inline int visit_all(std::initializer_list<Object*> objs, visitproc visit, void* arg)
{
    for (Object* o : objs)
        if (o)
            if (int r = visit(o, arg)) return r;
    return 0;
}

// gc.garbage and gc.callbacks (lists owned by the runtime, created at
// start-up and cleared by gc_fini).
Object* gc_garbage_list();
Object* gc_callbacks_list();

// Installs the hooks through which memory/gcmodule.cpp sees objects, and
// drops the runtime's gc lists at shutdown.
void install_gc_hooks();
void gc_fini();

}  // namespace minipy::runtime
