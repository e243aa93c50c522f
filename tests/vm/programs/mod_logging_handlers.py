# logging handlers: FileHandler (delay, modes), RotatingFileHandler,
# TimedRotatingFileHandler's validation, WatchedFileHandler,
# BufferingHandler/MemoryHandler, QueueHandler/QueueListener, handler
# names and shutdown (lib/logging/; book ch. 12).
import io, logging, logging.handlers, os, queue, sys, tempfile

log = logging.getLogger('h')
log.setLevel(logging.DEBUG)
log.propagate = False

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'app.log')
    fh = logging.FileHandler(path, delay=True)
    print(fh.stream, os.path.exists(path), repr(fh).replace(d, 'DIR'))
    fh.setFormatter(logging.Formatter('%(levelname)s %(message)s'))
    log.addHandler(fh)
    log.info('first')
    log.debug('second')
    fh.close()
    log.removeHandler(fh)
    with open(path) as f:
        print(f.read(), end='')

    rpath = os.path.join(d, 'rot.log')
    rh = logging.handlers.RotatingFileHandler(rpath, maxBytes=40, backupCount=2)
    rh.setFormatter(logging.Formatter('%(message)s'))
    log.addHandler(rh)
    for i in range(12):
        log.info('line number %02d', i)
    rh.close()
    log.removeHandler(rh)
    for name in sorted(os.listdir(d)):
        with open(os.path.join(d, name)) as f:
            print(name, f.read().split('\n'))

    for when in ('x', 'W7', 'W', 'midnight', 'S', 'W3'):
        try:
            th = logging.handlers.TimedRotatingFileHandler(os.path.join(d, 't.log'), when=when, interval=2, delay=True)
            print(when, th.when, th.interval, th.suffix, th.extMatch.pattern)
            th.close()
        except ValueError as e:
            print('ValueError', e)

    wpath = os.path.join(d, 'w.log')
    wh = logging.handlers.WatchedFileHandler(wpath)
    log.addHandler(wh)
    log.info('before move')
    os.rename(wpath, wpath + '.old')
    log.info('after move')
    wh.close()
    log.removeHandler(wh)
    print(open(wpath).read().split('\n'), open(wpath + '.old').read().split('\n'))

out = io.StringIO()
target = logging.StreamHandler(out)
target.setFormatter(logging.Formatter('%(levelname)s:%(message)s'))
mh = logging.handlers.MemoryHandler(3, flushLevel=logging.ERROR, target=target)
log.addHandler(mh)
log.info('m1')
log.info('m2')
print(repr(out.getvalue()), len(mh.buffer))
log.info('m3')
print(repr(out.getvalue()), len(mh.buffer))
log.info('m4')
log.error('m5')
print(repr(out.getvalue()))
log.info('m6')
mh.close()
print(repr(out.getvalue()), mh.target)
log.removeHandler(mh)

bh = logging.handlers.BufferingHandler(2)
log.addHandler(bh)
log.info('b1')
print(len(bh.buffer), bh.shouldFlush(None) if False else len(bh.buffer) >= bh.capacity)
log.info('b2')
print(len(bh.buffer))
log.removeHandler(bh)

q = queue.Queue()
qh = logging.handlers.QueueHandler(q)
log.addHandler(qh)
try:
    1 / 0
except ZeroDivisionError:
    log.exception('queued %s', 'exc')
log.warning('queued %d', 2)
log.removeHandler(qh)
print(q.qsize())
first = q.get_nowait()
print(first.msg.splitlines()[0], first.args, first.exc_info, first.levelname)
q.put_nowait(first)
out2 = io.StringIO()
lh = logging.StreamHandler(out2)
lh.setLevel(logging.ERROR)
listener = logging.handlers.QueueListener(q, lh, respect_handler_level=True)
listener.start()
listener.stop()
print(repr(out2.getvalue().splitlines()[0]), q.qsize())

# Named handlers, setStream, flush and shutdown at exit.
sh = logging.StreamHandler(sys.stdout)
sh.name = 'console'
print(sh.name, sh.get_name(), repr(sh), sh.setStream(sys.stdout), sh.setStream(io.StringIO()) is sys.stdout)
sh.setStream(sys.stdout)
sh.setFormatter(logging.Formatter('%(name)s %(message)s'))
log.addHandler(sh)
log.critical('the end')
