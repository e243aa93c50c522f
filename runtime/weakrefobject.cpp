// weakrefobject.cpp: weak references: weakref.ref (ReferenceType), the
// proxies (ProxyType, CallableProxyType) and PyObject_ClearWeakRefs.
// Mirrors CPython 3.11 Objects/weakrefobject.c. Book chapter 9, "Garbage
// collection".
//
// Read weakrefobject.h's design notes first. In short: a referent keeps a
// doubly linked list of the references to it; a reference points back at
// the referent without owning it; when the referent's refcount reaches
// zero, its deallocator calls object_clear_weakrefs, which turns every
// reference into a dead one (wr_object = None) and then calls the
// callbacks, each with its (now dead) reference as argument.
//
// Sharing: weakref.ref(o) without a callback returns the one existing exact
// callback-less reference to o if there is one, and likewise weakref.proxy(o)
// the callback-less proxy. Those two always sit at the head of the list so
// they can be found in O(1); the rest follow, newest first.
#include "minipy/runtime/weakrefobject.h"

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/genericaliasobject.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

namespace {

WeakReference* W(Object* op) { return static_cast<WeakReference*>(op); }

bool is_dead(WeakReference* wr) { return wr->wr_object == Py_None(); }

// clear_weakref: unlinks self from its referent's list (if still linked),
// marks it dead and drops its callback.
void clear_weakref(WeakReference* self)
{
    Object* callback = self->wr_callback;
    if (!is_dead(self)) {
        Object** list = object_weaklist_ptr(self->wr_object);
        // The head of the list moves on when self is the head; a list left
        // empty ends up null.
        if (*list == self) *list = self->wr_next;
        self->wr_object = Py_None();
        if (self->wr_prev) self->wr_prev->wr_next = self->wr_next;
        if (self->wr_next) self->wr_next->wr_prev = self->wr_prev;
        self->wr_prev = nullptr;
        self->wr_next = nullptr;
    }
    if (callback) {
        self->wr_callback = nullptr;
        decref(callback);
    }
}

// get_basic_refs: the shared callback-less exact ref and proxy at the head
// of a list (either may be null). A subclass instance without a callback
// is not "basic": it is never shared.
void get_basic_refs(WeakReference* head, WeakReference** refp, WeakReference** proxyp)
{
    *refp = nullptr;
    *proxyp = nullptr;
    if (head && !head->wr_callback) {
        if (weakref_check_ref_exact(head)) {
            *refp = head;
            head = head->wr_next;
        }
        if (head && !head->wr_callback && weakref_check_proxy(head)) *proxyp = head;
    }
}

void insert_after(WeakReference* newref, WeakReference* prev)
{
    newref->wr_prev = prev;
    newref->wr_next = prev->wr_next;
    if (prev->wr_next) prev->wr_next->wr_prev = newref;
    prev->wr_next = newref;
}

void insert_head(WeakReference* newref, Object** list)
{
    auto* next = static_cast<WeakReference*>(*list);
    newref->wr_prev = nullptr;
    newref->wr_next = next;
    if (next) next->wr_prev = newref;
    *list = newref;
}

// Puts a new reference in ob's list: a basic one at the head (after the
// basic ref for a proxy), any other one right after the basic ones.
void link_new(WeakReference* self, Object** list, bool basic_ref, bool basic_proxy)
{
    WeakReference *ref, *proxy;
    get_basic_refs(static_cast<WeakReference*>(*list), &ref, &proxy);
    WeakReference* prev;
    if (basic_ref) {
        insert_head(self, list);
        return;
    }
    prev = basic_proxy ? ref : (proxy ? proxy : ref);
    if (prev)
        insert_after(self, prev);
    else
        insert_head(self, list);
}

void init_weakref(WeakReference* self, Object* ob, Object* callback)
{
    self->hash = -1;
    self->wr_object = ob;
    self->wr_prev = nullptr;
    self->wr_next = nullptr;
    self->wr_callback = callback ? new_ref(callback).release() : nullptr;
    self->vectorcall = nullptr;
}

Ref<> cannot_create(Object* ob)
{
    return format_error(Exc_TypeError, "cannot create weak reference to '%s' object", Py_TYPE(ob)->tp_name);
}

// --- weakref.ref ------------------------------------------------------------------

void weakref_dealloc(Object* self)
{
    clear_weakref(W(self));
    object_dealloc_memory(self);
}

int weakref_traverse(Object* self, visitproc visit, void* arg)
{
    return W(self)->wr_callback ? visit(W(self)->wr_callback, arg) : 0;
}

int weakref_tp_clear(Object* self)
{
    clear_weakref(W(self));
    return 0;
}

// Calling a reference gives the referent, or None once it has died.
Ref<> weakref_vectorcall(Object* self, Object* const*, std::size_t nargsf, Object* kwnames)
{
    if (!check_no_kwnames("weakref", kwnames)) return nullptr;
    if (!check_positional("weakref", vectorcall_nargs(nargsf), 0, 0))
        return nullptr;
    return new_ref(W(self)->wr_object);
}

Ref<> weakref_call(Object* self, Object* args, Object* kwargs)
{
    if (!check_no_kwargs("weakref", kwargs)) return nullptr;
    if (!check_positional("weakref", tuple_size(args), 0, 0)) return nullptr;
    return new_ref(W(self)->wr_object);
}

// A reference hashes as its referent did, computed once: the hash stays
// usable after the referent dies (weak-keyed dictionaries rely on it).
Py_hash_t weakref_hash(Object* op)
{
    WeakReference* self = W(op);
    if (self->hash != -1) return self->hash;
    if (is_dead(self)) {
        set_error(Exc_TypeError, "weak object has gone away");
        return -1;
    }
    Ref<> obj = new_ref(self->wr_object);
    self->hash = object_hash(obj.get());
    return self->hash;
}

Ref<> weakref_repr(Object* op)
{
    WeakReference* self = W(op);
    if (is_dead(self)) return unicode_from_format("<weakref at %p; dead>", op);
    Ref<> obj = new_ref(self->wr_object);
    Ref<> name;
    if (object_lookup_attr(obj.get(), intern_id("__name__"), &name) < 0) return nullptr;
    if (!name || !unicode_check(name.get()))
        return unicode_from_format("<weakref at %p; to '%s' at %p>", op, Py_TYPE(obj.get())->tp_name, obj.get());
    return unicode_from_format("<weakref at %p; to '%s' at %p (%U)>", op, Py_TYPE(obj.get())->tp_name, obj.get(),
                               name.get());
}

// Live references compare as their referents; once either is dead, only
// identity counts. Only == and != are defined.
Ref<> weakref_richcompare(Object* self, Object* other, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !weakref_check_ref(self) || !weakref_check_ref(other))
        return not_implemented_ref();
    if (is_dead(W(self)) || is_dead(W(other))) {
        bool res = self == other;
        return bool_from_long(op == Py_NE ? !res : res);
    }
    Ref<> a = new_ref(W(self)->wr_object);
    Ref<> b = new_ref(W(other)->wr_object);
    return object_rich_compare(a.get(), b.get(), op);
}

