# contextlib.chdir: changes the working directory inside the block and
# restores it afterwards, also on errors and when re-entered.
import os
from contextlib import chdir

start = os.getcwd()
here = os.path.dirname(os.path.abspath(__file__ if False else chdir.__enter__.__code__.co_filename))
with chdir("/"):
    print(os.getcwd())
    with chdir(here):
        print(os.getcwd() == here)
    print(os.getcwd())
print(os.getcwd() == start)
try:
    with chdir("/"):
        raise KeyError("inside")
except KeyError:
    print(os.getcwd() == start)
c = chdir("/")
with c:
    with c:
        print(os.getcwd())
    print(os.getcwd())
print(os.getcwd() == start)
try:
    with chdir("/definitely/not/here"):
        pass
except FileNotFoundError as e:
    print("FileNotFoundError", e.filename, os.getcwd() == start)
