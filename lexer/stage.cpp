// stage.cpp: the lexer stage's identity card, printed by `minipy --stages`.
// Book ch04, ch06.
#include "minipy/lexer/stage.h"

// Set the last argument to true when the stage does its job.
MINIPY_STAGE_CARD(lexer,
                  "Parser/tokenizer.c, Lib/token.py, Lib/tokenize.py",
                  "ch04, ch06",
                  true)
