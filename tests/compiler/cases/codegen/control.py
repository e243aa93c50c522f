for i in range(10):
    if i % 2:
        continue
    elif i > 5:
        break
    else:
        print(i)
else:
    print("done")

while x:
    x -= 1
    if x == 3:
        break
else:
    pass

try:
    f()
except ValueError as e:
    print(e)
except (TypeError, KeyError):
    pass
except:
    raise
else:
    g()
finally:
    h()

try:
    f()
finally:
    g()

with open(p) as f, open(q) as g:
    data = f.read()

def loops():
    for x in y:
        try:
            return x
        finally:
            print(x)
    while True:
        with lock:
            break
    for a in b:
        try:
            continue
        except E:
            pass

assert x, "message"
assert y
raise ValueError("x") from None
