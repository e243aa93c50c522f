// stage.h: the lexer stage's identity card (see include/minipy/stage.h).
#pragma once

#include "minipy/stage.h"

namespace minipy::lexer {

const StageInfo& stage_info();

}  // namespace minipy::lexer
