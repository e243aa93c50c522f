# argparse errors: the 'usage: ...' + 'prog: error: ...' messages and exit
# status 2, --help/--version exits, and the ValueErrors of bad definitions
# (lib/argparse.py; book ch. 12).
import argparse, contextlib, io

p = argparse.ArgumentParser(prog='calc')
p.add_argument('x', type=int)
p.add_argument('--op', choices=['add', 'mul'], required=True)
p.add_argument('--scale', type=float)
p.add_argument('--verbose', '--verbatim', action='store_true')
m = p.add_mutually_exclusive_group()
m.add_argument('-a', action='store_true')
m.add_argument('-b', action='store_true')

for argv in (['1'], ['x', '--op', 'add'], ['1', '--op', 'div'], ['1', '--op', 'add', '--scale'],
             ['1', '--op', 'add', '--verb'], ['1', '--op', 'add', '-a', '-b'], ['1', '2', '--op', 'mul'],
             ['1', '--op', 'add', '--scale=abc'], ['1', '--op=add', '--verbose=yes'], ['-h'], []):
    err = io.StringIO()
    out = io.StringIO()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            print(p.parse_args(argv))
    except SystemExit as e:
        print(argv, 'exit', e.code)
    print(out.getvalue(), end='')
    print(err.getvalue(), end='')

def attempt(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e)

q = argparse.ArgumentParser(prog='defs')
attempt(lambda: q.add_argument('--x', nargs=0))
attempt(lambda: q.add_argument('x', required=True))
attempt(lambda: q.add_argument('--y', action='store_const'))
attempt(lambda: q.add_argument('-h'))
attempt(lambda: q.add_argument('--z', action='bogus'))
attempt(lambda: q.add_argument('--w', type='int'))
attempt(lambda: q.add_argument('--v', nargs=2, metavar=('A', 'B', 'C')))
attempt(lambda: q.add_argument('--t', type=argparse.FileType))
attempt(lambda: q.add_argument('bad', dest='other'))
attempt(lambda: q.add_argument('-', '--'))
attempt(lambda: q.add_argument('--c', const=1))
attempt(lambda: argparse.ArgumentParser(conflict_handler='nope'))
r = argparse.ArgumentParser(prog='res', conflict_handler='resolve')
r.add_argument('-x', '--ex', help='old')
r.add_argument('-x', help='new')
r.print_help()
p.error('custom failure')
