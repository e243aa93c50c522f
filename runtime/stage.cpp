// stage.cpp: the runtime stage's identity card, printed by `minipy --stages`.
// Book ch10, ch11, ch12.
#include "minipy/runtime/stage.h"

namespace minipy::runtime {

const StageInfo& stage_info()
{
    static const StageInfo info{
        "runtime",
        MINIPY_STAGE_SOURCE_DIR,
        "Include/object.h, Objects/*.c, Python/pystate.c, Python/ceval_gil.h, Python/errors.c, Python/bltinmodule.c, Python/sysmodule.c, Modules/*.c",
        "ch10, ch11, ch12",
        false,  // set to true when the stage does its job
    };
    return info;
}

}  // namespace minipy::runtime