// parse_weakref_init_args: (ob[, callback]) from a tuple.
bool parse_weakref_init_args(const char* funcname, Object* args, Object** obp, Object** callbackp)
{
    Py_ssize_t n = tuple_size(args);
    if (!check_positional(funcname, n, 1, 2)) return false;
    *obp = tuple_item(args, 0);
    *callbackp = n > 1 ? tuple_item(args, 1) : nullptr;
    return true;
}

// weakref___new__: keyword arguments are ignored here (__init__ refuses
// them), as in CPython.
Ref<> weakref___new__(TypeObject* type, Object* args, Object*)
{
    Object *ob, *callback;
    if (!parse_weakref_init_args("__new__", args, &ob, &callback)) return nullptr;
    if (!type_supports_weakrefs(Py_TYPE(ob))) return cannot_create(ob);
    if (callback == Py_None()) callback = nullptr;
    Object** list = object_weaklist_ptr(ob);
    WeakReference *ref, *proxy;
    get_basic_refs(static_cast<WeakReference*>(*list), &ref, &proxy);
    const bool basic = !callback && type == &Weakref_RefType;
    if (basic && ref) return new_ref<Object>(ref);
    Ref<> self = type->tp_alloc(type, 0);
    if (!self) return nullptr;
    init_weakref(W(self.get()), ob, callback);
    if (type == &Weakref_RefType) W(self.get())->vectorcall = weakref_vectorcall;
    // tp_alloc may have run code (a collection) that made a basic ref.
    get_basic_refs(static_cast<WeakReference*>(*list), &ref, &proxy);
    if (basic && ref) return new_ref<Object>(ref);
    link_new(W(self.get()), list, basic, false);
    return self;
}

