// stage.h: the runtime stage's identity card (see include/minipy/stage.h).
#pragma once

#include "minipy/stage.h"

namespace minipy::runtime {

const StageInfo& stage_info();

}  // namespace minipy::runtime
