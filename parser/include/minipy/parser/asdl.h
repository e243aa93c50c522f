// asdl.h: the builtin types of the ASDL description (identifier, string,
// int, constant) and the sequence type the generated AST (Python-ast.h) uses.
// Mirrors CPython 3.11 Include/internal/pycore_asdl.h. Book ch. 6.
#pragma once

#include <string>
#include <string_view>

#include "minipy/parser/pyarena.h"
#include "minipy/runtime/object.h"

namespace minipy::ast {

// identifier and string: UTF-8 text in the arena. An optional one that is
// absent (None) has data() == nullptr; identifiers are already NFKC-normalized.
using identifier = std::string_view;
using string = std::string_view;

// A Constant's value: a runtime object (int, float, complex, str, bytes,
// None, True, False, Ellipsis, and after the AST optimizer also tuple and
// frozenset), as CPython's AST holds PyObject*. The pointer is borrowed:
// the arena owns one reference (PyArena::add_object, CPython's
// _PyArena_AddPyObject) and drops it when the tree is freed.
using constant = runtime::Object*;

// asdl_seq: a fixed-size array of nodes in the arena (CPython's asdl_xxx_seq).
// A null sequence pointer means an empty one.
template <class T>
struct asdl_seq {
    int size = 0;
    T* elements = nullptr;

    T* begin() const { return elements; }
    T* end() const { return elements + size; }
    T& operator[](int i) const { return elements[i]; }

    // A new sequence of n default (null) elements; nullptr on MemoryError.
    [[nodiscard]] static asdl_seq* make(int n, PyArena* arena)
    {
        auto* seq = static_cast<asdl_seq*>(arena->alloc(sizeof(asdl_seq)));
        if (seq == nullptr) return nullptr;
        seq->size = n;
        seq->elements = nullptr;
        if (n > 0) {
            seq->elements = static_cast<T*>(arena->alloc(sizeof(T) * static_cast<std::size_t>(n)));
            if (seq->elements == nullptr) return nullptr;
            for (int i = 0; i < n; ++i) seq->elements[i] = T{};
        }
        return seq;
    }
};

template <class T>
inline int asdl_seq_LEN(const asdl_seq<T>* seq)
{
    return seq == nullptr ? 0 : seq->size;
}

// Records "ValueError: field 'x' is required for Y" in the arena (the
// generated constructors call it for a missing required field).
void required_field_missing(const char* field, const char* node, PyArena* arena);

}  // namespace minipy::ast
