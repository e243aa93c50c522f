#!/usr/bin/env python3
"""bench/re_bench.py: regular expression matching speed (issue 10) under
minipy and python3.11 in one run, as ratios.

    bench/re_bench.py --minipy build/release/minipy [--python python3.11] [--repeat N] [--scale S]

Each workload runs inside one interpreter process (start-up and pattern
compilation excluded: patterns are compiled before the timing), best of N
timings with time.perf_counter, the two interpreters alternating so that
load on the machine hits both alike. Every workload prints a checksum
first; the two must agree or the workload is reported as a failure. The
ratio is minipy's time over python3.11's: below 1 is faster.

Both engines are native backtracking matchers over the same code lists
(minipy's modules/_sre/ and CPython's Modules/_sre/); the Python front ends
(re/_parser.py, re/_compiler.py) are only timed in 're.compile (uncached)'.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import inprocess  # noqa: E402  (the shared runner, next to this file)

WORKLOAD = r'''
import re, sys, time
scale = float(sys.argv[2])
repeat = int(sys.argv[3])
name = sys.argv[1]

WORDS = ('the quick brown fox jumps over the lazy dog while alice@example.com writes to '
         'bob.smith@test.org about 2026-11-27 and 1999-01-02 at 12:30 PM ').split()
TEXT = ' '.join(WORDS[(i * 7) % len(WORDS)] for i in range(20000))
LINES = TEXT.replace(' at ', '\n').splitlines()

def search_literal(n):
    p = re.compile(r'zebra')
    s = 0
    for _ in range(n * 20):
        s += p.search(TEXT) is None
    return s

def findall_words(n):
    p = re.compile(r'\w+')
    s = 0
    for _ in range(n):
        s += len(p.findall(TEXT))
    return s

def finditer_groups(n):
    p = re.compile(r'(?P<user>[\w.]+)@(?P<host>\w+)\.(?P<tld>com|org)')
    s = 0
    for _ in range(n * 2):
        for m in p.finditer(TEXT):
            s += len(m.group('user')) + m.end('tld')
    return s

def match_lines(n):
    p = re.compile(r'(\d{4})-(\d\d)-(\d\d)|(\d+):(\d+)')
    s = 0
    for _ in range(n * 3):
        for line in LINES:
            m = p.search(line)
            if m:
                s += m.lastindex
    return s

def sub_template(n):
    p = re.compile(r'(\w+)@(\w+)')
    s = 0
    for _ in range(n):
        s += len(p.sub(r'\2 at \1', TEXT))
    return s

def sub_function(n):
    p = re.compile(r'\d+')
    s = 0
    for _ in range(n):
        s += len(p.sub(lambda m: str(len(m.group())), TEXT))
    return s

def split_ws(n):
    p = re.compile(r'\s+')
    s = 0
    for _ in range(n * 2):
        s += len(p.split(TEXT))
    return s

def ignorecase(n):
    p = re.compile(r'QUICK\s+BROWN|lazy\s+DOG', re.I)
    s = 0
    for _ in range(n * 2):
        s += len(p.findall(TEXT))
    return s

def backtracking(n):
    p = re.compile(r'(?:a|b)*c')
    q = re.compile(r'(a+)+b')
    subject = 'ab' * 2000 + 'c'
    s = 0
    for _ in range(n * 20):
        s += p.match(subject).end()
        s += q.match('a' * 16 + 'c') is None
    return s

def compile_uncached(n):
    pats = [r'(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)', r'[\w.+-]+@[\w-]+\.[\w.]+', r'(?i)^\s*(if|else|while)\b',
            r'(?:a|b|c)*?d{2,5}(?=x)', r'[^\W\d_]+(?:\'[a-z]+)?']
    s = 0
    for _ in range(n * 20):
        re.purge()
        for p in pats:
            s += re.compile(p).groups
    return s

WORK = {'search (literal, no match)': (search_literal, 10), 'findall \\w+': (findall_words, 5),
        'finditer with named groups': (finditer_groups, 5), 'search per line (alternation)': (match_lines, 5),
        'sub with a template': (sub_template, 5), 'sub with a function': (sub_function, 3),
        'split \\s+': (split_ws, 5), 'findall IGNORECASE': (ignorecase, 5),
        'backtracking': (backtracking, 5), 're.compile (uncached)': (compile_uncached, 5)}
''' + inprocess.TIMING_TAIL

NAMES = ['search (literal, no match)', 'findall \\w+', 'finditer with named groups', 'search per line (alternation)',
         'sub with a template', 'sub with a function', 'split \\s+', 'findall IGNORECASE', 'backtracking',
         're.compile (uncached)']


if __name__ == '__main__':
    sys.exit(inprocess.main(__doc__, WORKLOAD, NAMES))
