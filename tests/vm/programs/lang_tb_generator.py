# An exception raised inside a generator propagates through the consumer;
# the traceback shows the generator frame and the caller.
def numbers(limit):
    for i in range(limit):
        yield 10 // (2 - i)

def total(gen):
    acc = 0
    for value in gen:
        acc += value
        print("partial", acc)
    return acc

def wrapper(n):
    yield from numbers(n)

print(total(numbers(2)))
print(total(wrapper(4)))
