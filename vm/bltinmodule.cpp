// bltinmodule.cpp: the builtins module: print, len, range, isinstance,
// __build_class__ and the rest of what every program can use unqualified.
// Mirrors CPython 3.11 Python/bltinmodule.c (including its map, filter and
// zip types). Book chapter 8; the built-in types themselves are the
// runtime's (chapter 11).
//
// Builtins that need the running frame (globals(), locals(), vars()) read
// the vm's current InterpreterFrame; __build_class__ runs a class body
// through eval_vector with the new namespace as the frame's f_locals.
#include <cstdio>
#include <cstring>
#include <string>
#include <unistd.h>

#include "ceval.h"
#include "minipy/compiler/compile.h"
#include "minipy/runtime/buffer.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/cellobject.h"
#include "minipy/runtime/classobject.h"
#include "minipy/runtime/codeobject.h"
#include "minipy/runtime/complexobject.h"
#include "minipy/runtime/bytearrayobject.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/floatobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/rangeobject.h"
#include "minipy/runtime/setobject.h"
#include "minipy/runtime/sliceobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/typeobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "iterators.h"
#include "myreadline.h"

namespace minipy::vm {

using namespace runtime;

namespace {

// Keyword arguments of a fastcall builtin: finds `name` among kwnames
// (borrowed value or null). Unknown names are reported by check_kwnames.
Object* kwarg(Object* const* args, Py_ssize_t nargs, Object* kwnames, const char* name)
{
    if (!kwnames) return nullptr;
    for (Py_ssize_t i = 0; i < tuple_size(kwnames); i++)
        if (unicode_equal_to_ascii(tuple_item(kwnames, i), name)) return args[nargs + i];
    return nullptr;
}

// "'x' is an invalid keyword argument for print()" (3.11 getargs.c wording
// for builtins parsed with _PyArg_Parser) unless every keyword is one of
// `allowed`.
bool check_kwnames(const char* fname, Object* kwnames, std::initializer_list<const char*> allowed)
{
    if (!kwnames) return true;
    for (Py_ssize_t i = 0; i < tuple_size(kwnames); i++) {
        Object* key = tuple_item(kwnames, i);
        bool ok = false;
        for (const char* a : allowed) ok = ok || unicode_equal_to_ascii(key, a);
        if (!ok) {
            format_error(Exc_TypeError, "'%U' is an invalid keyword argument for %s()", key, fname);
            return false;
        }
    }
    return true;
}

Object* current_globals()
{
    InterpreterFrame* f = frame_stack().current;
    return f ? f->f_globals : nullptr;
}

// --- __build_class__ ---------------------------------------------------------

// _PyType_CalculateMetaclass: the most derived metaclass among meta and
// the bases' types.
TypeObject* calculate_metaclass(TypeObject* meta, Object* bases)
{
    TypeObject* winner = meta;
    for (Py_ssize_t i = 0; i < tuple_size(bases); i++) {
        TypeObject* tmptype = Py_TYPE(tuple_item(bases, i));
        if (type_is_subtype(winner, tmptype)) continue;
        if (type_is_subtype(tmptype, winner)) {
            winner = tmptype;
            continue;
        }
        set_error(Exc_TypeError, "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                                 "subclass of the metaclasses of all its bases");
        return nullptr;
    }
    return winner;
}

// update_bases (PEP 560): a base that is not a class but has
// __mro_entries__ is replaced by the classes that method returns. The
// original tuple comes back unchanged when no base needed replacing.
Ref<> update_bases(Object* bases)
{
    Ref<> new_bases;  // a list, made at the first replacement
    for (Py_ssize_t i = 0; i < tuple_size(bases); i++) {
        Object* base = tuple_item(bases, i);
        Ref<> meth;
        if (!type_check(base) && object_lookup_attr(base, intern_str("__mro_entries__"), &meth) < 0) return nullptr;
        if (!meth) {
            if (new_bases && list_append(new_bases.get(), base) < 0) return nullptr;
            continue;
        }
        Ref<> entries = call_function_objargs(meth.get(), {bases});
        if (!entries) return nullptr;
        if (!tuple_check(entries.get())) return format_error(Exc_TypeError, "__mro_entries__ must return a tuple");
        if (!new_bases) {
            new_bases = list_new(0);
            if (!new_bases) return nullptr;
            for (Py_ssize_t j = 0; j < i; j++)
                if (list_append(new_bases.get(), tuple_item(bases, j)) < 0) return nullptr;
        }
        for (Py_ssize_t j = 0; j < tuple_size(entries.get()); j++)
            if (list_append(new_bases.get(), tuple_item(entries.get(), j)) < 0) return nullptr;
    }
    if (!new_bases) return new_ref(bases);
    return sequence_tuple(new_bases.get());
}

Ref<> builtin___build_class__(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    if (nargs < 2) return format_error(Exc_TypeError, "__build_class__: not enough arguments");
    Object* func = args[0];
    if (!function_check(func)) return format_error(Exc_TypeError, "__build_class__: func must be a function");
    Object* name = args[1];
    if (!unicode_check(name)) return format_error(Exc_TypeError, "__build_class__: name is not a string");
    Ref<> orig_bases = tuple_from_array(args + 2, nargs - 2);
    if (!orig_bases) return nullptr;
    Ref<> bases = update_bases(orig_bases.get());
    if (!bases) return nullptr;

    Ref<> mkw;
    Ref<> meta;
    if (kwnames && tuple_size(kwnames)) {
        mkw = dict_new();
        if (!mkw) return nullptr;
        for (Py_ssize_t i = 0; i < tuple_size(kwnames); i++)
            if (dict_set_item(mkw.get(), tuple_item(kwnames, i), args[nargs + i]) < 0) return nullptr;
        if (Object* m = dict_get_item_with_error(mkw.get(), intern_str("metaclass"))) {
            meta = new_ref(m);
            if (dict_del_item(mkw.get(), intern_str("metaclass")) < 0) return nullptr;
        }
        else if (error_occurred()) {
            return nullptr;
        }
    }
    bool isclass;
    if (!meta) {
        meta = new_ref<Object>(tuple_size(bases.get()) ? Py_TYPE(tuple_item(bases.get(), 0)) : &Type_Type);
        isclass = true;
    }
    else {
        isclass = type_check(meta.get());
    }
    if (isclass) {
        TypeObject* winner = calculate_metaclass(static_cast<TypeObject*>(meta.get()), bases.get());
        if (!winner) return nullptr;
        meta = new_ref<Object>(winner);
    }

    // The namespace: meta.__prepare__(name, bases, **kwds), or a dict.
    Ref<> prep;
    if (object_lookup_attr(meta.get(), intern_str("__prepare__"), &prep) < 0) return nullptr;
    Ref<> ns;
    if (!prep) {
        ns = dict_new();
    }
    else {
        Ref<> pargs = tuple_pack({name, bases.get()});
        if (!pargs) return nullptr;
        ns = object_call(prep.get(), pargs.get(), mkw.get());
    }
    if (!ns) return nullptr;
    if (!mapping_check(ns.get())) {
        return format_error(Exc_TypeError, "%.200s.__prepare__() must return a mapping, not %.200s",
                            isclass ? static_cast<TypeObject*>(meta.get())->tp_name : "<metaclass>",
                            Py_TYPE(ns.get())->tp_name);
    }

    // Run the class body with ns as its local namespace. It returns the
    // __class__ cell when methods use super() or __class__.
    Ref<> cell = eval_vector(static_cast<FunctionObject*>(func), ns.get(), nullptr, 0, nullptr);
    if (!cell) return nullptr;
    if (bases.get() != orig_bases.get() && object_set_item(ns.get(), intern_str("__orig_bases__"), orig_bases.get()) < 0)
        return nullptr;
    Ref<> margs = tuple_pack({name, bases.get(), ns.get()});
    if (!margs) return nullptr;
    Ref<> cls = object_call(meta.get(), margs.get(), mkw.get());
    if (!cls) return nullptr;
    if (type_check(cls.get()) && cell_check(cell.get())) {
        // type_new_set_classcell: the cell now names the class; the
        // __classcell__ entry of the namespace does not stay in the class.
        cell_set(cell.get(), new_ref(cls.get()).release());
        Object* dict = static_cast<TypeObject*>(cls.get())->tp_dict;
        if (dict && dict_get_item_with_error(dict, intern_str("__classcell__"))) {
            if (dict_del_item(dict, intern_str("__classcell__")) < 0) return nullptr;
        }
        if (error_occurred()) return nullptr;
    }
    return cls;
}

// --- I/O -----------------------------------------------------------------------

// breakpoint(*args, **kws): calls sys.breakpointhook with the arguments.
Ref<> builtin_breakpoint(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* sysdict = interpreter_get()->sysdict;
    Object* hook = sysdict ? dict_get_item_string(sysdict, "breakpointhook") : nullptr;
    if (!hook) return format_error(Exc_RuntimeError, "lost sys.breakpointhook");
    Ref<> keep = new_ref(hook);
    return object_vectorcall(hook, args, static_cast<std::size_t>(nargs), kwnames);
}

Ref<> builtin_print(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    if (!check_kwnames("print", kwnames, {"sep", "end", "file", "flush"})) return nullptr;
    Object* sep = kwarg(args, nargs, kwnames, "sep");
    Object* end = kwarg(args, nargs, kwnames, "end");
    Object* file = kwarg(args, nargs, kwnames, "file");
    Object* flush = kwarg(args, nargs, kwnames, "flush");
    if (sep == Py_None()) sep = nullptr;
    if (end == Py_None()) end = nullptr;
    if (sep && !unicode_check(sep))
        return format_error(Exc_TypeError, "sep must be None or a string, not %.200s", Py_TYPE(sep)->tp_name);
    if (end && !unicode_check(end))
        return format_error(Exc_TypeError, "end must be None or a string, not %.200s", Py_TYPE(end)->tp_name);
    Ref<> file_ref;
    if (!file || file == Py_None()) {
        Object* sysdict = interpreter_get()->sysdict;
        file = sysdict ? dict_get_item_string(sysdict, "stdout") : nullptr;
        if (!file || file == Py_None()) return none_ref();  // sys.stdout is None: print does nothing
    }
    file_ref = new_ref(file);
    Ref<> write = object_get_attr(file, intern_str("write"));
    if (!write) return nullptr;
    auto write_str = [&](Object* s) -> bool { return static_cast<bool>(call_one_arg(write.get(), s)); };
    for (Py_ssize_t i = 0; i < nargs; i++) {
        if (i > 0) {
            if (sep) {
                if (!write_str(sep)) return nullptr;
            }
            else {
                Ref<> space = unicode_from_string(" ");
                if (!space || !write_str(space.get())) return nullptr;
            }
        }
        Ref<> s = object_str(args[i]);
        if (!s || !write_str(s.get())) return nullptr;
    }
    if (end) {
        if (!write_str(end)) return nullptr;
    }
    else {
        Ref<> nl = unicode_from_string("\n");
        if (!nl || !write_str(nl.get())) return nullptr;
    }
    if (flush) {
        int truth = object_is_true(flush);
        if (truth < 0) return nullptr;
        if (truth && !call_method(file, "flush")) return nullptr;
    }
    return none_ref();
}

// A standard stream of sys for input(): RuntimeError when it is missing
// or None.
Object* input_stream(const char* name)
{
    Object* sysdict = interpreter_get()->sysdict;
    Object* f = sysdict ? dict_get_item_string(sysdict, name) : nullptr;
    if (!f || f == Py_None()) {
        format_error(Exc_RuntimeError, "input(): lost sys.%s", name);
        return nullptr;
    }
    return f;
}

// Whether f.fileno() is fd and that descriptor is a terminal (errors of
// fileno() mean "no").
bool is_tty_stream(Object* f, int fd)
{
    Ref<> n = call_method(f, "fileno");
    if (!n) {
        error_clear();
        return false;
    }
    long long v = long_as_long_long(n.get());
    if (v == -1 && error_occurred()) {
        error_clear();
        return false;
    }
    return v == fd && isatty(fd);
}

// input() on a terminal (PyOS_Readline through the REPL's reader): the
// prompt encoded for sys.stdout, the line decoded as sys.stdin decodes.
Ref<> input_tty(Object* fin, Object* fout, Object* prompt)
{
    Ref<> flushed = call_method(fout, "flush");
    if (!flushed) return nullptr;
    std::string prompt_text;
    if (prompt) {
        Ref<> s = object_str(prompt);
        Ref<> enc = s ? object_get_attr_string(fout, "encoding") : nullptr;
        Ref<> errors = enc ? object_get_attr_string(fout, "errors") : nullptr;
        Ref<> b = errors ? call_method(s.get(), "encode", {enc.get(), errors.get()}) : nullptr;
        if (!b) return nullptr;
        if (!bytes_check(b.get())) return format_error(Exc_TypeError, "bad prompt");
        prompt_text.assign(bytes_view(b.get()));
    }
    std::string line;
    ReadlineStatus status = os_readline(prompt_text, &line);
    if (status == ReadlineStatus::Interrupt) {
        set_error_object(Exc_KeyboardInterrupt, nullptr);
        return nullptr;
    }
    if (status == ReadlineStatus::Eof || line.empty()) return format_error(Exc_EOFError, "EOF when reading a line");
    if (line.back() == '\n') line.pop_back();
    Ref<> enc = object_get_attr_string(fin, "encoding");
    Ref<> errors = enc ? object_get_attr_string(fin, "errors") : nullptr;
    Ref<> b = errors ? bytes_from_view(line) : nullptr;
    return b ? call_method(b.get(), "decode", {enc.get(), errors.get()}) : nullptr;
}

// input([prompt]) (builtin_input_impl): sys.stderr is flushed; on a
// terminal the line is read as the interactive loop reads it; otherwise
// the prompt goes to sys.stdout, which is flushed, and the line is
// sys.stdin.readline() without its newline; EOFError at the end of input.
Ref<> builtin_input(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("input", nargs, 0, 1)) return nullptr;
    Object* fin = input_stream("stdin");
    Object* fout = fin ? input_stream("stdout") : nullptr;
    Object* ferr = fout ? input_stream("stderr") : nullptr;
    if (!ferr) return nullptr;
    Ref<> keep_in = new_ref(fin), keep_out = new_ref(fout), keep_err = new_ref(ferr);
    if (!call_method(ferr, "flush")) error_clear();
    if (is_tty_stream(fin, 0) && is_tty_stream(fout, 1)) return input_tty(fin, fout, nargs ? args[0] : nullptr);
    if (nargs == 1) {
        Ref<> prompt = object_str(args[0]);
        if (!prompt || !call_method(fout, "write", {prompt.get()})) return nullptr;
    }
    if (!call_method(fout, "flush")) return nullptr;
    // PyFile_GetLine(f, -1).
    Ref<> line = call_method(fin, "readline");
    if (!line) return nullptr;
    if (!unicode_check(line.get()))
        return format_error(Exc_TypeError, "object.readline() returned non-string");
    Py_ssize_t n = unicode_length(line.get());
    if (n == 0) return format_error(Exc_EOFError, "EOF when reading a line");
    if (unicode_read_char(line.get(), n - 1) == '\n') return unicode_substring(line.get(), 0, n - 1);
    return line;
}

// --- objects ---------------------------------------------------------------------

Ref<> builtin_len(Object*, Object* obj)
{
    Py_ssize_t n = object_size(obj);
    if (n < 0) return nullptr;
    return long_from_ssize_t(n);
}

Ref<> builtin_repr(Object*, Object* obj) { return object_repr(obj); }
Ref<> builtin_ascii(Object*, Object* obj) { return object_ascii(obj); }
Ref<> builtin_abs(Object*, Object* obj) { return number_absolute(obj); }
Ref<> builtin_callable(Object*, Object* obj) { return bool_from_long(callable_check(obj)); }

Ref<> builtin_id(Object*, Object* obj)
{
    return long_from_unsigned(static_cast<unsigned long long>(reinterpret_cast<std::uintptr_t>(obj)));
}

Ref<> builtin_hash(Object*, Object* obj)
{
    Py_hash_t h = object_hash(obj);
    if (h == -1) return nullptr;
    return long_from_ssize_t(h);
}

Ref<> format_number(Object* number, int base)
{
    Ref<> index = number_index(number);
    if (!index) return nullptr;
    return long_format(index.get(), base);
}
Ref<> builtin_bin(Object*, Object* obj) { return format_number(obj, 2); }
Ref<> builtin_oct(Object*, Object* obj) { return format_number(obj, 8); }
Ref<> builtin_hex(Object*, Object* obj) { return format_number(obj, 16); }

Ref<> builtin_chr(Object*, Object* obj)
{
    Ref<> index = number_index(obj);
    if (!index) return nullptr;
    int overflow = 0;
    long long v = long_as_long_long_and_overflow(index.get(), &overflow);
    if (v == -1 && error_occurred()) return nullptr;
    if (overflow) return format_error(Exc_OverflowError, "Python int too large to convert to C int");
    if (v < 0 || v > 0x10ffff) return format_error(Exc_ValueError, "chr() arg not in range(0x110000)");
    return unicode_from_ordinal(static_cast<Py_UCS4>(v));
}

Ref<> builtin_ord(Object*, Object* obj)
{
    if (unicode_check(obj)) {
        if (unicode_length(obj) == 1) return long_from_long(unicode_read_char(obj, 0));
        return format_error(Exc_TypeError, "ord() expected a character, but string of length %zd found",
                            unicode_length(obj));
    }
    if (bytes_check(obj) || bytearray_check(obj)) {
        Py_ssize_t size = object_size(obj);
        if (size == 1) {
            const char* data = bytes_check(obj) ? bytes_as_string(obj) : bytearray_view(obj).data();
            return long_from_long(static_cast<unsigned char>(data[0]));
        }
        return format_error(Exc_TypeError, "ord() expected a character, but string of length %zd found", size);
    }
    return format_error(Exc_TypeError, "ord() expected string of length 1, but %.200s found", Py_TYPE(obj)->tp_name);
}

Ref<> builtin_isinstance(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("isinstance", nargs, 2, 2)) return nullptr;
    int r = object_is_instance(args[0], args[1]);
    if (r < 0) return nullptr;
    return bool_from_long(r);
}

Ref<> builtin_issubclass(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("issubclass", nargs, 2, 2)) return nullptr;
    int r = object_is_subclass(args[0], args[1]);
    if (r < 0) return nullptr;
    return bool_from_long(r);
}