int weakref___init__(Object*, Object* args, Object* kwargs)
{
    Object *ob, *callback;
    if (!check_no_kwargs("ref", kwargs)) return -1;
    return parse_weakref_init_args("__init__", args, &ob, &callback) ? 0 : -1;
}

MemberDef weakref_members[] = {
    {"__callback__", T_OBJECT, offsetof(WeakReference, wr_callback), READONLY, nullptr},
    {},
};

MethodDef weakref_methods[] = {
    method_o("__class_getitem__", generic_alias_class_getitem, "See PEP 585", METH_CLASS),
    {},
};

// --- Proxies ----------------------------------------------------------------------
//
// A proxy forwards every operation to its referent; each operand that is a
// proxy is replaced by its referent first (UNWRAP), and a dead proxy
// raises ReferenceError.

bool proxy_checkref(WeakReference* proxy)
{
    if (is_dead(proxy)) {
        set_error(Exc_ReferenceError, "weakly-referenced object no longer exists");
        return false;
    }
    return true;
}

// UNWRAP: a new reference to o, or to its referent when o is a proxy;
// null (ReferenceError set) for a dead proxy.
Ref<> unwrap(Object* o)
{
    if (weakref_check_proxy(o)) {
        if (!proxy_checkref(W(o))) return nullptr;
        return new_ref(W(o)->wr_object);
    }
    return new_ref(o);
}

template <Ref<> (*F)(Object*)>
Ref<> proxy_unary(Object* proxy)
{
    Ref<> o = unwrap(proxy);
    if (!o) return nullptr;
    return F(o.get());
}

template <Ref<> (*F)(Object*, Object*)>
Ref<> proxy_binary(Object* x, Object* y)
{
    Ref<> a = unwrap(x);
    if (!a) return nullptr;
    Ref<> b = unwrap(y);
    if (!b) return nullptr;
    return F(a.get(), b.get());
}

// In-place operators rebind nothing: the proxy stays a proxy, so the
// result of the operation on the referent is what `p += x` yields.
template <Ref<> (*F)(Object*, Object*, Object*)>
Ref<> proxy_ternary(Object* x, Object* y, Object* z)
{
    Ref<> a = unwrap(x);
    if (!a) return nullptr;
    Ref<> b = unwrap(y);
    if (!b) return nullptr;
    Ref<> c = unwrap(z);
    if (!c) return nullptr;
    return F(a.get(), b.get(), c.get());
}

Ref<> proxy_getattr(Object* proxy, Object* name)
{
    Ref<> o = unwrap(proxy);
    if (!o) return nullptr;
    return object_get_attr(o.get(), name);
}

int proxy_setattr(Object* proxy, Object* name, Object* value)
{
    Ref<> o = unwrap(proxy);
    if (!o) return -1;
    return object_set_attr(o.get(), name, value);
}

Ref<> proxy_richcompare(Object* proxy, Object* v, int op)
{
    Ref<> a = unwrap(proxy);
    if (!a) return nullptr;
    Ref<> b = unwrap(v);
    if (!b) return nullptr;
    return object_rich_compare(a.get(), b.get(), op);
}

Ref<> proxy_call(Object* proxy, Object* args, Object* kwargs)
{
    Ref<> o = unwrap(proxy);
    if (!o) return nullptr;
    return object_call(o.get(), args, kwargs);
}

