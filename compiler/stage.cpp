// stage.cpp: the compiler stage's identity card, printed by `minipy --stages`.
// Book ch07.
#include "minipy/compiler/stage.h"

// Set the last argument to true when the stage does its job.
MINIPY_STAGE_CARD(compiler,
                  "Python/symtable.c, Python/ast_opt.c, Python/compile.c, Python/marshal.c, Lib/opcode.py, Lib/dis.py",
                  "ch07",
                  false)
