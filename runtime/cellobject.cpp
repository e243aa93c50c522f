// cellobject.cpp: the cell type. Mirrors CPython 3.11 Objects/cellobject.c.
// Book chapter 8.
//
// A variable that an inner function uses (a "cell variable") lives in a cell
// rather than in the frame's fast locals, so the frame and every closure
// made from it see the same value. MAKE_CELL creates the cell when the frame
// starts; MAKE_FUNCTION packs the cells an inner function needs into its
// __closure__ tuple, and COPY_FREE_VARS puts them in the inner frame.
#include "minipy/runtime/cellobject.h"

#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

namespace {

CellObject* C(Object* op) { return static_cast<CellObject*>(op); }

void cell_dealloc(Object* op)
{
    clear_ref(C(op)->ob_ref);
    object_dealloc_memory(op);
}

int cell_traverse(Object* op, visitproc visit, void* arg) { return C(op)->ob_ref ? visit(C(op)->ob_ref, arg) : 0; }

int cell_clear(Object* op)
{
    clear_ref(C(op)->ob_ref);
    return 0;
}

Ref<> cell_repr(Object* op)
{
    if (!C(op)->ob_ref) return unicode_from_format("<cell at %p: empty>", op);
    return unicode_from_format("<cell at %p: %.80s object at %p>", op, Py_TYPE(C(op)->ob_ref)->tp_name, C(op)->ob_ref);
}

// Cells compare by their contents; an empty cell is smaller than a full one.
Ref<> cell_richcompare(Object* a, Object* b, int op)
{
    if (!cell_check(a) || !cell_check(b)) return not_implemented_ref();
    Object* x = C(a)->ob_ref;
    Object* y = C(b)->ob_ref;
    if (x && y) return object_rich_compare(x, y, op);
    int cmp = (x != nullptr) - (y != nullptr);
    bool r = false;
    switch (op) {
    case Py_LT: r = cmp < 0; break;
    case Py_LE: r = cmp <= 0; break;
    case Py_EQ: r = cmp == 0; break;
    case Py_NE: r = cmp != 0; break;
    case Py_GT: r = cmp > 0; break;
    case Py_GE: r = cmp >= 0; break;
    }
    return bool_from_long(r);
}

Ref<> cell_get_contents(Object* op, void*)
{
    if (!C(op)->ob_ref) return format_error(Exc_ValueError, "Cell is empty");
    return new_ref(C(op)->ob_ref);
}
int cell_set_contents(Object* op, Object* value, void*)
{
    set_ref(C(op)->ob_ref, value ? new_ref(value).release() : nullptr);
    return 0;
}

GetSetDef cell_getsets[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, nullptr, nullptr},
    {},
};

Ref<> cell_tp_new(TypeObject*, Object* args, Object* kwds)
{
    if (!check_no_kwargs("cell", kwds)) return nullptr;
    Py_ssize_t n = tuple_size(args);
    if (!check_positional("cell", n, 0, 1)) return nullptr;
    return cell_new(n ? tuple_item(args, 0) : nullptr);
}

}  // namespace

TypeObject Cell_Type = [] {
    TypeObject t = static_type("cell", sizeof(CellObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
                               "cell([contents])\n--\n\nCreate a new cell object.");
    t.tp_dealloc = cell_dealloc;
    t.tp_repr = cell_repr;
    t.tp_traverse = cell_traverse;
    t.tp_clear = cell_clear;
    t.tp_richcompare = cell_richcompare;
    t.tp_hash = hash_not_implemented;
    t.tp_getset = cell_getsets;
    t.tp_new = cell_tp_new;
    return t;
}();

Ref<> cell_new(Object* value)
{
    Ref<CellObject> c = object_new<CellObject>(&Cell_Type);
    if (!c) return nullptr;
    c->ob_ref = value ? new_ref(value).release() : nullptr;
    return c;
}

}  // namespace minipy::runtime
