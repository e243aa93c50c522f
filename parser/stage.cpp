// stage.cpp: the parser stage's identity card, printed by `minipy --stages`.
// Book ch04, ch06.
#include "minipy/parser/stage.h"

namespace minipy::parser {

const StageInfo& stage_info()
{
    static const StageInfo info{
        "parser",
        MINIPY_STAGE_SOURCE_DIR,
        "Grammar/python.gram, Tools/peg_generator/, Parser/parser.c, Parser/pegen.c, Parser/action_helpers.c, Parser/Python.asdl, Python/Python-ast.c",
        "ch04, ch06",
        false,  // set to true when the stage does its job
    };
    return info;
}

}  // namespace minipy::parser