Ref<> builtin_getattr(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("getattr", nargs, 2, 3)) return nullptr;
    if (!unicode_check(args[1])) return format_error(Exc_TypeError, "attribute name must be string, not '%.200s'",
                                                     Py_TYPE(args[1])->tp_name);
    if (nargs == 2) return object_get_attr(args[0], args[1]);
    Ref<> result;
    if (object_lookup_attr(args[0], args[1], &result) < 0) return nullptr;
    return result ? result : new_ref(args[2]);
}

Ref<> builtin_setattr(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("setattr", nargs, 3, 3)) return nullptr;
    if (object_set_attr(args[0], args[1], args[2]) < 0) return nullptr;
    return none_ref();
}

Ref<> builtin_delattr(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("delattr", nargs, 2, 2)) return nullptr;
    if (object_set_attr(args[0], args[1], nullptr) < 0) return nullptr;
    return none_ref();
}

Ref<> builtin_hasattr(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("hasattr", nargs, 2, 2)) return nullptr;
    if (!unicode_check(args[1])) return format_error(Exc_TypeError, "attribute name must be string, not '%.200s'",
                                                     Py_TYPE(args[1])->tp_name);
    Ref<> v;
    int r = object_lookup_attr(args[0], args[1], &v);
    if (r < 0) return nullptr;
    return bool_from_long(r);
}

