// _operator.cpp: the _operator module: Python's operators as functions,
// and the itemgetter, attrgetter and methodcaller callables. lib/operator.py
// re-exports it and adds the __add__-style aliases.
// Mirrors CPython 3.11 Modules/_operator.c. Book chapter 12, "The Standard
// Library".
//
// Each function is a thin call into the abstract object protocol
// (abstract.h), so operator.add(a, b) dispatches exactly as `a + b` does.
#include <string>

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/typeobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::modules {

using namespace runtime;

namespace {

// --- The operators ----------------------------------------------------------------

#define OP_UNARY(name, call) \
    Ref<> op_##name(Object*, Object* a) { return call(a); }
#define OP_BINARY(name, call)                                                  \
    Ref<> op_##name(Object*, Object* const* args, Py_ssize_t nargs)            \
    {                                                                          \
        if (!check_positional(#name, nargs, 2, 2)) return nullptr;             \
        return call(args[0], args[1]);                                         \
    }

OP_UNARY(abs, number_absolute)
OP_UNARY(neg, number_negative)
OP_UNARY(pos, number_positive)
OP_UNARY(inv, number_invert)
OP_UNARY(invert, number_invert)
OP_UNARY(index, number_index)
OP_BINARY(add, number_add)
OP_BINARY(sub, number_subtract)
OP_BINARY(mul, number_multiply)
OP_BINARY(matmul, number_matrix_multiply)
OP_BINARY(floordiv, number_floor_divide)
OP_BINARY(truediv, number_true_divide)
OP_BINARY(mod, number_remainder)
OP_BINARY(lshift, number_lshift)
OP_BINARY(rshift, number_rshift)
OP_BINARY(and_, number_and)
OP_BINARY(xor, number_xor)
OP_BINARY(or_, number_or)
OP_BINARY(iadd, number_inplace_add)
OP_BINARY(isub, number_inplace_subtract)
OP_BINARY(imul, number_inplace_multiply)
OP_BINARY(imatmul, number_inplace_matrix_multiply)
OP_BINARY(ifloordiv, number_inplace_floor_divide)
OP_BINARY(itruediv, number_inplace_true_divide)
OP_BINARY(imod, number_inplace_remainder)
OP_BINARY(ilshift, number_inplace_lshift)
OP_BINARY(irshift, number_inplace_rshift)
OP_BINARY(iand, number_inplace_and)
OP_BINARY(ixor, number_inplace_xor)
OP_BINARY(ior, number_inplace_or)
OP_BINARY(getitem, object_get_item)

Ref<> pow2(Object* a, Object* b) { return number_power(a, b, Py_None()); }
Ref<> ipow2(Object* a, Object* b) { return number_inplace_power(a, b, Py_None()); }
OP_BINARY(pow, pow2)
OP_BINARY(ipow, ipow2)

#define OP_COMPARE(name, op) \
    Ref<> cmp_##name(Object* a, Object* b) { return object_rich_compare(a, b, op); } \
    OP_BINARY(name, cmp_##name)
OP_COMPARE(lt, Py_LT)
OP_COMPARE(le, Py_LE)
OP_COMPARE(eq, Py_EQ)
OP_COMPARE(ne, Py_NE)
OP_COMPARE(gt, Py_GT)
OP_COMPARE(ge, Py_GE)

Ref<> is_same(Object* a, Object* b) { return bool_from_long(a == b); }
Ref<> is_not_same(Object* a, Object* b) { return bool_from_long(a != b); }
OP_BINARY(is_, is_same)
OP_BINARY(is_not, is_not_same)

#undef OP_UNARY
#undef OP_BINARY
#undef OP_COMPARE

Ref<> op_not_(Object*, Object* a)
{
    int r = object_not(a);
    if (r < 0) return nullptr;
    return bool_from_long(r);
}

Ref<> op_truth(Object*, Object* a)
{
    int r = object_is_true(a);
    if (r < 0) return nullptr;
    return bool_from_long(r);
}

// concat and iconcat insist on sequences: `1 + 2` is not a concatenation.
bool check_concat(Object* a)
{
    TypeObject* t = Py_TYPE(a);
    if (t->tp_as_sequence && t->tp_as_sequence->sq_concat) return true;
    if (sequence_check(a)) return true;
    format_error(Exc_TypeError, "'%.200s' object can't be concatenated", t->tp_name);
    return false;
}

Ref<> op_concat(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("concat", nargs, 2, 2) || !check_concat(args[0])) return nullptr;
    return sequence_concat(args[0], args[1]);
}

Ref<> op_iconcat(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("iconcat", nargs, 2, 2) || !check_concat(args[0])) return nullptr;
    SequenceMethods* sq = Py_TYPE(args[0])->tp_as_sequence;
    if (sq && sq->sq_inplace_concat) return sq->sq_inplace_concat(args[0], args[1]);
    return number_inplace_add(args[0], args[1]);
}

Ref<> op_contains(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("contains", nargs, 2, 2)) return nullptr;
    int r = sequence_contains(args[0], args[1]);
    if (r < 0) return nullptr;
    return bool_from_long(r);
}

// countOf / indexOf: identity or equality, over any iterable.
Ref<> op_countOf(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("countOf", nargs, 2, 2)) return nullptr;
    Py_ssize_t n = 0;
    int rc = for_each_item(args[0], [&](Object* item) {
        int eq = item == args[1] ? 1 : object_rich_compare_bool(item, args[1], Py_EQ);
        if (eq < 0) return -1;
        n += eq;
        return 0;
    });
    if (rc < 0) return nullptr;
    return long_from_ssize_t(n);
}

Ref<> op_indexOf(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("indexOf", nargs, 2, 2)) return nullptr;
    Ref<> it = object_get_iter(args[0]);
    if (!it) return nullptr;
    for (Py_ssize_t i = 0;; i++) {
        Ref<> item = iter_next(it.get());
        if (!item) break;
        int eq = item.get() == args[1] ? 1 : object_rich_compare_bool(item.get(), args[1], Py_EQ);
        if (eq < 0) return nullptr;
        if (eq) return long_from_ssize_t(i);
    }
    if (error_occurred()) return nullptr;
    return format_error(Exc_ValueError, "sequence.index(x): x not in sequence");
}

