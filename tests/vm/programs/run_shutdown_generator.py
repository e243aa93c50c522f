# Interpreter shutdown: a generator suspended inside try/finally and kept
# in a global is closed at exit (its finally clause and context managers
# run), as PEP 442 finalizers.
class Manager:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("exit manager", exc[0].__name__ if exc[0] else None)
        return False

def counter(name):
    try:
        with Manager():
            n = 0
            while True:
                yield n
                n += 1
    finally:
        print("finally of", name)

g1 = counter("g1")
next(g1)
g2 = counter("g2")
next(g2); next(g2)
g3 = counter("never started")
print("end of main")
