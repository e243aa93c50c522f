// typeobject_pickle.cpp: object's default pickling support: __reduce__,
// __reduce_ex__, __getstate__, and the copyreg reconstructors they name.
// Mirrors the pickling section of CPython 3.11 Objects/typeobject.c
// (object___reduce_ex___impl, _common_reduce, reduce_newobj,
// _PyObject_GetNewArguments, object_getstate_default, _PyObject_GetItemsIter).
// Book chapter 11.
//
// What pickle and copy get from object.__reduce_ex__(protocol):
//   a class's own __reduce__ (not object's) wins: its result is returned;
//   protocol >= 2: (copyreg.__newobj__, (cls, *args), state, listitems,
//     dictitems), args from __getnewargs_ex__/__getnewargs__ (with keyword
//     arguments: copyreg.__newobj_ex__, (cls, args, kwargs)); state from
//     __getstate__; listitems/dictitems iterate a list/dict subclass;
//   protocols 0 and 1: copyreg._reduce_ex(obj, protocol) in Python
//     (lib/copyreg.py), the copyreg._reconstructor form.
// copyreg is imported through builtins.__import__, as PyImport_Import does.
#include <climits>
#include <utility>

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/pystate.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/typeobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

namespace {

Ref<> import_copyreg()
{
    // The import system lives in the vm; builtins.__import__ reaches it.
    InterpreterState* interp = interpreter_get();
    Object* import = interp->builtins ? dict_get_item_string(interp->builtins, "__import__") : nullptr;
    if (!import) return format_error(Exc_ImportError, "__import__ not found");
    Ref<> name = unicode_from_string("copyreg");
    if (!name) return nullptr;
    Ref<> args = tuple_pack({name.get()});
    if (!args) return nullptr;
    return object_call(import, args.get(), nullptr);
}

// _PyObject_GetNewArguments: the arguments __new__ must be called with to
// recreate obj; both stay null when the class defines neither method.
int get_new_arguments(Object* obj, Ref<>* args, Ref<>* kwargs)
{
    if (Ref<> getnewargs_ex = lookup_special(obj, "__getnewargs_ex__")) {
        Ref<> res = call_no_args(getnewargs_ex.get());
        if (!res) return -1;
        if (!tuple_check(res.get())) {
            format_error(Exc_TypeError, "__getnewargs_ex__ should return a tuple, not '%.200s'",
                         Py_TYPE(res.get())->tp_name);
            return -1;
        }
        if (tuple_size(res.get()) != 2) {
            format_error(Exc_ValueError, "__getnewargs_ex__ should return a tuple of length 2, not %zd",
                         tuple_size(res.get()));
            return -1;
        }
        Object* a = tuple_item(res.get(), 0);
        Object* k = tuple_item(res.get(), 1);
        if (!tuple_check(a)) {
            format_error(Exc_TypeError,
                         "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '%.200s'",
                         Py_TYPE(a)->tp_name);
            return -1;
        }
        if (!dict_check(k)) {
            format_error(Exc_TypeError,
                         "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '%.200s'",
                         Py_TYPE(k)->tp_name);
            return -1;
        }
        *args = new_ref(a);
        *kwargs = new_ref(k);
        return 0;
    }
    if (error_occurred()) return -1;
    if (Ref<> getnewargs = lookup_special(obj, "__getnewargs__")) {
        Ref<> res = call_no_args(getnewargs.get());
        if (!res) return -1;
        if (!tuple_check(res.get())) {
            format_error(Exc_TypeError, "__getnewargs__ should return a tuple, not '%.200s'",
                         Py_TYPE(res.get())->tp_name);
            return -1;
        }
        *args = std::move(res);
        return 0;
    }
    return error_occurred() ? -1 : 0;
}

// The memory an instance of a class statement's type may hold beyond
// object's without C-level state the default reduction cannot see: the
// __dict__ and __weakref__ pointers and one pointer per slot. A larger
// instance has a built-in base with fields of its own (a property's
// getter, a file's descriptor), which only its own __reduce__ can save.
bool has_hidden_state(Object* obj, Object* slotnames)
{
    TypeObject* type = Py_TYPE(obj);
    Py_ssize_t expected = BaseObject_Type.tp_basicsize;
    if (object_get_dict_ptr(obj)) expected += static_cast<Py_ssize_t>(sizeof(Object*));
    if (type->tp_weaklistoffset) expected += static_cast<Py_ssize_t>(sizeof(Object*));
    if (slotnames != Py_None()) expected += static_cast<Py_ssize_t>(sizeof(Object*)) * list_size(slotnames);
    return type->tp_basicsize > expected;
}

// object_getstate_default: the instance __dict__ (None when empty), paired
// with a {slot: value} dict when slots hold values. `required`: the state
// alone must recreate the object (no __new__ arguments), so variable-size
// and hidden C state cannot be pickled.
Ref<> getstate_default(Object* obj, bool required)
{
    if (required && Py_TYPE(obj)->tp_itemsize)
        return format_error(Exc_TypeError, "cannot pickle %.200s objects", Py_TYPE(obj)->tp_name);
    Object** dictptr = object_get_dict_ptr(obj);
    Ref<> state = dictptr && *dictptr && dict_size(*dictptr) ? new_ref(*dictptr) : none_ref();
    Ref<> slotnames = type_slot_names(Py_TYPE(obj));
    if (!slotnames) return nullptr;
    if (required && has_hidden_state(obj, slotnames.get()))
        return format_error(Exc_TypeError, "cannot pickle '%.200s' object", Py_TYPE(obj)->tp_name);
    if (slotnames.get() == Py_None() || list_size(slotnames.get()) == 0) return state;
    Ref<> slots = dict_new();
    if (!slots) return nullptr;
    Py_ssize_t count = list_size(slotnames.get());
    for (Py_ssize_t i = 0; i < list_size(slotnames.get()); i++) {
        Object* name = list_item(slotnames.get(), i);
        Ref<> value;
        if (object_lookup_attr(obj, name, &value) < 0) return nullptr;
        if (value && dict_set_item(slots.get(), name, value.get()) < 0) return nullptr;
        // The list is the class's cached __slotnames__: a getter may change it.
        if (count != list_size(slotnames.get()))
            return format_error(Exc_RuntimeError, "__slotsname__ changed size during iteration");
    }
    if (dict_size(slots.get()) == 0) return state;
    return tuple_pack({state.get(), slots.get()});
}

// object_getstate: an overriding __getstate__ is called as it is; object's
// own gets `required`.
Ref<> getstate(Object* obj, bool required)
{
    Ref<> method = object_get_attr_string(obj, "__getstate__");
    if (!method) return nullptr;
    if (Py_TYPE(method.get()) == &CFunction_Type) {
        auto* f = static_cast<CFunctionObject*>(method.get());
        if (f->m_self == obj && f->m_ml->ml_meth == object_getstate) return getstate_default(obj, required);
    }
    return call_no_args(method.get());
}

Ref<> reduce_newobj(Object* obj)
{
    TypeObject* cls = Py_TYPE(obj);
    if (!cls->tp_new) return format_error(Exc_TypeError, "cannot pickle '%.200s' object", cls->tp_name);
    Ref<> args, kwargs;
    if (get_new_arguments(obj, &args, &kwargs) < 0) return nullptr;
    Ref<> copyreg = import_copyreg();
    if (!copyreg) return nullptr;
    bool hasargs = static_cast<bool>(args);
    Ref<> newobj, newargs;
    if (!kwargs || dict_size(kwargs.get()) == 0) {
        newobj = object_get_attr_string(copyreg.get(), "__newobj__");
        if (!newobj) return nullptr;
        Py_ssize_t n = args ? tuple_size(args.get()) : 0;
        newargs = tuple_new(n + 1);
        if (!newargs) return nullptr;
        tuple_set_item(newargs.get(), 0, new_ref(cls).release());
        for (Py_ssize_t i = 0; i < n; i++) tuple_set_item(newargs.get(), i + 1, new_ref(tuple_item(args.get(), i)).release());
    } else {
        newobj = object_get_attr_string(copyreg.get(), "__newobj_ex__");
        if (!newobj) return nullptr;
        newargs = tuple_pack({cls, args.get(), kwargs.get()});
        if (!newargs) return nullptr;
    }
    Ref<> state = getstate(obj, !(hasargs || list_check(obj) || dict_check(obj)));
    if (!state) return nullptr;
    // _PyObject_GetItemsIter: list and dict subclasses hand over their items.
    Ref<> listitems = list_check(obj) ? object_get_iter(obj) : none_ref();
    if (!listitems) return nullptr;
    Ref<> dictitems;
    if (dict_check(obj)) {
        Ref<> items = call_method(obj, "items");
        if (!items) return nullptr;
        dictitems = object_get_iter(items.get());
    } else {
        dictitems = none_ref();
    }
    if (!dictitems) return nullptr;
    return tuple_pack({newobj.get(), newargs.get(), state.get(), listitems.get(), dictitems.get()});
}

// _common_reduce
Ref<> common_reduce(Object* self, int proto)
{
    if (proto >= 2) return reduce_newobj(self);
    Ref<> copyreg = import_copyreg();
    if (!copyreg) return nullptr;
    Ref<> p = long_from_long(proto);
    if (!p) return nullptr;
    return call_method(copyreg.get(), "_reduce_ex", {self, p.get()});
}

}  // namespace

