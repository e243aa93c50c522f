// stage.h: the compiler stage's identity card (see include/minipy/stage.h).
#pragma once

#include "minipy/stage.h"

namespace minipy::compiler {

const StageInfo& stage_info();

}  // namespace minipy::compiler
