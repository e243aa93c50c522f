// config.cpp: the inittab of modules/ (what CPython's makesetup writes into
// Modules/config.c). Book chapter 12, "The Standard Library".
//
// Adding a module: write modules/<name>module.cpp with a create function,
// declare it below, add one row to inittab and one line to CMakeLists.txt.
#include "minipy/modules/config.h"

namespace minipy::modules {

using runtime::Ref;

// The create functions, one per module file.
Ref<> time_module_create();  // timemodule.cpp
Ref<> errno_module_create();  // errnomodule.cpp
Ref<> operator_module_create();  // _operator.cpp
Ref<> itertools_module_create();  // itertoolsmodule.cpp
Ref<> math_module_create();  // mathmodule.cpp
Ref<> collections_module_create();  // _collectionsmodule.cpp
Ref<> functools_module_create();    // _functoolsmodule.cpp
Ref<> bisect_module_create();       // _bisectmodule.cpp
Ref<> heapq_module_create();        // _heapqmodule.cpp
Ref<> abc_module_create();          // _abcmodule.cpp
Ref<> gc_module_create();           // gcmodule.cpp
Ref<> weakref_module_create();  // _weakref.cpp
Ref<> struct_module_create();  // _struct.cpp
Ref<> random_module_create();  // _randommodule.cpp
Ref<> sha512_module_create();  // sha512module.cpp
Ref<> string_module_create();  // _stringmodule.cpp
Ref<> thread_module_create();  // _threadmodule.cpp
Ref<> io_module_create();      // _io/_iomodule.cpp
Ref<> cmath_module_create();  // cmathmodule.cpp
Ref<> posix_module_create();   // posixmodule.cpp (+ posixmodule_dir.cpp)
Ref<> signal_module_create();  // signalmodule.cpp
Ref<> select_module_create();  // selectmodule.cpp
Ref<> pwd_module_create();     // pwdmodule.cpp
Ref<> json_module_create();   // _json.cpp
Ref<> sre_module_create();     // _sre/sre.cpp
Ref<> binascii_module_create();  // binascii.cpp
Ref<> datetime_module_create();  // _datetimemodule.cpp
Ref<> locale_module_create();    // _localemodule.cpp
Ref<> unicodedata_module_create();  // unicodedata.cpp
Ref<> codecs_module_create();  // _codecsmodule.cpp

const InittabEntry inittab[] = {
    {"time", time_module_create},
    {"errno", errno_module_create},
    {"_operator", operator_module_create},
    {"itertools", itertools_module_create},
    {"math", math_module_create},
    {"_collections", collections_module_create},
    {"_functools", functools_module_create},
    {"_bisect", bisect_module_create},
    {"_heapq", heapq_module_create},
    {"_abc", abc_module_create},
    {"gc", gc_module_create},
    {"_weakref", weakref_module_create},
    {"_struct", struct_module_create},
    {"_random", random_module_create},
    {"_sha512", sha512_module_create},
    {"_string", string_module_create},
    {"_thread", thread_module_create},
    {"_io", io_module_create},
    {"cmath", cmath_module_create},
    {"posix", posix_module_create},
    {"_signal", signal_module_create},
    {"select", select_module_create},
    {"pwd", pwd_module_create},
    {"_json", json_module_create},
    {"_sre", sre_module_create},
    {"binascii", binascii_module_create},
    {"_datetime", datetime_module_create},
    {"_locale", locale_module_create},
    {"unicodedata", unicodedata_module_create},
    {"_codecs", codecs_module_create},
    {nullptr, nullptr},
};

}  // namespace minipy::modules