Ref<> object_getstate(Object* self, Object*) { return getstate_default(self, false); }

Ref<> object_get_state(Object* obj) { return getstate(obj, false); }

Ref<> object_reduce(Object* self, Object*) { return common_reduce(self, 0); }

Ref<> object_reduce_ex(Object* self, Object* protocol)
{
    // Argument Clinic's int converter (_PyLong_AsInt).
    Ref<> index = number_index(protocol);
    if (!index) return nullptr;
    int overflow;
    long long proto = long_as_long_long_and_overflow(index.get(), &overflow);
    if (overflow || proto > INT_MAX || proto < INT_MIN)
        return format_error(Exc_OverflowError, "Python int too large to convert to C int");
    // A __reduce__ other than object's (on the class, as the class sees it)
    // is the object's own reduction.
    Ref<> reduce;
    if (object_lookup_attr(self, intern_id("__reduce__"), &reduce) < 0) return nullptr;
    if (reduce) {
        Ref<> cls_reduce = object_get_attr(Py_TYPE(self), intern_id("__reduce__"));
        if (!cls_reduce) return nullptr;
        Object* obj_reduce = dict_get_item_string(BaseObject_Type.tp_dict, "__reduce__");
        if (cls_reduce.get() != obj_reduce) return call_no_args(reduce.get());
    }
    return common_reduce(self, static_cast<int>(proto));
}

}  // namespace minipy::runtime
