# None: a singleton, falsy, functions without return give it, comparisons
# with it, attribute/call errors on it, and `is None` idioms.
def no_return():
    pass

def bare_return():
    return

print(no_return(), bare_return(), no_return() is None, type(None).__name__)
nothing = None
print(None == None, None is None, None != 0, None == False, bool(None))
for thunk, label in [(lambda: None + 1, "None + 1"), (lambda: nothing(), "None()"), (lambda: None.attr, "None.attr"),
                     (lambda: nothing[0], "None[0]"), (lambda: len(None), "len(None)"), (lambda: None < None, "None < None")]:
    try:
        thunk()
    except (TypeError, AttributeError) as e:
        print(label, "->", type(e).__name__ + ":", e)
print(repr(None), str(None), hash(None) == hash(None), [None] * 2, {None: "key"}[None])
value = {}.get("missing")
print(value is None, value or "default", [x for x in [None, 0, 1] if x is not None])
print(type(None)() is None)
