// ceval_match.cpp: the structural pattern matching (PEP 634) helpers of
// the eval loop: MATCH_KEYS and MATCH_CLASS. Mirrors match_keys,
// match_class and match_class_attr of CPython 3.11 Python/ceval.c. Book
// chapter 8, "The Evaluation Loop".
//
// Both return null *without* an error when the pattern does not match
// (the instruction then pushes None), and null with an error for the
// TypeErrors/ValueErrors a malformed pattern or class raises.
#include "ceval.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/setobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::vm {

using namespace runtime;

// MATCH_KEYS: the values of subject (a mapping) for keys, through
// subject.get(key, dummy); null without an error when a key is missing.
Ref<> match_keys(Object* subject, Object* keys)
{
    Py_ssize_t nkeys = tuple_size(keys);
    if (nkeys == 0) return tuple_new(0);
    Ref<> get = object_get_attr(subject, intern_str("get"));
    Ref<> dummy = object_new<Object>(&BaseObject_Type);
    Ref<> seen = set_new(nullptr);
    Ref<> values = list_new(0);
    if (!get || !dummy || !seen || !values) return nullptr;
    for (Py_ssize_t i = 0; i < nkeys; i++) {
        Object* key = tuple_item(keys, i);
        int dup = sequence_contains(seen.get(), key);
        if (dup < 0) return nullptr;
        if (dup) return format_error(Exc_ValueError, "mapping pattern checks duplicate key (%R)", key);
        if (set_add(seen.get(), key) < 0) return nullptr;
        Ref<> value = call_function_objargs(get.get(), {key, dummy.get()});
        if (!value) return nullptr;
        if (value.get() == dummy.get()) return nullptr;
        if (list_append(values.get(), value.get()) < 0) return nullptr;
    }
    return list_as_tuple(values.get());
}

// match_class_attr: subject.name for a class pattern; null without an
// error when the attribute is missing.
static Ref<> match_class_attr(Object* subject, Object* type, Object* name, Object* seen)
{
    int dup = sequence_contains(seen, name);
    if (dup < 0) return nullptr;
    if (dup)
        return format_error(Exc_TypeError, "%s() got multiple sub-patterns for attribute %R",
                            static_cast<TypeObject*>(type)->tp_name, name);
    if (list_append(seen, name) < 0) return nullptr;
    Ref<> attr = object_get_attr(subject, name);
    if (!attr && error_matches(Exc_AttributeError)) error_clear();
    return attr;
}

// MATCH_CLASS: the attributes a class pattern's sub-patterns look at
// (__match_args__ for the positional ones), or null without an error when
// subject is not an instance of type or lacks one of them.
Ref<> match_class(Object* subject, Object* type, int nargs, Object* kwargs)
{
    if (!type_check(type)) return format_error(Exc_TypeError, "called match pattern must be a type");
    int is_inst = object_is_instance(subject, type);
    if (is_inst <= 0) return nullptr;
    auto* tp = static_cast<TypeObject*>(type);
    Ref<> seen = list_new(0);
    Ref<> attrs = list_new(0);
    if (!seen || !attrs) return nullptr;
    if (nargs) {
        Ref<> match_args;
        if (object_lookup_attr(type, intern_str("__match_args__"), &match_args) < 0) return nullptr;
        bool match_self = false;
        if (match_args) {
            if (!tuple_check_exact(match_args.get()))
                return format_error(Exc_TypeError, "%s.__match_args__ must be a tuple (got %s)", tp->tp_name,
                                    Py_TYPE(match_args.get())->tp_name);
        }
        else {
            match_args = tuple_new(0);
            if (!match_args) return nullptr;
            match_self = type_has_feature(tp, Py_TPFLAGS_MATCH_SELF);
        }
        Py_ssize_t allowed = match_self ? 1 : tuple_size(match_args.get());
        if (allowed < nargs)
            return format_error(Exc_TypeError, "%s() accepts %zd positional sub-pattern%s (%d given)", tp->tp_name,
                                allowed, allowed == 1 ? "" : "s", nargs);
        if (match_self) {
            if (list_append(attrs.get(), subject) < 0) return nullptr;
        }
        else {
            for (int i = 0; i < nargs; i++) {
                Object* name = tuple_item(match_args.get(), i);
                if (!unicode_check_exact(name))
                    return format_error(Exc_TypeError, "__match_args__ elements must be strings (got %s)",
                                        Py_TYPE(name)->tp_name);
                Ref<> attr = match_class_attr(subject, type, name, seen.get());
                if (!attr || list_append(attrs.get(), attr.get()) < 0) return nullptr;
            }
        }
    }
    for (Py_ssize_t i = 0; i < tuple_size(kwargs); i++) {
        Ref<> attr = match_class_attr(subject, type, tuple_item(kwargs, i), seen.get());
        if (!attr || list_append(attrs.get(), attr.get()) < 0) return nullptr;
    }
    return list_as_tuple(attrs.get());
}

}  // namespace minipy::vm
