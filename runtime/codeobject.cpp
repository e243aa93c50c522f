// codeobject.cpp: the code type.
// Mirrors CPython 3.11 Objects/codeobject.c. Book chapters 7 and 11.
#include "minipy/runtime/codeobject.h"

#include <cmath>
#include <cstring>
#include <utility>
#include <vector>

#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/complexobject.h"
#include "minipy/runtime/floatobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/opcode.h"
#include "minipy/runtime/setobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

namespace {

CodeObject* C(Object* o) { return static_cast<CodeObject*>(o); }

bool all_str(Object* tuple)
{
    for (Py_ssize_t i = 0; i < tuple_size(tuple); i++)
        if (!unicode_check(tuple_item(tuple, i))) return false;
    return true;
}

Ref<> names_of_kind(CodeObject* co, std::uint8_t kind)
{
    std::vector<Object*> names;
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        auto k = static_cast<std::uint8_t>(bytes_as_string(co->co_localspluskinds)[i]);
        if (k & kind) names.push_back(tuple_item(co->co_localsplusnames, i));
    }
    return tuple_from_array(names.data(), static_cast<Py_ssize_t>(names.size()));
}

}  // namespace

Ref<> code_new(const CodeConstructor& con)
{
    // _PyCode_Validate
    if (!con.filename || !unicode_check(con.filename) || !con.name || !unicode_check(con.name) || !con.qualname ||
        !unicode_check(con.qualname) || !con.code || !bytes_check(con.code) || !con.linetable ||
        !bytes_check(con.linetable) || !con.consts || !tuple_check(con.consts) || !con.names ||
        !tuple_check(con.names) || !con.localsplusnames || !tuple_check(con.localsplusnames) ||
        !con.localspluskinds || !bytes_check(con.localspluskinds) || !con.exceptiontable ||
        !bytes_check(con.exceptiontable) || con.argcount < con.posonlyargcount || con.posonlyargcount < 0 ||
        con.kwonlyargcount < 0 || con.stacksize < 0 || !all_str(con.names) || !all_str(con.localsplusnames) ||
        tuple_size(con.localsplusnames) != bytes_size(con.localspluskinds))
        return error_bad_internal_call();
    if (bytes_size(con.code) % 2 != 0) return format_error(Exc_ValueError, "code: co_code is malformed");
    int nlocalsplus = static_cast<int>(tuple_size(con.localsplusnames));
    int nlocals = 0, ncellvars = 0, nplaincellvars = 0, nfreevars = 0;
    for (int i = 0; i < nlocalsplus; i++) {
        auto kind = static_cast<std::uint8_t>(bytes_as_string(con.localspluskinds)[i]);
        if (kind & CO_FAST_LOCAL) {
            nlocals++;
            if (kind & CO_FAST_CELL) ncellvars++;
        } else if (kind & CO_FAST_CELL) {
            ncellvars++;
            nplaincellvars++;
        } else if (kind & CO_FAST_FREE) {
            nfreevars++;
        }
    }
    int nargs = con.argcount + con.kwonlyargcount + ((con.flags & CO_VARARGS) ? 1 : 0) + ((con.flags & CO_VARKEYWORDS) ? 1 : 0);
    if (nlocals < nargs) return format_error(Exc_ValueError, "code: co_varnames is too small");
    Py_ssize_t size = bytes_size(con.code) / 2;
    Ref<CodeObject> co = object_new<CodeObject>(&Code_Type, size);
    if (!co) return nullptr;
    Ref<> filename = new_ref(con.filename), name = new_ref(con.name), qualname = new_ref(con.qualname);
    unicode_intern_in_place(&filename);
    unicode_intern_in_place(&name);
    unicode_intern_in_place(&qualname);
    co->co_filename = filename.release();
    co->co_name = name.release();
    co->co_qualname = qualname.release();
    co->co_flags = con.flags;
    co->co_firstlineno = con.firstlineno;
    co->co_linetable = new_ref(con.linetable).release();
    co->co_consts = new_ref(con.consts).release();
    co->co_names = new_ref(con.names).release();
    co->co_localsplusnames = new_ref(con.localsplusnames).release();
    co->co_localspluskinds = new_ref(con.localspluskinds).release();
    co->co_argcount = con.argcount;
    co->co_posonlyargcount = con.posonlyargcount;
    co->co_kwonlyargcount = con.kwonlyargcount;
    co->co_stacksize = con.stacksize;
    co->co_exceptiontable = new_ref(con.exceptiontable).release();
    co->co_nlocalsplus = nlocalsplus;
    co->co_nlocals = nlocals;
    co->co_nplaincellvars = nplaincellvars;
    co->co_ncellvars = ncellvars;
    co->co_nfreevars = nfreevars;
    co->co_warmup = 8;  // QUICKENING_INITIAL_WARMUP_VALUE
    std::memcpy(co->co_code_adaptive, bytes_as_string(con.code), static_cast<std::size_t>(bytes_size(con.code)));
    return co;
}

