# A context manager built from a generator by hand (what contextlib does):
# setup before yield, teardown after, exceptions thrown into the generator.
class GeneratorCM:
    def __init__(self, gen):
        self.gen = gen
    def __enter__(self):
        return next(self.gen)
    def __exit__(self, typ, value, tb):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            self.gen.throw(value)
        except StopIteration:
            return True
        except BaseException as exc:
            if exc is value:
                return False
            raise
        raise RuntimeError("generator didn't stop after throw()")

def managed(name):
    def decorate(fn):
        def helper(*args, **kwargs):
            return GeneratorCM(fn(*args, **kwargs))
        return helper
    return decorate

@managed("tag")
def tag(label, swallow=False):
    print(f"<{label}>")
    try:
        yield label.upper()
    except ValueError as e:
        print(f"  {label} saw ValueError: {e}")
        if not swallow:
            raise
    finally:
        print(f"</{label}>")

with tag("a") as value:
    print("  body with", value)
with tag("b", swallow=True):
    raise ValueError("suppressed by generator")
try:
    with tag("c"):
        raise ValueError("re-raised")
except ValueError as e:
    print("outside:", e)
try:
    with tag("d"):
        raise KeyError("not handled by generator")
except KeyError as e:
    print("outside:", repr(e))
with tag("outer"):
    with tag("inner"):
        print("  nested body")
