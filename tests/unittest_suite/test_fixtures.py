# Class and module fixtures, their failures, cleanups (test, class and
# module level), enterContext, tearDown errors.
import contextlib
import unittest

events = []


def setUpModule():
    events.append('setUpModule')
    unittest.addModuleCleanup(events.append, 'module cleanup')


def tearDownModule():
    raise RuntimeError('tearDownModule failed')


@contextlib.contextmanager
def resource(name):
    events.append('enter ' + name)
    yield name.upper()
    events.append('exit ' + name)


class TestOrder(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        events.append('setUpClass')
        cls.addClassCleanup(events.append, 'class cleanup')

    @classmethod
    def tearDownClass(cls):
        events.append('tearDownClass')

    def setUp(self):
        events.append('setUp ' + self._testMethodName)
        self.value = self.enterContext(resource(self._testMethodName))

    def tearDown(self):
        events.append('tearDown')

    def test_1_first(self):
        self.addCleanup(events.append, 'cleanup 1')
        self.assertEqual(self.value, 'TEST_1_FIRST')

    def test_2_events(self):
        self.assertEqual(events, [
            'setUpModule', 'setUpClass', 'setUp test_1_first',
            'enter test_1_first', 'tearDown', 'exit test_1_first',
            'cleanup 1', 'setUp test_2_events', 'enter test_2_events'])


class TestSetUpClassFails(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.addClassCleanup(cls.bad_cleanup)
        raise ValueError('cannot set up class')

    @classmethod
    def bad_cleanup(cls):
        raise OSError('class cleanup failed too')

    def test_never_runs(self):
        pass


class TestTearDownClassFails(unittest.TestCase):
    @classmethod
    def tearDownClass(cls):
        raise KeyError('tearDownClass')

    def test_runs(self):
        pass


class TestCleanupFailures(unittest.TestCase):
    def test_cleanup_raises(self):
        def bad():
            raise TypeError('cleanup broke')
        self.addCleanup(bad)
        self.addCleanup(events.append, 'ok cleanup')

    def test_teardown_after_failure(self):
        self.addCleanup(self.fail, 'failing cleanup')
        self.assertTrue(False)

    def test_enter_context_not_cm(self):
        self.enterContext(42)


class TestTearDownError(unittest.TestCase):
    def tearDown(self):
        raise AttributeError('tearDown error')

    def test_passes_but_teardown_fails(self):
        pass

    def test_fails_and_teardown_fails(self):
        self.assertEqual('a', 'b')


class TestSetUpError(unittest.TestCase):
    def setUp(self):
        self.addCleanup(events.append, 'cleanup after failed setUp')
        raise LookupError('setUp failed')

    def test_x(self):
        pass