Ref<> proxy_str(Object* proxy) { return proxy_unary<object_str>(proxy); }

Ref<> proxy_repr(Object* op)
{
    Object* obj = W(op)->wr_object;
    return unicode_from_format("<weakproxy at %p to %s at %p>", op, Py_TYPE(obj)->tp_name, obj);
}

int proxy_bool(Object* proxy)
{
    Ref<> o = unwrap(proxy);
    if (!o) return -1;
    return object_is_true(o.get());
}

Py_ssize_t proxy_length(Object* proxy)
{
    Ref<> o = unwrap(proxy);
    if (!o) return -1;
    return object_size(o.get());
}

int proxy_contains(Object* proxy, Object* value)
{
    Ref<> o = unwrap(proxy);
    if (!o) return -1;
    return sequence_contains(o.get(), value);
}

Ref<> proxy_getitem(Object* proxy, Object* key) { return proxy_binary<object_get_item>(proxy, key); }

int proxy_setitem(Object* proxy, Object* key, Object* value)
{
    Ref<> o = unwrap(proxy);
    if (!o) return -1;
    return value ? object_set_item(o.get(), key, value) : object_del_item(o.get(), key);
}

Ref<> proxy_iter(Object* proxy) { return proxy_unary<object_get_iter>(proxy); }

Ref<> proxy_iternext(Object* proxy)
{
    Ref<> o = unwrap(proxy);
    if (!o) return nullptr;
    if (!iter_check(o.get()))
        return format_error(Exc_TypeError, "Weakref proxy referenced a non-iterator '%.200s' object",
                            Py_TYPE(o.get())->tp_name);
    return iter_next(o.get());
}

Ref<> proxy_bytes(Object* proxy, Object*)
{
    Ref<> o = unwrap(proxy);
    if (!o) return nullptr;
    return call_method(o.get(), "__bytes__");
}

Ref<> proxy_reversed(Object* proxy, Object*)
{
    Ref<> o = unwrap(proxy);
    if (!o) return nullptr;
    return call_method(o.get(), "__reversed__");
}

void proxy_dealloc(Object* self)
{
    clear_weakref(W(self));
    object_dealloc_memory(self);
}

MethodDef proxy_methods[] = {
    method_noargs("__bytes__", proxy_bytes),
    method_noargs("__reversed__", proxy_reversed),
    {},
};

NumberMethods proxy_as_number = [] {
    NumberMethods n{};
    n.nb_add = proxy_binary<number_add>;
    n.nb_subtract = proxy_binary<number_subtract>;
    n.nb_multiply = proxy_binary<number_multiply>;
    n.nb_remainder = proxy_binary<number_remainder>;
    n.nb_divmod = proxy_binary<number_divmod>;
    n.nb_power = proxy_ternary<number_power>;
    n.nb_negative = proxy_unary<number_negative>;
    n.nb_positive = proxy_unary<number_positive>;
    n.nb_absolute = proxy_unary<number_absolute>;
    n.nb_bool = proxy_bool;
    n.nb_invert = proxy_unary<number_invert>;
    n.nb_lshift = proxy_binary<number_lshift>;
    n.nb_rshift = proxy_binary<number_rshift>;
    n.nb_and = proxy_binary<number_and>;
    n.nb_xor = proxy_binary<number_xor>;
    n.nb_or = proxy_binary<number_or>;
    n.nb_int = proxy_unary<number_long>;
    n.nb_float = proxy_unary<number_float>;
    n.nb_inplace_add = proxy_binary<number_inplace_add>;
    n.nb_inplace_subtract = proxy_binary<number_inplace_subtract>;
    n.nb_inplace_multiply = proxy_binary<number_inplace_multiply>;
    n.nb_inplace_remainder = proxy_binary<number_inplace_remainder>;
    n.nb_inplace_power = proxy_ternary<number_inplace_power>;
    n.nb_inplace_lshift = proxy_binary<number_inplace_lshift>;
    n.nb_inplace_rshift = proxy_binary<number_inplace_rshift>;
    n.nb_inplace_and = proxy_binary<number_inplace_and>;
    n.nb_inplace_xor = proxy_binary<number_inplace_xor>;
    n.nb_inplace_or = proxy_binary<number_inplace_or>;
    n.nb_floor_divide = proxy_binary<number_floor_divide>;
    n.nb_true_divide = proxy_binary<number_true_divide>;
    n.nb_inplace_floor_divide = proxy_binary<number_inplace_floor_divide>;
    n.nb_inplace_true_divide = proxy_binary<number_inplace_true_divide>;
    n.nb_index = proxy_unary<number_index>;
    n.nb_matrix_multiply = proxy_binary<number_matrix_multiply>;
    n.nb_inplace_matrix_multiply = proxy_binary<number_inplace_matrix_multiply>;
    return n;
}();

