# Grouping separators in format specs: ints, floats, with width/fill/zero-padding, and locale-free 'n'.
for n in (0, 7, 999, 1000, -1234567, 10**12, 2**64):
    print(f"{n:,}", f"{n:_}", f"{n:>15,}", f"{n:015,}", f"{n:+,}", f"{n:_x}", f"{n:_b}"[-14:], f"{n:n}")
for x in (0.0, 1234.5, -1234567.891, 1e10, 123456789.125):
    print(f"{x:,}", f"{x:,.2f}", f"{x:_.1f}", f"{x:015,.2f}", f"{x:,.3e}", f"{x:,g}", f"{x:,.0%}"[:12])
print(format(1234567, ",d"), format(-0.5, ",.1f"), format(1e16, ","), format(12345.6789, "_.2f"))
print(f"{1234567:010,}", f"{1234567:09,}", f"{-1234567:012,}", f"{12:0>6,}", f"{1234:*^11,}")
for spec in (",s", "_,", ",_", ",c", "_n", ",n", "_o", ",o", ",x"):
    try:
        print(spec, format(1234567, spec))
    except ValueError as e:
        print(spec, type(e).__name__, e)
format(1.5, ",_")
