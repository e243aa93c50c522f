# Replacing warnings.showwarning and formatwarning; warn_explicit with a
# registry and a module.
import sys
import warnings


def my_show(message, category, filename, lineno, file=None, line=None):
    print("SHOW", category.__name__, message, lineno)


old = warnings.showwarning
warnings.showwarning = my_show
warnings.warn("through my hook")
warnings.showwarning = old


def my_format(message, category, filename, lineno, line=None):
    return "FORMAT %s: %s\n" % (category.__name__, message)


warnings.formatwarning = my_format
warnings.warn("through my format")
del warnings.formatwarning
warnings.formatwarning = warnings._formatwarning_orig

registry = {}
for i in range(2):
    warnings.warn_explicit("explicit", UserWarning, "somefile.py", 12, registry=registry)
print(sorted(str(k) for k in registry))
warnings.warn_explicit("explicit module", UserWarning, "other.py", 5, module="other")
try:
    warnings.warn_explicit("x", UserWarning, "f.py", 1, registry=[])
except TypeError as e:
    print("TypeError:", e)
sys.stderr.flush()
print("done")
