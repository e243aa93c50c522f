#!/usr/bin/env python3
"""bench/stdio_bench.py: writing to sys.stdout (issue 10) under minipy and
python3.11 in one run, as ratios.

    bench/stdio_bench.py --minipy build/release/minipy [--python python3.11] [--repeat N] [--scale S]

sys.stdout is the TextIOWrapper start-up made (vm/pylifecycle_stdio.cpp):
each timing points file descriptor 1 at /dev/null with os.dup2 and
writes through the unchanged stream, flush included. PYTHONUNBUFFERED is
removed from the environment, so the stream is the default buffered one
(BufferedWriter under the text layer, no write_through), as for a program
whose output goes to a file or a pipe. The checksum is the number of
characters written. Runner: bench/inprocess.py.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import inprocess  # noqa: E402  (the shared runner, next to this file)

WORKLOAD = r'''
import os, sys, time
scale = float(sys.argv[2])
repeat = int(sys.argv[3])
name = sys.argv[1]

def to_null(body):
    def work(n):
        sys.stdout.flush()
        saved = os.dup(1)
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        try:
            return body(n)
        finally:
            sys.stdout.flush()
            os.dup2(saved, 1)
            os.close(saved)
            os.close(null)
    return work

@to_null
def print_ints(n):
    for i in range(n):
        print(i)
    return n

@to_null
def print_args(n):
    for i in range(n):
        print('item', i, 'of', n, sep=' ', end='\n')
    return n

@to_null
def print_non_ascii(n):
    for i in range(n):
        print('caf\u00e9 \u65e5\u672c', i)
    return n

@to_null
def stdout_write(n):
    w = sys.stdout.write
    total = 0
    for i in range(n):
        total += w('a line of text\n')
    return total

@to_null
def buffer_write(n):
    w = sys.stdout.buffer.write
    total = 0
    for i in range(n):
        total += w(b'a line of bytes\n')
    return total

WORK = {'print(i)': (print_ints, 300000), 'print(4 args, sep, end)': (print_args, 200000),
        'print(non-ASCII)': (print_non_ascii, 200000), 'sys.stdout.write': (stdout_write, 500000),
        'sys.stdout.buffer.write': (buffer_write, 500000)}
''' + inprocess.TIMING_TAIL

NAMES = ['print(i)', 'print(4 args, sep, end)', 'print(non-ASCII)', 'sys.stdout.write', 'sys.stdout.buffer.write']


if __name__ == '__main__':
    os.environ.pop('PYTHONUNBUFFERED', None)
    sys.exit(inprocess.main(__doc__, WORKLOAD, NAMES))
