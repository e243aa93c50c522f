// warnings.h: issuing a warning from C++ (PyErr_WarnEx and friends).
// Mirrors CPython 3.11 Include/warnings.h. Book chapter 8.
//
// The machinery (filters, registries, display) is the vm's _warnings
// module (vm/_warnings.cpp, CPython's Python/_warnings.c): it needs the
// running frames, which live above the runtime. Start-up registers it in
// warn_hook and warn_explicit_hook; before that (or in a program without
// the vm, such as a unit test) a warning is written to stderr as
// "sys:1: Category: message", where CPython puts a warning with no frame.
#pragma once

#include "minipy/runtime/object.h"

namespace minipy::runtime {

// PyErr_WarnEx: warns with `message` (UTF-8) of `category` (a Warning
// subclass), attributed to the Python frame `stack_level` levels up (1: the
// code running now). 0, or -1 with the exception set when a filter turned
// the warning into an error (or the warning could not be shown).
[[nodiscard]] int error_warn(TypeObject* category, const char* message, Py_ssize_t stack_level);

// PyErr_WarnExplicitObject: warns at a given place: filename and lineno;
// module (a str, or null: the filename without ".py"); registry (a dict, or
// null) remembers what was shown there. Same result as error_warn.
[[nodiscard]] int error_warn_explicit(TypeObject* category, Object* message, Object* filename, int lineno,
                                      Object* module, Object* registry);

// The vm's implementations, set at start-up.
using WarnHook = int (*)(TypeObject* category, Object* message, Py_ssize_t stack_level);
using WarnExplicitHook = int (*)(TypeObject* category, Object* message, Object* filename, int lineno,
                                 Object* module, Object* registry);
extern WarnHook warn_hook;
extern WarnExplicitHook warn_explicit_hook;

}  // namespace minipy::runtime
