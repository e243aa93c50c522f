// stage.h: the memory stage's identity card (see include/minipy/stage.h).
#pragma once

#include "minipy/stage.h"

namespace minipy::memory {

const StageInfo& stage_info();

}  // namespace minipy::memory
