# argparse help and usage layouts: wrapping at several widths, groups,
# mutually exclusive groups, sub-parser listings and the formatter classes
# (lib/argparse.py; book ch. 12).
import argparse, os

def build(formatter_class=argparse.HelpFormatter, prog='frobnicate'):
    p = argparse.ArgumentParser(
        prog=prog, formatter_class=formatter_class,
        description='''Frobnicate the widgets.
    This description has    odd   spacing
        and several lines.''',
        epilog='See the manual for %(prog)s.')
    p.add_argument('--count', '-c', type=int, default=3, help='how many (default: %(default)s)')
    p.add_argument('--mode', choices=['fast', 'slow'], default='fast', help='one of %(choices)s')
    p.add_argument('--name', metavar='NAME', help='a name that has a rather long help text so that it needs '
                   'wrapping across more than one line of output')
    p.add_argument('--a-very-long-option-name-indeed', action='store_true', help='long invocation')
    p.add_argument('--secret', help=argparse.SUPPRESS)
    m = p.add_mutually_exclusive_group()
    m.add_argument('--json', action='store_true', help='JSON output')
    m.add_argument('--xml', action='store_true', help='XML output')
    g = p.add_argument_group('advanced', 'Settings most people never touch.')
    g.add_argument('--level', type=float, nargs='?', const=1.0, help='level %(type)s')
    g.add_argument('--pair', nargs=2, metavar=('LEFT', 'RIGHT'))
    p.add_argument('source', help='where from')
    p.add_argument('targets', nargs='*', default=['.'], help='where to')
    p.add_argument('--version', action='version', version='%(prog)s 1.2')
    sub = p.add_subparsers(title='commands', dest='cmd', help='what to do')
    sub.add_parser('go', help='go somewhere', aliases=['g'])
    sub.add_parser('stay', help='stay put')
    return p

for cols in ('50', '80', '120'):
    os.environ['COLUMNS'] = cols
    print('=== COLUMNS', cols)
    print(build().format_help())
os.environ['COLUMNS'] = '80'
for cls in (argparse.RawDescriptionHelpFormatter, argparse.RawTextHelpFormatter,
            argparse.ArgumentDefaultsHelpFormatter):
    print('===', cls.__name__)
    print(build(cls).format_help())
p = argparse.ArgumentParser(prog='mt', formatter_class=argparse.MetavarTypeHelpFormatter)
p.add_argument('--x', type=int)
p.add_argument('y', type=float)
p.print_help()
print(build(prog='an-extremely-long-program-name-that-takes-most-of-the-line').format_usage())
p = argparse.ArgumentParser(prog='req')
m = p.add_mutually_exclusive_group(required=True)
m.add_argument('--one', action='store_true')
m.add_argument('--two', action='store_true')
p.add_argument('x', nargs=argparse.REMAINDER)
p.print_usage()
p = argparse.ArgumentParser(prog='custom', usage='%(prog)s [opts] FILE', add_help=False)
p.add_argument('file')
p.print_help()
print(repr(p))
