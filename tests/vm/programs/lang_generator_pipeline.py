# Generators chained into a pipeline: lazy stages, early termination
# closing upstream generators (finally blocks run), infinite sources.
events = []

def source(n):
    try:
        for i in range(n):
            events.append(f"produce {i}")
            yield i
    finally:
        events.append("source closed")

def squares(it):
    try:
        for v in it:
            yield v * v
    finally:
        events.append("squares closed")

def take(it, k):
    for i, v in enumerate(it):
        if i >= k:
            return
        yield v

def naturals():
    n = 0
    while True:
        yield n
        n += 1

result = list(take(squares(source(100)), 3))
print(result)
print(events)
events.clear()
pipe = squares(source(5))
print(next(pipe), next(pipe))
pipe.close()
print(events)
evens = (n for n in naturals() if n % 2 == 0)
firsts = [next(evens) for _ in range(5)]
print(firsts)

def running_total(it):
    total = 0
    for v in it:
        total += v
        yield total

print(list(running_total(take(naturals(), 6))))

def batched(it, size):
    batch = []
    for v in it:
        batch.append(v)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch

print(list(batched(range(7), 3)))
print(sum(take(naturals(), 1000)), max(take(squares(naturals()), 10)))
