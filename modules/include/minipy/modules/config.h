// config.h: the native modules built into minipy, found by `import` before
// sys.path (PyImport_Inittab). Mirrors CPython 3.11 Modules/config.c and
// Include/cpython/import.h. Book chapter 12, "The Standard Library".
#pragma once

#include "minipy/runtime/object.h"

namespace minipy::modules {

// One built-in module: its name and the function that makes a fresh module
// object (PyInit_<name>; minipy's modules are single-phase).
struct InittabEntry {
    const char* name;
    runtime::Ref<> (*create)();
};

// Every module of modules/, ending with {nullptr, nullptr}.
extern const InittabEntry inittab[];

}  // namespace minipy::modules
