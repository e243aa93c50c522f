# The interpreter's own printer (vm/traceback_print.cpp) on a binary
# operation whose left operand is parenthesized: the ')' is no operator
# (3.11.7's extract_anchors_from_expr keeps looking past it). Compared
# with traceback.format_exc for the same error first.
import traceback

def f(a, b):
    return (a) - (b)

try:
    f(1, "s")
except TypeError:
    print(traceback.format_exc(), end="")
f([], (1,))
