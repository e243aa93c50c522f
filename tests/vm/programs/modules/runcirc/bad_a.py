# bad_a imports bad_b, which wants a name bad_a has not defined yet.
from runcirc import bad_b
value = 1
