"""Python part of the warnings subsystem (minipy's own, written for minipy).

The machinery -- the filters list, the registries, warn() and
warn_explicit() -- is the native _warnings module (vm/_warnings.cpp,
CPython's Python/_warnings.c); this module shares its objects (filters,
_onceregistry, _defaultaction) and adds the Python-level API: showwarning
and formatwarning (which _warnings calls through _showwarnmsg once this
module is imported, so that replacing them works), filterwarnings,
simplefilter, resetwarnings, catch_warnings, and the -W/PYTHONWARNINGS
option parser.

The message and module patterns of filterwarnings() are regular
expressions, compiled with re (the message's ignoring case) and matched
from the start of the text (_warnings calls their match()). re is imported
only when a filter has a pattern, so that start-up does not import it.
"""

import sys

from _warnings import (filters, _defaultaction, _onceregistry, warn, warn_explicit,
                       _filters_mutated)

__all__ = ["warn", "warn_explicit", "showwarning", "formatwarning", "filterwarnings", "simplefilter",
           "resetwarnings", "catch_warnings"]

_ACTIONS = ("error", "ignore", "always", "default", "module", "once")


def _getline(filename, lineno):
    """The source line for a warning ('' when unknown), via linecache when
    there is one."""
    try:
        import linecache
    except ImportError:
        return _warnings_getline(filename, lineno)
    return linecache.getline(filename, lineno)


def _warnings_getline(filename, lineno):
    # Without linecache (minipy has no io module yet), the native reader.
    import _warnings
    getter = getattr(_warnings, "_getline", None)
    return getter(filename, lineno) if getter is not None else ""


def showwarning(message, category, filename, lineno, file=None, line=None):
    """Writes a warning to file (sys.stderr by default); programs may
    replace this function."""
    msg = WarningMessage(message, category, filename, lineno, file, line)
    _showwarnmsg_impl(msg)


def formatwarning(message, category, filename, lineno, line=None):
    """The text showwarning writes: "file:line: Category: message" and the
    source line; programs may replace this function."""
    msg = WarningMessage(message, category, filename, lineno, None, line)
    return _formatwarnmsg_impl(msg)


def _showwarnmsg_impl(msg):
    file = msg.file
    if file is None:
        file = sys.stderr
        if file is None:
            # No stderr at all: the warning is dropped.
            return
    text = _formatwarnmsg(msg)
    try:
        file.write(text)
    except OSError:
        # An unusable file: the warning is dropped.
        pass


def _formatwarnmsg_impl(msg):
    category = msg.category.__name__
    s = f"{msg.filename}:{msg.lineno}: {category}: {msg.message}\n"
    if msg.line is None:
        line = _getline(msg.filename, msg.lineno)
    else:
        line = msg.line
    if line:
        line = line.strip()
        s += "  %s\n" % line
    if msg.source is not None:
        # Where the object behind the warning was allocated, if tracemalloc
        # traced it; minipy has no tracemalloc, so nothing is traced.
        tb = None
        try:
            import tracemalloc
        except ImportError:
            tracing = False
        else:
            tracing = tracemalloc.is_tracing()
            if tracing:
                tb = tracemalloc.get_object_traceback(msg.source)
        if tb is not None:
            s += "Object allocated at (most recent call last):\n"
            for frame in tb:
                s += '  File "%s", lineno %s\n' % (frame.filename, frame.lineno)
        elif not tracing:
            s += "%s: Enable tracemalloc to get the object allocation traceback\n" % category
    return s


# The originals, to tell whether a program replaced them.
_showwarning_orig = showwarning


def _showwarnmsg(msg):
    """What _warnings calls to show a warning: a replaced showwarning, or
    the default display."""
    try:
        sw = showwarning
    except NameError:
        pass
    else:
        if sw is not _showwarning_orig:
            if not callable(sw):
                raise TypeError("warnings.showwarning() must be set to a function or method")
            sw(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)
            return
    _showwarnmsg_impl(msg)


_formatwarning_orig = formatwarning


def _formatwarnmsg(msg):
    """A replaced formatwarning, or the default text."""
    try:
        fw = formatwarning
    except NameError:
        pass
    else:
        if fw is not _formatwarning_orig:
            return fw(msg.message, msg.category, msg.filename, msg.lineno, msg.line)
    return _formatwarnmsg_impl(msg)


