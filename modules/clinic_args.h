// clinic_args.h: argument parsing shared by the modules of modules/: the
// parts of Python/getargs.c's _PyArg_UnpackKeywords (what Argument Clinic
// generates) that runtime's parse_args_fastkw does not cover: positional-only
// and keyword-only parameters, with CPython's messages. Book chapter 12.
#pragma once

#include <climits>
#include <initializer_list>

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::modules {

// names lists every parameter ("" for positional-only ones, which no
// keyword matches); the first maxpos may be passed by position, the first
// `required` are mandatory, those after maxpos are keyword-only. out gets
// names.size() borrowed slots (null when not given). false with an error set.
[[nodiscard]] inline bool parse_clinic_args(const char* fname, runtime::Object* const* args, runtime::Py_ssize_t nargs,
                                            runtime::Object* kwnames, std::initializer_list<const char*> names,
                                            runtime::Py_ssize_t maxpos, runtime::Py_ssize_t required,
                                            runtime::Object** out)
{
    using namespace runtime;
    Py_ssize_t nkw = kwnames ? tuple_size(kwnames) : 0;
    Py_ssize_t maxargs = static_cast<Py_ssize_t>(names.size());
    Py_ssize_t minpos = 0;  // mandatory positional-only parameters
    while (minpos < required && !*names.begin()[minpos]) minpos++;
    if (nargs + nkw > maxargs) {
        format_error(Exc_TypeError, "%s() takes at most %zd %sargument%s (%zd given)", fname, maxargs,
                     maxpos == 0 ? "keyword " : "", maxargs == 1 ? "" : "s", nargs + nkw);
        return false;
    }
    if (nargs > maxpos || nargs < minpos) {
        Py_ssize_t lo = required < maxpos ? required : maxpos;
        const char* how = lo == maxpos ? "exactly" : (nargs > maxpos ? "at most" : "at least");
        Py_ssize_t n = nargs > maxpos ? maxpos : minpos;
        format_error(Exc_TypeError, "%s() takes %s %zd positional argument%s (%zd given)", fname, how, n,
                     n == 1 ? "" : "s", nargs);
        return false;
    }
    // A missing parameter is reported before a duplicated one: the
    // clinic's parser scans the parameters first and the keywords after.
    for (Py_ssize_t i = nargs; i < required; i++) {
        bool found = false;
        for (Py_ssize_t k = 0; k < nkw && !found; k++)
            found = unicode_equal_to_ascii(tuple_item(kwnames, k), names.begin()[i]);
        if (!found) {
            format_error(Exc_TypeError, "%s() missing required argument '%s' (pos %zd)", fname, names.begin()[i],
                         i + 1);
            return false;
        }
    }
    return parse_args_fastkw(fname, args, nargs, kwnames, names, required, out);
}

// The same for tp_new's (args tuple, kwds dict or null). The values stay
// borrowed from args and kwds.
[[nodiscard]] inline bool parse_clinic_tuple_kw(const char* fname, runtime::Object* args, runtime::Object* kwds,
                                                std::initializer_list<const char*> names, runtime::Py_ssize_t maxpos,
                                                runtime::Py_ssize_t required, runtime::Object** out)
{
    using namespace runtime;
    Py_ssize_t nargs = tuple_size(args);
    Py_ssize_t nkw = kwds ? dict_size(kwds) : 0;
    Ref<> stack = tuple_new(nargs + nkw);
    Ref<> kwnames = tuple_new(nkw);
    if (!stack || !kwnames) return false;
    for (Py_ssize_t i = 0; i < nargs; i++) tuple_set_item(stack.get(), i, new_ref(tuple_item(args, i)).release());
    Py_ssize_t pos = 0, j = 0;
    Object *k, *v;
    while (kwds && dict_next(kwds, &pos, &k, &v)) {
        tuple_set_item(stack.get(), nargs + j, new_ref(v).release());
        tuple_set_item(kwnames.get(), j++, new_ref(k).release());
    }
    return parse_clinic_args(fname, &static_cast<TupleObject*>(stack.get())->ob_item[0], nargs,
                             nkw ? kwnames.get() : nullptr, names, maxpos, required, out);
}

// The clinic's `int` converter (_PyLong_AsInt): an index that fits a C int;
// TypeError for a float or another non-index, OverflowError "Python int
// too large to convert to C int". false with the error set.
[[nodiscard]] inline bool int_converter(runtime::Object* o, int* out)
{
    using namespace runtime;
    Ref<> index = number_index(o);
    if (!index) return false;
    int overflow = 0;
    long long v = long_as_long_long_and_overflow(index.get(), &overflow);
    if (v == -1 && error_occurred()) return false;
    if (overflow || v > INT_MAX || v < INT_MIN) {
        set_error(Exc_OverflowError, "Python int too large to convert to C int");
        return false;
    }
    *out = static_cast<int>(v);
    return true;
}

// The clinic's `fildes` converter (PyObject_AsFileDescriptor): an int, or
// an object whose fileno() returns one; ValueError for a negative fd.
[[nodiscard]] inline bool fildes_converter(runtime::Object* o, int* fd)
{
    using namespace runtime;
    Ref<> value;
    if (long_check(o)) {
        value = new_ref(o);
    }
    else {
        Ref<> meth;
        Ref<> name = unicode_from_string("fileno");
        if (!name || object_lookup_attr(o, name.get(), &meth) < 0) return false;
        if (!meth) {
            set_error(Exc_TypeError, "argument must be an int, or have a fileno() method.");
            return false;
        }
        value = call_no_args(meth.get());
        if (!value) return false;
        if (!long_check(value.get())) {
            set_error(Exc_TypeError, "fileno() returned a non-integer");
            return false;
        }
    }
    if (!int_converter(value.get(), fd)) return false;
    if (*fd < 0) {
        format_error(Exc_ValueError, "file descriptor cannot be a negative integer (%d)", *fd);
        return false;
    }
    return true;
}

}  // namespace minipy::modules
