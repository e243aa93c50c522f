import unittest


class TestFoundByLoadTests(unittest.TestCase):
    def test_found(self):
        pass

    def test_found_failing(self):
        self.assertEqual({'a': 1}, {'a': 1, 'b': 2})
