# Exit status from sys.exit(int) inside nested calls with finally blocks.
import sys


def inner():
    try:
        sys.exit(42)
    finally:
        print("inner finally")


def outer():
    try:
        inner()
    except ValueError:
        print("not reached")
    finally:
        print("outer finally")


print("start")
outer()
print("never printed")
