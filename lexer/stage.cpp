// stage.cpp: the lexer stage's identity card, printed by `minipy --stages`.
// Book ch04, ch06.
#include "minipy/lexer/stage.h"

namespace minipy::lexer {

const StageInfo& stage_info()
{
    static const StageInfo info{
        "lexer",
        MINIPY_STAGE_SOURCE_DIR,
        "Parser/tokenizer.c, Lib/token.py, Lib/tokenize.py",
        "ch04, ch06",
        false,  // set to true when the stage does its job
    };
    return info;
}

}  // namespace minipy::lexer
