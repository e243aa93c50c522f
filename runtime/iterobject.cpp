// iterobject.cpp: the generic sequence iterator returned by iter(x) for
// objects that have __getitem__ but no __iter__, and the index iterator that
// bytes and bytearray share.
// Mirrors CPython 3.11 Objects/iterobject.c (PySeqIter). Book chapter 11.
#include "minipy/runtime/longobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

namespace {

struct SeqIterObject : Object {
    Py_ssize_t it_index;
    Object* it_seq;  // owned; null once exhausted
};

void seqiter_dealloc(Object* op)
{
    clear_ref(static_cast<SeqIterObject*>(op)->it_seq);
    object_dealloc_memory(op);
}

int seqiter_traverse(Object* op, visitproc visit, void* arg)
{
    Object* s = static_cast<SeqIterObject*>(op)->it_seq;
    return s ? visit(s, arg) : 0;
}

// Calls seq[i] for i = 0, 1, ... until IndexError or StopIteration.
Ref<> seqiter_next(Object* op)
{
    auto* it = static_cast<SeqIterObject*>(op);
    if (!it->it_seq) return nullptr;
    Ref<> result = sequence_get_item(it->it_seq, it->it_index);
    if (result) {
        it->it_index++;
        return result;
    }
    if (error_matches(Exc_IndexError) || error_matches(Exc_StopIteration)) {
        error_clear();
        clear_ref(it->it_seq);
    }
    return nullptr;
}

}  // namespace

TypeObject SeqIter_Type = [] {
    TypeObject t = static_type("iterator", sizeof(SeqIterObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC);
    t.tp_dealloc = seqiter_dealloc;
    t.tp_traverse = seqiter_traverse;
    t.tp_getattro = object_generic_get_attr;
    t.tp_iter = object_self_iter;
    t.tp_iternext = seqiter_next;
    return t;
}();

// --- Index iterators (bytes_iterator, bytearray_iterator) -------------------
// CPython gives each sequence type its own iterator type; for bytes and
// bytearray they differ only in name, so one implementation serves both: it
// asks the sequence's own sq_length and sq_item at each step (a bytearray
// may shrink while iterated).

Ref<> indexiter_next(Object* op)
{
    auto* it = static_cast<SeqIterObject*>(op);
    if (!it->it_seq) return nullptr;
    SequenceMethods* sq = Py_TYPE(it->it_seq)->tp_as_sequence;
    if (it->it_index < sq->sq_length(it->it_seq)) return sq->sq_item(it->it_seq, it->it_index++);
    clear_ref(it->it_seq);
    return nullptr;
}

TypeObject index_iter_type(const char* name)
{
    TypeObject t = static_type(name, sizeof(SeqIterObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC);
    t.tp_dealloc = seqiter_dealloc;
    t.tp_traverse = seqiter_traverse;
    t.tp_getattro = object_generic_get_attr;
    t.tp_iter = object_self_iter;
    t.tp_iternext = indexiter_next;
    return t;
}

Ref<> index_iter_new(TypeObject* type, Object* seq)
{
    Ref<SeqIterObject> it = object_new<SeqIterObject>(type);
    if (!it) return nullptr;
    it->it_index = 0;
    it->it_seq = new_ref(seq).release();
    return it;
}

Ref<> seqiter_new(Object* seq)
{
    Ref<SeqIterObject> it = object_new<SeqIterObject>(&SeqIter_Type);
    if (!it) return nullptr;
    it->it_index = 0;
    it->it_seq = new_ref(seq).release();
    return it;
}

}  // namespace minipy::runtime
