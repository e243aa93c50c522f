// frameobject.cpp: frame objects: views of running frames, and what is
// left of a frame after it exited.
// Mirrors CPython 3.11 Objects/frameobject.c (frame_getlineno,
// frame_getback, frame_getlocals / PyFrame_FastToLocals). Book chapter 8.
// See frameobject.h for how a frame object relates to the vm's frame.
#include "minipy/runtime/frameobject.h"

#include "minipy/memory/obmalloc.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/cellobject.h"
#include "minipy/runtime/codeobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

FrameHooks frame_hooks;

// --- the frame type -------------------------------------------------------

namespace {

FrameObject* FR(Object* op) { return static_cast<FrameObject*>(op); }

int owned_slot_count(FrameObject* f)
{
    return f->f_owns_locals ? static_cast<CodeObject*>(f->f_code)->co_nlocalsplus : 0;
}

// Drops the owned copy of the slots (a running frame's are not ours).
void clear_owned_locals(FrameObject* f)
{
    if (!f->f_owns_locals) return;
    Object** slots = f->f_localsplus;
    const int n = owned_slot_count(f);
    f->f_localsplus = nullptr;
    f->f_owns_locals = false;
    for (int i = 0; i < n; i++) clear_ref(slots[i]);
    memory::mem_free(slots);
}

int frame_tp_clear(Object* op)
{
    FrameObject* f = FR(op);
    clear_ref(f->f_back);
    clear_ref(f->f_locals);
    clear_owned_locals(f);
    return 0;
}

void frame_dealloc(Object* op)
{
    FrameObject* f = FR(op);
    clear_owned_locals(f);
    for (Object** field : {&f->f_back, &f->f_code, &f->f_globals, &f->f_builtins, &f->f_locals}) clear_ref(*field);
    object_dealloc_memory(op);
}

int frame_traverse(Object* op, visitproc visit, void* arg)
{
    FrameObject* f = FR(op);
    for (Object* o : {f->f_back, f->f_code, f->f_globals, f->f_builtins, f->f_locals})
        if (o)
            if (int r = visit(o, arg)) return r;
    // A running frame's slots belong to the frame (the vm); an exited
    // frame's copy belongs to this object.
    const int n = owned_slot_count(f);
    for (int i = 0; i < n; i++)
        if (Object* o = f->f_localsplus[i])
            if (int r = visit(o, arg)) return r;
    return 0;
}

// The position of a running frame is read when asked for.
void sync(FrameObject* f)
{
    if (f->f_frame && frame_hooks.sync) frame_hooks.sync(f);
}

Ref<> frame_repr(Object* op)
{
    sync(FR(op));
    auto* co = static_cast<CodeObject*>(FR(op)->f_code);
    return unicode_from_format("<frame at %p, file %R, line %d, code %U>", op, co->co_filename, FR(op)->f_lineno,
                               co->co_name);
}

Ref<> frame_get_lineno(Object* op, void*)
{
    sync(FR(op));
    return FR(op)->f_lineno < 0 ? none_ref() : long_from_long(FR(op)->f_lineno);
}

Ref<> frame_get_lasti(Object* op, void*)
{
    sync(FR(op));
    return long_from_long(FR(op)->f_lasti < 0 ? -1 : FR(op)->f_lasti * 2);
}

Ref<> frame_get_back(Object* op, void*)
{
    FrameObject* f = FR(op);
    if (f->f_frame && frame_hooks.back) return frame_hooks.back(f);
    return new_ref(f->f_back ? f->f_back : Py_None());
}

// frame_getlocals: a module or class body's namespace as is; for a
// function, one dict per frame object, refreshed from the slots on every
// access (3.11's PyFrame_FastToLocals), so it is a snapshot.
Ref<> frame_get_locals(Object* op, void*)
{
    FrameObject* f = FR(op);
    if (!f->f_fast_locals) return new_ref(f->f_locals ? f->f_locals : f->f_globals);
    if (!f->f_locals) {
        f->f_locals = dict_new().release();
        if (!f->f_locals) return nullptr;
    }
    if (f->f_localsplus) {
        Ref<> fresh = frame_locals_dict(f->f_code, f->f_localsplus);
        if (!fresh) return nullptr;
        dict_clear(f->f_locals);
        if (dict_update(f->f_locals, fresh.get()) < 0) return nullptr;
    }
    return new_ref(f->f_locals);
}

// frame.clear() (frame_clear): drops the local variables of a frame that
// has exited, as traceback.clear_frames does to free what a kept
// traceback holds; f_locals is then rebuilt empty. A frame that is still
// live (running, or a suspended generator's, which CPython would close
// first) raises RuntimeError, which clear_frames ignores.
Ref<> frame_clear(Object* op, Object*)
{
    FrameObject* f = FR(op);
    if (f->f_frame) return format_error(Exc_RuntimeError, "cannot clear an executing frame");
    if (f->f_fast_locals) clear_ref(f->f_locals);
    clear_owned_locals(f);
    return none_ref();
}

MethodDef frame_methods[] = {
    method_noargs("clear", frame_clear, "F.clear(): clear most references held by the frame"),
    {},
};

GetSetDef frame_getsets[] = {
    {"f_lineno", frame_get_lineno, nullptr, nullptr, nullptr},
    {"f_lasti", frame_get_lasti, nullptr, nullptr, nullptr},
    {"f_back", frame_get_back, nullptr, nullptr, nullptr},
    {"f_locals", frame_get_locals, nullptr, nullptr, nullptr},
    {},
};

MemberDef frame_members[] = {
    {"f_code", T_OBJECT, offsetof(FrameObject, f_code), READONLY, nullptr},
    {"f_globals", T_OBJECT, offsetof(FrameObject, f_globals), READONLY, nullptr},
    {"f_builtins", T_OBJECT, offsetof(FrameObject, f_builtins), READONLY, nullptr},
    {},
};

Ref<FrameObject> frame_alloc(Object* code, Object* globals, Object* builtins, Object* locals)
{
    Ref<FrameObject> f = object_new<FrameObject>(&Frame_Type);
    if (!f) return nullptr;
    f->f_back = nullptr;
    f->f_code = new_ref(code).release();
    f->f_globals = new_ref(globals).release();
    f->f_builtins = builtins ? new_ref(builtins).release() : nullptr;
    f->f_locals = locals ? new_ref(locals).release() : nullptr;
    f->f_frame = nullptr;
    f->f_localsplus = nullptr;
    f->f_lasti = -1;
    f->f_lineno = -1;
    // A function's frame has no namespace of its own: f_locals is built
    // from the slots. Module and class bodies run with one (f_locals).
    f->f_fast_locals = locals == nullptr;
    f->f_owns_locals = false;
    return f;
}

}  // namespace

