# An uncaught AssertionError with a message.
def check(values):
    assert values
    assert len(values) > 2, f"need more than {len(values)} values"
check([1, 2, 3])
check([1])