Ref<> builtin_format(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("format", nargs, 1, 2)) return nullptr;
    return object_format(args[0], nargs == 2 ? args[1] : nullptr);
}

Ref<> builtin_divmod(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("divmod", nargs, 2, 2)) return nullptr;
    return number_divmod(args[0], args[1]);
}

Ref<> builtin_pow(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* out[3];
    if (!parse_args_fastkw("pow", args, nargs, kwnames, {"base", "exp", "mod"}, 2, out)) return nullptr;
    return number_power(out[0], out[1], out[2] ? out[2] : Py_None());
}

Ref<> builtin_round(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* out[2];
    if (!parse_args_fastkw("round", args, nargs, kwnames, {"number", "ndigits"}, 1, out)) return nullptr;
    Ref<> round = lookup_special(out[0], intern_str("__round__"));
    if (!round) {
        if (!error_occurred())
            format_error(Exc_TypeError, "type %.100s doesn't define __round__ method", Py_TYPE(out[0])->tp_name);
        return nullptr;
    }
    if (!out[1] || out[1] == Py_None()) return call_no_args(round.get());
    return call_one_arg(round.get(), out[1]);
}

Ref<> builtin_iter(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("iter", nargs, 1, 2)) return nullptr;
    if (nargs == 1) return object_get_iter(args[0]);
    if (!callable_check(args[0])) return format_error(Exc_TypeError, "iter(v, w): v must be callable");
    return calliter_new(args[0], args[1]);
}

