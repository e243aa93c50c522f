# filterwarnings / simplefilter / resetwarnings, the actions error, ignore,
# always, once, module, and catch_warnings(record=True).
import warnings

print(len(warnings.filters), [f[0] for f in warnings.filters])
print([f[2].__name__ for f in warnings.filters])

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    for i in range(2):
        warnings.warn("recorded %d" % i)
    warnings.warn("deprecated", DeprecationWarning)
    print(len(log), [str(w.message) for w in log])
    print([w.category.__name__ for w in log], [w.lineno for w in log])
print(len(warnings.filters))

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error")
    except UserWarning as e:
        print("caught", repr(e))
    try:
        warnings.warn("runtime error", RuntimeWarning)
    except RuntimeWarning as e:
        print("caught", repr(e))

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    warnings.warn("never shown")

with warnings.catch_warnings():
    warnings.simplefilter("once")
    for i in range(3):
        warnings.warn("once only")
    warnings.warn("once only")

with warnings.catch_warnings():
    warnings.simplefilter("always")
    for i in range(2):
        warnings.warn("always shown")

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", category=RuntimeWarning)
    warnings.warn("ignored runtime", RuntimeWarning)
    warnings.warn("user still shown")

with warnings.catch_warnings():
    warnings.filterwarnings("error", message="boom")
    try:
        warnings.warn("Boom goes the message")
    except UserWarning as e:
        print("message filter:", e)
    warnings.warn("no match here")

with warnings.catch_warnings():
    warnings.resetwarnings()
    print(len(warnings.filters))
    warnings.warn("default action", DeprecationWarning)

print(warnings.formatwarning("msg", UserWarning, "file.py", 3, "  the line  "), end="")
try:
    warnings.simplefilter("bogus")
except AssertionError as e:
    print("AssertionError:", e)
print("done")
