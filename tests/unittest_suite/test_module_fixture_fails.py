# A failing setUpModule: its tests do not run, module cleanups do.
import unittest


def setUpModule():
    unittest.addModuleCleanup(print, 'module cleanup ran')
    raise ConnectionError('no database')


class TestNeedsModule(unittest.TestCase):
    def test_a(self):
        pass

    def test_b(self):
        pass
