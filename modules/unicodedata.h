// unicodedata.h: the name lookup of unicodedata.cpp for other modules:
// the unicode_escape codec's \N{...} (_codecsmodule.cpp). CPython passes
// it as a capsule (unicodedata._ucnhash_CAPI, Include/internal/pycore_ucnhash.h).
// Book chapter 12.
#pragma once

#include <string_view>

#include "minipy/runtime/unicodeobject.h"

namespace minipy::modules {

// The character called name (or an alias of it) in Unicode 14.0, as
// _getcode without named sequences; false when there is none.
bool unicodedata_lookup_char(std::string_view name, runtime::Py_UCS4* ch);

}  // namespace minipy::modules