TypeObject Frame_Type = [] {
    TypeObject t = static_type("frame", sizeof(FrameObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC);
    t.tp_dealloc = frame_dealloc;
    t.tp_repr = frame_repr;
    t.tp_traverse = frame_traverse;
    t.tp_clear = frame_tp_clear;
    t.tp_methods = frame_methods;
    t.tp_getset = frame_getsets;
    t.tp_members = frame_members;
    return t;
}();

Ref<> frame_new_live(Object* code, Object* globals, Object* builtins, Object* locals, void* frame, Object** localsplus)
{
    Ref<FrameObject> f = frame_alloc(code, globals, builtins, locals);
    if (!f) return nullptr;
    f->f_frame = frame;
    f->f_localsplus = localsplus;
    return f;
}

int frame_take_locals(FrameObject* f, Object* const* localsplus)
{
    f->f_frame = nullptr;
    f->f_localsplus = nullptr;
    const int n = static_cast<CodeObject*>(f->f_code)->co_nlocalsplus;
    if (!f->f_fast_locals || n == 0) return 0;
    auto* slots = static_cast<Object**>(memory::mem_malloc(sizeof(Object*) * static_cast<std::size_t>(n)));
    if (!slots) {
        (void)error_no_memory();
        return -1;
    }
    for (int i = 0; i < n; i++) slots[i] = localsplus[i] ? new_ref(localsplus[i]).release() : nullptr;
    f->f_localsplus = slots;
    f->f_owns_locals = true;
    return 0;
}

Ref<> frame_new_snapshot(Object* code, Object* globals, Object* builtins, Object* locals, int lasti)
{
    Ref<FrameObject> f = frame_alloc(code, globals, builtins, locals);
    if (!f) return nullptr;
    f->f_lasti = lasti;
    f->f_lineno = code_addr2line(static_cast<CodeObject*>(code), lasti * 2);
    return f;
}

Ref<> frame_locals_dict(Object* code, Object* const* localsplus)
{
    auto* co = static_cast<CodeObject*>(code);
    Ref<> d = dict_new();
    if (!d) return nullptr;
    const char* kinds = bytes_as_string(co->co_localspluskinds);
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        Object* value = localsplus[i];
        if (!value) continue;
        if (static_cast<std::uint8_t>(kinds[i]) & (CO_FAST_CELL | CO_FAST_FREE)) {
            // A cell slot may still hold a plain argument before MAKE_CELL.
            if (cell_check(value)) value = cell_get(value);
            if (!value) continue;
        }
        if (dict_set_item(d.get(), tuple_item(co->co_localsplusnames, i), value) < 0) return nullptr;
    }
    return d;
}

}  // namespace minipy::runtime