Ref<> builtin_next(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("next", nargs, 1, 2)) return nullptr;
    Object* it = args[0];
    if (!iter_check(it))
        return format_error(Exc_TypeError, "'%.200s' object is not an iterator", Py_TYPE(it)->tp_name);
    Ref<> res = Py_TYPE(it)->tp_iternext(it);
    if (res) return res;
    if (nargs > 1) {
        if (error_occurred()) {
            if (!error_matches(Exc_StopIteration)) return nullptr;
            error_clear();
        }
        return new_ref(args[1]);
    }
    if (!error_occurred()) set_error_none(Exc_StopIteration);
    return nullptr;
}

// aiter(async_iterable): PyObject_GetAIter.
Ref<> builtin_aiter(Object*, Object* obj)
{
    Ref<> getter = lookup_special(obj, intern_str("__aiter__"));
    if (!getter) {
        if (error_occurred()) return nullptr;
        return format_error(Exc_TypeError, "'%.200s' object is not an async iterable", Py_TYPE(obj)->tp_name);
    }
    Ref<> it = call_no_args(getter.get());
    if (!it) return nullptr;
    if (!type_lookup(Py_TYPE(it.get()), intern_str("__anext__")))
        return format_error(Exc_TypeError, "aiter() returned not an async iterator of type '%.100s'",
                            Py_TYPE(it.get())->tp_name);
    return it;
}

