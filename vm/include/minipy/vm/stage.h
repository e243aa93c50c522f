// stage.h: the vm stage's identity card (see include/minipy/stage.h).
#pragma once

#include "minipy/stage.h"

namespace minipy::vm {

const StageInfo& stage_info();

}  // namespace minipy::vm