SequenceMethods proxy_as_sequence = [] {
    SequenceMethods s{};
    s.sq_contains = proxy_contains;
    return s;
}();

MappingMethods proxy_as_mapping = {proxy_length, proxy_getitem, proxy_setitem};

TypeObject make_proxy_type(const char* name, bool callable)
{
    TypeObject t = static_type(name, sizeof(WeakReference), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, nullptr);
    t.tp_dealloc = proxy_dealloc;
    t.tp_repr = proxy_repr;
    t.tp_as_number = &proxy_as_number;
    t.tp_as_sequence = &proxy_as_sequence;
    t.tp_as_mapping = &proxy_as_mapping;
    // A proxy is unhashable even when its referent is hashable: it could
    // not keep a stable hash once the referent dies.
    t.tp_hash = hash_not_implemented;
    if (callable) t.tp_call = proxy_call;
    t.tp_str = proxy_str;
    t.tp_getattro = proxy_getattr;
    t.tp_setattro = proxy_setattr;
    t.tp_traverse = weakref_traverse;
    t.tp_clear = weakref_tp_clear;
    t.tp_richcompare = proxy_richcompare;
    t.tp_iter = proxy_iter;
    t.tp_iternext = proxy_iternext;
    // Only the plain proxy has __bytes__ and __reversed__ (CPython's
    // callable proxy type has no tp_methods).
    if (!callable) t.tp_methods = proxy_methods;
    return t;
}

// handle_callback body, shared by object_clear_weakrefs and the collector.
void call_callback(Object* ref, Object* callback)
{
    Ref<> r = call_one_arg(callback, ref);
    if (!r) error_write_unraisable(callback);
}

}  // namespace

TypeObject Weakref_RefType = [] {
    TypeObject t = static_type("weakref.ReferenceType", sizeof(WeakReference), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                                   Py_TPFLAGS_HAVE_VECTORCALL,
                               nullptr);
    t.tp_vectorcall_offset = offsetof(WeakReference, vectorcall);
    t.tp_dealloc = weakref_dealloc;
    t.tp_repr = weakref_repr;
    t.tp_hash = weakref_hash;
    t.tp_call = weakref_call;
    t.tp_traverse = weakref_traverse;
    t.tp_clear = weakref_tp_clear;
    t.tp_richcompare = weakref_richcompare;
    t.tp_methods = weakref_methods;
    t.tp_members = weakref_members;
    t.tp_init = weakref___init__;
    t.tp_new = weakref___new__;
    return t;
}();

TypeObject Weakref_ProxyType = make_proxy_type("weakref.ProxyType", false);
TypeObject Weakref_CallableProxyType = make_proxy_type("weakref.CallableProxyType", true);

Object** object_weaklist_ptr(Object* op)
{
    TypeObject* tp = Py_TYPE(op);
    Py_ssize_t off = tp->tp_weaklistoffset;
    if (off == 0) return nullptr;
    if (off < 0) {
        // A str subclass keeps the field after its code points: counted
        // from the end of the object, which object_alloc_raw sized as
        // tp_basicsize + ob_size * tp_itemsize rounded up to a pointer (the
        // same rule object_get_dict_ptr applies to a negative tp_dictoffset).
        Py_ssize_t n = static_cast<VarObject*>(op)->ob_size;
        std::size_t size = static_cast<std::size_t>(tp->tp_basicsize) +
                           static_cast<std::size_t>(n < 0 ? -n : n) * static_cast<std::size_t>(tp->tp_itemsize);
        size = (size + sizeof(void*) - 1) & ~(sizeof(void*) - 1);
        off += static_cast<Py_ssize_t>(size);
    }
    return reinterpret_cast<Object**>(reinterpret_cast<char*>(op) + off);
}

