"""tests/modules/test_unittest_suite.py: issue 10's acceptance test for
unittest: `minipy -m unittest ...` on the suite in tests/unittest_suite/
must print what `python3.11 -m unittest ...` prints (stdout, stderr and
exit status), for discovery with -v and for the other invocations below.

Masked before comparing, and only this: the time in "Ran N tests in
X.XXXs"; and in traceback entries of unittest's own files (the loader's
frames in import-failure reports, a TypeError raised inside enterContext)
the folder and line number, since minipy's lib/unittest is not CPython's
file. The suite is copied to a fresh temporary folder and both run with -B,
so both see the same paths and leave no __pycache__ behind.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SUITE = os.path.join(os.path.dirname(HERE), 'unittest_suite')

# (name, arguments after -m unittest)
INVOCATIONS = [
    ('discover -v', ['discover', '-v']),
    ('discover', ['discover']),
    ('no arguments (implicit discovery)', []),
    ('-q', ['-q']),
    ('-v -f (failfast)', ['-v', '-f']),
    ('-k selection', ['discover', '-v', '-k', 'sub', '-k', '*Skip*']),
    ('-b (buffer)', ['-b', '-v', 'test_output']),
    ('no buffer', ['-v', 'test_output']),
    ('test names', ['-v', 'test_asserts.TestFailingMessages.test_dicts',
                    'test_outcomes.TestSubTests', 'pkg.sub.test_deeper']),
    ('a file path', ['test_load_tests.py']),
    ('--locals', ['--locals', 'pkg.test_in_package']),
    ('discover -s -t', ['discover', '-v', '-s', 'pkg', '-t', '.']),
    ('discover -p', ['discover', '-p', 'check_*.py', '-s', 'pkg_lt']),
    ('discover positional', ['discover', 'pkg', 'test_in*.py', '.']),
    ('bad name', ['test_asserts.NoSuchClass']),
    ('missing module', ['no_such_module_anywhere']),
    ('bad start dir', ['discover', '-s', 'not_there']),
    # Usage texts name the executable ("minipy -m unittest"), and argparse
    # wraps them by the name's length: python3.11 runs these through a
    # symbolic link named like minipy's executable.
    ('-h', ['-h']),
    ('discover -h', ['discover', '-h']),
    ('bad option', ['discover', '--bogus']),
    ('bad option before names', ['-x', 'test_asserts']),
]

USAGE = {'-h', 'discover -h', 'bad option', 'bad option before names'}

TIME = re.compile(r'^(Ran \d+ tests? in )\d+\.\d+s$', re.M)
OWN_FRAME = re.compile(r'File "[^"]*/unittest/(\w+\.py)", line \d+')


def masked(text):
    text = TIME.sub(r'\1X.XXXs', text)
    return OWN_FRAME.sub(r'File "<unittest>/\1", line N', text)


def run(exe, args, cwd):
    env = dict(os.environ, COLUMNS='80', PYTHONDONTWRITEBYTECODE='1')
    env.pop('PYTHONPATH', None)
    p = subprocess.run([exe, '-B', '-m', 'unittest'] + args, cwd=cwd,
                       capture_output=True, text=True, env=env, timeout=600)
    return p.returncode, masked(p.stdout), masked(p.stderr)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--minipy', required=True)
    ap.add_argument('--python', default='python3.11')
    ap.add_argument('--show', action='store_true',
                    help='print python3.11\'s output of every invocation')
    opts = ap.parse_args()
    work = tempfile.mkdtemp(prefix='minipy_unittest_suite_')
    try:
        cwd = os.path.join(work, 'suite')
        shutil.copytree(SUITE, cwd, ignore=shutil.ignore_patterns(
            '__pycache__', 'README.md'))
        # The real python3.11 binary (not a launcher script), linked under
        # minipy's executable name.
        real_python = subprocess.run(
            [opts.python, '-c', 'import sys; print(sys.executable)'],
            capture_output=True, text=True, check=True).stdout.strip()
        alias = os.path.join(work, 'bin', os.path.basename(opts.minipy))
        os.makedirs(os.path.dirname(alias))
        os.symlink(real_python, alias)
        failed = 0
        for name, args in INVOCATIONS:
            want = run(alias if name in USAGE else opts.python, args, cwd)
            got = run(opts.minipy, args, cwd)
            if opts.show:
                print('=== %s: exit %d\n%s%s' % (name, want[0], want[1],
                                                  want[2]))
            if want == got:
                print('same:   %s (exit %d, %d lines)' % (
                    name, want[0], (want[1] + want[2]).count('\n')))
                continue
            failed += 1
            print('DIFFER: %s' % name)
            if want[0] != got[0]:
                print('  exit status: python3.11 %d, minipy %d' % (want[0],
                                                                  got[0]))
            for stream, w, g in (('stdout', want[1], got[1]),
                                 ('stderr', want[2], got[2])):
                if w == g:
                    continue
                wl, gl = w.splitlines(), g.splitlines()
                for i in range(max(len(wl), len(gl))):
                    a = wl[i] if i < len(wl) else '<missing>'
                    b = gl[i] if i < len(gl) else '<missing>'
                    if a != b:
                        print('  %s line %d\n    python3.11: %s\n'
                              '    minipy:     %s' % (stream, i + 1, a, b))
                        break
        print('%d of %d invocations identical' % (
            len(INVOCATIONS) - failed, len(INVOCATIONS)))
        return 1 if failed else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
