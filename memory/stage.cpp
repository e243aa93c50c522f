// stage.cpp: the memory stage's identity card, printed by `minipy --stages`.
// Book ch09.
#include "minipy/memory/stage.h"

// Set the last argument to true when the stage does its job: the allocator
// (obmalloc: pymalloc, PYTHONMALLOC, the debug hooks, _debugmallocstats) and
// the cycle collector (gcmodule.cpp) are both real.
MINIPY_STAGE_CARD(memory,
                  "Objects/obmalloc.c, Modules/gcmodule.c, Include/internal/pycore_gc.h",
                  "ch09",
                  true)
