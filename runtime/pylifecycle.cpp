// pylifecycle.cpp: readying every built-in type at start-up and releasing
// the runtime's caches at shutdown.
// Mirrors the type part of CPython 3.11 Python/pylifecycle.c
// (_PyTypes_InitTypes, pycore_init_types) and Objects/object.c
// (_PyTypes_FiniTypes). Book chapter 11.
#include <cstdio>
#include <cstdlib>
#include <string>

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

void fini_types()
{
    // The caches, then the interned strings (_PyUnicode_ClearInterned):
    // those only the intern dict kept die; identifiers that static types'
    // dicts or C statics hold stay. Static types themselves stay for the
    // life of the process (CPython's _PyStaticType_Dealloc is not mirrored),
    // which is most of what `-X showrefcount` still counts at exit.
    fini_tuple();
    fini_bytes();
    fini_set();
    fini_unicode();
}

}  // namespace minipy::runtime