// _PyCode_ConstantKey. Python's == says 0 == 0.0 == False == 0j and
// 0.0 == -0.0, so a dict keyed by the constants themselves would merge
// them; the key wraps each constant so that two keys are equal only for the
// same value of the same type, with the sign of float and complex zeros
// kept apart. None, Ellipsis, int, str and code objects are their own keys
// (no other type's value equals theirs); a tuple's key is (the tuple of its
// items' keys, the tuple), a frozenset's (the frozenset of its items' keys,
// the frozenset); any other object is keyed by its identity.
Ref<> code_constant_key(Object* op)
{
    if (op == Py_None() || op == Py_Ellipsis() || long_check_exact(op) || unicode_check_exact(op) || code_check(op))
        return new_ref(op);
    if (bool_check(op) || bytes_check_exact(op))  // bytes: no BytesWarning against str
        return tuple_pack({Py_TYPE(op), op});
    if (float_check_exact(op)) {
        double d = float_value(op);
        if (d == 0.0 && std::signbit(d)) return tuple_pack({Py_TYPE(op), op, Py_None()});
        return tuple_pack({Py_TYPE(op), op});
    }
    if (Py_TYPE(op) == &Complex_Type) {
        // All four complex zeros differ; True/False/None tag the sign pattern.
        Py_complex z = static_cast<ComplexObject*>(op)->cval;
        bool real_neg = z.real == 0.0 && std::signbit(z.real), imag_neg = z.imag == 0.0 && std::signbit(z.imag);
        if (real_neg && imag_neg) return tuple_pack({Py_TYPE(op), op, Py_True()});
        if (imag_neg) return tuple_pack({Py_TYPE(op), op, Py_False()});
        if (real_neg) return tuple_pack({Py_TYPE(op), op, Py_None()});
        return tuple_pack({Py_TYPE(op), op});
    }
    if (tuple_check_exact(op)) {
        Ref<> keys = tuple_new(tuple_size(op));
        if (!keys) return nullptr;
        for (Py_ssize_t i = 0; i < tuple_size(op); i++) {
            Ref<> k = code_constant_key(tuple_item(op, i));
            if (!k) return nullptr;
            tuple_set_item(keys.get(), i, k.release());
        }
        return tuple_pack({keys.get(), op});
    }
    if (Py_TYPE(op) == &FrozenSet_Type) {
        // The item keys go through a tuple in iteration order, as in
        // CPython, so the key's own iteration order (and repr) matches.
        Ref<> keys = tuple_new(set_size(op));
        if (!keys) return nullptr;
        Py_ssize_t pos = 0, i = 0;
        Object* item;
        while (set_next(op, &pos, &item)) {
            Ref<> k = code_constant_key(item);
            if (!k) return nullptr;
            tuple_set_item(keys.get(), i++, k.release());
        }
        Ref<> fz = frozenset_new(keys.get());
        if (!fz) return nullptr;
        return tuple_pack({fz.get(), op});
    }
    Ref<> id = long_from_unsigned(reinterpret_cast<std::uintptr_t>(op));
    if (!id) return nullptr;
    return tuple_pack({id.get(), op});
}

