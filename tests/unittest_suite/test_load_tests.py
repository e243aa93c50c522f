# The load_tests protocol in a module: only the tests it returns run,
# in its order, plus a FunctionTestCase.
import unittest


class TestSelected(unittest.TestCase):
    def test_b(self):
        pass

    def test_a(self):
        """First line of the docstring.

        More text that is not shown."""

    def test_not_loaded(self):
        raise AssertionError('load_tests left this out')


def check_function():
    """A plain function as a test."""
    assert 2 + 2 == 4


def load_tests(loader, tests, pattern):
    suite = unittest.TestSuite()
    suite.addTest(TestSelected('test_b'))
    suite.addTest(TestSelected('test_a'))
    suite.addTest(unittest.FunctionTestCase(check_function))
    return suite