// anext(aiterator[, default]): the awaitable of aiterator.__anext__(); with
// a default, wrapped so that the end of the iteration awaits to it.
Ref<> builtin_anext(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("anext", nargs, 1, 2)) return nullptr;
    Ref<> getter = lookup_special(args[0], intern_str("__anext__"));
    if (!getter) {
        if (error_occurred()) return nullptr;
        return format_error(Exc_TypeError, "'%.200s' object is not an async iterator", Py_TYPE(args[0])->tp_name);
    }
    Ref<> awaitable = call_no_args(getter.get());
    if (!awaitable || nargs == 1) return awaitable;
    return anextawaitable_new(awaitable.get(), args[1]);
}

Ref<> builtin_all(Object*, Object* iterable)
{
    bool result = true;
    Ref<> it = object_get_iter(iterable);
    if (!it) return nullptr;
    while (Ref<> item = iter_next(it.get())) {
        int t = object_is_true(item.get());
        if (t < 0) return nullptr;
        if (!t) {
            result = false;
            break;
        }
    }
    if (error_occurred()) return nullptr;
    return bool_from_long(result);
}

Ref<> builtin_any(Object*, Object* iterable)
{
    bool result = false;
    Ref<> it = object_get_iter(iterable);
    if (!it) return nullptr;
    while (Ref<> item = iter_next(it.get())) {
        int t = object_is_true(item.get());
        if (t < 0) return nullptr;
        if (t) {
            result = true;
            break;
        }
    }
    if (error_occurred()) return nullptr;
    return bool_from_long(result);
}