Ref<> code_get_varnames(CodeObject* co) { return names_of_kind(co, CO_FAST_LOCAL); }
Ref<> code_get_cellvars(CodeObject* co) { return names_of_kind(co, CO_FAST_CELL); }
Ref<> code_get_freevars(CodeObject* co) { return names_of_kind(co, CO_FAST_FREE); }

Ref<> code_get_code(CodeObject* co)
{
    if (co->_co_code) return new_ref(co->_co_code);
    // The adaptive interpreter is not there yet: the bytes are the originals.
    Ref<> b = bytes_from_string_and_size(co->co_code_adaptive, co->ob_size * 2);
    if (!b) return nullptr;
    co->_co_code = new_ref(b.get()).release();
    return b;
}

namespace {

void code_dealloc(Object* op)
{
    CodeObject* co = C(op);
    for (Object** f : {&co->co_consts, &co->co_names, &co->co_exceptiontable, &co->co_localsplusnames,
                       &co->co_localspluskinds, &co->co_filename, &co->co_name, &co->co_qualname, &co->co_linetable,
                       &co->_co_code})
        clear_ref(*f);
    object_dealloc_memory(op);
}

Ref<> code_repr(Object* op)
{
    CodeObject* co = C(op);
    if (co->co_firstlineno != 0)
        return unicode_from_format("<code object %U at %p, file \"%U\", line %d>", co->co_name, op, co->co_filename,
                                   co->co_firstlineno);
    return unicode_from_format("<code object %U at %p, file \"%U\", line ?\?\?>", co->co_name, op, co->co_filename);
}

// code_richcompare. Compares what a code object means, not where it came
// from: co_qualname, co_filename, co_stacksize and co_nlocals are left out,
// the instructions are compared deoptimized and their inline caches skipped
// (the specializing interpreter rewrites both in place), and co_consts goes
// through the constant key so that code for `0` and for `0.0` differ.
Ref<> code_richcompare(Object* a, Object* b, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !code_check(a) || !code_check(b)) return not_implemented_ref();
    CodeObject *x = C(a), *y = C(b);
    int eq = object_rich_compare_bool(x->co_name, y->co_name, Py_EQ);
    if (eq > 0)
        eq = x->co_argcount == y->co_argcount && x->co_posonlyargcount == y->co_posonlyargcount &&
             x->co_kwonlyargcount == y->co_kwonlyargcount && x->co_flags == y->co_flags &&
             x->co_firstlineno == y->co_firstlineno && x->ob_size == y->ob_size;
    for (Py_ssize_t i = 0; eq > 0 && i < x->ob_size; i++) {
        _Py_CODEUNIT ux = code_units(x)[i], uy = code_units(y)[i];
        int opx = deoptimize(ux & 0xff), opy = deoptimize(uy & 0xff);
        eq = opx == opy && (ux >> 8) == (uy >> 8);
        i += cache_entries(opx);
    }
    if (eq > 0) {
        Ref<> kx = code_constant_key(x->co_consts), ky = code_constant_key(y->co_consts);
        if (!kx || !ky) return nullptr;
        eq = object_rich_compare_bool(kx.get(), ky.get(), Py_EQ);
    }
    for (auto [p, q] : {std::pair{x->co_names, y->co_names}, std::pair{x->co_localsplusnames, y->co_localsplusnames},
                        std::pair{x->co_linetable, y->co_linetable},
                        std::pair{x->co_exceptiontable, y->co_exceptiontable}}) {
        if (eq <= 0) break;
        eq = object_rich_compare_bool(p, q, Py_EQ);
    }
    if (eq < 0) return nullptr;
    return bool_from_long((eq == 1) == (op == Py_EQ));
}

