# difflib: SequenceMatcher (blocks, opcodes, ratios, junk, autojunk), the
# line diffs (ndiff, unified, context, diff_bytes), restore and
# get_close_matches on fixed inputs. Book chapter 12; issue 10.
import difflib

s = difflib.SequenceMatcher(None, 'abxcd', 'abcd')
print(s.get_matching_blocks())
print(s.get_opcodes())
print(s.ratio(), s.quick_ratio(), s.real_quick_ratio())
s = difflib.SequenceMatcher(lambda x: x == ' ', 'private Thread currentThread;',
                            'private volatile Thread currentThread;')
print(round(s.ratio(), 3), s.find_longest_match(0, 29, 0, 38))
for tag, i1, i2, j1, j2 in s.get_opcodes():
    print('%7s a[%d:%d] b[%d:%d]' % (tag, i1, i2, j1, j2))
print(list(difflib.SequenceMatcher(None, 'a' * 300, 'a' * 299 + 'b').get_matching_blocks()))
print(list(difflib.SequenceMatcher(None, 'a' * 300, 'a' * 299 + 'b', autojunk=False).get_matching_blocks()))
print(list(difflib.SequenceMatcher(None, list(range(40)), list(range(3, 43))).get_grouped_opcodes(2)))

one = ['one\n', 'two\n', 'three\n', 'four\n']
two = ['ore\n', 'tree\n', 'emu\n', 'four\n']
delta = list(difflib.ndiff(one, two))
print(''.join(delta), end='')
print(''.join(difflib.restore(delta, 1)), end='')
print(''.join(difflib.restore(delta, 2)), end='')
print(''.join(difflib.unified_diff(one, two, 'before.py', 'after.py', 'then', 'now')), end='')
print(''.join(difflib.context_diff(one, two, 'before.py', 'after.py')), end='')
print(list(difflib.unified_diff(['a'], ['b'], lineterm='')))
print(list(difflib.diff_bytes(difflib.unified_diff, [b'\xff\n'], [b'\xfe\n'])))
print(''.join(difflib.Differ().compare(['\tabcDefghiJkl\n'], ['\tabcdefGhijkl\n'])), end='')
print(difflib.get_close_matches('appel', ['ape', 'apple', 'peach', 'puppy']))
print(difflib.get_close_matches('wheel', ['while', 'whale', 'wheat', 'hello'], n=2, cutoff=0.5))
for bad in [dict(n=0), dict(cutoff=2)]:
    try:
        difflib.get_close_matches('x', ['y'], **bad)
    except ValueError as e:
        print(e)
try:
    list(difflib.unified_diff([b'a'], [b'b']))
except TypeError as e:
    print(e)
print(difflib.IS_LINE_JUNK('  #  \n'), difflib.IS_LINE_JUNK('x = 1\n'), difflib.IS_CHARACTER_JUNK(' '))