Ref<> builtin_sum(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    // iterable is positional-only (sum(iterable, /, start=0)).
    if (nargs < 1) return format_error(Exc_TypeError, "sum() takes at least 1 positional argument (0 given)");
    Object* out[2];
    if (!parse_args_fastkw("sum", args, nargs, kwnames, {"iterable", "start"}, 1, out)) return nullptr;
    Object* start = out[1];
    if (start) {
        if (unicode_check(start))
            return format_error(Exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
        if (bytes_check(start))
            return format_error(Exc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
        if (bytearray_check(start))
            return format_error(Exc_TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
    }
    Ref<> result = start ? new_ref(start) : long_from_long(0);
    Ref<> it = object_get_iter(out[0]);
    if (!it) return nullptr;
    while (Ref<> item = iter_next(it.get())) {
        result = number_add(result.get(), item.get());
        if (!result) return nullptr;
    }
    if (error_occurred()) return nullptr;
    return result;
}

// min_max: min() and max() over one iterable or several arguments, with
// key= and default=.
Ref<> min_max(Object* const* args, Py_ssize_t nargs, Object* kwnames, int op)
{
    const char* name = op == Py_LT ? "min" : "max";
    if (!check_kwnames(name, kwnames, {"key", "default"})) return nullptr;
    Object* keyfunc = kwarg(args, nargs, kwnames, "key");
    Object* defaultval = kwarg(args, nargs, kwnames, "default");
    if (keyfunc == Py_None()) keyfunc = nullptr;
    if (nargs == 0) return format_error(Exc_TypeError, "%s expected at least 1 argument, got 0", name);
    Ref<> it;
    if (nargs == 1) {
        it = object_get_iter(args[0]);
    }
    else {
        if (defaultval)
            return format_error(Exc_TypeError, "Cannot specify a default for %s() with multiple positional arguments",
                                name);
        Ref<> tuple = tuple_from_array(args, nargs);
        if (!tuple) return nullptr;
        it = object_get_iter(tuple.get());
    }
    if (!it) return nullptr;
    Ref<> maxitem, maxval;
    while (Ref<> item = iter_next(it.get())) {
        Ref<> val = keyfunc ? call_one_arg(keyfunc, item.get()) : item;
        if (!val) return nullptr;
        if (!maxval) {
            maxitem = item;
            maxval = val;
            continue;
        }
        int cmp = object_rich_compare_bool(val.get(), maxval.get(), op);
        if (cmp < 0) return nullptr;
        if (cmp > 0) {
            maxitem = item;
            maxval = val;
        }
    }
    if (error_occurred()) return nullptr;
    if (!maxitem) {
        if (defaultval) return new_ref(defaultval);
        return format_error(Exc_ValueError, "%s() arg is an empty sequence", name);
    }
    return maxitem;
}

Ref<> builtin_min(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    return min_max(args, nargs, kwnames, Py_LT);
}
Ref<> builtin_max(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    return min_max(args, nargs, kwnames, Py_GT);
}

Ref<> builtin_sorted(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    if (nargs != 1) return format_error(Exc_TypeError, "sorted expected 1 argument, got %zd", nargs);
    if (!check_kwnames("sort", kwnames, {"key", "reverse"})) return nullptr;
    Object* key = kwarg(args, nargs, kwnames, "key");
    Object* reverse = kwarg(args, nargs, kwnames, "reverse");
    Ref<> list = sequence_list(args[0]);
    if (!list) return nullptr;
    int rev = 0;
    if (reverse) {
        rev = object_is_true(reverse);
        if (rev < 0) return nullptr;
    }
    if (list_sort(list.get(), key == Py_None() ? nullptr : key, rev != 0) < 0) return nullptr;
    return list;
}

Ref<> builtin_globals(Object*, Object*)
{
    Object* g = current_globals();
    return new_ref(g ? g : Py_None());
}

// locals(): the namespace of a module or class body, or a fresh dict of a
// function's bound fast locals and cells.
Ref<> builtin_locals(Object*, Object*)
{
    InterpreterFrame* f = frame_stack().current;
    if (!f) return none_ref();
    if (f->f_locals) return new_ref(f->f_locals);
    Ref<> d = dict_new();
    if (!d) return nullptr;
    CodeObject* co = f->f_code;
    const char* kinds = bytes_as_string(co->co_localspluskinds);
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        Object* value = f->localsplus[i];
        if (!value) continue;
        auto kind = static_cast<std::uint8_t>(kinds[i]);
        if (kind & (CO_FAST_CELL | CO_FAST_FREE)) {
            // A cell slot may still hold a plain argument before MAKE_CELL.
            if (cell_check(value)) value = cell_get(value);
            if (!value) continue;
        }
        if (dict_set_item(d.get(), tuple_item(co->co_localsplusnames, i), value) < 0) return nullptr;
    }
    return d;
}

Ref<> builtin_vars(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("vars", nargs, 0, 1)) return nullptr;
    if (nargs == 0) return builtin_locals(self, nullptr);
    Ref<> d;
    if (object_lookup_attr(args[0], intern_str("__dict__"), &d) < 0) return nullptr;
    if (!d) return format_error(Exc_TypeError, "vars() argument must have __dict__ attribute");
    return d;
}

Ref<> builtin_dir(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("dir", nargs, 0, 1)) return nullptr;
    Ref<> names;
    if (nargs == 0) {
        Ref<> locals = builtin_locals(self, nullptr);
        if (!locals) return nullptr;
        names = sequence_list(locals.get());
    }
    else {
        Ref<> dirfunc = lookup_special(args[0], intern_str("__dir__"));
        if (!dirfunc) {
            if (!error_occurred()) format_error(Exc_TypeError, "object does not provide __dir__");
            return nullptr;
        }
        Ref<> result = call_no_args(dirfunc.get());
        if (!result) return nullptr;
        names = sequence_list(result.get());
    }
    if (!names || list_sort(names.get()) < 0) return nullptr;
    return names;
}

// __import__(name, globals=None, locals=None, fromlist=(), level=0)
Ref<> builtin___import__(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* out[5];
    if (!parse_args_fastkw("__import__", args, nargs, kwnames, {"name", "globals", "locals", "fromlist", "level"}, 1,
                           out))
        return nullptr;
    int level = 0;
    if (out[4]) {
        Py_ssize_t l = long_as_ssize_t(out[4]);
        if (l == -1 && error_occurred()) return nullptr;
        level = static_cast<int>(l);
    }
    return import_module_level(out[0], out[1], out[3], level);
}

