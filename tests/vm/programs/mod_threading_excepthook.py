# threading.excepthook: an exception escaping a thread's run() is printed
# as CPython prints it ("Exception in thread NAME:" and the traceback) on
# sys.stderr, here collected through a replacement sys.stderr so that the
# frames of threading.py itself (their path and line numbers belong to
# each implementation's threading.py) can be shown without them. Custom
# hooks get ExceptHookArgs; SystemExit is silent; the thread still ends.
import sys
import threading


class Collector:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)
        return len(text)

    def flush(self):
        pass


def run_captured(thread):
    saved = sys.stderr
    sys.stderr = collector = Collector()
    try:
        thread.start()
        thread.join()
    finally:
        sys.stderr = saved
    lines = ''.join(collector.parts).splitlines()
    out = []
    skip_source = False
    for line in lines:
        if skip_source:
            skip_source = False
            out.append('    <source line of threading.py>')
            continue
        if line.startswith('  File "') and line.split('"')[1].endswith('threading.py'):
            name = line.rsplit(', in ', 1)[1]
            out.append(f'  File "threading.py", in {name}')
            skip_source = True
            continue
        out.append(line)
    print('\n'.join(out))
    print('alive after:', thread.is_alive())


def fail(kind):
    values = {'x': 1}
    if kind == 'key':
        return values['y']
    if kind == 'div':
        return values['x'] / 0
    raise ValueError(f'bad kind {kind!r}')


run_captured(threading.Thread(target=fail, args=('key',)))
run_captured(threading.Thread(target=fail, args=('div',), name='divider'))
run_captured(threading.Thread(target=fail, args=('other',), daemon=True))


class Chained(threading.Thread):
    def run(self):
        try:
            fail('key')
        except KeyError as e:
            raise RuntimeError('while handling') from e


run_captured(Chained(name='chained'))


def with_note():
    err = TypeError('noted')
    err.add_note('a note from the thread')
    raise err


run_captured(threading.Thread(target=with_note))

# SystemExit in a thread ends it silently.
run_captured(threading.Thread(target=sys.exit, args=(3,)))

# A custom hook receives (exc_type, exc_value, exc_traceback, thread).
seen = []


def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value),
                 args.exc_traceback.tb_frame.f_code.co_name == '_bootstrap_inner',
                 args.thread.name, len(args)))


threading.excepthook = hook
t = threading.Thread(target=fail, args=('key',), name='hooked')
t.start()
t.join()
t = threading.Thread(target=sys.exit, name='exiting')
t.start()
t.join()
print(seen)
threading.excepthook = threading.__excepthook__

# The hook can be called directly too.
try:
    fail('div')
except ZeroDivisionError:
    args = threading.ExceptHookArgs([*sys.exc_info(), None])
print(args.exc_type.__name__, args.thread, len(args))
saved = sys.stderr
sys.stderr = collector = Collector()
try:
    threading.excepthook(args)
finally:
    sys.stderr = saved
text = ''.join(collector.parts)
print(text.splitlines()[0].startswith('Exception in thread '), text.splitlines()[-1])
print('main continues')
