"""Set handlers for asynchronous events (signals).

minipy's own signal module (CPython 3.11 has Lib/signal.py): the native
_signal (modules/signalmodule.cpp) with its numbers turned into the
Signals, Handlers and Sigmasks IntEnums, in arguments and in results.
Book chapter 12.
"""
import _signal
from _signal import *
from enum import IntEnum as _IntEnum
from functools import wraps as _wraps

_globals = globals()


def _is_signal_name(name):
    return name.isupper() and name.startswith('SIG') and not name.startswith('SIG_')


_IntEnum._convert_('Signals', __name__, _is_signal_name)
_IntEnum._convert_('Handlers', __name__, lambda name: name in ('SIG_DFL', 'SIG_IGN'))
_IntEnum._convert_('Sigmasks', __name__, lambda name: name in ('SIG_BLOCK', 'SIG_UNBLOCK', 'SIG_SETMASK'))


def _int_to_enum(value, enum_klass):
    # A number the enum knows becomes its member; anything else (a
    # handler function, None, a real-time signal) stays as it is.
    try:
        return enum_klass(value)
    except ValueError:
        return value


def _enum_to_int(value):
    try:
        return int(value)
    except (ValueError, TypeError):
        return value


@_wraps(_signal.signal)
def signal(signalnum, handler):
    handler = _signal.signal(_enum_to_int(signalnum), _enum_to_int(handler))
    return _int_to_enum(handler, Handlers)


@_wraps(_signal.getsignal)
def getsignal(signalnum):
    return _int_to_enum(_signal.getsignal(signalnum), Handlers)


@_wraps(_signal.pthread_sigmask)
def pthread_sigmask(how, mask):
    return set(_int_to_enum(x, Signals) for x in _signal.pthread_sigmask(how, mask))


@_wraps(_signal.sigpending)
def sigpending():
    return {_int_to_enum(x, Signals) for x in _signal.sigpending()}


@_wraps(_signal.sigwait)
def sigwait(sigset):
    return _int_to_enum(_signal.sigwait(sigset), Signals)


@_wraps(_signal.valid_signals)
def valid_signals():
    return {_int_to_enum(x, Signals) for x in _signal.valid_signals()}


del _globals, _wraps
