// stage.cpp: the vm stage's identity card, printed by `minipy --stages`.
// Book ch08.
#include "minipy/vm/stage.h"

namespace minipy::vm {

const StageInfo& stage_info()
{
    static const StageInfo info{
        "vm",
        MINIPY_STAGE_SOURCE_DIR,
        "Python/ceval.c, Python/frame.c, Python/import.c, Python/pythonrun.c, Python/traceback.c",
        "ch08",
        false,  // set to true when the stage does its job
    };
    return info;
}

}  // namespace minipy::vm
