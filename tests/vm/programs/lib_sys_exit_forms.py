# sys.exit variants caught in-process, then an exit with a string message.
import sys
for arg in (None, 0, 3, "message", (1, 2), [], 256, -1, True):
    try:
        sys.exit(arg)
    except SystemExit as e:
        print(repr(arg), "->", repr(e.code), e.args)
try:
    sys.exit(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise SystemExit
except SystemExit as e:
    print("bare", e.code, e.args)
try:
    exit_code = 7
    raise SystemExit(exit_code) from None
except SystemExit as e:
    print("from None", e.code, e.__suppress_context__)


def cleanup():
    try:
        sys.exit("in try")
    finally:
        print("finally runs before exit")


try:
    cleanup()
except SystemExit as e:
    print("caught", e.code)
print("now exiting", flush=True)
sys.exit("fatal: exiting with a message")
