# filterwarnings' message and module are regular expressions compiled with
# re: the message matched from its start ignoring case, the module a match
# of the name's beginning; -W options (warnings._setoption) are literal text,
# their module matched to its end. Invalid patterns raise re.error.
import re
import warnings


def shown(add_filters, warnings_to_issue):
    with warnings.catch_warnings(record=True) as log:
        warnings.simplefilter("always")
        add_filters()
        for text, module in warnings_to_issue:
            warnings.warn_explicit(text, UserWarning, "somefile.py", 7, module=module)
    return [(str(w.message), w.filename, w.lineno) for w in log]


# message: a regex, from the start of the text, case ignored
print(shown(lambda: warnings.filterwarnings("ignore", message=r"dep.*ted"),
            [("Deprecated thing", "m"), ("xdeprecated", "m"), ("DEPRECATED", "m")]))
print(shown(lambda: warnings.filterwarnings("ignore", message="a+b"),
            [("aaab", "m"), ("a+b", "m"), ("ab and more", "m"), ("b", "m")]))
# module: a regex matched at the start of the module's name
print(shown(lambda: warnings.filterwarnings("ignore", module="mod"),
            [("one", "mod"), ("two", "module_x"), ("three", "xmod")]))
print(shown(lambda: warnings.filterwarnings("ignore", module=r"pkg\.(a|b)$"),
            [("one", "pkg.a"), ("two", "pkg.b"), ("three", "pkg.c"), ("four", "pkg.ab")]))
# both, and the category
print(shown(lambda: warnings.filterwarnings("ignore", message="x", category=UserWarning, module="m"),
            [("x1", "m1"), ("x2", "n1"), ("y", "m1")]))
# -W style options: literal text, the module to its end
print(shown(lambda: warnings._setoption("ignore:a+b::mod"),
            [("a+b", "mod"), ("aab", "mod"), ("a+b", "module_x"), ("A+B rest", "mod")]))
print(shown(lambda: warnings._setoption("ignore:(x)"),
            [("(x) literal", "m"), ("x", "m")]))

# the filters hold compiled patterns; adding an equal filter again moves it
with warnings.catch_warnings():
    warnings.resetwarnings()
    warnings.filterwarnings("ignore", message="dep.*ted", module=r"a\.b")
    f = warnings.filters[0]
    print(f[0], f[1], f[2].__name__, f[3], f[4])
    print(type(f[1]) is re.Pattern, f[1].flags & re.IGNORECASE != 0, f[3].flags & re.IGNORECASE != 0)
    warnings.filterwarnings("error", message="other")
    warnings.filterwarnings("ignore", message="dep.*ted", module=r"a\.b")
    print(len(warnings.filters), [x[0] for x in warnings.filters])
    warnings.filterwarnings("ignore")
    print(warnings.filters[0][1], warnings.filters[0][3])

# error action selected by a pattern
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    warnings.filterwarnings("error", message=r"boom\d+")
    for text in ("boom12", "boom", "Boom7 later"):
        try:
            warnings.warn(text)
            print("not raised:", text)
        except UserWarning as e:
            print("raised:", e)

# invalid patterns
for kwargs in ({"message": "("}, {"module": "a[b"}, {"message": "*x"}):
    with warnings.catch_warnings():
        try:
            warnings.filterwarnings("ignore", **kwargs)
            print("accepted", kwargs)
        except re.error as e:
            print(type(e).__name__, e.msg, e.pos)
