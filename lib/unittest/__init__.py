# unittest/__init__.py: the unittest package's public names. minipy's own
# package with the API of CPython 3.11's Lib/unittest (see case.py for how
# a test runs, suite.py for fixtures, loader.py for discovery, runner.py for
# the text output, main.py for the command line).
# Book chapter 13, "The Test Suite".
#
# IsolatedAsyncioTestCase is looked up lazily from async_case, as in
# CPython; minipy has no asyncio, so asking for it raises an ImportError
# that says so (async_case.py).

__all__ = ['TestResult', 'TestCase', 'IsolatedAsyncioTestCase', 'TestSuite',
           'TextTestRunner', 'TestLoader', 'FunctionTestCase', 'main',
           'defaultTestLoader', 'SkipTest', 'skip', 'skipIf', 'skipUnless',
           'expectedFailure', 'TextTestResult', 'installHandler',
           'registerResult', 'removeResult', 'removeHandler',
           'addModuleCleanup', 'doModuleCleanups', 'enterModuleContext']

# Deprecated in 3.11, still exported.
__all__.extend(['getTestCaseNames', 'makeSuite', 'findTestCases'])

__unittest = True

from .result import TestResult
from .case import (addModuleCleanup, TestCase, FunctionTestCase, SkipTest,
                   skip, skipIf, skipUnless, expectedFailure,
                   doModuleCleanups, enterModuleContext)
from .suite import BaseTestSuite, TestSuite
from .loader import TestLoader, defaultTestLoader
from .main import TestProgram, main
from .runner import TextTestRunner, TextTestResult
from .signals import installHandler, registerResult, removeResult, \
    removeHandler
from .loader import makeSuite, getTestCaseNames, findTestCases

# The old name.
_TextTestResult = TextTestResult


def load_tests(loader, tests, pattern):
    # unittest's own tests, when it is discovered as a package.
    import os.path
    this_dir = os.path.dirname(__file__)
    return loader.discover(start_dir=this_dir, pattern=pattern)


def __dir__():
    return globals().keys() | {'IsolatedAsyncioTestCase'}


def __getattr__(name):
    if name == 'IsolatedAsyncioTestCase':
        global IsolatedAsyncioTestCase
        from .async_case import IsolatedAsyncioTestCase
        return IsolatedAsyncioTestCase
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
