# sys.exit inside try/finally and with-blocks: finally clauses and
# __exit__ run, SystemExit can be caught and re-raised, exit status kept.
import sys

class Cleanup:
    def __enter__(self):
        return self
    def __exit__(self, *info):
        print("__exit__ saw", info[0].__name__, info[1].code)
        return False

def shutdown():
    try:
        with Cleanup():
            sys.exit(3)
    finally:
        print("finally in shutdown")

try:
    shutdown()
except SystemExit as e:
    print("caught SystemExit with code", e.code)
try:
    sys.exit()
except SystemExit as e:
    print("no-arg exit code:", e.code)
try:
    raise SystemExit("text")
except BaseException as e:
    print(type(e).__name__, e.code)
print("exiting for real")
try:
    sys.exit(7)
finally:
    print("last finally")
print("not reached")
