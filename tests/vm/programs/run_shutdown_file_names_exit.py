# sys.exit() leaves from inside PyErr_Print (Py_Exit), before
# _PyRun_SimpleFileObject would delete __main__'s __file__ and __cached__:
# unlike after a normal end, atexit callbacks still see them.
import atexit
import sys


def at_exit():
    print("atexit sees __file__:", "__file__" in globals(), "__cached__:", "__cached__" in globals())


atexit.register(at_exit)
sys.exit(3)
