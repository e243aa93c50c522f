# while loops: conditions re-evaluated each time, complex conditions,
# infinite loops with break, and loops driven by mutation.
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
stack = [1, [2, [3, [4]]]]
flat = []
while stack:
    item = stack.pop()
    if isinstance(item, list):
        stack.extend(item)
    else:
        flat.append(item)
print(sorted(flat))
a, b = 0, 1
fibs = []
while len(fibs) < 10 and b < 1000:
    fibs.append(b)
    a, b = b, a + b
print(fibs)
count = 0
while True:
    count += 1
    if count >= 5:
        break
print("count", count)
checks = []

def cond(i):
    checks.append(i)
    return i < 3

i = 0
while cond(i):
    i += 1
print(checks)
text = "  padded  "
while text.startswith(" "):
    text = text[1:]
print(repr(text))
x = 10
while x := x - 3:
    if x < 0:
        print("went negative", x)
        break
