# logging.config.dictConfig: formatters, filters, handlers (ext:// streams,
# '()' factories, '.' properties, a MemoryHandler whose target comes
# later), loggers, root, cfg:// references, incremental updates,
# disable_existing_loggers and the "Unable to configure" errors
# (lib/logging/config.py; book ch. 12).
import logging, logging.config, sys

old = logging.getLogger('old.module')
old_child = logging.getLogger('app.child')

class Upper(logging.Filter):
    def __init__(self, word):
        super().__init__()
        self.word = word
    def filter(self, record):
        record.msg = record.msg.upper()
        return self.word not in record.msg

def make_formatter(fmt):
    return logging.Formatter('<' + fmt + '>')

CONFIG = {
    'version': 1,
    'formatters': {
        'brief': {'format': '%(levelname)s %(name)s: %(message)s'},
        'braces': {'format': '{levelname}|{message}', 'style': '{'},
        'custom': {'()': make_formatter, 'fmt': '%(message)s'},
    },
    'filters': {
        'only_app': {'name': 'app'},
        'upper': {'()': Upper, 'word': 'SKIP'},
    },
    'handlers': {
        'a_mem': {'class': 'logging.handlers.MemoryHandler', 'capacity': 2, 'target': 'out',
                  'flushLevel': 40},
        'out': {'class': 'logging.StreamHandler', 'stream': 'ext://sys.stdout', 'formatter': 'brief',
                'level': 'DEBUG'},
        'braced': {'class': 'logging.StreamHandler', 'stream': 'cfg://handlers.out.stream', 'formatter': 'braces',
                   'filters': ['upper'], '.': {'marker': 42}},
        'custom': {'()': 'logging.StreamHandler', 'stream': 'ext://sys.stdout', 'formatter': 'custom'},
    },
    'loggers': {
        'app': {'level': 'DEBUG', 'handlers': ['out'], 'propagate': False},
        'app.sub': {'handlers': ['braced'], 'filters': ['only_app']},
        'mem': {'handlers': ['a_mem'], 'level': 'INFO', 'propagate': False},
    },
    'root': {'level': 'WARNING', 'handlers': ['custom']},
}
logging.config.dictConfig(CONFIG)
app = logging.getLogger('app')
app.debug('debug from app')
logging.getLogger('app.sub').info('info from sub')
logging.getLogger('app.sub').info('please skip this')
logging.warning('root warning')
print(old.disabled, old_child.disabled, old_child.level, logging.getLogger('app.sub').propagate)
mem = logging.getLogger('mem')
mem.info('buffered 1')
print('nothing yet')
mem.info('buffered 2')
mem.error('flush now')
h = logging.getLogger('app.sub').handlers[0]
print(h.name, h.marker, type(h).__name__, logging._handlers['out'] is app.handlers[0])

# Incremental: only levels change.
logging.config.dictConfig({'version': 1, 'incremental': True, 'handlers': {'out': {'level': 'ERROR'}},
                           'loggers': {'app': {'level': 'INFO'}}})
app.warning('filtered by the handler now')
app.error('an error passes')
print(app.level, app.handlers[0].level)

for bad in ({}, {'version': 2}, {'version': 1, 'formatters': {'f': {'format': '%(x', 'validate': True}}},
            {'version': 1, 'formatters': {'f': {'format': 'no fields', 'style': '{'}}},
            {'version': 1, 'handlers': {'h': {'class': 'logging.NoSuchHandler'}}},
            {'version': 1, 'handlers': {'h': {'class': 'nosuchmodule.Handler'}}},
            {'version': 1, 'handlers': {'h': {'class': 'logging.StreamHandler', 'formatter': 'missing'}}},
            {'version': 1, 'loggers': {'x': {'handlers': ['missing']}}},
            {'version': 1, 'loggers': {'x': {'level': 'LOUD'}}},
            {'version': 1, 'root': {'filters': ['missing']}},
            {'version': 1, 'incremental': True, 'handlers': {'nope': {}}},
            {'version': 1, 'handlers': {'h': {'class': 'logging.StreamHandler', 'stream': 'cfg://nothing'}}},
            {'version': 1, 'handlers': {'h': {'()': 'logging.StreamHandler', 'bad-name': 1}}}):
    try:
        logging.config.dictConfig(bad)
        print('ok?')
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e, '|', type(e.__cause__).__name__, e.__cause__)
print(logging.config.valid_ident('abc'))
