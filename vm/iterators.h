// iterators.h: the iterator types the builtins module exposes: enumerate
// and reversed (CPython's Objects/enumobject.c), map, filter and zip
// (Python/bltinmodule.c), the callable iterator of iter(f, sentinel) and
// the anext_awaitable of anext(it, default) (Objects/iterobject.c).
// Private to the vm stage. Book chapter 8.
//
// They live in the vm for now because the builtins module is the vm's;
// they use only the runtime's public interface and can move to runtime/
// unchanged.
#pragma once

#include "minipy/runtime/object.h"

namespace minipy::vm {

extern runtime::TypeObject Enum_Type;
extern runtime::TypeObject Reversed_Type;
extern runtime::TypeObject Map_Type;
extern runtime::TypeObject Filter_Type;
extern runtime::TypeObject Zip_Type;
extern runtime::TypeObject CallIter_Type;
extern runtime::TypeObject AnextAwaitable_Type;

// PyCallIter_New: calls callable until it returns sentinel.
[[nodiscard]] runtime::Ref<> calliter_new(runtime::Object* callable, runtime::Object* sentinel);

// anextawaitable_new: what anext(aiterator, default) returns; awaitable is
// aiterator.__anext__()'s result.
[[nodiscard]] runtime::Ref<> anextawaitable_new(runtime::Object* awaitable, runtime::Object* default_value);

// Makes the types ready (from vm start-up).
[[nodiscard]] int init_iterator_types();

}  // namespace minipy::vm
