# unittest/result.py: TestResult, the record of a test run (what ran,
# what failed and why) and the place where output is buffered with -b.
# minipy's own module with the API of CPython 3.11's
# Lib/unittest/result.py. Book chapter 13, "The Test Suite".
#
# Failures are stored as formatted text, not as exception objects, so that
# a finished run keeps no frames alive. The text is a traceback with the
# unittest machinery's own frames cut away: every unittest module defines a
# global `__unittest`, and a traceback entry whose frame's globals hold that
# name belongs to the machinery (see _clean_tracebacks).

import io
import sys
import traceback
from functools import wraps

from . import util

__unittest = True

STDOUT_LINE = '\nStdout:\n%s'
STDERR_LINE = '\nStderr:\n%s'


def failfast(method):
    """Make a result method stop the run first when result.failfast is
    set (used by the methods that record a failing outcome)."""
    @wraps(method)
    def inner(self, *args, **kw):
        if getattr(self, 'failfast', False):
            self.stop()
        return method(self, *args, **kw)
    return inner


class TestResult(object):
    """What a run produced. `failures` and `errors` hold (test, formatted
    traceback) pairs: failures are the test's failureException (asserts),
    errors anything else."""

    _previousTestClass = None
    _testRunEntered = False
    _moduleSetUpFailed = False

    def __init__(self, stream=None, descriptions=None, verbosity=None):
        self.failfast = False
        self.failures = []
        self.errors = []
        self.testsRun = 0
        self.skipped = []
        self.expectedFailures = []
        self.unexpectedSuccesses = []
        self.shouldStop = False
        self.buffer = False
        self.tb_locals = False
        self._stdout_buffer = None
        self._stderr_buffer = None
        self._original_stdout = sys.stdout
        self._original_stderr = sys.stderr
        # Set when something failed while output was buffered: the buffered
        # output is then copied to the real streams at stopTest.
        self._mirrorOutput = False

    def printErrors(self):
        """Hook for runners: report the recorded problems (a no-op here)."""

    def startTest(self, test):
        """A test starts: count it and start buffering its output."""
        self.testsRun += 1
        self._mirrorOutput = False
        self._setupStdout()

    def _setupStdout(self):
        if self.buffer:
            if self._stderr_buffer is None:
                self._stderr_buffer = io.StringIO()
                self._stdout_buffer = io.StringIO()
            sys.stdout = self._stdout_buffer
            sys.stderr = self._stderr_buffer

    def startTestRun(self):
        """Hook: the whole run starts."""

    def stopTest(self, test):
        """A test ended: put the real streams back."""
        self._restoreStdout()
        self._mirrorOutput = False

    def _restoreStdout(self):
        if not self.buffer:
            return
        if self._mirrorOutput:
            for buffered, original, template in (
                    (sys.stdout, self._original_stdout, STDOUT_LINE),
                    (sys.stderr, self._original_stderr, STDERR_LINE)):
                text = buffered.getvalue()
                if text:
                    if not text.endswith('\n'):
                        text += '\n'
                    original.write(template % text)
        sys.stdout = self._original_stdout
        sys.stderr = self._original_stderr
        for buffered in (self._stdout_buffer, self._stderr_buffer):
            buffered.seek(0)
            buffered.truncate()

    def stopTestRun(self):
        """Hook: the whole run ended."""

    @failfast
    def addError(self, test, err):
        """Record an unexpected exception; err is an exc_info triple."""
        self.errors.append((test, self._exc_info_to_string(err, test)))
        self._mirrorOutput = True

    @failfast
    def addFailure(self, test, err):
        """Record a failed assertion; err is an exc_info triple."""
        self.failures.append((test, self._exc_info_to_string(err, test)))
        self._mirrorOutput = True

    def addSubTest(self, test, subtest, err):
        """A subtest ended; err is None when it passed, else an exc_info
        triple, recorded against the subtest."""
        if err is None:
            return
        if getattr(self, 'failfast', False):
            self.stop()
        if issubclass(err[0], test.failureException):
            target = self.failures
        else:
            target = self.errors
        target.append((subtest, self._exc_info_to_string(err, test)))
        self._mirrorOutput = True

    def addSuccess(self, test):
        """Hook: a test passed (nothing is recorded)."""

    def addSkip(self, test, reason):
        """Record a skip and its reason."""
        self.skipped.append((test, reason))

    def addExpectedFailure(self, test, err):
        """Record a failure of a test marked @expectedFailure."""
        self.expectedFailures.append(
            (test, self._exc_info_to_string(err, test)))

    @failfast
    def addUnexpectedSuccess(self, test):
        """Record a pass of a test marked @expectedFailure."""
        self.unexpectedSuccesses.append(test)

    def wasSuccessful(self):
        """True when nothing failed, erred or passed unexpectedly."""
        if self.failures or self.errors:
            return False
        # A result class written before unexpected successes existed.
        return not getattr(self, 'unexpectedSuccesses', ())

    def stop(self):
        """Ask the running suite to stop before its next test."""
        self.shouldStop = True

    def _exc_info_to_string(self, err, test):
        """The report text of an exc_info triple."""
        exctype, value, tb = err
        tb = self._clean_tracebacks(exctype, value, tb, test)
        formatted = traceback.TracebackException(
            exctype, value, tb,
            capture_locals=self.tb_locals, compact=True)
        lines = list(formatted.format())
        if self.buffer:
            for stream, template in ((sys.stdout, STDOUT_LINE),
                                     (sys.stderr, STDERR_LINE)):
                text = stream.getvalue()
                if text:
                    if not text.endswith('\n'):
                        text += '\n'
                    lines.append(template % text)
        return ''.join(lines)

    def _clean_tracebacks(self, exctype, value, tb, test):
        # Cut the machinery's frames from the traceback of the exception
        # and of every exception chained to it (cause and context), each
        # once. For a failure (an assert), the assert methods' own frames at
        # the end go too, so the last frame shown is the test's line.
        first_tb = None
        first = True
        pending = [(exctype, value, tb)]
        seen = {id(value)}
        while pending:
            exctype, value, tb = pending.pop()
            while tb and self._is_relevant_tb_level(tb):
                tb = tb.tb_next
            if exctype is test.failureException:
                self._remove_unittest_tb_frames(tb)
            if first:
                first_tb = tb
                first = False
            else:
                value.__traceback__ = tb
            if value is not None:
                for chained in (value.__cause__, value.__context__):
                    if chained is not None and id(chained) not in seen:
                        pending.append((type(chained), chained,
                                        chained.__traceback__))
                        seen.add(id(chained))
        return first_tb

    def _is_relevant_tb_level(self, tb):
        return '__unittest' in tb.tb_frame.f_globals

    def _remove_unittest_tb_frames(self, tb):
        """Truncate the traceback at its first machinery frame (the
        assert method that raised)."""
        last_kept = None
        while tb and not self._is_relevant_tb_level(tb):
            last_kept = tb
            tb = tb.tb_next
        if last_kept is not None:
            last_kept.tb_next = None

    def __repr__(self):
        return ("<%s run=%i errors=%i failures=%i>" %
               (util.strclass(self.__class__), self.testsRun,
                len(self.errors), len(self.failures)))
