# fnmatch: translate() output, matching, filter, bytes patterns.
import fnmatch

pats = ['*.txt', 'a*b*c', '*', '**a', '[!a-c]x?', '[]]', '[!]', '[a-', 'x[', '*a*', 'a*b*c*d',
        '[a-z--0]', '\\', '[[]', '[z-a]q', '[^x]', 'a[?]b', '[a-c-e]', '[!--]', '*.[ch]', 'a&&b[&~|]']
for p in pats:
    print(repr(p), repr(fnmatch.translate(p)))
names = ['a.txt', 'b.TXT', 'abc', 'aXbYc', 'zx1', ']', '!', 'x[', '[', 'q', '^', 'a?b', 'main.c', 'x.h', '-']
for p in pats:
    print(p, fnmatch.filter(names, p), [fnmatch.fnmatchcase(n, p) for n in names[:4]])
print(fnmatch.fnmatch('README.md', '*.MD'), fnmatch.fnmatch('readme.md', '*.md'))
print(fnmatch.fnmatchcase(b'data.bin', b'*.bin'), fnmatch.filter([b'a.py', b'b.c'], b'*.py'))
print(fnmatch.fnmatch('x' * 50, '*x*x*x*x*x*x*x*x*y'))
try:
    fnmatch.fnmatch(1, '*')
except TypeError as e:
    print('TypeError', e)
