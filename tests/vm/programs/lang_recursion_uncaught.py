# An uncaught RecursionError: the traceback collapses the repeated frames
# into "[Previous line repeated N more times]".
def countdown(n):
    if n == -1:
        return 0
    return countdown(n + 1) + 1

def start():
    return countdown(0)

print("recursing")
start()
