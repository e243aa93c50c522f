# An uncaught ZeroDivisionError two calls deep: the traceback with the
# ~~^~~ markers under the binary operation.
def ratio(a, b):
    return a / b

def mean(values):
    return ratio(sum(values), len(values))

print("before")
print(mean([1, 2, 3]))
print(mean([]))
print("not reached")
