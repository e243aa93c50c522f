# NameError with CPython's suggestion of a close name.
counter = 0
def bump():
    return countr + 1
bump()
