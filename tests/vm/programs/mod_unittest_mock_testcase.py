# unittest.mock inside unittest: patch decorators on TestCase classes and
# methods, patchers started in setUp and stopped by addCleanup, patch.dict
# on a class, mock assertion failures reported as test failures.
import os
import unittest
from unittest import mock
from unittest.mock import patch, Mock, MagicMock, call, sentinel

SETTINGS = {'mode': 'real'}


class Store:
    def load(self, key):
        raise RuntimeError('no real store in tests')

    def save(self, key, value):
        raise RuntimeError('no real store in tests')


def sync(store, keys):
    return [store.save(k, store.load(k)) for k in keys]


@patch.object(Store, 'load', return_value='loaded')
class StoreTests(unittest.TestCase):

    def setUp(self):
        patcher = patch.object(Store, 'save')
        self.save = patcher.start()
        self.addCleanup(patcher.stop)

    def test_sync(self, load):
        sync(Store(), ['a', 'b'])
        load.assert_has_calls([call('a'), call('b')])
        self.save.assert_called_with('b', 'loaded')
        self.assertEqual(self.save.call_count, 2)

    def test_wrong_expectation(self, load):
        sync(Store(), ['a'])
        self.save.assert_called_once_with('a', 'other')

    @patch('os.getcwd', return_value='/nowhere')
    def test_nested(self, getcwd, load):
        self.assertEqual(os.getcwd(), '/nowhere')
        self.assertIs(Store().load('k'), 'loaded')

    def helper_not_a_test(self, load=None):
        return 'untouched'


@patch.dict(SETTINGS, mode='test')
class SettingsTests(unittest.TestCase):
    def test_mode(self):
        self.assertEqual(SETTINGS['mode'], 'test')

    def test_mode_fails(self):
        self.assertEqual(SETTINGS['mode'], 'real')


class AssertionTests(unittest.TestCase):
    def test_not_called(self):
        m = Mock(name='thing')
        m(1)
        m.assert_not_called()

    def test_raises(self):
        m = Mock(side_effect=KeyError('k'))
        with self.assertRaises(KeyError):
            m()

    def test_stopall(self):
        patch('os.sep', 'X').start()
        patch.object(Store, 'load', sentinel.load).start()
        self.assertEqual(os.sep, 'X')
        patch.stopall()
        self.assertEqual(os.sep, '/')
        self.assertIsNot(Store.load, sentinel.load)


def run(case):
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(case)
    result = unittest.TestResult()
    suite.run(result)
    print(case.__name__, 'ran', result.testsRun)
    for test, text in result.failures + result.errors:
        print('  failed', test.id().split('.')[-1] + ':',
              text.strip().splitlines()[-1])


for case in (StoreTests, SettingsTests, AssertionTests):
    run(case)
print(StoreTests('test_sync').helper_not_a_test(), SETTINGS, os.sep)
print(Store.load.__name__, 'save' in Store.__dict__)
