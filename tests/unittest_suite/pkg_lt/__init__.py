# A package with load_tests: discovery hands the package to it instead of
# recursing. It discovers its own folder with another pattern.
import os
import unittest


def load_tests(loader, standard_tests, pattern):
    this_dir = os.path.dirname(__file__)
    package_tests = loader.discover(start_dir=this_dir, pattern='check_*.py')
    standard_tests.addTests(package_tests)
    return standard_tests
