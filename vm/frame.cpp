// frame.cpp: pushing and popping frames on the thread's data stack.
// Mirrors CPython 3.11 Python/frame.c and the data-stack functions of
// Python/pystate.c (push_chunk, _PyThreadState_BumpFramePointerSlow,
// _PyThreadState_PopFrame). Book chapter 8.
//
// The data stack is a list of chunks of at least 16K words. A frame always
// fits in one chunk; when the current one is full a new chunk is linked in
// front, and popping the first frame of a chunk frees it. So a call costs a
// pointer bump except when it crosses a chunk boundary.
#include "frame.h"

#include <algorithm>

#include "minipy/memory/obmalloc.h"
#include "minipy/runtime/frameobject.h"
#include "minipy/runtime/pyerrors.h"

namespace minipy::vm {

using namespace runtime;

namespace {

constexpr std::size_t DATA_STACK_CHUNK_WORDS = 16 * 1024;

thread_local FrameStack thread_frames;

// push_chunk: a new chunk able to hold at least `words`.
bool push_chunk(FrameStack& fs, std::size_t words)
{
    std::size_t size = std::max(DATA_STACK_CHUNK_WORDS, words + 64);
    auto* chunk = static_cast<FrameStack::Chunk*>(
        memory::mem_malloc(offsetof(FrameStack::Chunk, data) + size * sizeof(Object*)));
    if (!chunk) return false;
    chunk->previous = fs.chunk;
    chunk->size = size;
    chunk->saved_top = fs.top;
    fs.chunk = chunk;
    fs.top = chunk->data;
    fs.limit = chunk->data + size;
    return true;
}

}  // namespace

FrameStack& frame_stack() { return thread_frames; }

void frame_stack_fini()
{
    FrameStack& fs = thread_frames;
    while (fs.chunk) {
        FrameStack::Chunk* done = fs.chunk;
        fs.chunk = done->previous;
        memory::mem_free(done);
    }
    fs = FrameStack{};
}

InterpreterFrame* push_frame(FunctionObject* func, Object* locals)
{
    FrameStack& fs = thread_frames;
    if (!func->func_globals) {
        // The collector's func_clear dropped the globals (a function
        // reached from a finalizer after its cycle was broken); CPython
        // would crash reading them.
        format_error(Exc_SystemError, "function %U was cleared by the garbage collector", func->func_qualname);
        return nullptr;
    }
    auto* code = static_cast<CodeObject*>(func->func_code);
    std::size_t words = frame_num_slots(code);
    if (fs.top == nullptr || static_cast<std::size_t>(fs.limit - fs.top) < words) {
        if (!push_chunk(fs, words)) {
            error_no_memory();
            return nullptr;
        }
    }
    auto* frame = reinterpret_cast<InterpreterFrame*>(fs.top);
    fs.top += words;
    incref(func);
    frame->f_func = func;
    frame->f_globals = func->func_globals;
    frame->f_builtins = func->func_builtins;
    xincref(locals);
    frame->f_locals = locals;
    incref(code);
    frame->f_code = code;
    frame->frame_obj = nullptr;
    frame->previous = nullptr;
    frame->prev_instr = code_units(code) - 1;
    frame->stacktop = code->co_nlocalsplus;
    frame->is_entry = false;
    frame->owner = FRAME_OWNED_BY_THREAD;
    std::fill_n(frame->localsplus, code->co_nlocalsplus, nullptr);
    fs.depth++;
    return frame;
}

void frame_clear(InterpreterFrame* frame)
{
    // A frame object outliving its frame takes the locals first (cold).
    if (frame->frame_obj) frame_release_object(frame);
    for (int i = 0; i < frame->stacktop; i++) xdecref(frame->localsplus[i]);
    frame->stacktop = 0;
    clear_ref(frame->f_locals);
    clear_ref(frame->f_func);
    clear_ref(frame->f_code);
}

void pop_frame_memory(InterpreterFrame* frame)
{
    FrameStack& fs = thread_frames;
    fs.depth--;
    auto* base = reinterpret_cast<Object**>(frame);
    if (base == fs.chunk->data && fs.chunk->previous) {
        // The frame opened this chunk: give the chunk back and resume the
        // previous one where it was left.
        FrameStack::Chunk* done = fs.chunk;
        fs.chunk = done->previous;
        fs.top = done->saved_top;
        fs.limit = fs.chunk->data + fs.chunk->size;
        memory::mem_free(done);
        return;
    }
    fs.top = base;
}

void pop_frame(InterpreterFrame* frame)
{
    frame_clear(frame);
    pop_frame_memory(frame);
}

// --- frame objects (_PyFrame_GetFrameObject, take_ownership) ---------------

namespace {

FrameObject* frame_object_of(InterpreterFrame* frame) { return static_cast<FrameObject*>(frame->frame_obj); }

// The position a frame object shows: its frame's last instruction and line
// (a frame that has not started yet is at its first line).
void sync_position(FrameObject* f, InterpreterFrame* frame)
{
    f->f_lasti = frame_lasti(frame);
    f->f_lineno = f->f_lasti < 0 ? frame->f_code->co_firstlineno
                                 : code_addr2line(frame->f_code, f->f_lasti * 2);
}

// _PyFrame_IsIncomplete: a thread frame that has not started running its
// code is invisible to f_back and sys._getframe.
bool is_incomplete(InterpreterFrame* frame)
{
    return frame->owner != FRAME_OWNED_BY_GENERATOR && frame_lasti(frame) < 0;
}

InterpreterFrame* complete_frame(InterpreterFrame* frame)
{
    while (frame && is_incomplete(frame)) frame = frame->previous;
    return frame;
}

// Whether frame is on the thread's chain of running frames, where its
// `previous` is its caller (a suspended generator's is stale).
bool is_running(InterpreterFrame* frame)
{
    for (InterpreterFrame* f = frame_stack().current; f; f = f->previous)
        if (f == frame) return true;
    return false;
}

void hook_sync(FrameObject* f) { sync_position(f, static_cast<InterpreterFrame*>(f->f_frame)); }

// frame_getback for a running frame: the caller's frame object.
Ref<> hook_back(FrameObject* f)
{
    auto* frame = static_cast<InterpreterFrame*>(f->f_frame);
    InterpreterFrame* prev = is_running(frame) ? complete_frame(frame->previous) : nullptr;
    if (!prev) return none_ref();
    return frame_make_object(prev);
}

const bool hooks_installed = [] {
    frame_hooks.sync = hook_sync;
    frame_hooks.back = hook_back;
    return true;
}();

}  // namespace

void frame_release_object(InterpreterFrame* frame)
{
    FrameObject* f = frame_object_of(frame);
    frame->frame_obj = nullptr;
    if (Py_REFCNT(f) > 1) {
        // take_ownership: the object outlives the frame. It keeps the final
        // position, its caller's frame object (made now, while the caller
        // is known; a generator's frame has none once it is not running)
        // and a copy of the local slots (runtime/frameobject.h). This may
        // run while an exception unwinds: keep it pending.
        Ref<> exc = fetch_exception();
        sync_position(f, frame);
        if (frame->owner == FRAME_OWNED_BY_THREAD && !f->f_back) {
            if (InterpreterFrame* prev = complete_frame(frame->previous)) {
                Ref<> back = frame_make_object(prev);
                if (back) f->f_back = back.release();
                else error_clear();
            }
        }
        if (frame_take_locals(f, frame->localsplus) < 0) error_clear();  // f_locals then shows {}
        restore_exception(std::move(exc));
    }
    else {
        f->f_frame = nullptr;
        f->f_localsplus = nullptr;
    }
    decref(f);
}

Ref<> frame_make_object(InterpreterFrame* frame)
{
    (void)hooks_installed;
    if (!frame->frame_obj) {
        // A module or class body shows its namespace as f_locals.
        Ref<> f = frame_new_live(frame->f_code, frame->f_globals, frame->f_builtins, frame->f_locals, frame,
                                 frame->localsplus);
        if (!f) return nullptr;
        frame->frame_obj = f.release();
    }
    sync_position(frame_object_of(frame), frame);
    return new_ref(frame->frame_obj);
}

InterpreterFrame* frame_get_caller(int depth)
{
    InterpreterFrame* frame = complete_frame(frame_stack().current);
    for (; depth > 0 && frame; depth--) frame = complete_frame(frame->previous);
    return frame;
}

}  // namespace minipy::vm