Ref<> weakref_new_ref(Object* ob, Object* callback)
{
    if (!type_supports_weakrefs(Py_TYPE(ob))) return cannot_create(ob);
    Ref<> args = callback && callback != Py_None() ? tuple_pack({ob, callback}) : tuple_pack({ob});
    if (!args) return nullptr;
    return weakref___new__(&Weakref_RefType, args.get(), nullptr);
}

Ref<> weakref_new_proxy(Object* ob, Object* callback)
{
    if (!type_supports_weakrefs(Py_TYPE(ob))) return cannot_create(ob);
    if (callback == Py_None()) callback = nullptr;
    Object** list = object_weaklist_ptr(ob);
    WeakReference *ref, *proxy;
    get_basic_refs(static_cast<WeakReference*>(*list), &ref, &proxy);
    if (!callback && proxy) return new_ref<Object>(proxy);
    TypeObject* type = callable_check(ob) ? &Weakref_CallableProxyType : &Weakref_ProxyType;
    Ref<> self = object_new<Object>(type);
    if (!self) return nullptr;
    init_weakref(W(self.get()), ob, callback);
    // Allocation may have run code that made the basic proxy meanwhile.
    get_basic_refs(static_cast<WeakReference*>(*list), &ref, &proxy);
    if (!callback && proxy) return new_ref<Object>(proxy);
    link_new(W(self.get()), list, false, !callback);
    return self;
}

Py_ssize_t weakref_get_weakref_count(WeakReference* head)
{
    Py_ssize_t count = 0;
    for (; head; head = head->wr_next) ++count;
    return count;
}

void weakref_clear_ref(Object* wr)
{
    // Keep the callback: the collector calls it later if wr survives.
    WeakReference* self = W(wr);
    Object* callback = self->wr_callback;
    self->wr_callback = nullptr;
    clear_weakref(self);
    self->wr_callback = callback;
}

void weakref_handle_callback(Object* wr, Object* callback) { call_callback(wr, callback); }

void object_clear_weakrefs(Object* object)
{
    Object** list = object_weaklist_ptr(object);
    if (!list) return;
    // The shared callback-less ref and proxy die silently.
    for (int i = 0; i < 2; i++)
        if (*list && !W(*list)->wr_callback) clear_weakref(W(*list));
    if (!*list) return;
    // Callbacks may run arbitrary code, so every reference is cleared first
    // and the (reference, callback) pairs are kept aside; a reference that
    // is itself being deallocated (refcount 0) gets no callback. The
    // pending exception, if any, survives the calls.
    Ref<> saved = fetch_exception();
    Py_ssize_t count = weakref_get_weakref_count(W(*list));
    Ref<> pending = tuple_new(count * 2);
    if (!pending) {
        // No memory for the pairs: clear every reference without calling.
        while (*list) clear_weakref(W(*list));
        error_clear();
        restore_exception(std::move(saved));
        return;
    }
    WeakReference* current = W(*list);
    for (Py_ssize_t i = 0; i < count; i++) {
        WeakReference* next = current->wr_next;
        if (Py_REFCNT(current) > 0) {
            tuple_set_item(pending.get(), i * 2, new_ref<Object>(current).release());
            tuple_set_item(pending.get(), i * 2 + 1, current->wr_callback);  // reference moves
        } else {
            xdecref(current->wr_callback);
        }
        current->wr_callback = nullptr;
        clear_weakref(current);
        current = next;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        Object* callback = tuple_item(pending.get(), i * 2 + 1);
        if (callback) call_callback(tuple_item(pending.get(), i * 2), callback);
    }
    pending.reset();
    restore_exception(std::move(saved));
}

}  // namespace minipy::runtime