Ref<> op_setitem(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("setitem", nargs, 3, 3)) return nullptr;
    if (object_set_item(args[0], args[1], args[2]) < 0) return nullptr;
    return none_ref();
}

Ref<> op_delitem(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("delitem", nargs, 2, 2)) return nullptr;
    if (object_del_item(args[0], args[1]) < 0) return nullptr;
    return none_ref();
}


// length_hint(obj, default=0, /): PyObject_LengthHint (runtime's
// object_length_hint).
Ref<> op_length_hint(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("length_hint", nargs, 1, 2)) return nullptr;
    Object* o = args[0];
    Py_ssize_t dflt = 0;
    if (nargs == 2) {
        Ref<> i = number_index(args[1]);
        if (!i) return nullptr;
        dflt = number_as_ssize_t(i.get(), Exc_OverflowError);
        if (dflt == -1 && error_occurred()) return nullptr;
    }
    Py_ssize_t n = object_length_hint(o, dflt);
    if (n < 0) return nullptr;
    return long_from_ssize_t(n);
}

// call(obj, /, *args, **kwargs) (new in 3.11).
Ref<> op_call(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    if (nargs < 1) return format_error(Exc_TypeError, "call() missing required argument 'obj' (pos 1)");
    return object_vectorcall(args[0], args + 1, static_cast<std::size_t>(nargs - 1), kwnames);
}

// _compare_digest(a, b): equality whose time does not depend on where the
// inputs differ; for ASCII str or bytes.
Ref<> op_compare_digest(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("_compare_digest", nargs, 2, 2)) return nullptr;
    Object *a = args[0], *b = args[1];
    std::string sa, sb;
    if (unicode_check(a) && unicode_check(b)) {
        if (unicode_max_char(a) > 127 || unicode_max_char(b) > 127)
            return format_error(Exc_TypeError, "comparing strings with non-ASCII characters is not supported");
        sa = unicode_to_std(a);
        sb = unicode_to_std(b);
    }
    else if (bytes_check(a) && bytes_check(b)) {
        sa.assign(bytes_as_string(a), static_cast<std::size_t>(bytes_size(a)));
        sb.assign(bytes_as_string(b), static_cast<std::size_t>(bytes_size(b)));
    }
    else {
        return format_error(Exc_TypeError, "unsupported operand types(s) or combination of types: '%.100s' and '%.100s'",
                            Py_TYPE(a)->tp_name, Py_TYPE(b)->tp_name);
    }
    // Walk the whole of b whatever happens, so the time depends only on len(b).
    unsigned char result = sa.size() == sb.size() ? 0 : 1;
    const std::string& left = sa.size() == sb.size() ? sa : sb;
    for (std::size_t i = 0; i < sb.size(); i++)
        result |= static_cast<unsigned char>(left[i] ^ sb[i]);
    return bool_from_long(result == 0);
}

