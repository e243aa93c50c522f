import unittest


class TestInPackage(unittest.TestCase):
    def test_ok(self):
        self.assertEqual(__name__, 'pkg.test_in_package')

    def test_locals_shown(self):
        numbers = [3, 1, 2]
        total = sum(numbers)
        self.assertEqual(total, 7)
