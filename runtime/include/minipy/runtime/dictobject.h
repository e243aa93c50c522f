// dictobject.h: dict, a compact insertion-ordered hash table.
// Mirrors CPython 3.11 Include/dictobject.h, Include/internal/pycore_dict.h
// and Objects/dictobject.c. Book chapter 11.
//
// Layout (3.6+ "compact dict"): a sparse index table of 2**k small integers
// (1, 2, 4 or 8 bytes each, by table size) points into a dense array of
// entries kept in insertion order. Probing is CPython's: i = (5*i + 1 +
// perturb) mod 2**k with perturb >>= 5. Deleted entries leave a DKIX_DUMMY
// in the index and a null key in the entry array until the next resize.
// minipy keeps only "combined" tables (no split-key instance dicts yet).
#pragma once

#include <cstdint>

#include "minipy/runtime/object.h"

namespace minipy::runtime {

struct DictKeyEntry {
    Py_hash_t me_hash;
    Object* me_key;    // owned; null for a deleted entry
    Object* me_value;  // owned
};

struct DictKeysObject {
    std::uint8_t dk_log2_size;         // log2 of the index table size
    std::uint8_t dk_log2_index_bytes;  // log2 of its size in bytes
    Py_ssize_t dk_usable;              // entries still free before a resize
    Py_ssize_t dk_nentries;            // entries used (including deleted)
    // int8/16/32/64 indices[2**dk_log2_size], then DictKeyEntry entries[]
};

struct DictObject : Object {
    Py_ssize_t ma_used;              // live items
    std::uint64_t ma_version_tag;    // changes on every mutation (PEP 509)
    DictKeysObject* ma_keys;         // owned (mem_malloc)
};

extern TypeObject Dict_Type;
extern TypeObject DictKeys_Type;
extern TypeObject DictValues_Type;
extern TypeObject DictItems_Type;
extern TypeObject DictIterKey_Type;
extern TypeObject DictIterValue_Type;
extern TypeObject DictIterItem_Type;
extern TypeObject DictRevIterKey_Type;  // reversed(dict), reversed(d.keys())
extern TypeObject DictRevIterValue_Type;
extern TypeObject DictRevIterItem_Type;

inline bool dict_check(const Object* op) { return type_fast_subclass(Py_TYPE(op), Py_TPFLAGS_DICT_SUBCLASS); }
inline bool dict_check_exact(const Object* op) { return Py_TYPE(op) == &Dict_Type; }
inline Py_ssize_t dict_size(const Object* op) { return static_cast<const DictObject*>(op)->ma_used; }

[[nodiscard]] Ref<> dict_new();
// Borrowed value or null; null with an error set only when hashing or a
// comparison failed (PyDict_GetItemWithError).
[[nodiscard]] Object* dict_get_item_with_error(Object* dict, Object* key);
[[nodiscard]] Object* dict_get_item_string(Object* dict, const char* key);  // errors swallowed
[[nodiscard]] int dict_set_item(Object* dict, Object* key, Object* value);
[[nodiscard]] int dict_set_item_string(Object* dict, const char* key, Object* value);
[[nodiscard]] int dict_del_item(Object* dict, Object* key);  // KeyError when missing
[[nodiscard]] int dict_contains(Object* dict, Object* key);
// Iteration over (key, value) borrowed pairs: pos starts at 0 (PyDict_Next).
bool dict_next(Object* dict, Py_ssize_t* pos, Object** key, Object** value);
[[nodiscard]] int dict_update(Object* dict, Object* other);  // other: mapping or pairs
[[nodiscard]] Ref<> dict_copy(Object* dict);
[[nodiscard]] Ref<> dict_keys(Object* dict);  // list
void dict_clear(Object* dict);
// Lookup with a precomputed hash (used by the attribute cache and globals).
[[nodiscard]] Object* dict_get_item_known_hash(Object* dict, Object* key, Py_hash_t hash);

}  // namespace minipy::runtime
