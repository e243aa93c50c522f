# An uncaught exception raised `from None` inside a handler: the original
# exception is not printed, only the new one.
def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        raise LookupError(f"no entry named {key!r}") from None

print(lookup({"a": 1}, "a"))
lookup({"a": 1}, "b")
