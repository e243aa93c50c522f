# Unpacking error messages in detail: counts for short/long sequences,
# starred targets, iterators that fail midway, and non-iterables.
def attempt(label, fn):
    try:
        print(label, fn())
    except (ValueError, TypeError, ZeroDivisionError) as e:
        print(label, type(e).__name__ + ":", e)

def two(v):
    a, b = v
    return a, b

def star(v):
    a, *b, c, d = v
    return a, b, c, d

attempt("two of 0", lambda: two([]))
attempt("two of 1", lambda: two("x"))
attempt("two of 3", lambda: two((1, 2, 3)))
attempt("two of dict", lambda: two({"k": 1, "j": 2}))
attempt("star of 2", lambda: star([1, 2]))
attempt("star of 3", lambda: star([1, 2, 3]))
attempt("star of 5", lambda: star(range(5)))
attempt("two of None", lambda: two(None))

def failing_iter():
    yield 1
    raise ZeroDivisionError("iterator broke")

attempt("failing iter", lambda: two(failing_iter()))
attempt("infinite", lambda: two(iter(int, 1)))
