# Assert methods, passing and failing: the failure messages and diffs of
# CPython 3.11's unittest (strings, lists, tuples, dicts, sets, multi-line
# text, maxDiff truncation, longMessage), errors with chained exceptions.
import unittest


class TestPassing(unittest.TestCase):
    def test_equalities(self):
        self.assertEqual(1 + 1, 2)
        self.assertEqual([1, 2], [1, 2])
        self.assertEqual((1, 'a'), (1, 'a'))
        self.assertEqual({'k': [1]}, {'k': [1]})
        self.assertEqual({1, 2}, frozenset({1, 2}))
        self.assertEqual([1, 2], (1, 2)) if False else None
        self.assertNotEqual(1, 2)
        self.assertSequenceEqual([1, 2], (1, 2))
        self.assertMultiLineEqual("a\nb\n", "a\nb\n")

    def test_predicates(self):
        self.assertTrue([0])
        self.assertFalse('')
        self.assertIs(None, None)
        self.assertIsNot(1, None)
        self.assertIsNone(None)
        self.assertIsNotNone(0)
        self.assertIn(2, [1, 2])
        self.assertNotIn(3, [1, 2])
        self.assertIsInstance(1, int)
        self.assertNotIsInstance(1, str)
        self.assertLess(1, 2)
        self.assertLessEqual(2, 2)
        self.assertGreater(3, 2)
        self.assertGreaterEqual(3, 3)
        self.assertAlmostEqual(1.0, 1.00000001)
        self.assertAlmostEqual(1.0, 1.04, delta=0.05)
        self.assertNotAlmostEqual(1.0, 1.1)
        self.assertCountEqual([1, 2, 2, 'x'], ['x', 2, 1, 2])
        self.assertRegex('hello world', r'w.rld')
        self.assertNotRegex('hello', r'\d')

    def test_raises(self):
        with self.assertRaises(ZeroDivisionError) as cm:
            1 / 0
        self.assertEqual(str(cm.exception), 'division by zero')
        self.assertRaises(KeyError, {}.__getitem__, 'k')
        with self.assertRaisesRegex(ValueError, r'invalid literal'):
            int('x')
        import warnings
        with self.assertWarns(UserWarning) as wcm:
            warnings.warn('careful', UserWarning)
        self.assertEqual(str(wcm.warning), 'careful')
        with self.assertWarnsRegex(DeprecationWarning, 'old'):
            warnings.warn('old stuff', DeprecationWarning)


class TestFailingMessages(unittest.TestCase):
    def test_long_strings(self):
        first = 'The quick brown fox jumps over the lazy dog. ' * 3
        second = first.replace('lazy', 'sleepy', 1)
        self.assertEqual(first, second)

    def test_multiline(self):
        text1 = "line one\nline two\nline three\n\tindented\nlast line\n"
        text2 = "line one\nline 2\nline three\n    indented\nlast line\nextra\n"
        self.assertEqual(text1, text2)

    def test_one_line_no_newline(self):
        self.assertEqual('spam and eggs', 'spam und eggs')

    def test_lists(self):
        self.assertEqual(list(range(20)), list(range(1, 21)))

    def test_list_longer(self):
        self.assertListEqual([1, 2, 3], [1, 2, 3, 4, 5])

    def test_tuples(self):
        self.assertEqual((1, 'two', 3.0), (1, 'two', 3.5))

    def test_tuple_type(self):
        self.assertTupleEqual([1], (1,))

    def test_dicts(self):
        d1 = {'name': 'minipy', 'version': (3, 11), 'stages': ['lexer', 'parser', 'compiler', 'vm'], 'n': 1}
        d2 = {'name': 'minipy', 'version': (3, 12), 'stages': ['lexer', 'parser', 'vm'], 'n': 1}
        self.assertEqual(d1, d2)

    def test_sets(self):
        self.assertEqual({1, 2, 3, 40}, {2, 3, 50, 60})

    def test_truncated_diff(self):
        self.assertEqual(['item %d' % i for i in range(200)],
                         ['item %d' % i for i in range(1, 201)])

    def test_no_max_diff(self):
        self.maxDiff = None
        self.assertEqual('\n'.join('row %d' % i for i in range(30)),
                         '\n'.join('row %d' % (i * 2) for i in range(30)))

    def test_custom_msg(self):
        self.assertEqual(3, 4, 'the numbers differ')

    def test_custom_msg_short(self):
        self.longMessage = False
        self.assertTrue(0, 'only this')

    def test_almost_equal(self):
        self.assertAlmostEqual(1.0, 1.1, places=3)

    def test_almost_delta(self):
        self.assertAlmostEqual(10, 12, delta=1)

    def test_count_equal(self):
        self.assertCountEqual([1, 1, 2, 'a'], [1, 2, 2, 'b'])

    def test_count_equal_unhashable(self):
        self.assertCountEqual([[1], [2], [2]], [[2], [1], [1]])

    def test_in(self):
        self.assertIn('needle', ['hay', 'stack'])

    def test_is_none(self):
        self.assertIsNone([1, 2])

    def test_isinstance(self):
        self.assertIsInstance('s', int)

    def test_greater(self):
        self.assertGreater(1, 2)

    def test_not_raised(self):
        with self.assertRaises(KeyError):
            pass

    def test_not_raised_callable(self):
        self.assertRaises(ValueError, int, '12')

    def test_regex_mismatch(self):
        with self.assertRaisesRegex(ValueError, 'nothing like this'):
            raise ValueError('something else')

    def test_warning_not_triggered(self):
        with self.assertWarns(RuntimeWarning):
            pass

    def test_assert_regex(self):
        self.assertRegex('abc', r'\d+')

    def test_long_reprs(self):
        self.assertEqual('x' * 100 + 'a', 'x' * 100 + 'b')

    def test_nested_structures(self):
        a = {'users': [{'id': i, 'name': 'user%d' % i, 'tags': ['t%d' % j for j in range(i)]} for i in range(4)]}
        b = {'users': [{'id': i, 'name': 'user%d' % i, 'tags': ['t%d' % j for j in range(i + (i == 2))]} for i in range(4)]}
        self.assertEqual(a, b)


class TestErrors(unittest.TestCase):
    def test_name_error(self):
        undefined_name  # noqa

    def test_chained(self):
        try:
            {}['missing']
        except KeyError as exc:
            raise RuntimeError('lookup failed') from exc

    def test_context(self):
        try:
            int('not a number')
        except ValueError:
            [][1]

    def helper(self, n):
        if n == 0:
            raise OSError(2, 'No such file or directory', 'nowhere.txt')
        self.helper(n - 1)

    def test_deep(self):
        self.helper(3)

    def test_fail_call(self):
        self.fail('explicit failure')

    def test_fail_in_helper(self):
        def check(value):
            self.assertEqual(value, 10)
        check(11)


if __name__ == '__main__':
    unittest.main()
