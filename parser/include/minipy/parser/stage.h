// stage.h: the parser stage's identity card (see include/minipy/stage.h).
#pragma once

#include "minipy/stage.h"

namespace minipy::parser {

const StageInfo& stage_info();

}  // namespace minipy::parser
