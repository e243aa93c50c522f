# A module that fails to import: reported as a failed test.
import unittest
import module_that_does_not_exist_anywhere  # noqa


class TestNever(unittest.TestCase):
    def test_x(self):
        pass
