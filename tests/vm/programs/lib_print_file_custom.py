# print() to file-like objects: write() call pattern, flush, errors from write, sys.stdout replacement.
import sys


class Recorder:
    def __init__(self):
        self.calls = []

    def write(self, text):
        self.calls.append(text)


r = Recorder()
print("a", 1, None, file=r)
print("x", "y", sep="", end="", file=r)
print(file=r)
print(r.calls)


class Failing:
    def write(self, text):
        raise OSError("disk full")


try:
    print("lost", file=Failing())
except OSError as e:
    print(type(e).__name__, e)


class NoFlush:
    def write(self, text):
        pass


try:
    print("x", file=NoFlush(), flush=True)
except AttributeError as e:
    print(type(e).__name__, e)
original = sys.stdout
buffer = Recorder()
sys.stdout = buffer
print("captured line")
print("second", end="!")
sys.stdout = original
print("restored; captured:", buffer.calls)
sys.stdout = None
print("goes nowhere")
sys.stdout = original
print("back again")
try:
    print("x", file="not a file")
except AttributeError as e:
    print(type(e).__name__, e)
sys.stderr.write("stderr direct\n")
print("to stderr", file=sys.stderr, end="\n\n")
print("this write fails", file=Failing())
