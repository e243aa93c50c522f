# Skips (method, class, conditional, from setUp), expected failures,
# unexpected successes and subtests.
import sys
import unittest


class TestSkips(unittest.TestCase):
    @unittest.skip('not today')
    def test_skip_decorator(self):
        raise AssertionError('never runs')

    @unittest.skipIf(sys.maxsize > 2, 'big platform')
    def test_skip_if(self):
        pass

    @unittest.skipUnless(False, 'condition false')
    def test_skip_unless(self):
        pass

    @unittest.skipUnless(True, 'not skipped')
    def test_not_skipped(self):
        pass

    def test_skip_test_call(self):
        self.skipTest('decided at run time')

    @unittest.skip
    def test_bare_skip(self):
        pass


@unittest.skip('whole class skipped')
class TestSkippedClass(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise RuntimeError('setUpClass of a skipped class never runs')

    def test_one(self):
        pass

    def test_two(self):
        pass


class TestSkipInSetUp(unittest.TestCase):
    def setUp(self):
        self.skipTest('setUp says skip')

    def test_a(self):
        pass


class TestExpected(unittest.TestCase):
    @unittest.expectedFailure
    def test_expected_failure(self):
        self.assertEqual(1, 2)

    @unittest.expectedFailure
    def test_expected_error(self):
        raise ValueError('expected')

    @unittest.expectedFailure
    def test_unexpected_success(self):
        pass

    @unittest.expectedFailure
    def test_expected_failure_subtest(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 1)


class TestSubTests(unittest.TestCase):
    def test_params(self):
        for i in range(5):
            with self.subTest(i=i):
                self.assertEqual(i % 3, 0)

    def test_message_and_nested(self):
        for name in ['alpha', 'beta']:
            with self.subTest('outer', name=name):
                for n in (1, 2):
                    with self.subTest(n=n):
                        self.assertNotEqual((name, n), ('beta', 2))

    def test_error_in_subtest(self):
        with self.subTest(kind='error'):
            raise KeyError('k')
        with self.subTest():
            self.fail('empty subtest')

    def test_all_pass(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertGreaterEqual(i, 0)

    def test_subtest_skip(self):
        for i in range(2):
            with self.subTest(i=i):
                if i:
                    self.skipTest('odd one')
