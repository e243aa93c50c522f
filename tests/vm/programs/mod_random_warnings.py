# random.randrange's 3.11 deprecations: non-integer arguments warn at the
# caller's line; non-integral ones warn and raise ValueError.
import random
import warnings

warnings.simplefilter("always")
random.seed(3)
print(random.randrange(10.0), random.randrange(2.0, 9.0), random.randrange(1, 20, 3.0))
for args in [(2.5,), (1, 2.5), (1, 10, 1.5)]:
    try:
        random.randrange(*args)
    except ValueError as e:
        print(e)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    random.randrange(4.0)
print([(w.category.__name__, str(w.message)) for w in caught])
