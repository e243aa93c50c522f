# sys.exit(None) and sys.exit(0) are success; sys.exit(True) is status 1;
# the last exit decides. Here the program ends with status 2 via raise.
import sys

for code in [None, 0, False]:
    try:
        sys.exit(code)
    except SystemExit as e:
        print(repr(code), "->", repr(e.code))
try:
    sys.exit(True)
except SystemExit as e:
    print("True ->", e.code)
print("about to exit with 2")
raise SystemExit(2)
