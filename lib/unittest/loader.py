# unittest/loader.py: TestLoader, which turns classes, modules, dotted
# names and directories into TestSuites; test discovery. minipy's own
# module with the API of CPython 3.11's Lib/unittest/loader.py.
# Book chapter 13, "The Test Suite".
#
# Discovery (TestLoader.discover) walks the start directory in sorted
# order: a file matching the pattern is imported by its dotted name
# relative to the top-level directory (which goes first on sys.path), a
# directory is recursed into only when it is a package. A module or
# package defining load_tests(loader, tests, pattern) decides its own
# tests; a package with load_tests is not recursed into by the loader.
# Anything that fails to import becomes a test that raises the import's
# error when run (_FailedTest), so a broken file is reported, not fatal.

import os
import re
import sys
import traceback
import types
import functools

from fnmatch import fnmatch, fnmatchcase

from . import case, suite, util

__unittest = True

# A file discovery may import: an identifier followed by ".py".
VALID_MODULE_NAME = re.compile(r'[_a-z]\w*\.py$', re.IGNORECASE)


class _FailedTest(case.TestCase):
    # A test named after what could not be loaded; running it raises the
    # stored exception.
    _testMethodName = None

    def __init__(self, method_name, exception):
        self._exception = exception
        super(_FailedTest, self).__init__(method_name)

    def __getattr__(self, name):
        if name != self._testMethodName:
            return super(_FailedTest, self).__getattr__(name)
        def testFailure():
            raise self._exception
        return testFailure


def _make_failed_import_test(name, suiteClass):
    message = 'Failed to import test module: %s\n%s' % (
        name, traceback.format_exc())
    return _make_failed_test(name, ImportError(message), suiteClass, message)


def _make_failed_load_tests(name, exception, suiteClass):
    message = 'Failed to call load_tests:\n%s' % (traceback.format_exc(),)
    return _make_failed_test(name, exception, suiteClass, message)


def _make_failed_test(methodname, exception, suiteClass, message):
    test = _FailedTest(methodname, exception)
    return suiteClass((test,)), message


def _make_skipped_test(methodname, exception, suiteClass):
    # A module that raised SkipTest on import: one skipped test named after
    # it, in a class called ModuleSkipped.
    @case.skip(str(exception))
    def testSkipped(self):
        pass
    TestClass = type("ModuleSkipped", (case.TestCase,),
                     {methodname: testSkipped})
    return suiteClass((TestClass(methodname),))


def _jython_aware_splitext(path):
    # The name is CPython's; Jython's compiled files end in "$py.class".
    if path.lower().endswith('$py.class'):
        return path[:-9]
    return os.path.splitext(path)[0]


