// pycore_runtime.h: runtime-private helpers shared by the Objects/ files.
// Plays the role of CPython 3.11's Include/internal/pycore_*.h headers
// (pycore_object.h, pycore_typeobject.h, pycore_unicodeobject.h...). Not
// part of the public interface: higher stages cannot include it.
// Book chapter 11.
#pragma once

#include <algorithm>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/object.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/pystate.h"
#include "minipy/runtime/typeobject.h"  // type_lookup, type_modified

namespace minipy::runtime {

// A static type with its header set and every slot null; each Objects/ file
// fills in its slots, and type_ready completes it (MRO, dict, inheritance).
TypeObject static_type(const char* name, Py_ssize_t basicsize, Py_ssize_t itemsize = 0,
                       unsigned long flags = Py_TPFLAGS_DEFAULT, const char* doc = nullptr);

// PyType_Ready: 0 or -1.
[[nodiscard]] int type_ready(TypeObject* type);
// The short name of a type (tp_name after the last dot).
const char* type_short_name(const TypeObject* type);

// Generic slots used by several types.
void object_generic_dealloc(Object* op);  // frees only (no fields to drop)
Ref<> object_generic_alloc(TypeObject* type, Py_ssize_t nitems);  // PyType_GenericAlloc
Ref<> object_repr_default(Object* self);  // object.__repr__
Py_hash_t object_hash_default(Object* self);  // object.__hash__ (identity)

// Interned identifiers (_Py_ID): a borrowed interned str, created once.
Object* intern_id(const char* name);

// _PySlice_GetLongIndices (sliceobject.cpp): slice's start, stop, step as
// ints clamped to a sequence of the int `length` (>= 0), Python's rules.
[[nodiscard]] int slice_get_long_indices(Object* slice, Object* length, Ref<>* start, Ref<>* stop, Ref<>* step);

// object.__getstate__, __reduce__ and __reduce_ex__ (typeobject_pickle.cpp),
// the pickling support of object's method table in typeobject.cpp.
[[nodiscard]] Ref<> object_getstate(Object* self, Object*);
[[nodiscard]] Ref<> object_reduce(Object* self, Object*);
[[nodiscard]] Ref<> object_reduce_ex(Object* self, Object* protocol);
// _PyObject_GetState: obj.__getstate__() (object's own: the instance dict
// and slots, None when empty), for the __reduce__ of built-in types.
[[nodiscard]] Ref<> object_get_state(Object* obj);

// _PyEval_GetBuiltin (pystate.cpp): builtins.name, borrowed; null with
// AttributeError when the builtins have no such name. The iterators'
// __reduce__ name iter/reversed through it.
Object* eval_get_builtin(const char* name);

// _PyType_GetDocFromInternalDoc / _PyType_GetTextSignatureFromInternalDoc
// (typeobject.cpp): a tp_doc or ml_doc that opens with "name(sig)\n--\n\n"
// gives __doc__ the text after it and __text_signature__ "(sig)"; other
// docs are all __doc__ (None when empty) and have no signature (None).
[[nodiscard]] Ref<> doc_from_internal_doc(const char* name, const char* internal_doc);
[[nodiscard]] Ref<> text_signature_from_internal_doc(const char* name, const char* internal_doc);

// PyObject_GenericGetDict / PyObject_GenericSetDict (object.cpp): the
// __dict__ getset of built-in types with a tp_dictoffset (created on first
// use; replaceable by another dict, never deleted).
[[nodiscard]] Ref<> object_generic_get_dict(Object* obj, void*);
[[nodiscard]] int object_generic_set_dict(Object* obj, Object* value, void*);

// _PyObject_IsAbstract (abstract.cpp): obj.__isabstractmethod__ is true;
// 0 for null or a missing attribute, -1 on error.
[[nodiscard]] int object_is_abstract(Object* obj);

// Reports "X() takes no keyword arguments"-style errors; true when OK.
bool no_keywords(const char* funcname, Object* kwargs);

// Runs each type's registration (called once from initialize()).
void init_types();
void init_descr_types();
void init_exception_types();
void init_object_types();   // object, type, None, NotImplemented, Ellipsis
void init_unicode_types();
void init_long_types();     // int and bool
void init_float_types();
void init_container_types();  // tuple, list, dict, set, range, slice
void init_bytes_types();
void init_code_types();
void fini_types();

std::string type_qualified_name(TypeObject* type);
// The live subclasses of a type (tp_subclasses), oldest first.
std::vector<TypeObject*> type_subclass_list(TypeObject* type);

// Heap types (typeobject_heap.cpp): type(name, bases, dict), and the slots
// their dunder methods fill.
[[nodiscard]] Ref<> type_new_heap(TypeObject* metatype, Object* args, Object* kwds);
void fixup_heap_slots(TypeObject* type);
bool is_slot_name(Object* name);
void update_slot(TypeObject* type, Object* name);  // after name changed in type's dict
void update_all_slots(TypeObject* type);          // after its bases changed
// _PyType_GetSlotNames: the list of slot names for __getstate__ (None or a
// list; cached as __slotnames__ in a heap type's dict).
[[nodiscard]] Ref<> type_slot_names(TypeObject* type);
// best_base: the base of a tuple of bases that decides the instance layout
// (TypeError when two of them conflict or one cannot be subclassed).
TypeObject* heap_best_base(Object* bases);
// compatible_for_assignment: whether instances of oldto can become newto
// (__class__ and __bases__ assignment); TypeError naming attr otherwise.
[[nodiscard]] bool types_compatible_for_assignment(TypeObject* oldto, TypeObject* newto, const char* attr);

// unicode helpers shared with the number types.
[[nodiscard]] Ref<> unicode_from_ascii(std::string_view s);

// The index iterator of iterobject.cpp that bytes and bytearray share:
// a type named `name` whose instances walk a sequence through its own
// sq_length/sq_item.
TypeObject index_iter_type(const char* name);
[[nodiscard]] Ref<> index_iter_new(TypeObject* type, Object* seq);

}  // namespace minipy::runtime
