# sys.exit with an int: the exit status, output flushed first.
import sys
print("exiting with 3")
sys.exit(3)
print("not reached")