class TestLoader(object):
    """Makes TestSuites; loading problems are collected in .errors."""

    testMethodPrefix = 'test'
    sortTestMethodsUsing = staticmethod(util.three_way_cmp)
    testNamePatterns = None
    suiteClass = suite.TestSuite
    _top_level_dir = None

    def __init__(self):
        super(TestLoader, self).__init__()
        self.errors = []
        # Packages whose load_tests is running: discovery must not load
        # them again when load_tests calls discover() on their folder.
        self._loading_packages = set()

    def loadTestsFromTestCase(self, testCaseClass):
        """A suite of one instance per test method of testCaseClass."""
        if issubclass(testCaseClass, suite.TestSuite):
            raise TypeError("Test cases should not be derived from "
                            "TestSuite. Maybe you meant to derive from "
                            "TestCase?")
        names = self.getTestCaseNames(testCaseClass)
        if not names and hasattr(testCaseClass, 'runTest'):
            names = ['runTest']
        return self.suiteClass(map(testCaseClass, names))

    def loadTestsFromModule(self, module, *args, pattern=None, **kws):
        """A suite of the TestCase classes in module, or what the module's
        load_tests(loader, tests, pattern) returns."""
        # use_load_tests was a parameter once; it is accepted and ignored.
        if len(args) > 0 or 'use_load_tests' in kws:
            import warnings
            warnings.warn('use_load_tests is deprecated and ignored',
                          DeprecationWarning)
            kws.pop('use_load_tests', None)
        if len(args) > 1:
            raise TypeError('loadTestsFromModule() takes 1 positional argument '
                            'but {} were given'.format(len(args) + 1))
        if kws:
            raise TypeError("loadTestsFromModule() got an unexpected keyword "
                            "argument '{}'".format(sorted(kws)[0]))
        tests = []
        for name in dir(module):
            obj = getattr(module, name)
            if isinstance(obj, type) and issubclass(obj, case.TestCase):
                tests.append(self.loadTestsFromTestCase(obj))

        load_tests = getattr(module, 'load_tests', None)
        tests = self.suiteClass(tests)
        if load_tests is None:
            return tests
        try:
            return load_tests(self, tests, pattern)
        except Exception as e:
            error_case, error_message = _make_failed_load_tests(
                module.__name__, e, self.suiteClass)
            self.errors.append(error_message)
            return error_case

    def loadTestsFromName(self, name, module=None):
        """The tests a dotted name refers to: a module, a TestCase class,
        a test method, a suite, or a callable returning a test or suite;
        relative to module when given."""
        parts = name.split('.')
        error_case, error_message = None, None
        if module is None:
            # Import the longest importable prefix of the name.
            prefix = parts[:]
            while prefix:
                try:
                    module_name = '.'.join(prefix)
                    module = __import__(module_name)
                    break
                except ImportError:
                    next_attribute = prefix.pop()
                    # Kept in case the attribute lookup fails too: the
                    # import error is the better explanation.
                    error_case, error_message = _make_failed_import_test(
                        next_attribute, self.suiteClass)
                    if not prefix:
                        self.errors.append(error_message)
                        return error_case
            parts = parts[1:]
        obj = module
        for part in parts:
            try:
                parent, obj = obj, getattr(obj, part)
            except AttributeError as e:
                if (getattr(obj, '__path__', None) is not None
                        and error_case is not None):
                    # A package lacks the attribute because a submodule
                    # failed to import: report that import.
                    self.errors.append(error_message)
                    return error_case
                error_case, error_message = _make_failed_test(
                    part, e, self.suiteClass,
                    'Failed to access attribute:\n%s' % (
                        traceback.format_exc(),))
                self.errors.append(error_message)
                return error_case

        if isinstance(obj, types.ModuleType):
            return self.loadTestsFromModule(obj)
        elif isinstance(obj, type) and issubclass(obj, case.TestCase):
            return self.loadTestsFromTestCase(obj)
        elif (isinstance(obj, types.FunctionType) and
              isinstance(parent, type) and
              issubclass(parent, case.TestCase)):
            method_name = parts[-1]
            inst = parent(method_name)
            # A static method stays a plain function on the instance: it
            # falls through to the callable case below.
            if not isinstance(getattr(inst, method_name),
                              types.FunctionType):
                return self.suiteClass([inst])
        elif isinstance(obj, suite.TestSuite):
            return obj
        if callable(obj):
            test = obj()
            if isinstance(test, suite.TestSuite):
                return test
            elif isinstance(test, case.TestCase):
                return self.suiteClass([test])
            else:
                raise TypeError("calling %s returned %s, not a test" %
                                (obj, test))
        else:
            raise TypeError("don't know how to make test from: %s" % obj)

    def loadTestsFromNames(self, names, module=None):
        """A suite of the suites loadTestsFromName gives for each name."""
        return self.suiteClass([self.loadTestsFromName(name, module)
                                for name in names])

    def getTestCaseNames(self, testCaseClass):
        """The sorted names of testCaseClass's test methods (callables
        starting with testMethodPrefix, matching testNamePatterns)."""
        def is_test_method(attrname):
            if not attrname.startswith(self.testMethodPrefix):
                return False
            if not callable(getattr(testCaseClass, attrname)):
                return False
            if self.testNamePatterns is None:
                return True
            fullName = '%s.%s.%s' % (testCaseClass.__module__,
                                     testCaseClass.__qualname__, attrname)
            return any(fnmatchcase(fullName, pattern)
                       for pattern in self.testNamePatterns)
        names = [n for n in dir(testCaseClass) if is_test_method(n)]
        if self.sortTestMethodsUsing:
            names.sort(key=functools.cmp_to_key(self.sortTestMethodsUsing))
        return names

    def discover(self, start_dir, pattern='test*.py', top_level_dir=None):
        """A suite of the tests in the test modules (file names matching
        pattern) under start_dir (a directory or a dotted package name),
        importable from top_level_dir (default: start_dir)."""
        set_implicit_top = False
        if top_level_dir is None and self._top_level_dir is not None:
            # A nested discover() call from a load_tests.
            top_level_dir = self._top_level_dir
        elif top_level_dir is None:
            set_implicit_top = True
            top_level_dir = start_dir

        top_level_dir = os.path.abspath(top_level_dir)
        if not top_level_dir in sys.path:
            # Modules are imported by name: the top level must be on the
            # path, ahead of anything else of the same name.
            sys.path.insert(0, top_level_dir)
        self._top_level_dir = top_level_dir

        is_not_importable = False
        if os.path.isdir(os.path.abspath(start_dir)):
            start_dir = os.path.abspath(start_dir)
            if start_dir != top_level_dir:
                is_not_importable = not os.path.isfile(
                    os.path.join(start_dir, '__init__.py'))
        else:
            # A dotted package name.
            try:
                __import__(start_dir)
            except ImportError:
                is_not_importable = True
            else:
                the_module = sys.modules[start_dir]
                top_part = start_dir.split('.')[0]
                try:
                    start_dir = os.path.abspath(
                        os.path.dirname((the_module.__file__)))
                except AttributeError:
                    if the_module.__name__ in sys.builtin_module_names:
                        raise TypeError('Can not use builtin modules '
                                        'as dotted module names') from None
                    raise TypeError(f"don't know how to discover from "
                                    f"{the_module!r}") from None
                if set_implicit_top:
                    self._top_level_dir = \
                        self._get_directory_containing_module(top_part)
                    sys.path.remove(top_level_dir)

        if is_not_importable:
            raise ImportError('Start directory is not importable: %r' % start_dir)
        return self.suiteClass(list(self._find_tests(start_dir, pattern)))

    def _get_directory_containing_module(self, module_name):
        module = sys.modules[module_name]
        full_path = os.path.abspath(module.__file__)
        if os.path.basename(full_path).lower().startswith('__init__.py'):
            # A package: the folder holding the package's folder.
            return os.path.dirname(os.path.dirname(full_path))
        return os.path.dirname(full_path)

    def _get_name_from_path(self, path):
        if path == self._top_level_dir:
            return '.'
        path = _jython_aware_splitext(os.path.normpath(path))
        relative = os.path.relpath(path, self._top_level_dir)
        assert not os.path.isabs(relative), "Path must be within the project"
        assert not relative.startswith('..'), "Path must be within the project"
        return relative.replace(os.path.sep, '.')

    def _get_module_from_name(self, name):
        __import__(name)
        return sys.modules[name]

    def _match_path(self, path, full_path, pattern):
        # Overridable: matches the file's base name only.
        return fnmatch(path, pattern)

    def _find_tests(self, start_dir, pattern):
        """Yield the suites found under start_dir (itself included when it
        is a package)."""
        name = self._get_name_from_path(start_dir)
        if name != '.' and name not in self._loading_packages:
            # start_dir is a package: load it first, it may have
            # load_tests and then decides alone.
            tests, should_recurse = self._find_test_path(start_dir, pattern)
            if tests is not None:
                yield tests
            if not should_recurse:
                return
        for entry in sorted(os.listdir(start_dir)):
            full_path = os.path.join(start_dir, entry)
            tests, should_recurse = self._find_test_path(full_path, pattern)
            if tests is not None:
                yield tests
            if should_recurse:
                name = self._get_name_from_path(full_path)
                self._loading_packages.add(name)
                try:
                    yield from self._find_tests(full_path, pattern)
                finally:
                    self._loading_packages.discard(name)

    def _find_test_path(self, full_path, pattern):
        """(tests or None, whether to recurse) for one directory entry."""
        basename = os.path.basename(full_path)
        if os.path.isfile(full_path):
            if not VALID_MODULE_NAME.match(basename):
                return None, False
            if not self._match_path(basename, full_path, pattern):
                return None, False
            name = self._get_name_from_path(full_path)
            try:
                module = self._get_module_from_name(name)
            except case.SkipTest as e:
                return _make_skipped_test(name, e, self.suiteClass), False
            except:
                error_case, error_message = \
                    _make_failed_import_test(name, self.suiteClass)
                self.errors.append(error_message)
                return error_case, False
            # The module imported may be another file of the same name
            # (an installed module shadowing the project's).
            mod_file = os.path.abspath(getattr(module, '__file__', full_path))
            realpath = _jython_aware_splitext(os.path.realpath(mod_file))
            fullpath_noext = _jython_aware_splitext(
                os.path.realpath(full_path))
            if realpath.lower() != fullpath_noext.lower():
                module_dir = os.path.dirname(realpath)
                mod_name = _jython_aware_splitext(os.path.basename(full_path))
                expected_dir = os.path.dirname(full_path)
                msg = ("%r module incorrectly imported from %r. Expected "
                       "%r. Is this module globally installed?")
                raise ImportError(msg % (mod_name, module_dir, expected_dir))
            return self.loadTestsFromModule(module, pattern=pattern), False
        elif os.path.isdir(full_path):
            if not os.path.isfile(os.path.join(full_path, '__init__.py')):
                return None, False
            name = self._get_name_from_path(full_path)
            try:
                package = self._get_module_from_name(name)
            except case.SkipTest as e:
                return _make_skipped_test(name, e, self.suiteClass), False
            except:
                error_case, error_message = \
                    _make_failed_import_test(name, self.suiteClass)
                self.errors.append(error_message)
                return error_case, False
            load_tests = getattr(package, 'load_tests', None)
            self._loading_packages.add(name)
            try:
                tests = self.loadTestsFromModule(package, pattern=pattern)
                return tests, load_tests is None
            finally:
                self._loading_packages.discard(name)
        return None, False


