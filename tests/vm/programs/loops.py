# Loops: for/while with break, continue and else; nested loops; GET_ITER
# and FOR_ITER over several iterables; the jump instructions.
total = 0
for i in range(10):
    if i == 7:
        break
    if i % 2:
        continue
    total += i
else:
    print("not reached")
print(total)
n = 0
while n < 5:
    n += 1
else:
    print("while done", n)
for word in ["a", "bb", "ccc"]:
    for ch in word:
        print(ch, end="")
    print("|", end=" ")
print()
for k, v in {"x": 1, "y": 2}.items():
    print(k, v, sep="=", end=";")
print()
found = None
for i in range(2, 50):
    for j in range(2, i):
        if i % j == 0:
            break
    else:
        found = i
print("last prime", found)
i = 0
while True:
    i += 1
    if i > 100:
        break
print(i)
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
fib = [0, 1]
while len(fib) < 15:
    fib.append(fib[-1] + fib[-2])
print(fib)
count = 0
for a in range(30):
    for b in range(30):
        if (a * b) % 7 == 3 and a < b:
            count += 1
print(count)
x = 5
result = "big" if x > 3 else "small"
print(result, x > 3 and "yes" or "no", x < 3 or "fallback", not x)
