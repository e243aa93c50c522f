// frameobject.cpp: frame objects as tracebacks see them.
// Mirrors CPython 3.11 Objects/frameobject.c. Book chapter 8.
#include "minipy/runtime/frameobject.h"

#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/codeobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

// --- the frame type -------------------------------------------------------

namespace {

FrameObject* FR(Object* op) { return static_cast<FrameObject*>(op); }

void frame_dealloc(Object* op)
{
    FrameObject* f = FR(op);
    for (Object** field : {&f->f_back, &f->f_code, &f->f_globals, &f->f_builtins, &f->f_locals}) clear_ref(*field);
    object_dealloc_memory(op);
}

int frame_traverse(Object* op, visitproc visit, void* arg)
{
    FrameObject* f = FR(op);
    for (Object* o : {f->f_back, f->f_code, f->f_globals, f->f_builtins, f->f_locals})
        if (o)
            if (int r = visit(o, arg)) return r;
    return 0;
}

Ref<> frame_repr(Object* op)
{
    auto* co = static_cast<CodeObject*>(FR(op)->f_code);
    return unicode_from_format("<frame at %p, file %R, line %d, code %U>", op, co->co_filename, FR(op)->f_lineno,
                               co->co_name);
}

Ref<> frame_get_lineno(Object* op, void*)
{
    return FR(op)->f_lineno < 0 ? none_ref() : long_from_long(FR(op)->f_lineno);
}
Ref<> frame_get_lasti(Object* op, void*) { return long_from_long(FR(op)->f_lasti * 2); }
Ref<> frame_get_back(Object* op, void*) { return new_ref(FR(op)->f_back ? FR(op)->f_back : Py_None()); }
Ref<> frame_get_locals(Object* op, void*)
{
    return new_ref(FR(op)->f_locals ? FR(op)->f_locals : FR(op)->f_globals);
}

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

}  // namespace

TypeObject Frame_Type = [] {
    TypeObject t = static_type("frame", sizeof(FrameObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC);
    t.tp_dealloc = frame_dealloc;
    t.tp_repr = frame_repr;
    t.tp_traverse = frame_traverse;
    t.tp_getset = frame_getsets;
    t.tp_members = frame_members;
    return t;
}();

Ref<> frame_new_snapshot(Object* code, Object* globals, Object* builtins, Object* locals, int lasti)
{
    Ref<FrameObject> f = object_new<FrameObject>(&Frame_Type);
    if (!f) return nullptr;
    f->f_back = nullptr;
    f->f_code = new_ref(code).release();
    f->f_globals = new_ref(globals).release();
    f->f_builtins = builtins ? new_ref(builtins).release() : nullptr;
    f->f_locals = locals ? new_ref(locals).release() : nullptr;
    f->f_lasti = lasti;
    f->f_lineno = code_addr2line(static_cast<CodeObject*>(code), lasti * 2);
    return f;
}

}  // namespace minipy::runtime
