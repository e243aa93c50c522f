# TestCase pieces without a runner: ids, str/repr, shortDescription,
# assert methods' messages (the exception text of each failure), context
# managers, cleanups, FunctionTestCase, suites, the loader's names and
# errors. Book chapter 13; issue 10.
import unittest
import warnings


class Case(unittest.TestCase):
    def runTest(self):
        pass

    def test_something(self):
        """Does something.

        Details."""


t = Case('test_something')
print(t.id(), '|', str(t), '|', repr(t), '|', t.shortDescription())
print(Case().id(), t == Case('test_something'), t.countTestCases())
try:
    Case('nope')
except ValueError as e:
    print('ValueError', str(e).replace(__name__, 'MOD'))

c = Case()


def msg(f, *args, **kw):
    try:
        f(*args, **kw)
    except AssertionError as e:
        print(f.__name__, '->', e)
    except Exception as e:
        print(f.__name__, '!!', type(e).__name__, e)
    else:
        print(f.__name__, 'ok')


msg(c.assertEqual, 1, 2)
msg(c.assertEqual, 'abc', 'abd')
msg(c.assertEqual, 'one\ntwo\nthree', 'one\n2\nthree\n')
msg(c.assertEqual, [1, [2, 3]], [1, [2, 4], 5])
msg(c.assertEqual, (1, 2), (1, 2, 3))
msg(c.assertEqual, {1: 'a', 2: 'b'}, {1: 'a', 2: 'c', 3: 'd'})
msg(c.assertEqual, {1, 2}, {2, 3})
msg(c.assertEqual, 'x' * 90, 'x' * 89 + 'y')
msg(c.assertEqual, list(range(100)), list(range(101)))
msg(c.assertNotEqual, 5, 5)
msg(c.assertTrue, 0)
msg(c.assertFalse, 'x', 'with message')
msg(c.assertIs, 1, None)
msg(c.assertIsNot, None, None)
msg(c.assertIsNone, 3)
msg(c.assertIsNotNone, None)
msg(c.assertIn, 4, range(3))
msg(c.assertNotIn, 1, [1])
msg(c.assertIsInstance, 1, str)
msg(c.assertNotIsInstance, 1, int)
msg(c.assertLess, 3, 2)
msg(c.assertLessEqual, 3, 2)
msg(c.assertGreater, 1, 2)
msg(c.assertGreaterEqual, 1, 2)
msg(c.assertAlmostEqual, 1.0, 1.001)
msg(c.assertAlmostEqual, 1.0, 1.001, places=2)
msg(c.assertAlmostEqual, 1.0, 1.5, delta=0.1)
msg(c.assertAlmostEqual, 1.0, 1.5, places=1, delta=0.1)
msg(c.assertNotAlmostEqual, 1.0, 1.0000000001)
msg(c.assertNotAlmostEqual, 1.0, 1.05, delta=0.1)
msg(c.assertCountEqual, 'aab', 'abb')
msg(c.assertCountEqual, [{1}, {2}], [{2}, {2}])
msg(c.assertSequenceEqual, [1, 2], 'ab')
msg(c.assertSequenceEqual, 1, [1])
msg(c.assertListEqual, (1,), [1])
msg(c.assertDictEqual, [], {})
msg(c.assertMultiLineEqual, 1, 'x')
msg(c.assertSetEqual, {1}, [1])
msg(c.assertSetEqual, 1, {1})
msg(c.assertRegex, 'abc', 'x+')
msg(c.assertNotRegex, 'abc', 'b+')
msg(c.assertRaises, ValueError, int, '1')
msg(c.assertRaises, 'notatype')
msg(c.assertRaisesRegex, ValueError, 'zzz', int, 'q')
msg(c.assertWarns, UserWarning, lambda: None)
msg(c.assertRaises, ValueError, bogus=1)
msg(c.fail)
msg(c.fail, 'boom')

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    msg(c.assertEquals, 1, 1)
    msg(c.failUnless, 1)
    msg(c.assertDictContainsSubset, {'a': 1, 'b': 2, 'c': 3}, {'a': 1, 'b': 3})
print([str(w.message) for w in caught])

c.longMessage = False
msg(c.assertEqual, 1, 2, 'custom only')
c.longMessage = True
c.maxDiff = 20
msg(c.assertEqual, [1, 2, 3], [1, 2, 4])

with c.assertRaises(ZeroDivisionError) as cm:
    1 / 0
print(type(cm.exception).__name__, cm.exception.__traceback__)
with c.assertWarns(DeprecationWarning) as wm:
    warnings.warn('old', DeprecationWarning)
print(wm.warning, type(wm.lineno).__name__)

# Cleanups and enterContext.
order = []


class CM:
    def __enter__(self):
        order.append('enter')
        return 'value'

    def __exit__(self, *exc):
        order.append('exit')


c.addCleanup(order.append, 'first')
c.addCleanup(order.append, 'second')
print(c.enterContext(CM()))
print(c.doCleanups(), order)
try:
    c.enterContext(object())
except TypeError as e:
    print(e)

# FunctionTestCase, suites, loaders.
def plain():
    "Plain function test."


f = unittest.FunctionTestCase(plain, description=None)
print(f.id(), str(f).replace(__name__, 'MOD'), f.shortDescription())
suite = unittest.TestSuite([Case('test_something'), f])
print(suite.countTestCases(), len(list(suite)))
try:
    suite.addTest(Case)
except TypeError as e:
    print(e)
try:
    suite.addTests('abc')
except TypeError as e:
    print(e)
loader = unittest.TestLoader()
print(loader.getTestCaseNames(Case))
loader.testNamePatterns = ['*thing*']
print(loader.getTestCaseNames(Case))
loader.testMethodPrefix = 'run'
loader.testNamePatterns = None
print(loader.getTestCaseNames(Case))
result = unittest.TestResult()
suite.run(result)
print(result, result.wasSuccessful())
print(unittest.util.safe_repr('x' * 100, short=True))
print(unittest.util.strclass(Case).replace(__name__, 'MOD'))
try:
    unittest.IsolatedAsyncioTestCase
except ImportError as e:
    print('ImportError (minipy has no asyncio)' if 'minipy' in str(e) else 'ImportError')
except AttributeError:
    print('no attribute')
else:
    print('ImportError (minipy has no asyncio)')
