// config.cpp: the inittab of modules/ (what CPython's makesetup writes into
// Modules/config.c). Book chapter 12, "The Standard Library".
//
// Adding a module: write modules/<name>module.cpp with a create function,
// declare it below, add one row to inittab and one line to CMakeLists.txt.
#include "minipy/modules/config.h"

namespace minipy::modules {

using runtime::Ref;

// The create functions, one per module file.

const InittabEntry inittab[] = {
    {nullptr, nullptr},
};

}  // namespace minipy::modules
