// dictobject.cpp: the dict type, its views and iterators.
// Mirrors CPython 3.11 Objects/dictobject.c. Book chapter 11.
//
// See dictobject.h for the layout. Invariants:
//  - the index table has 2**dk_log2_size slots; each is DKIX_EMPTY, DKIX_DUMMY
//    or the position of an entry in the entry array;
//  - at most USABLE_FRACTION(size) = 2/3 of the slots are ever used, so a
//    probe always ends at an empty slot;
//  - entries are appended in insertion order; deletion nulls the entry's key
//    and leaves a dummy in the index, and a resize compacts both.
// Lookups may run arbitrary __eq__ code, which can mutate the dict: lookup
// restarts when the table changed under it (like CPython's).
#include "minipy/runtime/dictobject.h"

#include <cstring>

#include "minipy/memory/obmalloc.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/objimpl.h"
#include "minipy/runtime/setobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/runtime/genericaliasobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

namespace {

constexpr Py_ssize_t DKIX_EMPTY = -1;
constexpr Py_ssize_t DKIX_DUMMY = -2;
constexpr Py_ssize_t DKIX_ERROR = -3;
constexpr int PyDict_LOG_MINSIZE = 3;
constexpr int PERTURB_SHIFT = 5;
std::uint64_t global_version = 0;

Py_ssize_t usable_fraction(Py_ssize_t n) { return (n << 1) / 3; }

Py_ssize_t dk_size(const DictKeysObject* k) { return Py_ssize_t{1} << k->dk_log2_size; }

void* dk_indices(DictKeysObject* k) { return k + 1; }

DictKeyEntry* dk_entries(DictKeysObject* k)
{
    return reinterpret_cast<DictKeyEntry*>(static_cast<char*>(dk_indices(k)) +
                                           (std::size_t{1} << k->dk_log2_index_bytes));
}

Py_ssize_t dk_get_index(DictKeysObject* k, Py_ssize_t i)
{
    void* idx = dk_indices(k);
    switch (k->dk_log2_size <= 7 ? 0 : k->dk_log2_size <= 15 ? 1 : k->dk_log2_size <= 31 ? 2 : 3) {
    case 0: return static_cast<std::int8_t*>(idx)[i];
    case 1: return static_cast<std::int16_t*>(idx)[i];
    case 2: return static_cast<std::int32_t*>(idx)[i];
    default: return static_cast<std::int64_t*>(idx)[i];
    }
}

void dk_set_index(DictKeysObject* k, Py_ssize_t i, Py_ssize_t ix)
{
    void* idx = dk_indices(k);
    switch (k->dk_log2_size <= 7 ? 0 : k->dk_log2_size <= 15 ? 1 : k->dk_log2_size <= 31 ? 2 : 3) {
    case 0: static_cast<std::int8_t*>(idx)[i] = static_cast<std::int8_t>(ix); break;
    case 1: static_cast<std::int16_t*>(idx)[i] = static_cast<std::int16_t>(ix); break;
    case 2: static_cast<std::int32_t*>(idx)[i] = static_cast<std::int32_t>(ix); break;
    default: static_cast<std::int64_t*>(idx)[i] = ix; break;
    }
}

DictKeysObject* new_keys_object(std::uint8_t log2_size)
{
    // Index entries are as narrow as the table allows: 1 byte up to 128
    // slots, 2 up to 2**15, then 4, then 8.
    int log2_bytes = log2_size <= 7 ? log2_size : log2_size <= 15 ? log2_size + 1 : log2_size <= 31 ? log2_size + 2 : log2_size + 3;
    Py_ssize_t usable = usable_fraction(Py_ssize_t{1} << log2_size);
    std::size_t total = sizeof(DictKeysObject) + (std::size_t{1} << log2_bytes) +
                        sizeof(DictKeyEntry) * static_cast<std::size_t>(usable);
    auto* k = static_cast<DictKeysObject*>(memory::mem_malloc(total));
    if (!k) {
        error_no_memory();
        return nullptr;
    }
    k->dk_log2_size = log2_size;
    k->dk_log2_index_bytes = static_cast<std::uint8_t>(log2_bytes);
    k->dk_usable = usable;
    k->dk_nentries = 0;
    std::memset(dk_indices(k), 0xff, std::size_t{1} << log2_bytes);  // all DKIX_EMPTY
    std::memset(dk_entries(k), 0, sizeof(DictKeyEntry) * static_cast<std::size_t>(usable));
    return k;
}

void free_keys_object(DictKeysObject* k)
{
    DictKeyEntry* ep = dk_entries(k);
    for (Py_ssize_t i = 0; i < k->dk_nentries; i++) {
        xdecref(ep[i].me_key);
        xdecref(ep[i].me_value);
    }
    memory::mem_free(k);
}

DictObject* as_dict(Object* op) { return static_cast<DictObject*>(op); }

// The probe sequence of CPython: i = (i*5 + perturb + 1) & mask.
Py_ssize_t find_empty_slot(DictKeysObject* k, Py_hash_t hash)
{
    std::size_t mask = static_cast<std::size_t>(dk_size(k)) - 1;
    std::size_t i = static_cast<std::size_t>(hash) & mask;
    std::size_t perturb = static_cast<std::size_t>(hash);
    while (dk_get_index(k, static_cast<Py_ssize_t>(i)) >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return static_cast<Py_ssize_t>(i);
}

// Returns the entry index of key (or DKIX_EMPTY / DKIX_ERROR); *slot gets the
// index-table position when found.
Py_ssize_t dict_lookup(DictObject* mp, Object* key, Py_hash_t hash, Object** value)
{
restart:
    DictKeysObject* dk = mp->ma_keys;
    std::size_t mask = static_cast<std::size_t>(dk_size(dk)) - 1;
    std::size_t i = static_cast<std::size_t>(hash) & mask;
    std::size_t perturb = static_cast<std::size_t>(hash);
    const bool str_key = unicode_check_exact(key);
    for (;;) {
        Py_ssize_t ix = dk_get_index(dk, static_cast<Py_ssize_t>(i));
        if (ix == DKIX_EMPTY) {
            *value = nullptr;
            return DKIX_EMPTY;
        }
        if (ix >= 0) {
            DictKeyEntry* ep = &dk_entries(dk)[ix];
            if (ep->me_key == key) {
                *value = ep->me_value;
                return ix;
            }
            if (ep->me_hash == hash && ep->me_key) {
                if (str_key && unicode_check_exact(ep->me_key)) {
                    // Two exact strs: no user code can run.
                    if (unicode_eq(ep->me_key, key)) {
                        *value = ep->me_value;
                        return ix;
                    }
                } else {
                    Ref<> startkey = new_ref(ep->me_key);
                    int cmp = object_rich_compare_bool(startkey.get(), key, Py_EQ);
                    if (cmp < 0) {
                        *value = nullptr;
                        return DKIX_ERROR;
                    }
                    if (dk != mp->ma_keys || dk_entries(dk)[ix].me_key != startkey.get()) goto restart;
                    if (cmp > 0) {
                        *value = ep->me_value;
                        return ix;
                    }
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

int dict_resize(DictObject* mp, Py_ssize_t minsize)
{
    std::uint8_t log2 = PyDict_LOG_MINSIZE;
    while ((Py_ssize_t{1} << log2) < minsize) log2++;
    DictKeysObject* oldkeys = mp->ma_keys;
    DictKeysObject* newkeys = new_keys_object(log2);
    if (!newkeys) return -1;
    // Copy live entries in order: this compacts away deleted ones.
    DictKeyEntry* src = dk_entries(oldkeys);
    DictKeyEntry* dst = dk_entries(newkeys);
    Py_ssize_t n = 0;
    for (Py_ssize_t i = 0; i < oldkeys->dk_nentries; i++) {
        if (!src[i].me_key) continue;
        dst[n] = src[i];
        dk_set_index(newkeys, find_empty_slot(newkeys, src[i].me_hash), n);
        n++;
    }
    newkeys->dk_nentries = n;
    newkeys->dk_usable -= n;
    mp->ma_keys = newkeys;
    memory::mem_free(oldkeys);  // the references moved to newkeys
    return 0;
}

Py_hash_t key_hash(Object* key)
{
    if (unicode_check_exact(key)) {
        Py_hash_t h = as_unicode(key)->hash;
        if (h != -1) return h;
    }
    return object_hash(key);
}

// insertdict: steals nothing; increfs key and value as needed.
int insertdict(DictObject* mp, Object* key, Py_hash_t hash, Object* value)
{
    // MAINTAIN_TRACKING: a dict starts untracked and is tracked once it
    // holds something that may be part of a cycle.
    if (!object_gc_is_tracked(mp) && (object_gc_may_be_tracked(key) || object_gc_may_be_tracked(value)))
        object_gc_track(mp);
    Object* old_value;
    Ref<> keep_key = new_ref(key), keep_value = new_ref(value);
    Py_ssize_t ix = dict_lookup(mp, key, hash, &old_value);
    if (ix == DKIX_ERROR) return -1;
    mp->ma_version_tag = ++global_version;
    if (ix >= 0) {
        DictKeyEntry* ep = &dk_entries(mp->ma_keys)[ix];
        Object* old = ep->me_value;
        ep->me_value = keep_value.release();
        xdecref(old);
        return 0;
    }
    if (mp->ma_keys->dk_usable <= 0) {
        if (dict_resize(mp, mp->ma_used * 3) < 0) return -1;  // GROWTH_RATE
    }
    DictKeysObject* dk = mp->ma_keys;
    Py_ssize_t slot = find_empty_slot(dk, hash);
    DictKeyEntry* ep = &dk_entries(dk)[dk->dk_nentries];
    dk_set_index(dk, slot, dk->dk_nentries);
    ep->me_key = keep_key.release();
    ep->me_hash = hash;
    ep->me_value = keep_value.release();
    mp->ma_used++;
    dk->dk_usable--;
    dk->dk_nentries++;
    return 0;
}

// The index-table slot that holds entry ix (for deletion).
Py_ssize_t lookdict_index(DictKeysObject* k, Py_hash_t hash, Py_ssize_t index)
{
    std::size_t mask = static_cast<std::size_t>(dk_size(k)) - 1;
    std::size_t i = static_cast<std::size_t>(hash) & mask;
    std::size_t perturb = static_cast<std::size_t>(hash);
    for (;;) {
        Py_ssize_t ix = dk_get_index(k, static_cast<Py_ssize_t>(i));
        if (ix == index) return static_cast<Py_ssize_t>(i);
        if (ix == DKIX_EMPTY) return DKIX_EMPTY;
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

void delitem_common(DictObject* mp, Py_hash_t hash, Py_ssize_t ix)
{
    Py_ssize_t slot = lookdict_index(mp->ma_keys, hash, ix);
    dk_set_index(mp->ma_keys, slot, DKIX_DUMMY);
    DictKeyEntry* ep = &dk_entries(mp->ma_keys)[ix];
    Object* key = ep->me_key;
    Object* value = ep->me_value;
    ep->me_key = nullptr;
    ep->me_value = nullptr;
    mp->ma_used--;
    mp->ma_version_tag = ++global_version;
    decref(key);
    decref(value);
}

Ref<> raise_key_error(Object* key)
{
    Ref<> tup = tuple_pack({key});
    if (tup) set_error_object(Exc_KeyError, tup.get());
    return nullptr;
}

}  // namespace

// --- Public API ---------------------------------------------------------------

Ref<> dict_new()
{
    Ref<DictObject> d = object_new<DictObject>(&Dict_Type);
    if (!d) return nullptr;
    d->ma_keys = new_keys_object(PyDict_LOG_MINSIZE);
    if (!d->ma_keys) return nullptr;
    return d;
}

Object* dict_get_item_known_hash(Object* op, Object* key, Py_hash_t hash)
{
    Object* value;
    if (dict_lookup(as_dict(op), key, hash, &value) < 0) return nullptr;
    return value;
}

Object* dict_get_item_with_error(Object* op, Object* key)
{
    Py_hash_t hash = key_hash(key);
    if (hash == -1) return nullptr;
    return dict_get_item_known_hash(op, key, hash);
}

Object* dict_get_item_string(Object* op, const char* key)
{
    Ref<> k = unicode_from_string(key);
    if (!k) {
        error_clear();
        return nullptr;
    }
    Object* v = dict_get_item_with_error(op, k.get());
    if (!v && error_occurred()) error_clear();
    return v;
}

int dict_set_item(Object* op, Object* key, Object* value)
{
    Py_hash_t hash = key_hash(key);
    if (hash == -1) return -1;
    return insertdict(as_dict(op), key, hash, value);
}

int dict_set_item_string(Object* op, const char* key, Object* value)
{
    Ref<> k = unicode_intern_from_string(key);
    if (!k) return -1;
    return dict_set_item(op, k.get(), value);
}

int dict_del_item(Object* op, Object* key)
{
    Py_hash_t hash = key_hash(key);
    if (hash == -1) return -1;
    Object* value;
    Py_ssize_t ix = dict_lookup(as_dict(op), key, hash, &value);
    if (ix == DKIX_ERROR) return -1;
    if (ix == DKIX_EMPTY) {
        raise_key_error(key);
        return -1;
    }
    delitem_common(as_dict(op), hash, ix);
    return 0;
}

int dict_contains(Object* op, Object* key)
{
    Py_hash_t hash = key_hash(key);
    if (hash == -1) return -1;
    Object* value;
    Py_ssize_t ix = dict_lookup(as_dict(op), key, hash, &value);
    if (ix == DKIX_ERROR) return -1;
    return ix != DKIX_EMPTY && value != nullptr;
}

bool dict_next(Object* op, Py_ssize_t* pos, Object** key, Object** value)
{
    DictKeysObject* dk = as_dict(op)->ma_keys;
    DictKeyEntry* ep = dk_entries(dk);
    Py_ssize_t i = *pos;
    while (i < dk->dk_nentries && !ep[i].me_value) i++;
    if (i >= dk->dk_nentries) return false;
    *pos = i + 1;
    if (key) *key = ep[i].me_key;
    if (value) *value = ep[i].me_value;
    return true;
}

void dict_clear(Object* op)
{
    DictObject* mp = as_dict(op);
    DictKeysObject* old = mp->ma_keys;
    DictKeysObject* fresh = new_keys_object(PyDict_LOG_MINSIZE);
    if (!fresh) {
        error_clear();
        return;
    }
    mp->ma_keys = fresh;
    mp->ma_used = 0;
    mp->ma_version_tag = ++global_version;
    free_keys_object(old);  // may run arbitrary __del__ code: the dict is already empty
}

Ref<> dict_copy(Object* op)
{
    Ref<> copy = dict_new();
    if (!copy) return nullptr;
    Py_ssize_t pos = 0;
    Object *k, *v;
    DictObject* mp = as_dict(op);
    while (dict_next(op, &pos, &k, &v)) {
        DictKeyEntry* ep = &dk_entries(mp->ma_keys)[pos - 1];
        if (insertdict(as_dict(copy.get()), k, ep->me_hash, v) < 0) return nullptr;
    }
    return copy;
}

Ref<> dict_keys(Object* op)
{
    Ref<> list = list_new(0);
    if (!list) return nullptr;
    Py_ssize_t pos = 0;
    Object* k;
    while (dict_next(op, &pos, &k, nullptr))
        if (list_append(list.get(), k) < 0) return nullptr;
    return list;
}

namespace {

// dict_merge from a mapping with keys(), or PyDict_MergeFromSeq2 from pairs.
int merge_from_seq2(Object* d, Object* seq2)
{
    Ref<> it = object_get_iter(seq2);
    if (!it) return -1;
    for (Py_ssize_t i = 0;; i++) {
        Ref<> item = iter_next(it.get());
        if (!item) return error_occurred() ? -1 : 0;
        Ref<> fast = sequence_tuple(item.get());
        if (!fast) {
            if (error_matches(Exc_TypeError)) {
                error_clear();
                format_error(Exc_TypeError, "cannot convert dictionary update sequence element #%zd to a sequence", i);
            }
            return -1;
        }
        if (tuple_size(fast.get()) != 2) {
            format_error(Exc_ValueError, "dictionary update sequence element #%zd has length %zd; 2 is required", i,
                         tuple_size(fast.get()));
            return -1;
        }
        if (dict_set_item(d, tuple_item(fast.get(), 0), tuple_item(fast.get(), 1)) < 0) return -1;
    }
}

int merge_mapping(Object* d, Object* other)
{
    if (dict_check(other)) {
        Py_ssize_t pos = 0;
        Object *k, *v;
        Ref<> keep = new_ref(other);
        Py_ssize_t n = dict_size(other);
        while (dict_next(other, &pos, &k, &v)) {
            Ref<> kk = new_ref(k), vv = new_ref(v);
            if (dict_set_item(d, kk.get(), vv.get()) < 0) return -1;
            if (dict_size(other) != n) {
                set_error(Exc_RuntimeError, "dict mutated during update");
                return -1;
            }
        }
        return 0;
    }
    Ref<> keys = call_method(other, "keys");
    if (!keys) return -1;
    return for_each_item(keys.get(), [&](Object* key) {
        Ref<> value = object_get_item(other, key);
        if (!value) return -1;
        return dict_set_item(d, key, value.get());
    });
}

}  // namespace

int dict_update(Object* d, Object* other)
{
    Ref<> keys;
    if (dict_check(other)) return merge_mapping(d, other);
    int has_keys = object_has_attr_string(other, "keys");
    if (has_keys < 0) return -1;
    return has_keys ? merge_mapping(d, other) : merge_from_seq2(d, other);
}

// --- The dict type ------------------------------------------------------------

namespace {

void dict_dealloc(Object* op)
{
    DictObject* mp = as_dict(op);
    if (mp->ma_keys) free_keys_object(mp->ma_keys);
    object_dealloc_memory(op);
}

int dict_traverse(Object* op, visitproc visit, void* arg)
{
    DictKeysObject* dk = as_dict(op)->ma_keys;
    DictKeyEntry* ep = dk_entries(dk);
    // CPython keeps a dict whose keys are all exact str in a "unicode" keys
    // table and visits only its values there (str keys cannot take part in
    // a cycle); gc.get_referents shows it. minipy has one table kind and
    // looks at the keys instead.
    bool unicode_keys = true;
    for (Py_ssize_t i = 0; i < dk->dk_nentries && unicode_keys; i++)
        if (ep[i].me_value && !unicode_check_exact(ep[i].me_key)) unicode_keys = false;
    for (Py_ssize_t i = 0; i < dk->dk_nentries; i++) {
        if (!ep[i].me_value) continue;
        if (int r = visit(ep[i].me_value, arg)) return r;
        if (!unicode_keys)
            if (int r = visit(ep[i].me_key, arg)) return r;
    }
    return 0;
}

int dict_tp_clear(Object* op)
{
    dict_clear(op);
    return 0;
}

Ref<> dict_repr(Object* op)
{
    if (dict_size(op) == 0) return unicode_from_string("{}");
    int status = repr_enter(op);
    if (status != 0) return status > 0 ? unicode_from_string("{...}") : nullptr;
    UnicodeWriter w;
    w.write_char('{');
    Py_ssize_t pos = 0;
    Object *k, *v;
    bool first = true;
    while (dict_next(op, &pos, &k, &v)) {
        Ref<> kk = new_ref(k), vv = new_ref(v);  // repr may mutate the dict
        if (!first) w.write_ascii(", ");
        first = false;
        Ref<> kr = object_repr(kk.get());
        if (!kr) {
            repr_leave(op);
            return nullptr;
        }
        w.write_str(kr.get());
        w.write_ascii(": ");
        Ref<> vr = object_repr(vv.get());
        if (!vr) {
            repr_leave(op);
            return nullptr;
        }
        w.write_str(vr.get());
    }
    w.write_char('}');
    repr_leave(op);
    return w.finish();
}

Py_ssize_t dict_length(Object* op) { return dict_size(op); }

Ref<> dict_subscript(Object* op, Object* key)
{
    Py_hash_t hash = key_hash(key);
    if (hash == -1) return nullptr;
    Object* value;
    Py_ssize_t ix = dict_lookup(as_dict(op), key, hash, &value);
    if (ix == DKIX_ERROR) return nullptr;
    if (ix == DKIX_EMPTY || !value) {
        if (!dict_check_exact(op)) {
            // __missing__ of subclasses (collections.defaultdict, Counter).
            if (Object* missing = type_lookup(Py_TYPE(op), intern_id("__missing__"))) {
                Ref<> keep = new_ref(missing);
                Ref<> bound = Py_TYPE(missing)->tp_descr_get ? Py_TYPE(missing)->tp_descr_get(missing, op, Py_TYPE(op))
                                                              : keep;
                if (!bound) return nullptr;
                return call_one_arg(bound.get(), key);
            }
        }
        return raise_key_error(key);
    }
    return new_ref(value);
}

int dict_ass_sub(Object* op, Object* key, Object* value)
{
    return value ? dict_set_item(op, key, value) : dict_del_item(op, key);
}

int dict_sq_contains(Object* op, Object* key) { return dict_contains(op, key); }

// dict_equal: same size and every key maps to an equal value.
int dict_equal(Object* a, Object* b)
{
    if (dict_size(a) != dict_size(b)) return 0;
    Py_ssize_t pos = 0;
    Object *k, *v;
    while (dict_next(a, &pos, &k, &v)) {
        Ref<> key = new_ref(k), aval = new_ref(v);
        Object* bval = dict_get_item_with_error(b, key.get());
        if (!bval) return error_occurred() ? -1 : 0;
        Ref<> keep = new_ref(bval);
        int cmp = object_rich_compare_bool(aval.get(), bval, Py_EQ);
        if (cmp <= 0) return cmp;
    }
    return 1;
}

Ref<> dict_richcompare(Object* v, Object* w, int op)
{
    if (!dict_check(v) || !dict_check(w) || (op != Py_EQ && op != Py_NE)) return not_implemented_ref();
    int cmp = dict_equal(v, w);
    if (cmp < 0) return nullptr;
    return bool_from_long((cmp == 1) == (op == Py_EQ));
}

Ref<> dictiter_new(Object* dict, TypeObject* type);
Ref<> dict_reversed(Object* self, Object*);

Ref<> dict_iter(Object* op) { return dictiter_new(op, &DictIterKey_Type); }

Ref<> dict_get(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("get", nargs, 1, 2)) return nullptr;
    Object* v = dict_get_item_with_error(self, args[0]);
    if (v) return new_ref(v);
    if (error_occurred()) return nullptr;
    return new_ref(nargs == 2 ? args[1] : Py_None());
}

Ref<> dict_setdefault(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("setdefault", nargs, 1, 2)) return nullptr;
    Object* v = dict_get_item_with_error(self, args[0]);
    if (v) return new_ref(v);
    if (error_occurred()) return nullptr;
    Object* dflt = nargs == 2 ? args[1] : Py_None();
    if (dict_set_item(self, args[0], dflt) < 0) return nullptr;
    return new_ref(dflt);
}

Ref<> dict_pop(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("pop", nargs, 1, 2)) return nullptr;
    Object* key = args[0];
    Py_hash_t hash = key_hash(key);
    if (hash == -1) return nullptr;
    Object* value;
    Py_ssize_t ix = dict_lookup(as_dict(self), key, hash, &value);
    if (ix == DKIX_ERROR) return nullptr;
    if (ix == DKIX_EMPTY) {
        if (nargs == 2) return new_ref(args[1]);
        return raise_key_error(key);
    }
    Ref<> result = new_ref(value);
    delitem_common(as_dict(self), hash, ix);
    return result;
}

Ref<> dict_popitem(Object* self, Object*)
{
    DictObject* mp = as_dict(self);
    if (mp->ma_used == 0) return format_error(Exc_KeyError, "popitem(): dictionary is empty");
    DictKeyEntry* ep = dk_entries(mp->ma_keys);
    Py_ssize_t i = mp->ma_keys->dk_nentries - 1;
    while (i >= 0 && !ep[i].me_value) i--;
    Ref<> res = tuple_pack({ep[i].me_key, ep[i].me_value});
    if (!res) return nullptr;
    delitem_common(mp, ep[i].me_hash, i);
    mp->ma_keys->dk_nentries = i;  // LIFO: the slot is reusable right away
    return res;
}

Ref<> dict_update_method(Object* self, Object* args, Object* kwds)
{
    if (!check_positional("update", tuple_size(args), 0, 1)) return nullptr;
    if (tuple_size(args) == 1 && dict_update(self, tuple_item(args, 0)) < 0) return nullptr;
    if (kwds && merge_mapping(self, kwds) < 0) return nullptr;
    return none_ref();
}

Ref<> dict_clear_method(Object* self, Object*)
{
    dict_clear(self);
    return none_ref();
}

Ref<> dict_copy_method(Object* self, Object*) { return dict_copy(self); }

Ref<> dict_fromkeys(Object* cls, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("fromkeys", nargs, 1, 2)) return nullptr;
    Ref<> d = call_no_args(cls);
    if (!d) return nullptr;
    Object* value = nargs == 2 ? args[1] : Py_None();
    if (for_each_item(args[0], [&](Object* key) { return object_set_item(d.get(), key, value); }) < 0) return nullptr;
    return d;
}

Ref<> dictview_new(Object* dict, TypeObject* type);

Ref<> dict_keys_method(Object* self, Object*) { return dictview_new(self, &DictKeys_Type); }
Ref<> dict_values_method(Object* self, Object*) { return dictview_new(self, &DictValues_Type); }
Ref<> dict_items_method(Object* self, Object*) { return dictview_new(self, &DictItems_Type); }

Ref<> dict_contains_method(Object* self, Object* key)
{
    int r = dict_contains(self, key);
    if (r < 0) return nullptr;
    return bool_from_long(r);
}

Ref<> dict_or(Object* a, Object* b)
{
    if (!dict_check(a) || !dict_check(b)) return not_implemented_ref();
    Ref<> res = dict_copy(a);
    if (!res || dict_update(res.get(), b) < 0) return nullptr;
    return res;
}

Ref<> dict_ior(Object* a, Object* b)
{
    if (dict_update(a, b) < 0) return nullptr;
    return new_ref(a);
}

Ref<> dict_tp_new(TypeObject* type, Object*, Object*)
{
    Ref<> self = steal_ref(object_alloc_raw(type, 0));
    if (!self) return nullptr;
    as_dict(self.get())->ma_keys = new_keys_object(PyDict_LOG_MINSIZE);
    if (!as_dict(self.get())->ma_keys) return nullptr;
    return self;
}

int dict_init(Object* self, Object* args, Object* kwds)
{
    if (!check_positional("dict", tuple_size(args), 0, 1)) return -1;
    if (tuple_size(args) == 1 && dict_update(self, tuple_item(args, 0)) < 0) return -1;
    if (kwds && merge_mapping(self, kwds) < 0) return -1;
    return 0;
}

MethodDef dict_methods[] = {
    method_o("__class_getitem__", generic_alias_class_getitem, "See PEP 585", METH_CLASS),
    method_o("__contains__", dict_contains_method, "True if the dictionary has the specified key, else False.",
             METH_COEXIST),
    method_fast("get", dict_get, "Return the value for key if key is in the dictionary, else default."),
    method_fast("setdefault", dict_setdefault, "Insert key with a value of default if key is not in the dictionary."),
    method_fast("pop", dict_pop, "D.pop(k[,d]) -> v, remove specified key and return the corresponding value."),
    method_noargs("popitem", dict_popitem, "Remove and return a (key, value) pair as a 2-tuple."),
    method_noargs("keys", dict_keys_method, "D.keys() -> a set-like object providing a view on D's keys"),
    method_noargs("items", dict_items_method, "D.items() -> a set-like object providing a view on D's items"),
    method_noargs("values", dict_values_method, "D.values() -> an object providing a view on D's values"),
    method_varkw("update", dict_update_method, "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F."),
    method_fast("fromkeys", dict_fromkeys, "Create a new dictionary with keys from iterable and values set to value.",
                METH_CLASS),
    method_noargs("clear", dict_clear_method, "D.clear() -> None.  Remove all items from D."),
    method_noargs("copy", dict_copy_method, "D.copy() -> a shallow copy of D"),
    method_noargs("__reversed__", dict_reversed, "Return a reverse iterator over the dict keys."),
    {},
};

MappingMethods dict_as_mapping = {dict_length, dict_subscript, dict_ass_sub};
SequenceMethods dict_as_sequence = [] {
    SequenceMethods sq{};
    sq.sq_contains = dict_sq_contains;
    return sq;
}();
NumberMethods dict_as_number = [] {
    NumberMethods nb{};
    nb.nb_or = dict_or;
    nb.nb_inplace_or = dict_ior;
    return nb;
}();

// --- Iterators and views ---------------------------------------------------------

struct DictIterObject : Object {
    Object* di_dict;  // owned; null when exhausted
    Py_ssize_t di_used;
    Py_ssize_t di_pos;
    Py_ssize_t len;
};

void dictiter_dealloc(Object* op)
{
    clear_ref(static_cast<DictIterObject*>(op)->di_dict);
    object_dealloc_memory(op);
}
int dictiter_traverse(Object* op, visitproc visit, void* arg)
{
    Object* d = static_cast<DictIterObject*>(op)->di_dict;
    return d ? visit(d, arg) : 0;
}

Ref<> dictiter_new(Object* dict, TypeObject* type)
{
    Ref<DictIterObject> it = object_new<DictIterObject>(type);
    if (!it) return nullptr;
    it->di_dict = new_ref(dict).release();
    it->di_used = dict_size(dict);
    it->di_pos = 0;
    it->len = dict_size(dict);
    return it;
}

// One step of any dict iterator: false at the end or on error.
bool dictiter_step(DictIterObject* di, Object** key, Object** value)
{
    if (!di->di_dict) return false;
    if (di->di_used != dict_size(di->di_dict)) {
        set_error(Exc_RuntimeError, "dictionary changed size during iteration");
        di->di_used = -1;
        return false;
    }
    if (!dict_next(di->di_dict, &di->di_pos, key, value)) {
        clear_ref(di->di_dict);
        return false;
    }
    di->len--;
    return true;
}

Ref<> dictiter_nextkey(Object* op)
{
    Object *k, *v;
    if (!dictiter_step(static_cast<DictIterObject*>(op), &k, &v)) return nullptr;
    return new_ref(k);
}
Ref<> dictiter_nextvalue(Object* op)
{
    Object *k, *v;
    if (!dictiter_step(static_cast<DictIterObject*>(op), &k, &v)) return nullptr;
    return new_ref(v);
}
Ref<> dictiter_nextitem(Object* op)
{
    Object *k, *v;
    if (!dictiter_step(static_cast<DictIterObject*>(op), &k, &v)) return nullptr;
    return tuple_pack({k, v});
}
// The reversed iterators (dict_reversekeyiterator & co., 3.8+) walk the
// entry array from its end; di_pos is the next entry to look at, -1 when
// done. Same size check as forwards.
bool dictreviter_step(DictIterObject* di, Object** key, Object** value)
{
    if (!di->di_dict) return false;
    if (di->di_used != dict_size(di->di_dict)) {
        set_error(Exc_RuntimeError, "dictionary changed size during iteration");
        di->di_used = -1;
        return false;
    }
    DictKeyEntry* ep = dk_entries(as_dict(di->di_dict)->ma_keys);
    Py_ssize_t i = di->di_pos;
    while (i >= 0 && !ep[i].me_value) i--;
    if (i < 0) {
        clear_ref(di->di_dict);
        return false;
    }
    di->di_pos = i - 1;
    *key = ep[i].me_key;
    *value = ep[i].me_value;
    di->len--;
    return true;
}

Ref<> dictreviter_nextkey(Object* op)
{
    Object *k, *v;
    if (!dictreviter_step(static_cast<DictIterObject*>(op), &k, &v)) return nullptr;
    return new_ref(k);
}
Ref<> dictreviter_nextvalue(Object* op)
{
    Object *k, *v;
    if (!dictreviter_step(static_cast<DictIterObject*>(op), &k, &v)) return nullptr;
    return new_ref(v);
}
Ref<> dictreviter_nextitem(Object* op)
{
    Object *k, *v;
    if (!dictreviter_step(static_cast<DictIterObject*>(op), &k, &v)) return nullptr;
    return tuple_pack({k, v});
}

Ref<> dictreviter_new(Object* dict, TypeObject* type)
{
    Ref<> it = dictiter_new(dict, type);
    if (it) static_cast<DictIterObject*>(it.get())->di_pos = as_dict(dict)->ma_keys->dk_nentries - 1;
    return it;
}

Ref<> dictiter_len(Object* op, Object*)
{
    auto* di = static_cast<DictIterObject*>(op);
    return long_from_ssize_t(di->di_dict && di->di_used == dict_size(di->di_dict) ? di->len : 0);
}
MethodDef dictiter_methods[] = {
    method_noargs("__length_hint__", dictiter_len, "Private method returning an estimate of len(list(it))."),
    {},
};

TypeObject dictiter_type(const char* name, iternextfunc next)
{
    TypeObject t = static_type(name, sizeof(DictIterObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC);
    t.tp_dealloc = dictiter_dealloc;
    t.tp_traverse = dictiter_traverse;
    t.tp_getattro = object_generic_get_attr;
    t.tp_iter = object_self_iter;
    t.tp_iternext = next;
    t.tp_methods = dictiter_methods;
    return t;
}

struct DictViewObject : Object {
    Object* dv_dict;  // owned
};

void dictview_dealloc(Object* op)
{
    clear_ref(static_cast<DictViewObject*>(op)->dv_dict);
    object_dealloc_memory(op);
}
int dictview_traverse(Object* op, visitproc visit, void* arg)
{
    return visit(static_cast<DictViewObject*>(op)->dv_dict, arg);
}
Py_ssize_t dictview_len(Object* op) { return dict_size(static_cast<DictViewObject*>(op)->dv_dict); }

Ref<> dictview_new(Object* dict, TypeObject* type)
{
    Ref<DictViewObject> v = object_new<DictViewObject>(type);
    if (!v) return nullptr;
    v->dv_dict = new_ref(dict).release();
    return v;
}

Ref<> dictview_repr(Object* op)
{
    int status = repr_enter(op);
    if (status != 0) return status > 0 ? unicode_from_string("...") : nullptr;
    Ref<> seq = sequence_list(op);
    Ref<> res;
    if (seq) res = unicode_from_format("%s(%R)", Py_TYPE(op)->tp_name, seq.get());
    repr_leave(op);
    return res;
}

Ref<> dict_reversed(Object* self, Object*) { return dictreviter_new(self, &DictRevIterKey_Type); }
Ref<> dictkeys_reversed(Object* op, Object*)
{
    return dictreviter_new(static_cast<DictViewObject*>(op)->dv_dict, &DictRevIterKey_Type);
}
Ref<> dictvalues_reversed(Object* op, Object*)
{
    return dictreviter_new(static_cast<DictViewObject*>(op)->dv_dict, &DictRevIterValue_Type);
}
Ref<> dictitems_reversed(Object* op, Object*)
{
    return dictreviter_new(static_cast<DictViewObject*>(op)->dv_dict, &DictRevIterItem_Type);
}

Ref<> dictkeys_iter(Object* op) { return dictiter_new(static_cast<DictViewObject*>(op)->dv_dict, &DictIterKey_Type); }
Ref<> dictvalues_iter(Object* op) { return dictiter_new(static_cast<DictViewObject*>(op)->dv_dict, &DictIterValue_Type); }
Ref<> dictitems_iter(Object* op) { return dictiter_new(static_cast<DictViewObject*>(op)->dv_dict, &DictIterItem_Type); }

int dictkeys_contains(Object* op, Object* key) { return dict_contains(static_cast<DictViewObject*>(op)->dv_dict, key); }

int dictitems_contains(Object* op, Object* item)
{
    if (!tuple_check(item) || tuple_size(item) != 2) return 0;
    Object* found = dict_get_item_with_error(static_cast<DictViewObject*>(op)->dv_dict, tuple_item(item, 0));
    if (!found) return error_occurred() ? -1 : 0;
    Ref<> keep = new_ref(found);
    return object_rich_compare_bool(found, tuple_item(item, 1), Py_EQ);
}

SequenceMethods dictkeys_as_sequence = [] {
    SequenceMethods sq{};
    sq.sq_length = dictview_len;
    sq.sq_contains = dictkeys_contains;
    return sq;
}();
SequenceMethods dictitems_as_sequence = [] {
    SequenceMethods sq{};
    sq.sq_length = dictview_len;
    sq.sq_contains = dictitems_contains;
    return sq;
}();
SequenceMethods dictvalues_as_sequence = [] {
    SequenceMethods sq{};
    sq.sq_length = dictview_len;
    return sq;
}();

// --- Set operations on keys and items views (dictviews_*) ------------------------

bool is_set_view(Object* o) { return Py_TYPE(o) == &DictKeys_Type || Py_TYPE(o) == &DictItems_Type; }

// set(a) then a set method with b: |, - and ^ (dictviews_or/sub/xor).
Ref<> view_setop(Object* a, Object* b, const char* method)
{
    Ref<> result = set_new(a);
    if (!result) return nullptr;
    Ref<> r = call_method(result.get(), method, {b});
    if (!r) return nullptr;
    return result;
}
Ref<> dictviews_or(Object* a, Object* b) { return view_setop(a, b, "update"); }
Ref<> dictviews_sub(Object* a, Object* b) { return view_setop(a, b, "difference_update"); }
Ref<> dictviews_xor(Object* a, Object* b) { return view_setop(a, b, "symmetric_difference_update"); }

// _PyDictView_Intersect: iterate the other operand, keep what the view contains.
Ref<> dictviews_and(Object* a, Object* b)
{
    if (!is_set_view(a)) std::swap(a, b);
    Py_ssize_t len_self = dict_size(static_cast<DictViewObject*>(a)->dv_dict);
    if (Py_TYPE(b) == &Set_Type && len_self <= set_size(b)) return call_method(b, "intersection", {a});
    if (is_set_view(b) && dict_size(static_cast<DictViewObject*>(b)->dv_dict) > len_self) std::swap(a, b);
    Ref<> result = set_new(nullptr);
    if (!result) return nullptr;
    SequenceMethods* sq = Py_TYPE(a)->tp_as_sequence;
    if (for_each_item(b, [&](Object* key) {
            int rv = sq->sq_contains(a, key);
            if (rv <= 0) return rv;
            return set_add(result.get(), key);
        }) < 0)
        return nullptr;
    return result;
}

int all_contained_in(Object* self, Object* other)
{
    return for_each_item(self, [&](Object* item) {
               int ok = sequence_contains(other, item);
               return ok < 0 ? -1 : ok == 0 ? -2 : 0;
           }) == 0
               ? 1
               : (error_occurred() ? -1 : 0);
}

Ref<> dictview_richcompare(Object* self, Object* other, int op)
{
    if (!anyset_check(other) && !is_set_view(other)) return not_implemented_ref();
    Py_ssize_t len_self = object_size(self), len_other = object_size(other);
    if (len_self < 0 || len_other < 0) return nullptr;
    int ok = 0;
    switch (op) {
    case Py_NE:
    case Py_EQ:
        if (len_self == len_other) ok = all_contained_in(self, other);
        if (op == Py_NE && ok >= 0) ok = !ok;
        break;
    case Py_LT: if (len_self < len_other) ok = all_contained_in(self, other); break;
    case Py_LE: if (len_self <= len_other) ok = all_contained_in(self, other); break;
    case Py_GT: if (len_self > len_other) ok = all_contained_in(other, self); break;
    default: if (len_self >= len_other) ok = all_contained_in(other, self); break;
    }
    if (ok < 0) return nullptr;
    return bool_from_long(ok);
}

Ref<> dictviews_isdisjoint(Object* self, Object* other)
{
    int found = 0;
    SequenceMethods* sq = Py_TYPE(self)->tp_as_sequence;
    if (for_each_item(other, [&](Object* item) {
            int rv = sq->sq_contains(self, item);
            if (rv > 0) found = 1;
            return rv < 0 ? -1 : (rv > 0 ? -2 : 0);
        }) < 0 && !found)
        return nullptr;
    return bool_from_long(!found);
}

Ref<> dictview_mapping(Object* self, void*) { return mappingproxy_wrap(static_cast<DictViewObject*>(self)->dv_dict); }

MethodDef dictkeys_methods[] = {
    method_o("isdisjoint", dictviews_isdisjoint, "Return True if the view and the given iterable have a null intersection."),
    method_noargs("__reversed__", dictkeys_reversed, "Return a reverse iterator over the dict keys."),
    {},
};
MethodDef dictitems_methods[] = {
    method_o("isdisjoint", dictviews_isdisjoint, "Return True if the view and the given iterable have a null intersection."),
    method_noargs("__reversed__", dictitems_reversed, "Return a reverse iterator over the dict items."),
    {},
};
MethodDef dictvalues_methods[] = {
    method_noargs("__reversed__", dictvalues_reversed, "Return a reverse iterator over the dict values."),
    {},
};
GetSetDef dictview_getsets[] = {
    {"mapping", dictview_mapping, nullptr, "dictionary that this view refers to", nullptr},
    {},
};

NumberMethods dictviews_as_number = [] {
    NumberMethods nb{};
    nb.nb_subtract = dictviews_sub;
    nb.nb_and = dictviews_and;
    nb.nb_xor = dictviews_xor;
    nb.nb_or = dictviews_or;
    return nb;
}();

TypeObject dictview_type(const char* name, getiterfunc iter, SequenceMethods* sq, MethodDef* methods)
{
    TypeObject t = static_type(name, sizeof(DictViewObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC);
    t.tp_dealloc = dictview_dealloc;
    t.tp_traverse = dictview_traverse;
    t.tp_repr = dictview_repr;
    t.tp_getattro = object_generic_get_attr;
    t.tp_iter = iter;
    t.tp_as_sequence = sq;
    t.tp_hash = hash_not_implemented;
    t.tp_getset = dictview_getsets;
    t.tp_methods = methods;
    return t;
}

TypeObject dictview_set_type(const char* name, getiterfunc iter, SequenceMethods* sq, MethodDef* methods)
{
    TypeObject t = dictview_type(name, iter, sq, methods);
    t.tp_as_number = &dictviews_as_number;
    t.tp_richcompare = dictview_richcompare;
    return t;
}

}  // namespace

TypeObject Dict_Type = [] {
    TypeObject t = static_type("dict", sizeof(DictObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                                   Py_TPFLAGS_DICT_SUBCLASS | Py_TPFLAGS_MAPPING,
                               "dict() -> new empty dictionary");
    t.tp_dealloc = dict_dealloc;
    t.tp_repr = dict_repr;
    t.tp_as_number = &dict_as_number;
    t.tp_as_sequence = &dict_as_sequence;
    t.tp_as_mapping = &dict_as_mapping;
    t.tp_hash = hash_not_implemented;
    t.tp_getattro = object_generic_get_attr;
    t.tp_traverse = dict_traverse;
    t.tp_clear = dict_tp_clear;
    t.tp_richcompare = dict_richcompare;
    t.tp_iter = dict_iter;
    t.tp_methods = dict_methods;
    t.tp_init = dict_init;
    t.tp_new = dict_tp_new;
    return t;
}();

TypeObject DictIterKey_Type = dictiter_type("dict_keyiterator", dictiter_nextkey);
TypeObject DictIterValue_Type = dictiter_type("dict_valueiterator", dictiter_nextvalue);
TypeObject DictIterItem_Type = dictiter_type("dict_itemiterator", dictiter_nextitem);
TypeObject DictRevIterKey_Type = dictiter_type("dict_reversekeyiterator", dictreviter_nextkey);
TypeObject DictRevIterValue_Type = dictiter_type("dict_reversevalueiterator", dictreviter_nextvalue);
TypeObject DictRevIterItem_Type = dictiter_type("dict_reverseitemiterator", dictreviter_nextitem);
TypeObject DictKeys_Type = dictview_set_type("dict_keys", dictkeys_iter, &dictkeys_as_sequence, dictkeys_methods);
TypeObject DictValues_Type = dictview_type("dict_values", dictvalues_iter, &dictvalues_as_sequence, dictvalues_methods);
TypeObject DictItems_Type = dictview_set_type("dict_items", dictitems_iter, &dictitems_as_sequence, dictitems_methods);

}  // namespace minipy::runtime