// --- itemgetter ------------------------------------------------------------------

constexpr unsigned long GETTER_FLAGS = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC;

struct ItemGetterObject : Object {
    Py_ssize_t nitems;
    Object* item;  // the one item, or a tuple of nitems items
};

extern TypeObject ItemGetter_Type;
extern TypeObject AttrGetter_Type;
extern TypeObject MethodCaller_Type;

Ref<> itemgetter_new(TypeObject* type, Object* args, Object* kwds)
{
    if (!check_no_kwargs("itemgetter", kwds)) return nullptr;
    Py_ssize_t n = tuple_size(args);
    if (n == 0 && !check_positional("itemgetter", n, 1, 1)) return nullptr;  // PyArg_UnpackTuple words
    Ref<ItemGetterObject> ig = ref_cast<ItemGetterObject>(Ref<>::steal(object_alloc_raw(type, 0)));
    if (!ig) return nullptr;
    ig->nitems = n;
    ig->item = new_ref(n == 1 ? tuple_item(args, 0) : args).release();
    return ig;
}

void itemgetter_dealloc(Object* op)
{
    clear_ref(static_cast<ItemGetterObject*>(op)->item);
    object_dealloc_memory(op);
}

int itemgetter_traverse(Object* op, visitproc visit, void* arg)
{
    Object* item = static_cast<ItemGetterObject*>(op)->item;
    return item ? visit(item, arg) : 0;
}

Ref<> itemgetter_call(Object* op, Object* args, Object* kwds)
{
    if (!check_no_kwargs("itemgetter", kwds)) return nullptr;
    if (!check_positional("itemgetter", tuple_size(args), 1, 1)) return nullptr;
    auto* ig = static_cast<ItemGetterObject*>(op);
    Object* obj = tuple_item(args, 0);
    if (ig->nitems == 1) return object_get_item(obj, ig->item);
    Ref<> result = tuple_new(ig->nitems);
    if (!result) return nullptr;
    for (Py_ssize_t i = 0; i < ig->nitems; i++) {
        Ref<> v = object_get_item(obj, tuple_item(ig->item, i));
        if (!v) {
            for (Py_ssize_t j = i; j < ig->nitems; j++) tuple_set_item(result.get(), j, new_ref(Py_None()).release());
            return nullptr;
        }
        tuple_set_item(result.get(), i, v.release());
    }
    return result;
}

// "operator.itemgetter(1)", "operator.itemgetter(1, 'a')"; "...(...)" when
// the getter's items contain the getter itself.
Ref<> itemgetter_repr(Object* op)
{
    auto* ig = static_cast<ItemGetterObject*>(op);
    const char* name = Py_TYPE(op)->tp_name;
    int status = repr_enter(op);
    if (status != 0) return status < 0 ? nullptr : unicode_from_format("%s(...)", name);
    Ref<> r = ig->nitems == 1 ? unicode_from_format("%s(%R)", name, ig->item)
                              : unicode_from_format("%s%R", name, ig->item);
    repr_leave(op);
    return r;
}

// --- attrgetter -------------------------------------------------------------------

struct AttrGetterObject : Object {
    Py_ssize_t nattrs;
    Object* attr;   // tuple: per name, a str or a tuple of the dotted parts
    Object* names;  // tuple of the names as given (for repr)
};

