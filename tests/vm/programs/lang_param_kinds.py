# Positional-only, keyword-only, *args and **kwargs parameters and the
# errors for every way of calling them wrongly.
def f(a, b, /, c, d=4, *args, e, f=6, **kw):
    return a, b, c, d, args, e, f, kw

print(f(1, 2, 3, e=5))
print(f(1, 2, c=3, e=5, g=7))
print(f(1, 2, 3, 4, 5, 6, e=0, a=99))

def attempt(label, thunk):
    try:
        print(label, thunk())
    except TypeError as exc:
        print(label, "TypeError:", exc)

attempt("posonly by kw", lambda: f(a=1, b=2, c=3, e=5))
attempt("missing kwonly", lambda: f(1, 2, 3))
attempt("missing two", lambda: f(1, e=1))
attempt("dup", lambda: f(1, 2, 3, c=3, e=5))

def g(x, y=2):
    return x + y

attempt("too many", lambda: g(1, 2, 3))
attempt("none", lambda: g())
attempt("unexpected kw", lambda: g(1, z=3))
attempt("kw dup", lambda: g(1, x=1))

def only_kw(*, key):
    return key

attempt("pos to kwonly", lambda: only_kw(1))
attempt("kw ok", lambda: only_kw(key="k"))

def only_pos(x, /):
    return x

attempt("kw to posonly", lambda: only_pos(x=1))
attempt("posonly ok", lambda: only_pos(1))

def star(*args, **kwargs):
    return args, sorted(kwargs.items())

attempt("star", lambda: star())
attempt("star2", lambda: star(1, *[2, 3], x=1, **{"y": 2}))

def three(a, b, c):
    return a, b, c

attempt("missing three", lambda: three())
attempt("missing c", lambda: three(1, 2))
attempt("too many given kw", lambda: three(1, 2, 3, 4, d=1))

def kwonly_defaults(a, *, b=1, c):
    return a, b, c

attempt("kwonly missing", lambda: kwonly_defaults(1))
attempt("kwonly positional", lambda: kwonly_defaults(1, 2, c=3))
