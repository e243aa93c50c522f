// stage.cpp: the parser stage's identity card, printed by `minipy --stages`.
// Book ch04, ch06.
#include "minipy/parser/stage.h"

// Set the last argument to true when the stage does its job.
MINIPY_STAGE_CARD(parser,
                  "Grammar/python.gram, Tools/peg_generator/, Parser/parser.c, Parser/pegen.c, Parser/action_helpers.c, Parser/Python.asdl, Python/Python-ast.c",
                  "ch04, ch06",
                  true)  // --dump=ast reproduces `python3.11 -m ast -a` on Lib (tests/parser)
