# Uncaught exceptions that are not Exception subclasses: a custom
# BaseException subclass is printed like any other and exits with 1.
class Abort(BaseException):
    pass

def work():
    try:
        raise Abort("stop now")
    except Exception:
        print("Exception handlers do not catch BaseException subclasses")

print("start")
work()
