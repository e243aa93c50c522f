# RecursionError instead of a crash: caught once, then uncaught with the
# "[Previous line repeated N more times]" traceback.
def down(n):
    return down(n + 1)

try:
    down(0)
except RecursionError as e:
    print("caught:", e)

def deep(n):
    if n == 0:
        return 0
    return 1 + deep(n - 1)

print(deep(500))
down(0)
