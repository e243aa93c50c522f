# warnings.warn: the default filters, the registry (once per place),
# stacklevel, Warning instances, categories that are ignored by default.
import warnings


def f():
    warnings.warn("plain user warning")


f()
f()  # the same place again: shown once
warnings.warn("deprecated in __main__", DeprecationWarning)


def g():
    warnings.warn("blamed on the caller", DeprecationWarning, stacklevel=2)


g()
warnings.warn(RuntimeWarning("an instance"))
warnings.warn("pending: ignored", PendingDeprecationWarning)
warnings.warn("import: ignored", ImportWarning)
warnings.warn("resource: ignored", ResourceWarning)
warnings.warn("bytes", BytesWarning)
warnings.warn("syntax", SyntaxWarning)
for i in range(3):
    warnings.warn("in a loop")
try:
    warnings.warn("bad", category=int)
except TypeError as e:
    print("TypeError:", e)
print(sorted(k[0] for k in __warningregistry__ if k != "version"))
print("done")
