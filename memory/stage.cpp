// stage.cpp: the memory stage's identity card, printed by `minipy --stages`.
// Book ch09.
#include "minipy/memory/stage.h"

namespace minipy::memory {

const StageInfo& stage_info()
{
    static const StageInfo info{
        "memory",
        MINIPY_STAGE_SOURCE_DIR,
        "Objects/obmalloc.c, Modules/gcmodule.c, Include/internal/pycore_gc.h",
        "ch09",
        false,  // set to true when the stage does its job
    };
    return info;
}

}  // namespace minipy::memory
