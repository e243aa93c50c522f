# signal: Python handlers run by the eval loop (raise_signal, os.kill,
# setitimer), SIG_IGN/SIG_DFL, the enums, errors, masks, set_wakeup_fd
# (issue 10).
import os
import signal
import time

print(signal.SIGINT, repr(signal.SIGTERM), signal.Signals(15), signal.Signals.SIGUSR1.value, signal.NSIG)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler, signal.getsignal(signal.SIGUSR1),
      repr(signal.getsignal(signal.SIGUSR2)), signal.SIG_IGN, repr(signal.SIG_DFL), int(signal.SIG_IGN))
print(signal.strsignal(signal.SIGTERM), signal.strsignal(signal.SIGKILL), signal.strsignal(40))
vs = signal.valid_signals()
print(len(vs), signal.SIGINT in vs, signal.SIGKILL in vs, type(min(vs)).__name__)
seen = []


def handler(signum, frame):
    seen.append(signum)
    print('handler got', signal.Signals(signum).name, type(frame).__name__)


old = signal.signal(signal.SIGUSR1, handler)
print('old', repr(old), signal.getsignal(signal.SIGUSR1) is handler)
signal.raise_signal(signal.SIGUSR1)
os.kill(os.getpid(), signal.SIGUSR1)
for i in range(100):
    pass
print(seen)
print(repr(signal.signal(signal.SIGUSR1, signal.SIG_IGN)) == repr(handler))
signal.raise_signal(signal.SIGUSR1)
print('ignored', seen, signal.getsignal(signal.SIGUSR1))


def raiser(signum, frame):
    raise RuntimeError('from handler %d' % signum)


signal.signal(signal.SIGUSR2, raiser)
try:
    signal.raise_signal(signal.SIGUSR2)
except RuntimeError as e:
    print('caught', e)
signal.signal(signal.SIGALRM, handler)
print(signal.setitimer(signal.ITIMER_REAL, 0.05), signal.getitimer(signal.ITIMER_REAL)[1])
deadline = time.monotonic() + 5
while len(seen) < 3 and time.monotonic() < deadline:
    time.sleep(0.01)
print(seen)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print('KeyboardInterrupt from SIGINT')
try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt:
    print('default_int_handler raises KeyboardInterrupt')
for args in [(signal.SIGKILL, handler), (0, handler), (signal.NSIG, handler), (signal.SIGUSR1, 'x'), ('x', handler)]:
    try:
        signal.signal(*args)
    except (OSError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    signal.getsignal(1000)
except ValueError as e:
    print(e)
old_mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1})
print(old_mask, signal.pthread_sigmask(signal.SIG_SETMASK, old_mask), signal.sigpending())
r, w = os.pipe()
try:
    signal.set_wakeup_fd(w)
except ValueError as e:
    print(str(e).replace(str(w), "W"))
os.set_blocking(w, False)
print(signal.set_wakeup_fd(w), signal.set_wakeup_fd(-1) == w)
os.close(r)
os.close(w)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
print(signal.Handlers.SIG_DFL, signal.Sigmasks(0), sorted(signal.Signals.__members__)[:3])
