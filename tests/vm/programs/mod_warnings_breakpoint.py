# breakpoint() goes to sys.breakpointhook; a replaced hook gets the
# arguments; sys.__breakpointhook__ keeps the original.
import sys


def hook(*args, **kws):
    print("hook called with", args, sorted(kws.items()))
    return "hook result"


print(sys.breakpointhook is sys.__breakpointhook__)
sys.breakpointhook = hook
print(breakpoint(1, 2, key="v"))
sys.breakpointhook = sys.__breakpointhook__
del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print("RuntimeError:", e)
