# UnboundLocalError: a local read before its assignment.
total = 10
def add(n):
    total += n
    return total
add(1)
