// pyarena.h: the arena every AST node of one parse lives in, freed in one go
// when the parse's result is no longer needed. Mirrors CPython 3.11
// Include/internal/pycore_pyarena.h and Python/pyarena.c. Book ch. 6.
//
// Design: nodes are bump-allocated from blocks of at least 8 KiB taken from
// the memory stage's mem_malloc funnel; nothing is freed one by one, so a
// node never needs a destructor (all AST types are trivially destructible).
// The arena also remembers the first error a constructor ran into, so the
// parser can turn a failed action into its error indicator.
//
// Constants are runtime objects (ints, strs, ...). The arena owns one
// reference to each (add_object, CPython's _PyArena_AddPyObject) and drops
// them all in its destructor, so nodes can hold them as borrowed pointers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace minipy {

namespace runtime {
struct Object;
}

class PyArena {
public:
    PyArena() = default;
    ~PyArena();
    PyArena(const PyArena&) = delete;
    PyArena& operator=(const PyArena&) = delete;

    // size bytes aligned for any AST type; nullptr (and error() set to
    // "MemoryError") when the memory funnel refuses.
    [[nodiscard]] void* alloc(std::size_t size);

    // A copy of text inside the arena (not NUL-terminated; data() is never
    // nullptr, so an empty copy is still "present" for optional strings).
    [[nodiscard]] std::string_view copy(std::string_view text);

    // Takes over the reference `obj` carries (a new reference); the object
    // lives as long as the arena. Returns obj, or nullptr (MemoryError set
    // in the arena, the reference dropped) when obj is null or cannot be
    // recorded.
    [[nodiscard]] runtime::Object* add_object(runtime::Object* obj);

    // Total bytes handed out (the benchmark reports it).
    std::size_t allocated() const { return total_; }

    // The first error a constructor hit ("" when none): the text of the
    // exception, e.g. "ValueError: field 'value' is required for Expr".
    const std::string& error() const { return error_; }
    void set_error(std::string message)
    {
        if (error_.empty()) error_ = std::move(message);
    }

private:
    struct Block {
        Block* prev;
        std::size_t size;  // usable bytes after the header
        std::size_t used;
    };
    Block* head_ = nullptr;
    std::size_t total_ = 0;
    std::string error_;
    std::vector<runtime::Object*> objects_;  // one owned reference each
};

}  // namespace minipy
