import unittest


class TestIgnored(unittest.TestCase):
    def test_ignored(self):
        raise AssertionError('load_tests of the package did not load this')
