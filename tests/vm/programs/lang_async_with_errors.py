# async with: exceptions in __aenter__ and __aexit__, suppression from
# __aexit__, and using a non-async context manager with async with.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as stop:
        return stop.value

class ACM:
    def __init__(self, name, fail_enter=False, fail_exit=False, suppress=False):
        self.name, self.fail_enter, self.fail_exit, self.suppress = name, fail_enter, fail_exit, suppress
    async def __aenter__(self):
        if self.fail_enter:
            raise OSError(f"{self.name}: enter failed")
        print("  enter", self.name)
        return self
    async def __aexit__(self, typ, exc, tb):
        print("  exit", self.name, typ.__name__ if typ else None)
        if self.fail_exit:
            raise RuntimeError(f"{self.name}: exit failed")
        return self.suppress

async def scenario(label, **kw):
    print(label)
    try:
        async with ACM(label, **kw):
            raise ValueError("body error")
    except Exception as e:
        return f"{type(e).__name__}: {e} (context {e.__context__!r})"
    return "suppressed"

print(run(scenario("plain")))
print(run(scenario("suppress", suppress=True)))
print(run(scenario("enter", fail_enter=True)))
print(run(scenario("exit", fail_exit=True)))

class SyncOnly:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return False

async def wrong_protocol():
    async with SyncOnly():
        pass

try:
    run(wrong_protocol())
except TypeError as e:
    print("TypeError:", e)

async def sync_with_async_cm():
    with ACM("sync-use"):
        pass

try:
    run(sync_with_async_cm())
except TypeError as e:
    print("TypeError:", e)
