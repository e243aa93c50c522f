# Ctrl-C (SIGINT, sent by a Timer thread) interrupts the main thread's
# join() and Event.wait() with KeyboardInterrupt. An interrupted join()
# leaves the thread marked stopped, as CPython 3.11's (bpo-45274) does.
# (The signal comes 1 s after the Timer starts: with 0.2 s, a loaded
# machine once let it arrive just before the main thread's wait, where it
# went unnoticed and the wait hung; acquire_timed now runs pending signal
# handlers before it blocks.)
import os
import signal
import threading
ev = threading.Event()
t = threading.Thread(target=ev.wait)
t.start()
threading.Timer(1.0, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
try:
    t.join()
except KeyboardInterrupt:
    print('KeyboardInterrupt during join', t.is_alive())
ev.set(); t.join(); print(t.is_alive())
threading.Timer(1.0, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
try:
    threading.Event().wait()
except KeyboardInterrupt:
    print('KeyboardInterrupt during Event.wait')