Ref<> attrgetter_new(TypeObject* type, Object* args, Object* kwds)
{
    if (!check_no_kwargs("attrgetter", kwds)) return nullptr;
    Py_ssize_t n = tuple_size(args);
    if (n == 0 && !check_positional("attrgetter", n, 1, 1)) return nullptr;
    Ref<> attr = tuple_new(n);
    if (!attr) return nullptr;
    for (Py_ssize_t i = 0; i < n; i++) tuple_set_item(attr.get(), i, new_ref(Py_None()).release());
    for (Py_ssize_t i = 0; i < n; i++) {
        Object* item = tuple_item(args, i);
        if (!unicode_check(item)) return format_error(Exc_TypeError, "attribute name must be a string");
        // Split "a.b.c" into interned parts once, here.
        Ref<> dot = unicode_from_string(".");
        if (!dot) return nullptr;
        Ref<> parts = call_method(item, "split", {dot.get()});
        if (!parts) return nullptr;
        Ref<> value;
        if (list_size(parts.get()) == 1) {
            value = new_ref(item);
            unicode_intern_in_place(&value);
        }
        else {
            value = sequence_tuple(parts.get());
            if (!value) return nullptr;
            for (Py_ssize_t j = 0; j < tuple_size(value.get()); j++) {
                Ref<> part = new_ref(tuple_item(value.get(), j));
                unicode_intern_in_place(&part);
                Object* old = tuple_item(value.get(), j);
                tuple_set_item(value.get(), j, part.release());
                decref(old);
            }
        }
        Object* old = tuple_item(attr.get(), i);
        tuple_set_item(attr.get(), i, value.release());
        decref(old);
    }
    Ref<AttrGetterObject> ag = ref_cast<AttrGetterObject>(Ref<>::steal(object_alloc_raw(type, 0)));
    if (!ag) return nullptr;
    ag->nattrs = n;
    ag->attr = attr.release();
    ag->names = new_ref(args).release();
    return ag;
}

void attrgetter_dealloc(Object* op)
{
    clear_ref(static_cast<AttrGetterObject*>(op)->attr);
    clear_ref(static_cast<AttrGetterObject*>(op)->names);
    object_dealloc_memory(op);
}

int attrgetter_traverse(Object* op, visitproc visit, void* arg)
{
    auto* ag = static_cast<AttrGetterObject*>(op);
    if (ag->attr)
        if (int r = visit(ag->attr, arg)) return r;
    return ag->names ? visit(ag->names, arg) : 0;
}

Ref<> dotted_getattr(Object* obj, Object* attr)
{
    if (unicode_check(attr)) return object_get_attr(obj, attr);
    Ref<> cur = new_ref(obj);
    for (Py_ssize_t i = 0; i < tuple_size(attr); i++) {
        cur = object_get_attr(cur.get(), tuple_item(attr, i));
        if (!cur) return nullptr;
    }
    return cur;
}

Ref<> attrgetter_call(Object* op, Object* args, Object* kwds)
{
    if (!check_no_kwargs("attrgetter", kwds)) return nullptr;
    if (!check_positional("attrgetter", tuple_size(args), 1, 1)) return nullptr;
    auto* ag = static_cast<AttrGetterObject*>(op);
    Object* obj = tuple_item(args, 0);
    if (ag->nattrs == 1) return dotted_getattr(obj, tuple_item(ag->attr, 0));
    Ref<> result = tuple_new(ag->nattrs);
    if (!result) return nullptr;
    for (Py_ssize_t i = 0; i < ag->nattrs; i++) {
        Ref<> v = dotted_getattr(obj, tuple_item(ag->attr, i));
        if (!v) {
            for (Py_ssize_t j = i; j < ag->nattrs; j++) tuple_set_item(result.get(), j, new_ref(Py_None()).release());
            return nullptr;
        }
        tuple_set_item(result.get(), i, v.release());
    }
    return result;
}

Ref<> attrgetter_repr(Object* op)
{
    auto* ag = static_cast<AttrGetterObject*>(op);
    const char* name = Py_TYPE(op)->tp_name;
    if (ag->nattrs == 1) return unicode_from_format("%s(%R)", name, tuple_item(ag->names, 0));
    return unicode_from_format("%s%R", name, ag->names);
}

// --- methodcaller --------------------------------------------------------------------

struct MethodCallerObject : Object {
    Object* name;    // str
    Object* args;    // tuple
    Object* kwargs;  // dict
};

Ref<> methodcaller_new(TypeObject* type, Object* args, Object* kwds)
{
    if (tuple_size(args) < 1)
        return format_error(Exc_TypeError, "methodcaller needs at least one argument, the method name");
    Object* name = tuple_item(args, 0);
    if (!unicode_check(name)) return format_error(Exc_TypeError, "method name must be a string");
    Ref<> iname = new_ref(name);
    unicode_intern_in_place(&iname);
    Ref<> rest = tuple_get_slice(args, 1, tuple_size(args));
    if (!rest) return nullptr;
    Ref<> kw = kwds ? dict_copy(kwds) : dict_new();
    if (!kw) return nullptr;
    Ref<MethodCallerObject> mc = ref_cast<MethodCallerObject>(Ref<>::steal(object_alloc_raw(type, 0)));
    if (!mc) return nullptr;
    mc->name = iname.release();
    mc->args = rest.release();
    mc->kwargs = kw.release();
    return mc;
}

