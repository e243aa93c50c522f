# Sorting stability and determinism on larger data: multi-key sorts, reverse stability, key caching.
records = []
seed = 12345
for i in range(200):
    seed = (seed * 1103515245 + 12345) % 2**31
    records.append((seed % 7, seed % 3, i))
by_first = sorted(records, key=lambda r: r[0])
ok = all(by_first[i][0] < by_first[i + 1][0] or
         (by_first[i][0] == by_first[i + 1][0] and by_first[i][2] < by_first[i + 1][2])
         for i in range(len(by_first) - 1))
print("stable ascending:", ok)
rev = sorted(records, key=lambda r: r[0], reverse=True)
ok = all(rev[i][0] > rev[i + 1][0] or (rev[i][0] == rev[i + 1][0] and rev[i][2] < rev[i + 1][2])
         for i in range(len(rev) - 1))
print("stable descending:", ok)
two_pass = sorted(sorted(records, key=lambda r: r[1]), key=lambda r: r[0])
print("two pass == tuple key:", two_pass == sorted(records, key=lambda r: (r[0], r[1])))
print(records[:5], two_pass[:5], two_pass[-3:])
calls = 0


def key(r):
    global calls
    calls += 1
    return r[2] % 10


result = sorted(records, key=key)
print("key called once per item:", calls == len(records), result[:3])
print(sorted(range(20), key=lambda n: n % 4), sorted(range(10), key=lambda n: -n, reverse=True))
words = "one two three four five six seven eight nine ten".split()
print(sorted(words, key=len), sorted(words, key=lambda w: (len(w), w), reverse=True))
desc = list(range(50, 0, -1))
asc_runs = list(range(25)) + list(range(25))
print(sorted(desc)[:5], sorted(asc_runs)[:6], sorted([5] * 10) == [5] * 10)
print(sorted("Mississippi"), sorted("Mississippi", key=str.lower), "".join(sorted(set("Mississippi"))))
data = [3, 1, 2]
data.sort(key=lambda v: data.index(v) if False else v)
print(data, sorted([0.0, -0.0, 0]), sorted([-0.0, 0.0]), sorted([True, 1, 1.0]))
sorted(records, key=lambda r: r if r[2] < 100 else None)
