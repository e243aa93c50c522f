# Traceback compression of a short recursion that fails: fewer than four
# identical frames are all printed, more are collapsed.
def down(n):
    if n == 0:
        raise ValueError("bottom reached")
    return down(n - 1)

for depth in (2, 3, 6):
    try:
        down(depth)
    except ValueError as e:
        tb = e.__traceback__
        frames = 0
        while tb is not None:
            frames += 1
            tb = tb.tb_next
        print(depth, "frames in traceback:", frames)
down(5)
