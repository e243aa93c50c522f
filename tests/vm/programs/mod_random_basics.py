# random: seeded sequences of every kind of call give CPython's exact values.
import random

random.seed(42)
print(random.random(), random.randint(1, 100), random.choice("abcdefg"))
items = list(range(15))
random.shuffle(items)
print(items)
print(random.gauss(0, 1), random.gauss(5, 2), random.normalvariate(1, 3))
print(random.sample(range(1000), 8), random.sample("abcdef", k=3, counts=[1, 2, 3, 1, 1, 1]))
print(random.choices("xyz", weights=[5, 1, 1], k=6), random.choices("xyz", cum_weights=[1, 2, 10], k=4))
print(random.uniform(-3, 3), random.triangular(0, 10, 2), random.expovariate(0.5))
print(random.betavariate(2, 5), random.gammavariate(0.3, 2), random.gammavariate(9, 1))
print(random.vonmisesvariate(0, 4), random.paretovariate(3), random.weibullvariate(2, 0.5))
print(random.getrandbits(1), random.getrandbits(77), random.randbytes(6))
print(random.randrange(3, 1000, 9), random.randrange(-5, 5), random.randrange(10 ** 30))

for seed in ("spam", b"eggs", bytearray(b"ham"), -12345, 2 ** 200 + 7, 3.25, 0):
    random.seed(seed)
    print(repr(seed), random.random(), random.randrange(100))

state = random.getstate()
first = [random.random() for _ in range(4)]
random.setstate(state)
print(first == [random.random() for _ in range(4)], len(state[1]))

r1, r2 = random.Random(99), random.Random(99)
print(r1.random() == r2.random(), r1.getrandbits(64) == r2.getrandbits(64))


class Dice(random.Random):
    def random(self):
        return super().random()


d = Dice(5)
print([d.randrange(6) + 1 for _ in range(10)], Dice._randbelow is random.Random._randbelow_without_getrandbits)

for bad in (lambda: random.randrange(0), lambda: random.randrange(1, 10, 0), lambda: random.choice([]),
            lambda: random.sample(range(3), 4), lambda: random.getrandbits(-1), lambda: random.seed({}),
            lambda: random.gammavariate(-1, 1), lambda: random.choices("ab", [1], k=2),
            lambda: random.randrange(2.5), lambda: random.sample({1, 2}, 1)):
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)

sysrand = random.SystemRandom()
print(0.0 <= sysrand.random() < 1.0, 0 <= sysrand.getrandbits(70) < 2 ** 70, len(sysrand.randbytes(5)),
      sysrand.randrange(10) in range(10), sysrand.seed(1))
try:
    sysrand.getstate()
except NotImplementedError as e:
    print(e)
