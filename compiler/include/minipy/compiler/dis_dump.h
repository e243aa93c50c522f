// dis_dump.h: the `--dump=dis` text of a code object, as `python3.11 -m dis
// FILE` prints it. Mirrors CPython 3.11 Lib/dis.py (dis, disassemble,
// _disassemble_recursive). Book chapter 7, "The Compiler".
#pragma once

#include <string>

#include "minipy/runtime/object.h"

namespace minipy::compiler {

// dis.dis(code): the instructions of `code` (a code object), then those of
// every code object in its co_consts, recursively, each introduced by
// "Disassembly of <code object ...>:". Appends to *out. Returns false with
// the error indicator set when a constant's repr fails (the text printed so
// far stays in *out).
[[nodiscard]] bool dis_dump(runtime::Object* code, std::string* out);

}  // namespace minipy::compiler
