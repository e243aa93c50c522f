# for/else and while/else: else runs when the loop ends without break,
# including empty loops and loops ended by continue.
def find(items, target):
    for i, item in enumerate(items):
        if item == target:
            print("  found at", i)
            break
    else:
        print("  not found")
        return -1
    return i

print(find([4, 5, 6], 5), find([4, 5, 6], 9), find([], 1))
n = 0
while n < 3:
    n += 1
    if n == 10:
        break
else:
    print("while ended normally at", n)
while False:
    pass
else:
    print("while else on a false condition")
for x in range(3):
    continue
else:
    print("else after continue-only loop, x =", x)

def primes(limit):
    out = []
    for n in range(2, limit):
        for d in range(2, n):
            if n % d == 0:
                break
        else:
            out.append(n)
    return out

print(primes(30))

def else_return():
    for _ in range(2):
        pass
    else:
        return "returned from else"

print(else_return())

def break_in_try_else():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            print("  finally", i)
    else:
        print("  never")
    return i

print(break_in_try_else())
k = 5
while k:
    k -= 1
    if k == 2:
        continue
else:
    print("while else after continue, k =", k)
