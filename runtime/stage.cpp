// stage.cpp: the runtime stage's identity card, printed by `minipy --stages`.
// Book ch10, ch11, ch12.
#include "minipy/runtime/stage.h"

// Implemented: the object core works. Covered: the object header, Ref<T>,
// refcounting through tp_dealloc with the debug total, type objects as 3.11
// slot tables made ready with C3 MROs, slot wrappers and descriptors, the
// abstract protocol, the error indicator and thread state, the 3.11
// exception hierarchy, and int, bool, float, complex, str, bytes, tuple,
// list, dict, set, frozenset, range, slice, module and code objects
// (tests/unit/runtime), bytearray, str.format, and classes made with
// type(name, bases, dict) whose dunders fill the slots. Not yet: the GIL
// and threads (issue 9), __slots__, weak references.
MINIPY_STAGE_CARD(runtime,
                  "Include/object.h, Objects/*.c, Python/pystate.c, Python/ceval_gil.h, Python/errors.c, Python/bltinmodule.c, Python/sysmodule.c, Modules/*.c",
                  "ch10, ch11, ch12",
                  true)
