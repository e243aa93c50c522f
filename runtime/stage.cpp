// stage.cpp: the runtime stage's identity card, printed by `minipy --stages`.
// Book ch10, ch11, ch12.
#include "minipy/runtime/stage.h"

// Set the last argument to true when the stage does its job.
MINIPY_STAGE_CARD(runtime,
                  "Include/object.h, Objects/*.c, Python/pystate.c, Python/ceval_gil.h, Python/errors.c, Python/bltinmodule.c, Python/sysmodule.c, Modules/*.c",
                  "ch10, ch11, ch12",
                  false)
