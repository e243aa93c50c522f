# re's Pattern, Match and scanner objects are containers the cycle
# collector tracks (_sre's pattern/match/scanner traverse): a cycle through
# a match's subject or a pattern's source is freed by gc.collect().
import gc
import re
import weakref


class Text(str):
    pass


p = re.compile(r"(a)(?P<rest>b+)")
m = p.match("abbb")
s = p.scanner("ab abb")
print("tracked:", gc.is_tracked(p), gc.is_tracked(m), gc.is_tracked(s))
print("match referents:", sorted(type(x).__name__ for x in gc.get_referents(m) if not isinstance(x, type)))
print("scanner referents:", sorted(type(x).__name__ for x in gc.get_referents(s) if not isinstance(x, type)))

# subject -> match -> subject
subject = Text("abb")
subject.match = re.compile(r"a(b*)").match(subject)
watch = weakref.ref(subject)
del subject
gc.collect()
print("match cycle freed:", watch() is None)

# source -> pattern -> source (a pattern built from a str subclass keeps it)
source = Text(r"x+(?P<y>y)")
source.pattern = re.compile(source, re.ASCII)
print(source.pattern.groupindex, source.pattern.pattern == source)
watch = weakref.ref(source)
del source
re.purge()
gc.collect()
print("pattern cycle freed:", watch() is None)

# A finalizer in the cycle sees the match whole.
class Holder:
    def __del__(self):
        print("__del__ sees", self.m.group(0), self.m.span(1), self.m.groupdict())

h = Holder()
h.m = re.match(r"(?P<x>\d+)-\d+", "12-34")
h.self = h
del h
print("collected something:", gc.collect() > 0)
