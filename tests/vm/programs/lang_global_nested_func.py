# global declared in a nested function affects only that function; the
# enclosing function's local of the same name is untouched.
value = "module"

def outer():
    value = "outer local"
    def inner():
        global value
        value = "set by inner"
    inner()
    return value

print(outer(), value)

def reads_after_global_assign():
    global fresh
    fresh = 1
    def reader():
        return fresh
    return reader()

print(reads_after_global_assign(), fresh)

def loop_global():
    global total
    total = 0
    for i in range(5):
        total += i

loop_global()
print(total)

def comprehension_global():
    global last_seen
    return [last_seen := i for i in range(3)]

print(comprehension_global(), last_seen)
counter = 0

def make_incrementer():
    def inc():
        global counter
        counter += 1
        return counter
    return inc

inc = make_incrementer()
inc(); inc()
print(counter)
