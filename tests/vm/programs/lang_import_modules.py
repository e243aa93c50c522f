# Importing program modules: import caches in sys.modules (executed once),
# from-import, star import with __all__, import as, attribute errors and
# missing modules.
import sys
import lang_helper
import lang_helper as again
print(lang_helper is again, lang_helper.__name__, lang_helper.__doc__)
print(lang_helper.bump(), again.bump(), lang_helper.calls)
from lang_helper import bump, public as pub
print(bump(), pub)
from lang_helper import *
print(public, Counter().n)
print("not_in_all" in globals(), "_hidden" in globals())
print("lang_helper" in sys.modules, sys.modules["lang_helper"] is lang_helper)
print(lang_helper.__file__.endswith("lang_helper.py"))
try:
    from lang_helper import nothing_here
except ImportError as e:
    print("ImportError:", e)
try:
    import no_such_module_anywhere
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, "| name:", e.name)
try:
    lang_helper.missing_attr
except AttributeError as e:
    print("AttributeError:", e)
del sys.modules["lang_helper"]
import lang_helper as reloaded
print(reloaded is lang_helper, reloaded.calls)

def local_import():
    import lang_helper as inner
    return inner.public

print(local_import())
mod = __import__("lang_helper")
print(mod is reloaded)