void methodcaller_dealloc(Object* op)
{
    auto* mc = static_cast<MethodCallerObject*>(op);
    clear_ref(mc->name);
    clear_ref(mc->args);
    clear_ref(mc->kwargs);
    object_dealloc_memory(op);
}

int methodcaller_traverse(Object* op, visitproc visit, void* arg)
{
    auto* mc = static_cast<MethodCallerObject*>(op);
    for (Object* o : {mc->name, mc->args, mc->kwargs})
        if (o)
            if (int r = visit(o, arg)) return r;
    return 0;
}

Ref<> methodcaller_call(Object* op, Object* args, Object* kwds)
{
    if (!check_no_kwargs("methodcaller", kwds)) return nullptr;
    if (!check_positional("methodcaller", tuple_size(args), 1, 1)) return nullptr;
    auto* mc = static_cast<MethodCallerObject*>(op);
    Ref<> method = object_get_attr(tuple_item(args, 0), mc->name);
    if (!method) return nullptr;
    return object_call(method.get(), mc->args, dict_size(mc->kwargs) ? mc->kwargs : nullptr);
}

// "operator.methodcaller('f', 1, k=2)".
Ref<> methodcaller_repr(Object* op)
{
    auto* mc = static_cast<MethodCallerObject*>(op);
    const char* tname = Py_TYPE(op)->tp_name;
    int status = repr_enter(op);
    if (status != 0) return status < 0 ? nullptr : unicode_from_format("%s(...)", tname);
    UnicodeWriter w;
    w.write_utf8(tname);
    w.write_char('(');
    Ref<> r = object_repr(mc->name);
    bool ok = static_cast<bool>(r);
    if (ok) w.write_str(r.get());
    for (Py_ssize_t i = 0; ok && i < tuple_size(mc->args); i++) {
        r = object_repr(tuple_item(mc->args, i));
        ok = static_cast<bool>(r);
        if (ok) {
            w.write_ascii(", ");
            w.write_str(r.get());
        }
    }
    Py_ssize_t pos = 0;
    Object *k, *v;
    while (ok && dict_next(mc->kwargs, &pos, &k, &v)) {
        r = object_repr(v);
        ok = static_cast<bool>(r);
        if (ok) {
            w.write_ascii(", ");
            w.write_str(k);
            w.write_char('=');
            w.write_str(r.get());
        }
    }
    repr_leave(op);
    if (!ok) return nullptr;
    w.write_char(')');
    return w.finish();
}

TypeObject make_getter_type(const char* name, std::size_t size, destructor dealloc, traverseproc traverse,
                            ternaryfunc call, reprfunc repr, newfunc tp_new, const char* doc)
{
    TypeObject t = static_type(name, static_cast<Py_ssize_t>(size), 0, GETTER_FLAGS, doc);
    t.tp_dealloc = dealloc;
    t.tp_traverse = traverse;
    t.tp_call = call;
    t.tp_repr = repr;
    t.tp_new = tp_new;
    return t;
}

TypeObject ItemGetter_Type = make_getter_type(
    "operator.itemgetter", sizeof(ItemGetterObject), itemgetter_dealloc, itemgetter_traverse, itemgetter_call,
    itemgetter_repr, itemgetter_new,
    "itemgetter(item, ...) --> itemgetter object\n\nReturn a callable object that fetches the given item(s) from its operand.");
TypeObject AttrGetter_Type = make_getter_type(
    "operator.attrgetter", sizeof(AttrGetterObject), attrgetter_dealloc, attrgetter_traverse, attrgetter_call,
    attrgetter_repr, attrgetter_new,
    "attrgetter(attr, ...) --> attrgetter object\n\nReturn a callable object that fetches the given attribute(s) from its operand.");
