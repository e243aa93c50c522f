// stage.cpp: the vm stage's identity card, printed by `minipy --stages`.
// Book ch08.
#include "minipy/vm/stage.h"

// Set the last argument to true when the stage does its job.
MINIPY_STAGE_CARD(vm,
                  "Python/ceval.c, Python/frame.c, Python/import.c, Python/pythonrun.c, Python/traceback.c",
                  "ch08",
                  true)
