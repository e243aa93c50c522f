# bisect.py: binary search and sorted insertion for sequences kept in
# order. minipy's own module with the API of CPython 3.11's Lib/bisect.py;
# the algorithms are the native _bisect (modules/_bisectmodule.cpp).
# Book chapter 12, "The Standard Library".

from _bisect import bisect_left, bisect_right, insort_left, insort_right

# The short names mean the *_right forms (equal items stay to the left).
bisect = bisect_right
insort = insort_right
