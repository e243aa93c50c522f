// objimpl.cpp: the runtime half of the cycle collector: tracking,
// finalizers from deallocators, gc.garbage/gc.callbacks, and the hooks that
// let memory/gcmodule.cpp see objects. Mirrors CPython 3.11's
// Modules/gcmodule.c (PyObject_GC_Track, invoke_gc_callback,
// handle_legacy_finalizers' list), Objects/object.c
// (PyObject_CallFinalizerFromDealloc) and the MaybeUntrack functions of
// Objects/tupleobject.c and Objects/dictobject.c. Book chapter 9.
#include <cstdio>

#include "minipy/memory/gc.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/objimpl.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/runtime/weakrefobject.h"

namespace minipy::runtime {

namespace {

Object* garbage = nullptr;    // gc.garbage (owned)
Object* callbacks = nullptr;  // gc.callbacks (owned)

Object* as_object(void* op) { return static_cast<Object*>(op); }

// invoke_gc_callback: each callable of gc.callbacks gets (phase, info).
// Errors are reported as unraisable, the error indicator is left clear.
void invoke_callbacks(const char* phase, int generation, std::ptrdiff_t collected, std::ptrdiff_t uncollectable)
{
    if (!callbacks || list_size(callbacks) == 0) return;
    // The exception of the code that triggered the collection survives it.
    Ref<> saved = fetch_exception();
    Ref<> info = dict_new();
    Ref<> gen = long_from_ssize_t(generation), col = long_from_ssize_t(collected),
          unc = long_from_ssize_t(uncollectable);
    Ref<> ph = unicode_from_string(phase);
    if (!info || !gen || !col || !unc || !ph || dict_set_item_string(info.get(), "generation", gen.get()) < 0 ||
        dict_set_item_string(info.get(), "collected", col.get()) < 0 ||
        dict_set_item_string(info.get(), "uncollectable", unc.get()) < 0) {
        error_write_unraisable(nullptr);
        restore_exception(std::move(saved));
        return;
    }
    // The list may change while a callback runs: index each time.
    for (Py_ssize_t i = 0; i < list_size(callbacks); i++) {
        Ref<> cb = new_ref(list_item(callbacks, i));
        Ref<> r = call_function_objargs(cb.get(), {ph.get(), info.get()});
        if (!r) error_write_unraisable(cb.get());
    }
    restore_exception(std::move(saved));
}

void install_hooks()
{
    auto& h = memory::gc_object_hooks;
    h.traverse = [](void* op, memory::gc_visitproc visit, void* arg) {
        traverseproc t = Py_TYPE(as_object(op))->tp_traverse;
        return t ? t(as_object(op), reinterpret_cast<visitproc>(visit), arg) : 0;
    };
    h.clear = [](void* op) {
        Object* o = as_object(op);
        inquiry c = Py_TYPE(o)->tp_clear;
        if (!c) return 0;
        int r = c(o);
        if (error_occurred()) error_write_unraisable(reinterpret_cast<Object*>(Py_TYPE(o)));
        return r;
    };
    h.finalize = [](void* op) {
        Object* o = as_object(op);
        Py_TYPE(o)->tp_finalize(o);
        if (error_occurred()) error_write_unraisable(o);
    };
    h.has_finalizer = [](void* op) { return Py_TYPE(as_object(op))->tp_finalize != nullptr; };
    h.has_legacy_finalizer = [](void* op) { return Py_TYPE(as_object(op))->tp_del != nullptr; };
    h.is_gc = [](void* op) { return object_is_gc_object(as_object(op)); };
    h.refcount = [](void* op) { return as_object(op)->ob_refcnt; };
    h.incref = [](void* op) { incref(as_object(op)); };
    h.decref = [](void* op) { decref(as_object(op)); };
    h.maybe_untrack_tuple = [](void* op) {
        if (tuple_check_exact(as_object(op))) tuple_maybe_untrack(as_object(op));
    };
    h.maybe_untrack_dict = [](void* op) {
        if (dict_check_exact(as_object(op))) dict_maybe_untrack(as_object(op));
    };
    // Weak references (W's weakrefobject.h) for handle_weakrefs.
    h.weaklist_ptr = [](void* op) { return reinterpret_cast<void**>(object_weaklist_ptr(as_object(op))); };
    h.is_weakref = [](void* op) { return weakref_check(as_object(op)); };
    h.weakref_clear_ref = [](void* wr) { weakref_clear_ref(as_object(wr)); };
    h.weakref_has_callback = [](void* wr) { return static_cast<WeakReference*>(wr)->wr_callback != nullptr; };
    h.weakref_call_callback = [](void* wr) {
        auto* ref = static_cast<WeakReference*>(wr);
        weakref_handle_callback(ref, ref->wr_callback);
    };
    h.invoke_callbacks = invoke_callbacks;
    h.append_garbage = [](void* op) {
        if (!garbage) return false;
        if (list_append(garbage, as_object(op)) < 0) {
            error_clear();
            return false;
        }
        return true;
    };
    h.error_occurred = [] { return error_occurred() != nullptr; };
    h.report_error = [] {
        // _PyErr_WriteUnraisableMsg("in garbage collection", NULL)
        error_write_unraisable(nullptr);
    };
    h.type_name = [](void* op) { return Py_TYPE(as_object(op))->tp_name; };
    h.write_stderr = [](const char* text) {
        std::fputs(text, stderr);
        std::fflush(stderr);
    };
}

}  // namespace

bool object_is_gc_object(Object* op)
{
    TypeObject* tp = Py_TYPE(op);
    return type_has_feature(tp, Py_TPFLAGS_HAVE_GC) && (!tp->tp_is_gc || tp->tp_is_gc(op));
}

void object_gc_track(Object* op) { memory::gc_track(op); }

void object_gc_untrack(Object* op)
{
    if (object_is_gc_object(op)) memory::gc_untrack(op);
}

bool object_gc_is_tracked(Object* op) { return object_is_gc_object(op) && memory::gc_is_tracked(op); }

bool object_gc_is_finalized(Object* op) { return object_is_gc_object(op) && memory::gc_is_finalized(op); }

bool object_gc_may_be_tracked(Object* op)
{
    if (!object_is_gc_object(op)) return false;
    if (tuple_check_exact(op)) return memory::gc_is_tracked(op);
    return true;
}

void tuple_maybe_untrack(Object* op)
{
    if (!memory::gc_is_tracked(op)) return;
    Py_ssize_t n = tuple_size(op);
    for (Py_ssize_t i = 0; i < n; i++) {
        Object* elt = tuple_item(op, i);
        // A tuple still being filled (null slot) may yet get a container.
        if (!elt || object_gc_may_be_tracked(elt)) return;
    }
    memory::gc_untrack(op);
}

void dict_maybe_untrack(Object* op)
{
    if (!memory::gc_is_tracked(op)) return;
    Py_ssize_t pos = 0;
    Object *key, *value;
    while (dict_next(op, &pos, &key, &value)) {
        if (object_gc_may_be_tracked(value) || object_gc_may_be_tracked(key)) return;
    }
    memory::gc_untrack(op);
}

void object_call_finalizer(Object* self)
{
    TypeObject* tp = Py_TYPE(self);
    if (!tp->tp_finalize) return;
    const bool gc = object_is_gc_object(self);
    if (gc && memory::gc_is_finalized(self)) return;  // tp_finalize runs once
    tp->tp_finalize(self);
    if (gc) memory::gc_set_finalized(self);
}

int object_call_finalizer_from_dealloc(Object* self)
{
    // Temporarily alive again, without touching the debug reference total.
    self->ob_refcnt = 1;
    object_call_finalizer(self);
    if (--self->ob_refcnt == 0) return 0;  // the normal way out
    // Resurrected: the new references keep it; it stays tracked (dealloc()
    // untracked it, so track it again) and may be collected later.
    if (object_is_gc_object(self) && !memory::gc_is_tracked(self)) memory::gc_track(self);
    return -1;
}

Object* gc_garbage_list()
{
    if (!garbage) garbage = list_new(0).release();
    return garbage;
}

Object* gc_callbacks_list()
{
    if (!callbacks) callbacks = list_new(0).release();
    return callbacks;
}

void install_gc_hooks() { install_hooks(); }

void gc_fini()
{
    clear_ref(callbacks);
    clear_ref(garbage);
}

}  // namespace minipy::runtime
