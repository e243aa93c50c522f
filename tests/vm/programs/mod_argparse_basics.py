# argparse: actions, nargs, types, defaults, sub-parsers, groups and the
# Namespace API (lib/argparse.py; book ch. 12).
import argparse

p = argparse.ArgumentParser(prog='tool', description='Process some integers.')
p.add_argument('integers', metavar='N', type=int, nargs='+', help='an integer for the accumulator')
p.add_argument('--sum', dest='accumulate', action='store_const', const=sum, default=max,
               help='sum the integers (default: find the max)')
p.add_argument('-v', '--verbose', action='count', default=0)
p.add_argument('--tag', action='append', default=[])
p.add_argument('--ext', action='extend', nargs='+', type=str)
p.add_argument('--flag', action=argparse.BooleanOptionalAction, default=True)
p.add_argument('--opt', nargs='?', const='C', default='D')
p.add_argument('--pair', nargs=2, metavar=('K', 'V'))
p.add_argument('--color', choices=['red', 'green'])
ns = p.parse_args(['1', '2', '3', '--sum', '-vvv', '--tag', 'a', '--tag=b', '--ext', 'x', 'y', '--no-flag',
                   '--opt', '--pair', 'k', 'v', '--col', 'red'])
print(ns.accumulate(ns.integers), ns.verbose, ns.tag, ns.ext, ns.flag, ns.opt, ns.pair, ns.color)
print(sorted(vars(ns)))

# Namespace: repr, equality, containment.
ns = argparse.Namespace(b=2, a=1)
print(ns, 'a' in ns, 'z' in ns, ns == argparse.Namespace(a=1, b=2), ns != argparse.Namespace(a=1))
print(argparse.Namespace(**{'not-ident': 1, 'x': 2}))

# Intermixed positionals and optionals, '--', negative numbers.
p = argparse.ArgumentParser(prog='mix')
p.add_argument('--foo')
p.add_argument('cmd')
p.add_argument('rest', nargs='*', type=float)
print(p.parse_intermixed_args(['a', '--foo', 'x', '1', '-2', '3.5']))
print(p.parse_args(['--', '-x', '-1']))
print(p.parse_known_args(['a', '--bar', '1', '--foo', 'f']))

# Sub-parsers with aliases, dest and set_defaults.
p = argparse.ArgumentParser(prog='git')
p.add_argument('--debug', action='store_true')
sub = p.add_subparsers(dest='command', required=True)
c = sub.add_parser('commit', aliases=['ci'], help='record changes')
c.add_argument('-m', '--message')
c.set_defaults(func='do_commit')
s = sub.add_parser('status')
s.add_argument('--short', '-s', action='store_true')
print(p.parse_args(['--debug', 'ci', '-m', 'msg']))
print(p.parse_args(['status', '-s']))
print(p.get_default('debug'), c.get_default('func'))

# Parents, argument_default, prefix characters, custom types.
parent = argparse.ArgumentParser(add_help=False)
parent.add_argument('--parent-opt', type=int, default=7)
child = argparse.ArgumentParser(prog='child', parents=[parent], argument_default=argparse.SUPPRESS)
child.add_argument('--only-if-given')
print(child.parse_args([]), child.parse_args(['--parent-opt', '9', '--only-if-given', 'yes']))
plus = argparse.ArgumentParser(prog='plus', prefix_chars='-+')
plus.add_argument('+x', action='store_true')
plus.add_argument('-y', action='store_false')
print(plus.parse_args(['+x', '-y']))

def hexint(s):
    return int(s, 16)
p = argparse.ArgumentParser(prog='types')
p.add_argument('n', type=hexint)
p.add_argument('--ratio', type=float, default='0.5')
print(p.parse_args(['ff']))

# fromfile_prefix_chars and convert_arg_line_to_args.
import os, tempfile
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'args.txt')
    with open(path, 'w') as f:
        f.write('--foo\nbar\nbaz\n')
    p = argparse.ArgumentParser(prog='ff', fromfile_prefix_chars='@')
    p.add_argument('--foo')
    p.add_argument('words', nargs='*')
    print(p.parse_args(['@' + path, 'qux']))

# exit_on_error=False raises ArgumentError.
p = argparse.ArgumentParser(prog='raise', exit_on_error=False)
p.add_argument('--n', type=int)
try:
    p.parse_args(['--n', 'x'])
except argparse.ArgumentError as e:
    print(type(e).__name__, e, e.argument_name, e.message)
print(repr(argparse.FileType('rb', 0)), repr(argparse.FileType(encoding='latin-1', errors='strict')))
a = p._actions[1]
print(a)
