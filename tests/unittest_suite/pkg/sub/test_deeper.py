import unittest


class TestDeeper(unittest.TestCase):
    def test_deep_ok(self):
        pass

    def test_deep_fail(self):
        self.assertIn('z', 'abc')
