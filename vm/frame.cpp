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

InterpreterFrame* push_frame(FunctionObject* func, Object* locals)
{
    FrameStack& fs = thread_frames;
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
    for (int i = 0; i < frame->stacktop; i++) xdecref(frame->localsplus[i]);
    frame->stacktop = 0;
    clear_ref(frame->frame_obj);
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

Ref<> frame_make_object(InterpreterFrame* frame)
{
    return frame_new_snapshot(frame->f_code, frame->f_globals, frame->f_builtins, frame->f_locals,
                              frame_lasti(frame));
}

}  // namespace minipy::vm
