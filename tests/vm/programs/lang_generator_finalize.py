# Generators that are dropped while suspended are closed: their finally
# blocks and context managers run when the last reference goes.
class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("open", self.name)
        return self
    def __exit__(self, *a):
        print("close", self.name, a[0].__name__ if a[0] else None)

def reader(name):
    with Resource(name):
        try:
            yield 1
            yield 2
        finally:
            print("finally of", name)

g = reader("dropped")
print(next(g))
del g
print("after del")

def first(gen):
    for v in gen:
        return v

print(first(reader("loop-return")))
print("after loop return")
gens = [reader(f"list{i}") for i in range(2)]
for gen in gens:
    next(gen)
del gen
gens.clear()
print("after clear")
unstarted = reader("never started")
del unstarted
print("unstarted generator: no output")

def catches_exit():
    try:
        yield "x"
    except GeneratorExit:
        print("GeneratorExit on collection")
        raise

h = catches_exit()
next(h)
h = None
print("end")
