# _PyRun_SimpleFileObject gives __main__ a __file__ and __cached__ for the
# run only: once the program has ended (here after an uncaught exception,
# printed first), atexit callbacks and __del__ methods at shutdown no longer
# see them. The other names of __main__ stay until finalize_modules.
import atexit


def names():
    return sorted(k for k in globals() if k.startswith("__"))


class Witness:
    def __del__(self):
        print("__del__ sees __file__:", "__file__" in globals(), "__cached__:", "__cached__" in globals())


def at_exit():
    print("atexit sees", names())


atexit.register(at_exit)
witness = Witness()
print("during the run:", "__file__" in globals(), "__cached__" in globals())
raise RuntimeError("the run ends here")
