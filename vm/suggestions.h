// suggestions.h: "Did you mean: 'print'?" for NameError and AttributeError.
// Mirrors CPython 3.11 Python/suggestions.c. Private to the vm. Book ch. 8.
#pragma once

#include <string>

#include "minipy/runtime/object.h"

namespace minipy::vm {

// _Py_Offer_Suggestions plus print_exception's trailer: ". Did you mean:
// 'NAME'?" for an exact NameError or AttributeError whose name is close to
// a name in scope, else "". Never leaves an error set.
std::string offer_suggestions(runtime::Object* exc);

}  // namespace minipy::vm
