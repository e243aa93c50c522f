# SystemExit with a non-integer, non-string payload: the payload is
# printed to stderr and the exit status is 1; finally blocks run first.
import sys

def main():
    try:
        print("working")
        sys.exit(["list", "payload"])
    finally:
        print("cleanup")

main()