TypeObject MethodCaller_Type = make_getter_type(
    "operator.methodcaller", sizeof(MethodCallerObject), methodcaller_dealloc, methodcaller_traverse,
    methodcaller_call, methodcaller_repr, methodcaller_new,
    "methodcaller(name, ...) --> methodcaller object\n\nReturn a callable object that calls the given method on its operand.");

#define OP_O(name, doc) method_o(#name, op_##name, doc)
#define OP_F(name, doc) method_fast(#name, op_##name, doc)

MethodDef operator_methods[] = {
    OP_O(abs, "Same as abs(a)."),
    OP_F(add, "Same as a + b."),
    OP_F(and_, "Same as a & b."),
    method_fastkw("call", op_call, "Same as obj(*args, **kwargs)."),
    OP_F(concat, "Same as a + b, for a and b sequences."),
    OP_F(contains, "Same as b in a (note reversed operands)."),
    OP_F(countOf, "Return the number of items in a which are, or which equal, b."),
    OP_F(delitem, "Same as del a[b]."),
    OP_F(eq, "Same as a == b."),
    OP_F(floordiv, "Same as a // b."),
    OP_F(ge, "Same as a >= b."),
    OP_F(getitem, "Same as a[b]."),
    OP_F(gt, "Same as a > b."),
    OP_F(iadd, "Same as a += b."),
    OP_F(iand, "Same as a &= b."),
    OP_F(iconcat, "Same as a += b, for a and b sequences."),
    OP_F(ifloordiv, "Same as a //= b."),
    OP_F(ilshift, "Same as a <<= b."),
    OP_F(imatmul, "Same as a @= b."),
    OP_F(imod, "Same as a %= b."),
    OP_F(imul, "Same as a *= b."),
    OP_O(index, "Same as a.__index__()"),
    OP_F(indexOf, "Return the first index of b in a."),
    OP_O(inv, "Same as ~a."),
    OP_O(invert, "Same as ~a."),
    OP_F(ior, "Same as a |= b."),
    OP_F(ipow, "Same as a **= b."),
    OP_F(irshift, "Same as a >>= b."),
    OP_F(is_, "Same as a is b."),
    OP_F(is_not, "Same as a is not b."),
    OP_F(isub, "Same as a -= b."),
    OP_F(itruediv, "Same as a /= b."),
    OP_F(ixor, "Same as a ^= b."),
    OP_F(le, "Same as a <= b."),
    OP_F(length_hint, "Return an estimate of the number of items in obj."),
    OP_F(lshift, "Same as a << b."),
    OP_F(lt, "Same as a < b."),
    OP_F(matmul, "Same as a @ b."),
    OP_F(mod, "Same as a % b."),
    OP_F(mul, "Same as a * b."),
    OP_F(ne, "Same as a != b."),
    OP_O(neg, "Same as -a."),
    OP_O(not_, "Same as not a."),
    OP_F(or_, "Same as a | b."),
    OP_O(pos, "Same as +a."),
    OP_F(pow, "Same as a ** b."),
    OP_F(rshift, "Same as a >> b."),
    OP_F(setitem, "Same as a[b] = c."),
    OP_F(sub, "Same as a - b."),
    OP_F(truediv, "Same as a / b."),
    OP_O(truth, "Return True if a is true, False otherwise."),
    OP_F(xor, "Same as a ^ b."),
    method_fast("_compare_digest", op_compare_digest, "Return 'a == b'."),
    {},
};

#undef OP_O
#undef OP_F

}  // namespace

Ref<> operator_module_create()
{
    Ref<> mod = module_new("_operator");
    if (!mod || module_add_functions(mod.get(), operator_methods) < 0) return nullptr;
    for (TypeObject* t : {&ItemGetter_Type, &AttrGetter_Type, &MethodCaller_Type}) {
        if (!(t->tp_flags & Py_TPFLAGS_READY) && type_ready(t) < 0) return nullptr;
        if (module_add_object(mod.get(), t->tp_name + sizeof("operator.") - 1, t) < 0) return nullptr;
    }
    Ref<> doc = unicode_from_string(
        "Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\n"
        "to the intrinsic operators of Python.  For example, operator.add(x, y)\n"
        "is equivalent to the expression x+y.  The function names are those\n"
        "used for special methods; variants without leading and trailing\n'__' are also provided for convenience.");
    if (!doc || module_add_object(mod.get(), "__doc__", doc.get()) < 0) return nullptr;
    return mod;
}

}  // namespace minipy::modules
