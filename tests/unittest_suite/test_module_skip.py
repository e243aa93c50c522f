# A module that skips itself at import.
import unittest

raise unittest.SkipTest('module not supported here')


class TestNever(unittest.TestCase):
    def test_x(self):
        pass
