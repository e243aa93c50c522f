# An exception escaping a generator's finally during an explicit close()
# propagates out of close() with the generator frame in the traceback.
def gen():
    try:
        yield 1
    finally:
        raise RuntimeError("finally of generator failed")

g = gen()
print(next(g))
g.close()
