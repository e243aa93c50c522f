# sys.exit with a string: printed on stderr, exit status 1; finally blocks
# still run.
import sys
try:
    sys.exit("fatal: giving up")
finally:
    print("finally ran")
