# enum.Flag and IntFlag: combination reprs, iteration, invert, containment,
# aliases, boundaries (STRICT, CONFORM, EJECT, KEEP), auto bit values.
from enum import Flag, IntFlag, auto, FlagBoundary, STRICT, CONFORM, EJECT, KEEP
import enum

class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7

rw = Perm.R | Perm.W
print(repr(rw), str(rw), format(rw), rw.name, rw.value)
print(repr(Perm.RWX), repr(Perm(0)), str(Perm(0)), bool(Perm(0)), bool(Perm.R))
print(list(Perm), len(Perm), list(rw), len(rw), list(Perm.RWX))
print(repr(~Perm.R), repr(~rw), repr(~Perm.RWX), repr(~Perm(0)))
print(Perm.R in rw, Perm.X in rw, Perm.RWX & Perm.W, Perm.R ^ Perm.RWX)
print(Perm(6) is rw, Perm(3), Perm["RWX"])
print(repr(Perm), Perm.__members__.keys())
try:
    Perm(8)
except ValueError as e:
    print("ValueError:", e)
try:
    Perm.R | 1
except TypeError as e:
    print("TypeError:", e)
try:
    1 in rw
except TypeError as e:
    print("TypeError:", e)
try:
    Perm("x")
except ValueError as e:
    print("ValueError:", e)

class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE
    NONE = 0
print([(m.name, m.value) for m in Color], repr(Color.WHITE), repr(Color.NONE))
print(repr(Color.RED | Color.BLUE), repr(Color(7)), Color.NONE.name)
print(repr(Color.WHITE & ~Color.GREEN))

class IP(IntFlag):
    R = 4
    W = 2
    X = 1
print(repr(IP.R | IP.W), str(IP.R | IP.W), format(IP.R | IP.X), IP.R | 8, repr(IP.R | 8))
print(repr(~IP.R), IP.R + 1, IP.R == 4, repr(IP(0)), repr(IP(9)), list(IP(7)))
print(repr(IP.R & 6), repr(3 | IP.R), isinstance(IP.R | IP.W, IP), IP(-1), repr(IP(-1)))
print(repr(IP.R ^ IP.W), IP.W in IP(6))

class Strict(Flag, boundary=STRICT):
    A = 1
    B = 2
class Conform(Flag, boundary=CONFORM):
    A = 1
    B = 2
class Eject(Flag, boundary=EJECT):
    A = 1
    B = 2
class Keep(Flag, boundary=KEEP):
    A = 1
    B = 2
for cls in (Strict, Conform, Eject, Keep):
    try:
        r = cls(7)
        print(cls.__name__, repr(r), type(r).__name__, cls._boundary_)
    except ValueError as e:
        print(cls.__name__, "ValueError:", e)
print(repr(~Keep.A), repr(~Eject.A), repr(~Conform.A))
print(repr(FlagBoundary.KEEP), str(FlagBoundary.STRICT), list(FlagBoundary))
print(Perm._boundary_, IP._boundary_, Perm._flag_mask_, Perm._all_bits_, Perm._singles_mask_)

# definition order not by value: iteration follows definition
class Rev(Flag):
    HIGH = 4
    LOW = 1
    MID = 2
print(list(Rev), list(Rev(7)), repr(Rev(7)))

# negative/invert of IntFlag with multi-bit members
class Mode(IntFlag):
    A = 1
    B = 2
    AB = 3
    C = 8
print(repr(Mode(3)), repr(Mode(11)), repr(~Mode.A), repr(Mode(16)), repr(Mode(20)))
print(enum.show_flag_values(13), enum._iter_bits_lsb(0).__class__.__name__)

# flag with unnamed bits from aliases
class Odd(Flag):
    A = 1
    C = 4
    AC = 5
print(list(Odd), repr(Odd(5)), repr(Odd.AC))
try:
    class BadAuto(Flag):
        A = "x"
        B = auto()
except TypeError as e:
    print("TypeError:", e)

@enum.global_enum
class GF(IntFlag):
    GF_A = 1
    GF_B = 2
print(repr(GF_A), repr(GF_A | GF_B), repr(GF(0)), repr(GF(5)), str(GF_A))

@enum.global_enum
class GS(Flag):
    GS_A = 1
    GS_B = 2
print(str(GS_A | GS_B), str(GS(0)), repr(GS(0)))  # repr of named members fails in 3.11 (_is_single_bit on a Flag)
