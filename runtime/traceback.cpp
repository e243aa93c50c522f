// traceback.cpp: the traceback type and PyTraceBack_Here.
// Mirrors the object half of CPython 3.11 Python/traceback.c; printing
// lives in the vm (vm/traceback_print.cpp), which can read source files and
// parse segments of them for the ^^^ markers. Book chapter 8.
//
// While an exception unwinds, the eval loop calls traceback_here once per
// frame it leaves (and once for the frame that raised). Each call puts a
// new entry at the head of exc.__traceback__, so the finished list starts
// at the outermost frame that saw the exception and ends where it was
// raised: the order "most recent call last" prints it in.
#include "minipy/runtime/traceback.h"

#include "minipy/runtime/frameobject.h"
#include "minipy/runtime/longobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

namespace {

TracebackObject* TB(Object* op) { return static_cast<TracebackObject*>(op); }

void tb_dealloc(Object* op)
{
    clear_ref(TB(op)->tb_next);
    clear_ref(TB(op)->tb_frame);
    object_dealloc_memory(op);
}

int tb_traverse(Object* op, visitproc visit, void* arg)
{
    if (TB(op)->tb_next)
        if (int r = visit(TB(op)->tb_next, arg)) return r;
    return TB(op)->tb_frame ? visit(TB(op)->tb_frame, arg) : 0;
}

int tb_clear(Object* op)
{
    clear_ref(TB(op)->tb_next);
    clear_ref(TB(op)->tb_frame);
    return 0;
}

Ref<> tb_get_next(Object* op, void*) { return new_ref(TB(op)->tb_next ? TB(op)->tb_next : Py_None()); }

// tb_next may be replaced by another traceback or None, never making a loop.
int tb_set_next(Object* op, Object* value, void*)
{
    if (!value) {
        set_error(Exc_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (value == Py_None()) value = nullptr;
    else if (!traceback_check(value)) {
        format_error(Exc_TypeError, "expected traceback object or None, got '%s'", Py_TYPE(value)->tp_name);
        return -1;
    }
    for (Object* cursor = value; cursor; cursor = TB(cursor)->tb_next) {
        if (cursor == op) {
            set_error(Exc_ValueError, "traceback loop detected");
            return -1;
        }
    }
    set_ref(TB(op)->tb_next, value ? new_ref(value).release() : nullptr);
    return 0;
}

Ref<> tb_get_lineno(Object* op, void*)
{
    return TB(op)->tb_lineno < 0 ? none_ref() : long_from_long(TB(op)->tb_lineno);
}

GetSetDef tb_getsets[] = {
    {"tb_next", tb_get_next, tb_set_next, nullptr, nullptr},
    {"tb_lineno", tb_get_lineno, nullptr, nullptr, nullptr},
    {},
};

MemberDef tb_members[] = {
    {"tb_frame", T_OBJECT, offsetof(TracebackObject, tb_frame), READONLY, nullptr},
    {"tb_lasti", T_INT, offsetof(TracebackObject, tb_lasti), READONLY, nullptr},
    {},
};

}  // namespace

TypeObject TraceBack_Type = [] {
    TypeObject t = static_type("traceback", sizeof(TracebackObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC);
    t.tp_dealloc = tb_dealloc;
    t.tp_traverse = tb_traverse;
    t.tp_clear = tb_clear;
    t.tp_getset = tb_getsets;
    t.tp_members = tb_members;
    return t;
}();

Ref<> traceback_new(Object* next, Object* frame, int lasti, int lineno)
{
    Ref<TracebackObject> tb = object_new<TracebackObject>(&TraceBack_Type);
    if (!tb) return nullptr;
    tb->tb_next = next ? new_ref(next).release() : nullptr;
    tb->tb_frame = new_ref(frame).release();
    tb->tb_lasti = lasti;
    tb->tb_lineno = lineno;
    return tb;
}

int traceback_here(Object* frame)
{
    ThreadState* ts = thread_state_get();
    Object* exc = ts->curexc_value;
    if (!exc) return 0;
    auto* f = static_cast<FrameObject*>(frame);
    Ref<> tb = traceback_new(exception_get_traceback(exc), frame, f->f_lasti * 2, f->f_lineno);
    if (!tb) return -1;
    if (exception_set_traceback(exc, tb.get()) < 0) return -1;
    set_ref(ts->curexc_traceback, tb.release());
    return 0;
}

}  // namespace minipy::runtime
