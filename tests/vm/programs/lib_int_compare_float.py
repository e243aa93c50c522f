# Exact comparisons between ints and floats at and beyond 2**53, with infinities and nan.
big = 2**53
print(big == float(big), big + 1 == float(big + 1), big + 1 > float(big), float(big) < big + 1)
print(2**64 == 2.0**64, 2**64 + 1 > 2.0**64, 2**1024 > 1.7976931348623157e308, -(2**1024) < -1.7976931348623157e308)
print(10**400 < float("inf"), -(10**400) > float("-inf"), 10**400 == float("inf"), 0 == -0.0, 1 < 1.0000000000000002)
nan = float("nan")
print(1 < nan, 1 > nan, 1 == nan, 1 != nan, 10**400 < nan, nan == 10**400)
values = [3, 2.5, -1, 2**60, 1e18, True, -0.0, 10**20, 1e20]
print(sorted(values), max(values), min(values))
print(sorted([2**53 + 1, float(2**53), 2**53, 2**53 + 2.0]))
print(9007199254740993 < 9007199254740994.0, 9007199254740993 > 9007199254740992.0)
print(0.1 < 1, 3 >= 3.0, 3 <= 2.999999999999999, 7 == 7.0000000000000001, 123456789012345678 == 123456789012345678.0)
print(hash(2**53) == hash(float(2**53)), {2**53: "int"}[float(2**53)], float(2**53 + 1) in {2**53})
print(int(1e20) == 10**20, int(1e22) == 10**22, int(1e23) == 10**23, float(10**23) == 1e23)
print(1 == 1 + 0j, 2**53 + 1 == complex(2**53 + 1, 0), (2**53 + 1) == complex(float(2**53 + 1)))
print([x for x in (0.5, 1, 1.5, 2) if 1 <= x < 2], -1 < -0.5 < 0 < 0.5 < 1)
print(2**53 + 1 != 2.0**53)
