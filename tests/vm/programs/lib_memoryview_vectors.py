# memoryview on generated inputs: random bytes cast to every native format
# and to random N-D shapes, random slices (steps included), item writes
# with in-range and out-of-range values, comparisons between formats.
# A small LCG makes the inputs, so the run is deterministic and the
# expectations are python3.11's own output.
state = 12345


def rnd(n):
    global state
    state = (state * 1103515245 + 12345) % 2**31
    return state % n


FORMATS = "BbcHhIiLlQqnNfd?"
SIZES = {"B": 1, "b": 1, "c": 1, "?": 1, "H": 2, "h": 2, "I": 4, "i": 4, "f": 4,
         "L": 8, "l": 8, "Q": 8, "q": 8, "n": 8, "N": 8, "d": 8}


def show(v):
    # NaN and -0.0 print the same in both; floats are shown by repr.
    return repr(v)


for case in range(150):
    n = 8 * (1 + rnd(6))
    data = bytearray(rnd(256) for _ in range(n))
    fmt = FORMATS[rnd(len(FORMATS))]
    m = memoryview(data)
    c = m.cast(fmt)
    items = c.tolist()
    if fmt in "fd":
        items = [x if x == x else "nan" for x in items]
    print(case, fmt, len(c), c.nbytes, c.strides, show(items[:4]))
    # a random slice
    start, stop, step = rnd(len(c) + 3) - 1, rnd(len(c) + 3) - 1, rnd(5) - 2 or 1
    s = c[start:stop:step]
    sl = s.tolist()
    if fmt in "fd":
        sl = [x if x == x else "nan" for x in sl]
    print(" slice", start, stop, step, len(s), s.strides, s.contiguous, show(sl[:4]), s.tobytes()[:8].hex())
    # a write of a random value
    if len(c):
        i = rnd(len(c))
        if fmt == "c":
            v = bytes([rnd(256)])
        elif fmt in "fd":
            v = (rnd(2000) - 1000) / 8
        elif fmt == "?":
            v = rnd(3)
        else:
            bits = 8 * SIZES[fmt]
            v = rnd(2**16) * (2 ** (bits - 16) if bits > 16 else 1) - (2 ** (bits - 1) if fmt.islower() else 0)
            if rnd(4) == 0:
                v = v * 4 + 1 if rnd(2) else -v - 2**bits
        try:
            c[i] = v
            print(" set", i, show(c[i]), bytes(data).hex()[:16])
        except (ValueError, TypeError) as e:
            print(" set", i, type(e).__name__, e)
    # an N-D shape over the bytes, when one fits
    if fmt in "Bbc" and n % 4 == 0:
        shape = [n // 4, 2, 2] if rnd(2) else [2, n // 2]
        nd = m.cast(fmt, shape)
        print(" nd", nd.shape, nd.strides, nd.tolist()[0], nd[tuple(rnd(d) for d in shape)], nd.c_contiguous, nd.f_contiguous)
        flat = nd.cast("B")
        print(" flat", flat.shape, flat == m, flat.tobytes() == bytes(data))
    # comparisons across formats over the same memory
    other = memoryview(bytes(data)).cast(fmt)
    print(" eq", c == other, c == m, m == bytes(data), c[::2] == other[::2])