// exec/eval of a code object, or of source compiled by minipy's compiler.
Ref<> exec_or_eval(const char* fname, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* out[3];
    if (!parse_args_fastkw(fname, args, nargs, kwnames, {"source", "globals", "locals"}, 1, out)) return nullptr;
    Object* globals = out[1] == Py_None() ? nullptr : out[1];
    Object* locals = out[2] == Py_None() ? nullptr : out[2];
    const bool is_eval = std::strcmp(fname, "eval") == 0;
    // builtin_eval_impl checks locals first, builtin_exec_impl globals
    // first, and they word the errors differently.
    if (is_eval) {
        if (locals && !mapping_check(locals)) return format_error(Exc_TypeError, "locals must be a mapping");
        if (globals && !dict_check(globals))
            return format_error(Exc_TypeError, mapping_check(globals)
                                                   ? "globals must be a real dict; try eval(expr, {}, mapping)"
                                                   : "globals must be a dict");
    }
    else {
        if (globals && !dict_check(globals))
            return format_error(Exc_TypeError, "exec() globals must be a dict, not %.100s", Py_TYPE(globals)->tp_name);
        if (locals && !mapping_check(locals))
            return format_error(Exc_TypeError, "locals must be a mapping or None, not %.100s", Py_TYPE(locals)->tp_name);
    }
    Ref<> frame_locals;  // keeps a function frame's locals() snapshot alive
    if (!globals) {
        InterpreterFrame* f = frame_stack().current;
        if (!f) return format_error(Exc_SystemError, "%s(): no current frame", fname);
        globals = f->f_globals;
        if (!locals) {
            // CPython passes PyEval_GetLocals(): in a function that is a dict
            // of its fast locals, never the module's globals, so exec()
            // cannot rebind a function's variables or create globals.
            frame_locals = builtin_locals(nullptr, nullptr);
            if (!frame_locals) return nullptr;
            locals = frame_locals.get();
        }
    }
    if (!locals) locals = globals;
    if (!dict_get_item_string(globals, "__builtins__")) {
        if (dict_set_item_string(globals, "__builtins__", interpreter_get()->builtins) < 0) return nullptr;
    }
    Ref<> code = new_ref(out[0]);
    if (!code_check(out[0])) {
        std::string source;
        if (unicode_check(out[0])) source = unicode_to_std(out[0]);
        else if (bytes_check(out[0])) source.assign(bytes_as_string(out[0]), static_cast<std::size_t>(bytes_size(out[0])));
        else
            return format_error(Exc_TypeError, is_eval ? "eval() arg 1 must be a string, bytes or code object"
                                                      : "exec() arg 1 must be a string, bytes or code object");
        if (is_eval) {
            // eval() ignores leading spaces and tabs, as CPython does.
            std::size_t i = source.find_first_not_of(" \t");
            source.erase(0, i == std::string::npos ? source.size() : i);
        }
        code = compiler::compile_source(source, "<string>",
                                        is_eval ? compiler::CompileMode::Eval : compiler::CompileMode::Exec);
        if (!code) return nullptr;
    }
    return eval_code(code.get(), globals, locals);
}

// compile(source, filename, mode): minipy's compiler as a builtin.
Ref<> builtin_compile(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* out[6];
    if (!parse_args_fastkw("compile", args, nargs, kwnames,
                           {"source", "filename", "mode", "flags", "dont_inherit", "optimize"}, 3, out))
        return nullptr;
    if (code_check(out[0])) return new_ref(out[0]);
    std::string source;
    if (unicode_check(out[0])) source = unicode_to_std(out[0]);
    else if (bytes_check(out[0])) source.assign(bytes_as_string(out[0]), static_cast<std::size_t>(bytes_size(out[0])));
    else return format_error(Exc_TypeError, "compile() arg 1 must be a string, bytes or AST object");
    if (!unicode_check(out[1])) return format_error(Exc_TypeError, "compile() argument 'filename' must be str");
    if (!unicode_check(out[2])) return format_error(Exc_TypeError, "compile() argument 'mode' must be str");
    compiler::CompileMode mode;
    if (unicode_equal_to_ascii(out[2], "exec")) mode = compiler::CompileMode::Exec;
    else if (unicode_equal_to_ascii(out[2], "eval")) mode = compiler::CompileMode::Eval;
    else if (unicode_equal_to_ascii(out[2], "single")) mode = compiler::CompileMode::Single;
    else return format_error(Exc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    int optimize = -1;
    if (out[5]) {
        optimize = static_cast<int>(long_as_long_long(out[5]));
        if (optimize == -1 && error_occurred()) return nullptr;
    }
    return compiler::compile_source(source, unicode_to_std(out[1]), mode, optimize);
}

Ref<> builtin_exec(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Ref<> r = exec_or_eval("exec", args, nargs, kwnames);
    return r ? none_ref() : nullptr;
}
Ref<> builtin_eval(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    return exec_or_eval("eval", args, nargs, kwnames);
}

MethodDef builtin_methods[] = {
    method_fastkw("__build_class__", builtin___build_class__,
                  "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class"),
    method_fastkw("__import__", builtin___import__, "Import a module."),
    method_fastkw("breakpoint", builtin_breakpoint, "Call sys.breakpointhook(*args, **kws)."),
    method_o("abs", builtin_abs, "Return the absolute value of the argument."),
    method_o("aiter", builtin_aiter, "Return an AsyncIterator for an AsyncIterable object."),
    method_o("all", builtin_all, "Return True if bool(x) is True for all values x in the iterable."),
    method_fast("anext", builtin_anext, "Return the next item from the async iterator."),
    method_o("any", builtin_any, "Return True if bool(x) is True for any x in the iterable."),
    method_o("ascii", builtin_ascii, "Return an ASCII-only representation of an object."),
    method_o("bin", builtin_bin, "Return the binary representation of an integer."),
    method_o("callable", builtin_callable, "Return whether the object is callable."),
    method_o("chr", builtin_chr, "Return a Unicode string of one character with ordinal i."),
    method_fastkw("compile", builtin_compile, "Compile source into a code object that can be executed by exec() or eval()."),
    method_fast("delattr", builtin_delattr, "Deletes the named attribute from the given object."),
    method_fast("dir", builtin_dir, "Show attributes of an object."),
    method_fast("divmod", builtin_divmod, "Return the tuple (x//y, x%y)."),
    method_fastkw("eval", builtin_eval, "Evaluate the given source in the context of globals and locals."),
    method_fastkw("exec", builtin_exec, "Execute the given source in the context of globals and locals."),
    method_fast("format", builtin_format, "Return value.__format__(format_spec)"),
    method_fast("getattr", builtin_getattr, "Get a named attribute from an object."),
    method_fast("input", builtin_input, "Read a string from standard input."),
    method_noargs("globals", builtin_globals, "Return the dictionary containing the current scope's global variables."),
    method_fast("hasattr", builtin_hasattr, "Return whether the object has an attribute with the given name."),
    method_o("hash", builtin_hash, "Return the hash value for the given object."),
    method_o("hex", builtin_hex, "Return the hexadecimal representation of an integer."),
    method_o("id", builtin_id, "Return the identity of an object."),
    method_fast("isinstance", builtin_isinstance, "Return whether an object is an instance of a class."),
    method_fast("issubclass", builtin_issubclass, "Return whether 'cls' is derived from another class."),
    method_fast("iter", builtin_iter, "Get an iterator from an object."),
    method_o("len", builtin_len, "Return the number of items in a container."),
    method_noargs("locals", builtin_locals, "Return a dictionary containing the current scope's local variables."),
    method_fastkw("max", builtin_max, "Return the largest item."),
    method_fastkw("min", builtin_min, "Return the smallest item."),
    method_fast("next", builtin_next, "Return the next item from the iterator."),
    method_o("oct", builtin_oct, "Return the octal representation of an integer."),
    method_o("ord", builtin_ord, "Return the Unicode code point for a one-character string."),
    method_fastkw("pow", builtin_pow, "Equivalent to base**exp with 2 arguments or base**exp % mod with 3."),
    method_fastkw("print", builtin_print, "Prints the values to a stream, or to sys.stdout by default."),
    method_o("repr", builtin_repr, "Return the canonical string representation of the object."),
    method_fastkw("round", builtin_round, "Round a number to a given precision in decimal digits."),
    method_fast("setattr", builtin_setattr, "Sets the named attribute on the given object to the specified value."),
    method_fastkw("sorted", builtin_sorted, "Return a new list containing all items from the iterable in ascending order."),
    method_fastkw("sum", builtin_sum, "Return the sum of a 'start' value (default: 0) plus an iterable of numbers"),
    method_fast("vars", builtin_vars, "Show vars."),
    {},
};

}  // namespace

