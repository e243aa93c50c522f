from runcirc.bad_a import value
