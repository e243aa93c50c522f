# Circular imports as CPython runs them: a module is in sys.modules while
# its body runs, so a cycle sees it half-initialised; a from-import of a
# name it has not defined yet is an ImportError naming the partially
# initialized module. The last import fails uncaught, through two modules.
import sys
from runcirc import ok_a
print(ok_a.name())
import runcirc.plain_a
print(runcirc.plain_a.seen_by_b)
def rel(text):
    return text[:text.index("(/") + 1] + text[text.index("modules/"):]
try:
    import runcirc.bad_a
except ImportError as e:
    print(rel(str(e)))
    print(e.name, "runcirc.bad_a" in sys.modules, "runcirc.bad_b" in sys.modules)
try:
    from runcirc.ok_a import missing
except ImportError as e:
    print(rel(str(e)))
import runcirc.bad_a
