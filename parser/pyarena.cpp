// pyarena.cpp: the AST arena. Mirrors CPython 3.11 Python/pyarena.c. Book ch. 6.
#include "minipy/parser/pyarena.h"

#include <cstring>
#include <new>

#include "minipy/memory/obmalloc.h"
#include "minipy/runtime/object.h"

namespace minipy {

namespace {
constexpr std::size_t DEFAULT_BLOCK_SIZE = 8192;
constexpr std::size_t ALIGNMENT = alignof(std::max_align_t);

std::size_t round_up(std::size_t n)
{
    return (n + ALIGNMENT - 1) & ~(ALIGNMENT - 1);
}
}  // namespace

PyArena::~PyArena()
{
    // Objects first: nothing in a block refers to them once the tree goes.
    for (runtime::Object* obj : objects_) runtime::decref(obj);
    while (head_ != nullptr) {
        Block* prev = head_->prev;
        memory::mem_free(head_);
        head_ = prev;
    }
}

void* PyArena::alloc(std::size_t size)
{
    size = round_up(size == 0 ? 1 : size);
    if (head_ == nullptr || head_->size - head_->used < size) {
        // Invariant: a block's usable area starts ALIGNMENT-aligned right
        // after its (rounded) header, so every carved pointer is aligned.
        std::size_t usable = size > DEFAULT_BLOCK_SIZE ? size : DEFAULT_BLOCK_SIZE;
        void* raw = memory::mem_malloc(round_up(sizeof(Block)) + usable);
        if (raw == nullptr) {
            set_error("MemoryError");
            return nullptr;
        }
        Block* block = new (raw) Block{head_, usable, 0};
        head_ = block;
    }
    char* base = reinterpret_cast<char*>(head_) + round_up(sizeof(Block));
    void* result = base + head_->used;
    head_->used += size;
    total_ += size;
    return result;
}

runtime::Object* PyArena::add_object(runtime::Object* obj)
{
    if (obj == nullptr) return nullptr;
    try {
        objects_.push_back(obj);
    } catch (const std::bad_alloc&) {
        runtime::decref(obj);
        set_error("MemoryError");
        return nullptr;
    }
    return obj;
}

std::string_view PyArena::copy(std::string_view text)
{
    char* p = static_cast<char*>(alloc(text.size()));
    if (p == nullptr) return {};
    if (!text.empty()) std::memcpy(p, text.data(), text.size());
    return {p, text.size()};
}

}  // namespace minipy
