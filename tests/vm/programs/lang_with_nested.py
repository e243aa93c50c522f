# Nested with statements: exit order, exceptions raised in __exit__
# replacing the original (with chaining), multiple items in one statement.
events = []

class Res:
    def __init__(self, name, fail_exit=False, fail_enter=False):
        self.name, self.fail_exit, self.fail_enter = name, fail_exit, fail_enter
    def __enter__(self):
        if self.fail_enter:
            raise OSError(f"cannot open {self.name}")
        events.append(f"open {self.name}")
        return self.name
    def __exit__(self, exc_type, exc, tb):
        events.append(f"close {self.name} ({exc_type.__name__ if exc_type else 'ok'})")
        if self.fail_exit:
            raise RuntimeError(f"close of {self.name} failed")
        return False

with Res("a") as a, Res("b") as b, Res("c") as c:
    events.append(f"using {a}{b}{c}")
print(events); events.clear()
try:
    with Res("a"), Res("b", fail_enter=True), Res("c"):
        events.append("never")
except OSError as e:
    print("OSError:", e)
print(events); events.clear()
try:
    with Res("outer"):
        with Res("inner", fail_exit=True):
            raise ValueError("body failed")
except Exception as e:
    print(type(e).__name__, e, "| context:", repr(e.__context__))
print(events); events.clear()
try:
    with Res("x", fail_exit=True), Res("y", fail_exit=True):
        pass
except RuntimeError as e:
    print("RuntimeError:", e, "| context:", e.__context__)
print(events); events.clear()

class Recorder:
    def __enter__(self):
        return self
    def __exit__(self, *info):
        self.info = info
        return True

with Recorder() as r:
    with Res("deep"):
        [][1]
print(r.info[0].__name__, r.info[1])
print(events)
with Res("final", fail_exit=True):
    pass
