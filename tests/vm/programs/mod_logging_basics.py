# logging: the logger hierarchy, levels and names, the three format styles,
# filters, adapters, exceptions and stack info, basicConfig, captureWarnings,
# the last-resort handler and errors inside handlers (lib/logging/; book
# ch. 12).
import io, logging, sys, time, warnings

# Before any configuration: the last resort prints bare messages on stderr.
logging.getLogger('early').warning('last resort %s', 'message')
logging.getLogger('early').info('not shown')

a = logging.getLogger('app')
abc = logging.getLogger('app.b.c')
ab = logging.getLogger('app.b')
print(abc.parent is ab, ab.parent is a, a.parent is logging.root, logging.getLogger() is logging.root,
      logging.getLogger('root') is logging.root, a.getChild('b') is ab, logging.root.getChild('x').name)
print(repr(a), repr(abc), repr(logging.root), isinstance(logging.Logger.manager.loggerDict['app'], logging.Logger))
print(sorted(k for k in logging.Logger.manager.loggerDict if k.startswith('app')))

# Levels.
print(logging.getLevelName(10), logging.getLevelName('ERROR'), logging.getLevelName(11), logging.getLevelName('X'))
logging.addLevelName(25, 'NOTICE')
print(logging.getLevelName(25), logging.getLevelName('NOTICE'), logging.getLevelNamesMapping()['NOTICE'])
for bad in ('LOUD', 1.5, None):
    try:
        a.setLevel(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
a.setLevel('INFO')
print(a.level, abc.getEffectiveLevel(), abc.isEnabledFor(logging.DEBUG), abc.isEnabledFor(25))

out = io.StringIO()
h = logging.StreamHandler(out)
h.setFormatter(logging.Formatter('%(levelname)-8s %(name)s %(module)s.%(funcName)s:%(lineno)d %(message)s'))
a.addHandler(h)
abc.info('hello %s and %d', 'you', 3)
abc.log(25, 'a notice')
abc.debug('hidden')

def work():
    abc.warning('from a function %(x)s', {'x': 'mapped'})
    try:
        {}['missing']
    except KeyError:
        abc.exception('failed')
    abc.error('with stack', stack_info=True)
    abc.info('exc as exception object', exc_info=ValueError('v'))
work()
import re
print(re.sub(r'File "[^"]*/', 'File "', out.getvalue()), end='')
out.truncate(0); out.seek(0)

# The three styles, defaults, validation.
rec = logging.makeLogRecord({'name': 'n', 'msg': 'm %s', 'args': (1,), 'levelname': 'INFO', 'levelno': 20,
                             'created': 0.0, 'msecs': 123.0})
for fmt, style in (('%(name)s|%(message)s|%(levelno)03d', '%'), ('{name}|{message}|{levelno:>5}', '{'),
                   ('$name|${message}|$levelname', '$')):
    f = logging.Formatter(fmt, style=style)
    print(f.format(rec))
f = logging.Formatter('%(asctime)s %(extra)s %(message)s', defaults={'extra': 'DFLT'})
f.converter = time.gmtime
print(f.format(rec), f.formatTime(rec, '%H:%M'), f.usesTime())
for fmt, style in (('no fields', '%'), ('{bad!x}', '{'), ('{}', '{'), ('$', '$'), ('plain', '$'), ('x', '#'),
                   ('{a.b[c]:>{w}}', '{')):
    try:
        logging.Formatter(fmt, style=style)
        print('ok', fmt)
    except ValueError as e:
        print('ValueError', e)
print(logging.BufferingFormatter().format([rec, rec]))

# Filters: by name and callables.
flt = logging.Filter('app.b')
print([flt.filter(logging.makeLogRecord({'name': n})) for n in ('app.b', 'app.b.c', 'app.bb', 'app', 'x')])
h.addFilter(lambda r: 'secret' not in r.getMessage())
abc.info('public')
abc.info('secret stuff')
print(out.getvalue(), end='')
out.truncate(0); out.seek(0)

# Adapters and extra.
class Ctx(logging.LoggerAdapter):
    def process(self, msg, kwargs):
        kwargs['extra'] = self.extra
        return '[%s] %s' % (self.extra['req'], msg), kwargs
h.setFormatter(logging.Formatter('%(levelname)s %(message)s %(req)s'))
ad = Ctx(abc, {'req': 42})
ad.info('adapted')
logging.LoggerAdapter(abc, {'req': 7}).warning('plain adapter')
print(repr(ad), ad.name, ad.getEffectiveLevel(), ad.hasHandlers())
try:
    abc.info('x', extra={'message': 1})
except KeyError as e:
    print('KeyError', e)
print(out.getvalue(), end='')
a.removeHandler(h)

# basicConfig: its errors, then a real configuration on stdout.
for kw in ({'stream': sys.stdout, 'filename': 'x'}, {'handlers': [], 'stream': sys.stdout}, {'style': '?'},
           {'bogus': 1}):
    try:
        logging.basicConfig(**kw)
    except ValueError as e:
        print('ValueError', e)
logging.basicConfig(stream=sys.stdout, level=logging.DEBUG, format='%(levelname)s:%(name)s:%(message)s', force=True)
logging.info('root info')
logging.debug('root debug %d', 1)
logging.log(25, 'root notice')
abc.info('propagated')
a.propagate = False
abc.info('not propagated')
a.propagate = True
logging.disable(logging.INFO)
logging.info('disabled')
logging.warning('still on')
logging.disable(logging.NOTSET)

# Warnings through logging.
wout = io.StringIO()
wh = logging.StreamHandler(wout)
logging.getLogger('py.warnings').addHandler(wh)
logging.getLogger('py.warnings').propagate = False
logging.captureWarnings(True)
warnings.warn('through logging')
logging.captureWarnings(False)
print(re.sub(r'^/.*/', '', wout.getvalue()), end='')

# An error inside a handler is reported on stderr, not raised (the
# traceback's lines inside logging differ from CPython's: only the
# unindented lines are shown).
import contextlib
err = io.StringIO()
with contextlib.redirect_stderr(err):
    logging.info('bad args %d', 'x')
print('\n'.join(line for line in err.getvalue().splitlines() if not line.startswith(' ')))
print(logging.root.handlers, logging.lastResort, logging.NullHandler())
logging.getLogger('quiet').addHandler(logging.NullHandler())
