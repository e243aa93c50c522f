# sys's struct sequences (version_info, flags, float_info, int_info,
# hash_info, thread_info) behave as named tuples; int max str digits;
# getsizeof's errors; _xoptions; audit hooks.
import sys

vi = sys.version_info
print(repr(vi), len(vi), vi[:3], vi.major, vi.releaselevel, tuple(vi) == vi, vi > (3, 10), hash(vi) == hash(tuple(vi)))
print(type(vi).__name__, type(vi).__module__, type(vi).n_fields, type(vi).n_sequence_fields, type(vi).n_unnamed_fields)
print(type(vi).__match_args__, vi.__reduce__()[1])
print(isinstance(vi, tuple), list(vi), vi.index(11), vi.count(3), vi + (1,), vi * 1 == tuple(vi))
for t in (type(sys.version_info), type(sys.flags)):
    try:
        t((1,) * t.n_fields)
    except TypeError as e:
        print(e)
try:
    vi.major = 4
except AttributeError as e:
    print("AttributeError", e)
match vi:
    case (3, minor, *_):
        print("matched minor", minor)
FloatInfo = type(sys.float_info)
match sys.float_info:
    case FloatInfo(m, _, _, _, _, _, d):
        print("matched", m, d)

fi = sys.float_info
print(repr(fi))
print(fi.max, fi.min, fi.epsilon, fi.dig, fi.mant_dig, fi.radix, fi.rounds, 1.0 + fi.epsilon > 1.0)
print(repr(sys.int_info), repr(sys.hash_info))
print(sys.thread_info.name, sys.thread_info.lock, type(sys.thread_info.version).__name__)
FI = type(fi)
print(FI(range(11)))
for bad in ((1, 2), 5, list(range(12))):
    try:
        FI(bad)
    except TypeError as e:
        print(e)
try:
    FI(range(11), 5)
except TypeError as e:
    print(e)
print(FI(sequence=range(11), dict={}).rounds)

f = sys.flags
print(f.debug, f.inspect, f.interactive, f.optimize, f.no_user_site, f.no_site, f.ignore_environment, f.verbose)
print(f.bytes_warning, f.quiet, f.isolated, f.dev_mode, f.utf8_mode, f.warn_default_encoding, f.safe_path,
      f.int_max_str_digits, len(f), type(f).__match_args__[:3])
print(sys._xoptions, sys.warnoptions)

print(sys.get_int_max_str_digits(), sys.int_info.default_max_str_digits)
for bad in (100, -1, "x", 639):
    try:
        sys.set_int_max_str_digits(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
sys.set_int_max_str_digits(maxdigits=640)
try:
    int("1" * 641)
except ValueError as e:
    print(e)
print(len(str(int("1" * 640))))
sys.set_int_max_str_digits(0)
print(len(str(10 ** 5000)))
try:
    sys.set_int_max_str_digits()
except TypeError as e:
    print(e)
sys.set_int_max_str_digits(4300)

class Neg:
    def __sizeof__(self):
        return -1
class Str:
    def __sizeof__(self):
        return "x"
print(sys.getsizeof(Str(), "dflt"))
for o in (Neg(), Str()):
    try:
        sys.getsizeof(o)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    sys.getsizeof()
except TypeError as e:
    print(e)
print(sys.getsizeof(1) > 0, sys.getsizeof([]) < sys.getsizeof([1, 2, 3]) or "sizes differ")

events = []
sys.addaudithook(lambda ev, args: events.append((ev, args)))
sys.audit("my.event", 1, "two")
print(events)
print(sys.getdefaultencoding(), sys.getfilesystemencoding(), sys.getfilesystemencodeerrors(), sys.float_repr_style)
print(sys.is_finalizing(), sys.api_version, repr(sys.abiflags), sys.platlibdir, sys.pycache_prefix)
