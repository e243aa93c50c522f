# A coroutine that is dropped without being awaited: RuntimeWarning at the
# line that drops it.
async def f():
    return 1


def main():
    c = f()
    del c
    print("dropped")


main()
g = f()
g.close()
print("closed, no warning")
