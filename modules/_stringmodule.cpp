// _stringmodule.cpp: the _string module: formatter_parser and
// formatter_field_name_split, str.format()'s own parser exposed for
// string.Formatter (lib/string.py). Mirrors CPython 3.11
// Objects/stringlib/unicode_format.h (formatteriterator, fieldnameiterator)
// and Objects/unicodeobject.c (the _string module). Book chapter 12.
//
// The parsing is runtime's (unicode_format.h), the one str.format uses, so
// both accept and reject the same format strings with the same messages.
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicode_format.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::modules {

using namespace runtime;

namespace {

// formatteriterator: yields (literal, field_name, format_spec, conversion).
struct FormatterIterObject : Object {
    Object* str;  // owned: what it.str points into
    MarkupIterator it;
};

// fieldnameiterator: yields (is_attribute, key).
struct FieldNameIterObject : Object {
    Object* str;  // owned
    FieldNameIterator it;
};

extern TypeObject FormatterIter_Type;
extern TypeObject FieldNameIter_Type;

void formatteriter_dealloc(Object* op)
{
    clear_ref(static_cast<FormatterIterObject*>(op)->str);
    object_dealloc_memory(op);
}

void fieldnameiter_dealloc(Object* op)
{
    clear_ref(static_cast<FieldNameIterObject*>(op)->str);
    object_dealloc_memory(op);
}

Ref<> formatteriter_next(Object* self)
{
    auto* f = static_cast<FormatterIterObject*>(self);
    FormatMarkup m;
    int r = f->it.next(&m);
    if (r <= 0) return nullptr;  // the end (no error set) or an error
    Ref<> literal = unicode_substring(f->str, m.literal_start, m.literal_end);
    if (!literal) return nullptr;
    if (!m.has_field) return tuple_pack({literal.get(), Py_None(), Py_None(), Py_None()});
    Ref<> name = unicode_substring(f->str, m.name_start, m.name_end);
    Ref<> spec = unicode_substring(f->str, m.spec_start, m.spec_end);
    Ref<> conversion = m.conversion ? unicode_from_ordinal(m.conversion) : none_ref();
    if (!name || !spec || !conversion) return nullptr;
    return tuple_pack({literal.get(), name.get(), spec.get(), conversion.get()});
}

Ref<> fieldnameiter_next(Object* self)
{
    auto* f = static_cast<FieldNameIterObject*>(self);
    bool is_attribute = false;
    Ref<> key;
    int r = f->it.next(&is_attribute, &key);
    if (r <= 0) return nullptr;
    return tuple_pack({is_attribute ? Py_True() : Py_False(), key.get()});
}

TypeObject FormatterIter_Type = [] {
    TypeObject t = static_type("formatteriterator", sizeof(FormatterIterObject), 0, Py_TPFLAGS_DEFAULT, nullptr);
    t.tp_dealloc = formatteriter_dealloc;
    t.tp_getattro = object_generic_get_attr;
    t.tp_iter = object_self_iter;
    t.tp_iternext = formatteriter_next;
    return t;
}();

TypeObject FieldNameIter_Type = [] {
    TypeObject t = static_type("fieldnameiterator", sizeof(FieldNameIterObject), 0, Py_TPFLAGS_DEFAULT, nullptr);
    t.tp_dealloc = fieldnameiter_dealloc;
    t.tp_getattro = object_generic_get_attr;
    t.tp_iter = object_self_iter;
    t.tp_iternext = fieldnameiter_next;
    return t;
}();

Ref<> string_formatter_parser(Object*, Object* str)
{
    if (!unicode_check(str)) return format_error(Exc_TypeError, "expected str, got %s", Py_TYPE(str)->tp_name);
    Ref<FormatterIterObject> f = object_new<FormatterIterObject>(&FormatterIter_Type);
    if (!f) return nullptr;
    f->str = new_ref(str).release();
    f->it = markup_iterator(str, 0, unicode_length(str));
    return f;
}

Ref<> string_formatter_field_name_split(Object*, Object* str)
{
    if (!unicode_check(str)) return format_error(Exc_TypeError, "expected str, got %s", Py_TYPE(str)->tp_name);
    Ref<FieldNameIterObject> f = object_new<FieldNameIterObject>(&FieldNameIter_Type);
    if (!f) return nullptr;
    f->str = new_ref(str).release();
    Ref<> first = field_name_split(str, 0, unicode_length(str), &f->it);
    if (!first) return nullptr;
    return tuple_pack({first.get(), f.get()});
}

MethodDef string_methods[] = {
    method_o("formatter_field_name_split", string_formatter_field_name_split,
             "split the argument as a field name"),
    method_o("formatter_parser", string_formatter_parser, "parse the argument as a format string"),
    {},
};

}  // namespace

Ref<> string_module_create()
{
    for (TypeObject* t : {&FormatterIter_Type, &FieldNameIter_Type})
        if (!(t->tp_flags & Py_TPFLAGS_READY) && type_ready(t) < 0) return nullptr;
    Ref<> mod = module_new("_string");
    if (!mod || module_add_functions(mod.get(), string_methods) < 0) return nullptr;
    Ref<> doc = unicode_from_string("string helper module");
    if (!doc || module_add_object(mod.get(), "__doc__", doc.get()) < 0) return nullptr;
    return mod;
}

}  // namespace minipy::modules