// code_hash as 3.11.7 has it: the exclusive or of the hashed fields (3.12
// scrambles the instructions in too). Equal code objects hash alike since
// every field hashed here is also compared.
Py_hash_t code_hash(Object* op)
{
    CodeObject* co = C(op);
    Py_hash_t h = 0;
    for (Object* o : {co->co_name, co->co_consts, co->co_names, co->co_localsplusnames, co->co_linetable,
                      co->co_exceptiontable}) {
        Py_hash_t ho = object_hash(o);
        if (ho == -1) return -1;
        h ^= ho;
    }
    h ^= co->co_argcount ^ co->co_posonlyargcount ^ co->co_kwonlyargcount ^ co->co_flags;
    return h == -1 ? -2 : h;
}

Ref<> get_varnames(Object* op, void*) { return code_get_varnames(C(op)); }
Ref<> get_cellvars(Object* op, void*) { return code_get_cellvars(C(op)); }
Ref<> get_freevars(Object* op, void*) { return code_get_freevars(C(op)); }
Ref<> get_code(Object* op, void*) { return code_get_code(C(op)); }

GetSetDef code_getsets[] = {
    {"co_varnames", get_varnames, nullptr, nullptr, nullptr},
    {"co_cellvars", get_cellvars, nullptr, nullptr, nullptr},
    {"co_freevars", get_freevars, nullptr, nullptr, nullptr},
    {"co_code", get_code, nullptr, nullptr, nullptr},
    {},
};

MemberDef code_members[] = {
    {"co_argcount", T_INT, offsetof(CodeObject, co_argcount), READONLY, nullptr},
    {"co_posonlyargcount", T_INT, offsetof(CodeObject, co_posonlyargcount), READONLY, nullptr},
    {"co_kwonlyargcount", T_INT, offsetof(CodeObject, co_kwonlyargcount), READONLY, nullptr},
    {"co_stacksize", T_INT, offsetof(CodeObject, co_stacksize), READONLY, nullptr},
    {"co_flags", T_INT, offsetof(CodeObject, co_flags), READONLY, nullptr},
    {"co_nlocals", T_INT, offsetof(CodeObject, co_nlocals), READONLY, nullptr},
    {"co_consts", T_OBJECT, offsetof(CodeObject, co_consts), READONLY, nullptr},
    {"co_names", T_OBJECT, offsetof(CodeObject, co_names), READONLY, nullptr},
    {"co_filename", T_OBJECT, offsetof(CodeObject, co_filename), READONLY, nullptr},
    {"co_name", T_OBJECT, offsetof(CodeObject, co_name), READONLY, nullptr},
    {"co_qualname", T_OBJECT, offsetof(CodeObject, co_qualname), READONLY, nullptr},
    {"co_firstlineno", T_INT, offsetof(CodeObject, co_firstlineno), READONLY, nullptr},
    {"co_linetable", T_OBJECT, offsetof(CodeObject, co_linetable), READONLY, nullptr},
    {"co_exceptiontable", T_OBJECT, offsetof(CodeObject, co_exceptiontable), READONLY, nullptr},
    {},
};

}  // namespace

TypeObject Code_Type = [] {
    TypeObject t = static_type("code", offsetof(CodeObject, co_code_adaptive), sizeof(_Py_CODEUNIT), Py_TPFLAGS_DEFAULT,
                               "Create a code object.  Not for the faint of heart.");
    t.tp_dealloc = code_dealloc;
    t.tp_repr = code_repr;
    t.tp_hash = code_hash;
    t.tp_getattro = object_generic_get_attr;
    t.tp_richcompare = code_richcompare;
    t.tp_members = code_members;
    t.tp_getset = code_getsets;
    return t;
}();

}  // namespace minipy::runtime
