# assert: messages evaluated only on failure, any expression as message,
# and an uncaught AssertionError at the end.
calls = []

def msg():
    calls.append("msg")
    return "expensive message"

assert True, msg()
print("message not evaluated:", calls)
try:
    assert 1 + 1 == 3, msg()
except AssertionError as e:
    print("AssertionError:", e.args, calls)
try:
    assert []
except AssertionError as e:
    print("no message:", e.args, repr(e))
try:
    assert False, {"code": 7}
except AssertionError as e:
    print("dict message:", e.args[0]["code"])

def check_positive(n):
    assert n > 0, f"expected positive, got {n}"
    return n

print(check_positive(5))
try:
    check_positive(-2)
except AssertionError as e:
    print("caught:", e)
print(__debug__)
values = [3, 1, 2]
assert sorted(values) == [1, 2, 3], "sorting broke"
assert len(values) == 4, f"len is {len(values)}: {values}"
