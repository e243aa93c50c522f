# An uncaught exception of a class defined in a class: the traceback's
# last line uses the module-qualified name only for non-builtins.
class Service:
    class Unavailable(Exception):
        pass

    def call(self):
        raise Service.Unavailable("try again later")

def main():
    try:
        Service().call()
    except KeyError:
        print("not reached")
    finally:
        print("finally before the traceback")

main()
