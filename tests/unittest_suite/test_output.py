# Tests that print: with -b their output is buffered and shown only for
# tests that fail or err.
import sys
import unittest


class TestPrinting(unittest.TestCase):
    def test_prints_and_passes(self):
        print('output of a passing test')

    def test_prints_and_fails(self):
        print('output of a failing test')
        print('to stderr', file=sys.stderr)
        self.assertEqual(1, 0)

    def test_prints_no_newline(self):
        sys.stdout.write('no newline at the end')
        raise RuntimeError('boom')
