// pylifecycle.cpp: readying every built-in type at start-up and releasing
// the runtime's caches at shutdown.
// Mirrors the type part of CPython 3.11 Python/pylifecycle.c
// (_PyTypes_InitTypes, pycore_init_types) and Objects/object.c
// (_PyTypes_FiniTypes). Book chapter 11.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unordered_set>
#include <vector>

#include "minipy/memory/obmalloc.h"

#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/bytearrayobject.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/classobject.h"
#include "minipy/runtime/codeobject.h"
#include "minipy/runtime/complexobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/floatobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/rangeobject.h"
#include "minipy/runtime/setobject.h"
#include "minipy/runtime/sliceobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/runtime/genericaliasobject.h"
#include "minipy/runtime/unionobject.h"
#include "minipy/runtime/weakrefobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

extern TypeObject SeqIter_Type;
void fini_tuple();
void fini_bytes();
void fini_set();
void fini_unicode();

namespace {

void ready_or_die(TypeObject* t)
{
    if (type_ready(t) < 0) {
        std::fprintf(stderr, "Fatal Python error: failed to initialize type %s\n", t->tp_name);
        std::abort();
    }
}

}  // namespace

void init_types()
{
    init_long_type();  // the small ints first: almost everything creates ints
    init_object_types();
    for (TypeObject* t :
         {&Unicode_Type, &UnicodeIter_Type, &Long_Type, &Bool_Type, &Float_Type, &Complex_Type, &Bytes_Type,
          &BytesIter_Type, &ByteArray_Type, &ByteArrayIter_Type, &Tuple_Type, &TupleIter_Type, &List_Type, &ListIter_Type, &ListRevIter_Type, &Dict_Type,
          &DictKeys_Type, &DictValues_Type, &DictItems_Type, &DictIterKey_Type, &DictIterValue_Type,
          &DictIterItem_Type, &DictRevIterKey_Type, &DictRevIterValue_Type, &DictRevIterItem_Type, &Set_Type, &FrozenSet_Type, &SetIter_Type, &Range_Type, &RangeIter_Type,
          &LongRangeIter_Type, &Slice_Type, &SeqIter_Type, &Module_Type, &Code_Type, &LineIter_Type, &PositionsIter_Type, &Method_Type, &Property_Type, &Super_Type,
          &GenericAlias_Type, &Union_Type, &Weakref_RefType, &Weakref_ProxyType, &Weakref_CallableProxyType})
        ready_or_die(t);
    init_descr_types();
    init_exception_types();
}

std::string refcount_summary()
{
#if MINIPY_REF_DEBUG
    char buf[96];
    std::snprintf(buf, sizeof buf, "[%td refs, %zu blocks]", get_ref_total(), memory::get_allocated_blocks());
    return buf;
#else
    return {};
#endif
}

namespace {

// _PyStaticType_Dealloc for every static type: its dict (slot wrappers,
// method descriptors, getsets, members), MRO, bases and subclass table go;
// the type object itself is static memory and stays. Types are found from
// `object` down through tp_subclasses (every readied type is registered
// with its bases), and cleared subclasses first. Nothing may look a name
// up on a built-in type after this: it is the last step of the teardown.
void fini_static_types()
{
    std::vector<TypeObject*> order{&BaseObject_Type};
    std::unordered_set<TypeObject*> seen{&BaseObject_Type};
    for (std::size_t i = 0; i < order.size(); i++)
        for (TypeObject* sub : type_subclass_list(order[i]))
            if (seen.insert(sub).second) order.push_back(sub);
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        TypeObject* type = *it;
        // A heap type still alive here (a leak, or one kept on purpose)
        // keeps what it has: its own dealloc would need it.
        if (type_has_feature(type, Py_TPFLAGS_HEAPTYPE)) continue;
        if (type->tp_weaklist) object_clear_weakrefs(type);
        clear_ref(type->tp_dict);
        clear_ref(type->tp_mro);
        clear_ref(type->tp_bases);
        clear_ref(type->tp_cache);
        clear_ref(type->tp_subclasses);
    }
}

}  // namespace

void fini_types()
{
    // The caches, the static types' contents (finalize_interp_types), then
    // the interned strings (_PyUnicode_ClearInterned): those only the
    // intern dict kept die; identifiers that C statics hold stay.
    fini_tuple();
    fini_bytes();
    fini_set();
    fini_static_types();
    fini_unicode();
}

}  // namespace minipy::runtime
