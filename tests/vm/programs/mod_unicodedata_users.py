# The users of unicodedata: re's \N{...}, the namereplace error handler,
# the unicode_escape codec's \N{...}, traceback's width of wide characters.
import re
import sys
import traceback

print(re.match(r'\N{LATIN SMALL LETTER E WITH ACUTE}+', '\u00e9\u00e9x').group())
print(re.findall(r'[\N{DIGIT ONE}-\N{DIGIT THREE}]', '0123'))
try:
    re.compile(r'\N{NO SUCH NAME}')
except re.error as e:
    print('re.error', e)
print('a\u20ac\U0001f600\x80'.encode('ascii', 'namereplace'))
print(b'\\N{EURO SIGN} \\N{LF}'.decode('unicode_escape') == '\u20ac \n')


def f():
    x = {'\u4e2d\u6587': 1}
    return x['\u4e2d\u6587'] + x['\uff21\uff22']


try:
    f()
except KeyError:
    lines = traceback.format_exc().splitlines()
    print('\n'.join(line for line in lines if 'File' not in line))
