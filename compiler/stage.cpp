// stage.cpp: the compiler stage's identity card, printed by `minipy --stages`.
// Book ch07.
#include "minipy/compiler/stage.h"

namespace minipy::compiler {

const StageInfo& stage_info()
{
    static const StageInfo info{
        "compiler",
        MINIPY_STAGE_SOURCE_DIR,
        "Python/symtable.c, Python/ast_opt.c, Python/compile.c, Python/marshal.c, Lib/opcode.py, Lib/dis.py",
        "ch07",
        false,  // set to true when the stage does its job
    };
    return info;
}

}  // namespace minipy::compiler
