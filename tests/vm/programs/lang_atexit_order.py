# atexit handlers run after the main module finishes, last registered
# first, with their arguments; an exception in one is reported and the
# others still run.
import atexit

def goodbye(name, punctuation="!"):
    print(f"goodbye {name}{punctuation}")

class Failing:
    def __call__(self):
        raise ValueError("handler failed")
    def __repr__(self):
        return "<the failing handler>"

failing = Failing()

atexit.register(goodbye, "first")
atexit.register(failing)
atexit.register(goodbye, "second", punctuation="?")

@atexit.register
def decorated():
    print("decorated handler")

def removed():
    print("never printed")

atexit.register(removed)
atexit.unregister(removed)
print("main module done")
