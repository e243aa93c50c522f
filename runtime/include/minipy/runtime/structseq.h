// structseq.h: struct sequences, the named tuples of C modules
// (sys.version_info, sys.flags, time.struct_time, os.stat_result).
// Mirrors CPython 3.11 Include/structseq.h and Objects/structseq.c.
// Book chapter 11, "Objects and Types".
//
// A struct sequence is a tuple subtype whose items are also readable as
// attributes. Its first n_in_sequence fields are the visible tuple (len,
// indexing, iteration, hashing and comparison see only them: ob_size is
// n_in_sequence); the fields after them are hidden items reachable by
// attribute only (time.struct_time's tm_zone). A field named
// structseq_unnamed_field has no attribute (os.stat_result's integer
// times). The type's dict holds n_fields, n_sequence_fields and
// n_unnamed_fields, as CPython's does; the hidden item count is read back
// from there (REAL_SIZE_TP).
#pragma once

#include "minipy/runtime/object.h"
#include "minipy/runtime/tupleobject.h"

namespace minipy::runtime {

// PyStructSequence_Field. The strings must live as long as the type
// (string literals in practice): they are not copied.
struct StructSequenceField {
    const char* name = nullptr;  // null ends the table
    const char* doc = nullptr;
};

// PyStructSequence_UnnamedField: the name of a field with no attribute.
extern const char* const structseq_unnamed_field;

// PyStructSequence_Desc.
struct StructSequenceDesc {
    const char* name;  // "module.Name": the type's tp_name
    const char* doc;
    const StructSequenceField* fields;
    int n_in_sequence;  // the visible fields, a prefix of `fields`
};

// _PyStructSequence_InitType: makes `type` (storage the caller owns and
// keeps for the life of the process, e.g. a static TypeObject) a struct
// sequence type and readies it. tp_flags adds flags such as
// Py_TPFLAGS_DISALLOW_INSTANTIATION (sys.version_info, sys.flags: "cannot
// create 'sys.flags' instances"). 0 or -1 with an error set.
[[nodiscard]] int structseq_init_type(TypeObject* type, const StructSequenceDesc* desc, unsigned long tp_flags = 0);

// PyStructSequence_NewType: a new struct sequence type for a module
// (time.struct_time). The type is immortal, like a static type: it stays
// for the life of the process (its __module__ is also in its dict, as on
// CPython's heap type). A new reference, or null with an error set.
[[nodiscard]] Ref<TypeObject> structseq_new_type(const StructSequenceDesc* desc);

// PyStructSequence_New: an instance with every field null, to be filled
// with structseq_set_item before it escapes (a null field reads as None).
[[nodiscard]] Ref<> structseq_new(TypeObject* type);
// PyStructSequence_SetItem: steals v; index over all fields, hidden included.
inline void structseq_set_item(Object* op, Py_ssize_t i, Object* v)
{
    static_cast<TupleObject*>(op)->ob_item[i] = v;
}
// PyStructSequence_GetItem: borrowed.
inline Object* structseq_get_item(Object* op, Py_ssize_t i) { return static_cast<TupleObject*>(op)->ob_item[i]; }

}  // namespace minipy::runtime