defaultTestLoader = TestLoader()


# The module-level helpers of older unittest versions (deprecated in 3.11).

def _makeLoader(prefix, sortUsing, suiteClass=None, testNamePatterns=None):
    loader = TestLoader()
    loader.sortTestMethodsUsing = sortUsing
    loader.testMethodPrefix = prefix
    loader.testNamePatterns = testNamePatterns
    if suiteClass:
        loader.suiteClass = suiteClass
    return loader


def _warn_deprecated(name, replacement):
    import warnings
    warnings.warn(
        "unittest.%s() is deprecated and will be removed in Python 3.13. "
        "Please use unittest.TestLoader.%s() instead." % (name, replacement),
        DeprecationWarning, stacklevel=3)


def getTestCaseNames(testCaseClass, prefix, sortUsing=util.three_way_cmp,
                     testNamePatterns=None):
    _warn_deprecated('getTestCaseNames', 'getTestCaseNames')
    return _makeLoader(prefix, sortUsing, testNamePatterns=testNamePatterns
                       ).getTestCaseNames(testCaseClass)


def makeSuite(testCaseClass, prefix='test', sortUsing=util.three_way_cmp,
              suiteClass=suite.TestSuite):
    _warn_deprecated('makeSuite', 'loadTestsFromTestCase')
    return _makeLoader(prefix, sortUsing, suiteClass).loadTestsFromTestCase(
        testCaseClass)


def findTestCases(module, prefix='test', sortUsing=util.three_way_cmp,
                  suiteClass=suite.TestSuite):
    _warn_deprecated('findTestCases', 'loadTestsFromModule')
    return _makeLoader(prefix, sortUsing, suiteClass).loadTestsFromModule(
        module)
