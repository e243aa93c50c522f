# unittest run through TextTestRunner on a StringIO at verbosity 0, 1 and
# 2: progress characters and lines, failure reports, the summary line,
# result counts; tracebacks are shown without their "File" lines (paths
# differ between runs of the corpus). Book chapter 13; issue 10.
import io
import re
import unittest


class Sample(unittest.TestCase):
    def test_pass(self):
        self.assertEqual(sum([1, 2, 3]), 6)

    def test_fail(self):
        self.assertEqual({'a': [1, 2]}, {'a': [1, 3]})

    def test_error(self):
        raise KeyError('missing')

    @unittest.skip('not now')
    def test_skip(self):
        pass

    @unittest.expectedFailure
    def test_xfail(self):
        self.assertTrue(False)

    @unittest.expectedFailure
    def test_xpass(self):
        pass

    def test_sub(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertNotEqual(i, 1)

    def test_doc(self):
        """A test with a docstring."""


def cleaned(text):
    text = re.sub(r'Ran (\d+) tests? in \d+\.\d+s', r'Ran \1 tests in T', text)
    return '\n'.join(line for line in text.splitlines()
                     if not line.lstrip().startswith('File "'))


loader = unittest.TestLoader()
for verbosity in (0, 1, 2):
    stream = io.StringIO()
    runner = unittest.TextTestRunner(stream=stream, verbosity=verbosity)
    result = runner.run(loader.loadTestsFromTestCase(Sample))
    print('--- verbosity', verbosity)
    print(cleaned(stream.getvalue()))
    print(result, result.wasSuccessful(), len(result.skipped),
          len(result.expectedFailures), len(result.unexpectedSuccesses))

# failfast stops at the first problem; descriptions=False hides docstrings.
stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream, verbosity=2, failfast=True,
                                 descriptions=False).run(
    loader.loadTestsFromTestCase(Sample))
print(cleaned(stream.getvalue()))
print(result.testsRun, result.shouldStop)

# unittest.main with argv and exit=False, on a module-like namespace.
stream = io.StringIO()
prog = unittest.main(module=__name__, argv=['prog', '-v', 'Sample.test_pass', 'Sample.test_doc'],
                     testRunner=unittest.TextTestRunner(stream=stream), exit=False)
print(cleaned(stream.getvalue()))
print(prog.result.testsRun, prog.result.wasSuccessful())