def _warn_unawaited_coroutine(coro):
    """Called when a coroutine is dropped without ever being awaited; the
    warning is blamed on the code that dropped it. (minipy does not record
    where coroutines are made: sys.set_coroutine_origin_tracking_depth.)"""
    msg = "coroutine '%s' was never awaited" % (coro.__qualname__,)
    warn(msg, category=RuntimeWarning, stacklevel=2, source=coro)


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    """Adds the filter (action, message, category, module, lineno) first in
    the filters (last with append=True). message and module are regular
    expressions matched from the start of the text (the message ignoring
    case; a module pattern matching a prefix of the name is enough, as in
    CPython: -W options add the \\Z); empty ones and lineno 0 match
    anything."""
    assert action in _ACTIONS, "invalid action: %r" % (action,)
    assert isinstance(message, str), "message must be a string"
    assert isinstance(category, type), "category must be a class"
    assert issubclass(category, Warning), "category must be a Warning subclass"
    assert isinstance(module, str), "module must be a string"
    assert isinstance(lineno, int) and lineno >= 0, "lineno must be an int >= 0"

    if message or module:
        import re  # here, not at the top: see the module doc
    message = re.compile(message, re.I) if message else None
    module = re.compile(module) if module else None

    _add_filter(action, message, category, module, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """filterwarnings() for every message and module."""
    assert action in _ACTIONS, "invalid action: %r" % (action,)
    assert isinstance(lineno, int) and lineno >= 0, "lineno must be an int >= 0"
    _add_filter(action, None, category, None, lineno, append=append)


def _add_filter(*item, append):
    # A filter already in the list moves to the front; appended, it stays
    # where it is.
    if not append:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    else:
        if item not in filters:
            filters.append(item)
    _filters_mutated()


def resetwarnings():
    """Removes every filter (the default action then applies)."""
    filters[:] = []
    _filters_mutated()


class _OptionError(Exception):
    """A -W option that cannot be understood."""


def _processoptions(args):
    """Applies each -W option (sys.warnoptions), in order."""
    for arg in args:
        try:
            _setoption(arg)
        except _OptionError as msg:
            print("Invalid -W option ignored:", msg, file=sys.stderr)


def _setoption(arg):
    """One option: action:message:category:module:lineno."""
    parts = arg.split(':')
    if len(parts) > 5:
        raise _OptionError("too many fields (max 5): %r" % (arg,))
    while len(parts) < 5:
        parts.append('')
    action, message, category, module, lineno = [s.strip() for s in parts]
    action = _getaction(action)
    category = _getcategory(category)
    # An option's message and module are literal text; the module must
    # match to its end.
    if message or module:
        import re
    if message:
        message = re.escape(message)
    if module:
        module = re.escape(module) + r'\Z'
    if lineno:
        try:
            lineno = int(lineno)
            if lineno < 0:
                raise ValueError
        except (ValueError, OverflowError):
            raise _OptionError("invalid lineno %r" % (lineno,)) from None
    else:
        lineno = 0
    filterwarnings(action, message, category, module, lineno)


def _getaction(action):
    """The action an option names, abbreviations allowed."""
    if not action:
        return "default"
    if action == "all":
        return "always"
    for a in _ACTIONS:
        if a.startswith(action):
            return a
    raise _OptionError("invalid action: %r" % (action,))


def _getcategory(category):
    """The Warning subclass an option names (dotted names are imported)."""
    if not category:
        return Warning
    if '.' not in category:
        import builtins as m
        klass = category
    else:
        module, _, klass = category.rpartition('.')
        try:
            m = __import__(module, None, None, [klass])
        except ImportError:
            raise _OptionError("invalid module name: %r" % (module,)) from None
    try:
        cat = getattr(m, klass)
    except AttributeError:
        raise _OptionError("unknown warning category: %r" % (category,)) from None
    if not isinstance(cat, type) or not issubclass(cat, Warning):
        raise _OptionError("invalid warning category: %r" % (category,))
    return cat


class WarningMessage(object):

    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file", "line", "source")

    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, "
                "line : %r}" % (self.message, self._category_name, self.filename, self.lineno, self.line))


class catch_warnings(object):
    """Saves the filters and the display functions on entry and puts them
    back on exit. record=True: the warnings shown inside are not written
    but collected as WarningMessage objects in the list `with` gives.
    action (with category, lineno, append): a simplefilter() applied on
    entry. module: the warnings module to act on (tests of warnings)."""

    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0, append=False):
        self._record = record
        self._module = sys.modules['warnings'] if module is None else module
        self._entered = False
        if action is None:
            self._filter = None
        else:
            self._filter = (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append("record=True")
        if self._module is not sys.modules['warnings']:
            args.append("module=%r" % self._module)
        name = type(self).__name__
        return "%s(%s)" % (name, ", ".join(args))

    def __enter__(self):
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._entered = True
        self._filters = self._module.filters
        self._module.filters = self._filters[:]
        self._module._filters_mutated()
        self._showwarning = self._module.showwarning
        self._showwarnmsg_impl = self._module._showwarnmsg_impl
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []
            self._module._showwarnmsg_impl = log.append
            # The original showwarning, so that _showwarnmsg reaches the log.
            self._module.showwarning = self._module._showwarning_orig
            return log
        else:
            return None

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        self._module.filters = self._filters
        self._module._filters_mutated()
        self._module.showwarning = self._showwarning
        self._module._showwarnmsg_impl = self._showwarnmsg_impl


# -W options and PYTHONWARNINGS (sys.warnoptions) take effect when the
# module is imported, as in CPython.
if getattr(sys, "warnoptions", None):
    _processoptions(sys.warnoptions)