int builtins_set_open()
{
    // CPython's pylifecycle.c sets builtins.open to io.open the same way,
    // so `open is io.open`.
    Ref<> name = unicode_from_string("_io");
    Ref<> io = name ? import_module_level(name.get(), nullptr, nullptr, 0) : nullptr;
    Ref<> open = io ? object_get_attr_string(io.get(), "open") : nullptr;
    if (!open) return -1;
    return dict_set_item_string(interpreter_get()->builtins, "open", open.get());
}

Ref<> builtins_module_create()
{
    Ref<> mod = module_new("builtins");
    if (!mod) return nullptr;
    if (module_add_functions(mod.get(), builtin_methods) < 0) return nullptr;
    Object* dict = module_get_dict(mod.get());
    struct Entry {
        const char* name;
        Object* value;
    };
    const Entry entries[] = {
        {"None", Py_None()},
        {"Ellipsis", Py_Ellipsis()},
        {"NotImplemented", Py_NotImplemented()},
        {"False", Py_False()},
        {"True", Py_True()},
        {"bool", &Bool_Type},
        {"bytearray", &ByteArray_Type},
        {"memoryview", &MemoryView_Type},
        {"bytes", &Bytes_Type},
        {"classmethod", &ClassMethod_Type},
        {"complex", &Complex_Type},
        {"dict", &Dict_Type},
        {"enumerate", &Enum_Type},
        {"filter", &Filter_Type},
        {"float", &Float_Type},
        {"frozenset", &FrozenSet_Type},
        {"property", &Property_Type},
        {"int", &Long_Type},
        {"list", &List_Type},
        {"map", &Map_Type},
        {"object", &BaseObject_Type},
        {"range", &Range_Type},
        {"reversed", &Reversed_Type},
        {"set", &Set_Type},
        {"slice", &Slice_Type},
        {"staticmethod", &StaticMethod_Type},
        {"str", &Unicode_Type},
        {"super", &Super_Type},
        {"tuple", &Tuple_Type},
        {"type", &Type_Type},
        {"zip", &Zip_Type},
    };
    for (TypeObject* t : {&MemoryView_Type, &ManagedBuffer_Type, &MemoryIter_Type})
        if (type_ready(t) < 0) return nullptr;
    for (const Entry& e : entries)
        if (dict_set_item_string(dict, e.name, e.value) < 0) return nullptr;
    if (dict_set_item_string(dict, "__debug__", Py_True()) < 0) return nullptr;
#define MINIPY_EXC(name, base, layout) \
    if (dict_set_item_string(dict, #name, Exc_##name) < 0) return nullptr;
#include "minipy/runtime/exceptions.def"
#undef MINIPY_EXC
    if (dict_set_item_string(dict, "EnvironmentError", exc_environment_error()) < 0) return nullptr;
    if (dict_set_item_string(dict, "IOError", exc_environment_error()) < 0) return nullptr;
    return mod;
}

}  // namespace minipy::vm
