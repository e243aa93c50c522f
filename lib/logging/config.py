# logging/config.py: configuration from a dictionary (minipy's own).
# Mirrors the behaviour of CPython 3.11's Lib/logging/config.py for
# dictConfig: the schema (version 1, formatters, filters, handlers,
# loggers, root, incremental, disable_existing_loggers), '()' factories
# and '.' properties, the ext:// and cfg:// value converters (through the
# Converting* containers, which convert values as they are read), the
# MemoryHandler target deferred until its target exists, and CPython's
# "Unable to configure ..." errors. Not here: fileConfig (needs
# configparser) and listen/stopListening (need sockets). Book chapter 12.
"""Configuration functions for the logging package (minipy's own):
dictConfig."""

import logging
import logging.handlers
import re

DEFAULT_LOGGING_CONFIG_PORT = 9030


def _resolve(name):
    """The object a dotted name designates, importing modules on the way."""
    parts = name.split('.')
    used = parts.pop(0)
    found = __import__(used)
    for frag in parts:
        used = used + '.' + frag
        try:
            found = getattr(found, frag)
        except AttributeError:
            __import__(used)
            found = getattr(found, frag)
    return found


def _clearExistingHandlers():
    # Close every handler made so far; the configuration replaces them.
    logging._handlers.clear()
    logging.shutdown(logging._handlerList[:])
    del logging._handlerList[:]


def _handle_existing_loggers(existing, child_loggers, disable_existing):
    # Loggers that existed before and are not configured now are disabled
    # (when asked), except children of configured loggers, which are reset
    # to pass their records up.
    root = logging.root
    for log in existing:
        logger = root.manager.loggerDict[log]
        if log in child_loggers:
            if not isinstance(logger, logging.PlaceHolder):
                logger.setLevel(logging.NOTSET)
                logger.handlers = []
                logger.propagate = True
        else:
            logger.disabled = disable_existing


IDENTIFIER = re.compile('^[a-z_][a-z0-9_]*$', re.I)


def valid_ident(s):
    m = IDENTIFIER.match(s)
    if not m:
        raise ValueError('Not a valid Python identifier: %r' % s)
    return True


# ---------------------------------------------------------------------------
# Containers that convert their values when read: a nested dict/list/tuple
# becomes a Converting one, a 'prefix://rest' string goes through the
# configurator's converter for the prefix. Converted values replace the
# originals (except on pop and in tuples).
# ---------------------------------------------------------------------------

class ConvertingMixin(object):
    """For ConvertingXXX's __getitem__ and the like."""

    def convert_with_key(self, key, value, replace=True):
        result = self.configurator.convert(value)
        if value is not result:
            if replace:
                self[key] = result
            if type(result) in (ConvertingDict, ConvertingList, ConvertingTuple):
                result.parent = self
                result.key = key
        return result

    def convert(self, value):
        result = self.configurator.convert(value)
        if value is not result:
            if type(result) in (ConvertingDict, ConvertingList, ConvertingTuple):
                result.parent = self
        return result


class ConvertingDict(dict, ConvertingMixin):
    """A converting dictionary wrapper."""

    def __getitem__(self, key):
        return self.convert_with_key(key, dict.__getitem__(self, key))

    def get(self, key, default=None):
        return self.convert_with_key(key, dict.get(self, key, default))

    def pop(self, key, default=None):
        return self.convert_with_key(key, dict.pop(self, key, default),
                                     replace=False)


class ConvertingList(list, ConvertingMixin):
    """A converting list wrapper."""

    def __getitem__(self, key):
        return self.convert_with_key(key, list.__getitem__(self, key))

    def pop(self, idx=-1):
        return self.convert(list.pop(self, idx))


class ConvertingTuple(tuple, ConvertingMixin):
    """A converting tuple wrapper."""

    def __getitem__(self, key):
        return self.convert_with_key(key, tuple.__getitem__(self, key),
                                     replace=False)


class BaseConfigurator(object):
    """The configuration machinery shared by configurators: name
    resolution, value conversion, '()' factories."""

    CONVERT_PATTERN = re.compile(r'^(?P<prefix>[a-z]+)://(?P<suffix>.*)$')

    WORD_PATTERN = re.compile(r'^\s*(\w+)\s*')
    DOT_PATTERN = re.compile(r'^\.\s*(\w+)\s*')
    INDEX_PATTERN = re.compile(r'^\[\s*(\w+)\s*\]\s*')
    DIGIT_PATTERN = re.compile(r'^\d+$')

    value_converters = {
        'ext': 'ext_convert',
        'cfg': 'cfg_convert',
    }

    importer = staticmethod(__import__)

    def __init__(self, config):
        self.config = ConvertingDict(config)
        self.config.configurator = self

    def resolve(self, s):
        """Resolve strings to objects using standard import and attribute
        syntax."""
        parts = s.split('.')
        used = parts.pop(0)
        try:
            found = self.importer(used)
            for frag in parts:
                used += '.' + frag
                try:
                    found = getattr(found, frag)
                except AttributeError:
                    self.importer(used)
                    found = getattr(found, frag)
            return found
        except ImportError as e:
            raise ValueError('Cannot resolve %r: %s' % (s, e)) from e

    def ext_convert(self, value):
        """ext://dotted.name: an object found by import."""
        return self.resolve(value)

    def cfg_convert(self, value):
        """cfg://key.attr[index]: a value found inside the configuration."""
        m = self.WORD_PATTERN.match(value)
        if m is None:
            raise ValueError("Unable to convert %r" % value)
        rest = value[m.end():]
        d = self.config[m.groups()[0]]
        while rest:
            m = self.DOT_PATTERN.match(rest)
            if m:
                d = d[m.groups()[0]]
            else:
                m = self.INDEX_PATTERN.match(rest)
                if m:
                    idx = m.groups()[0]
                    if not self.DIGIT_PATTERN.match(idx):
                        d = d[idx]
                    else:
                        # A number indexes a list; a dict keyed by the
                        # digits string is tried when that fails.
                        try:
                            d = d[int(idx)]
                        except TypeError:
                            d = d[idx]
            if not m:
                raise ValueError('Unable to convert %r at %r' % (value, rest))
            rest = rest[m.end():]
        return d

    def convert(self, value):
        if not isinstance(value, ConvertingDict) and isinstance(value, dict):
            value = ConvertingDict(value)
            value.configurator = self
        elif not isinstance(value, ConvertingList) and isinstance(value, list):
            value = ConvertingList(value)
            value.configurator = self
        elif (not isinstance(value, ConvertingTuple) and isinstance(value, tuple)
              and not hasattr(value, '_fields')):
            value = ConvertingTuple(value)
            value.configurator = self
        elif isinstance(value, str):
            m = self.CONVERT_PATTERN.match(value)
            if m:
                d = m.groupdict()
                converter = self.value_converters.get(d['prefix'], None)
                if converter:
                    value = getattr(self, converter)(d['suffix'])
        return value

    def configure_custom(self, config):
        """'()': a factory called with the other keys (identifiers) as
        keyword arguments; '.': attributes set on the result."""
        c = config.pop('()')
        if not callable(c):
            c = self.resolve(c)
        kwargs = {k: config[k] for k in config if k != '.' and valid_ident(k)}
        result = c(**kwargs)
        props = config.pop('.', None)
        if props:
            for name, value in props.items():
                setattr(result, name, value)
        return result

    def as_tuple(self, value):
        if isinstance(value, list):
            value = tuple(value)
        return value


class DictConfigurator(BaseConfigurator):
    """Configure logging using a dictionary-like object to describe the
    configuration."""

    def configure(self):
        config = self.config
        if 'version' not in config:
            raise ValueError("dictionary doesn't specify a version")
        if config['version'] != 1:
            raise ValueError("Unsupported version: %s" % config['version'])
        incremental = config.pop('incremental', False)
        with logging._lock:
            if incremental:
                self._configure_incremental(config)
            else:
                self._configure_full(config)

    def _configure_incremental(self, config):
        # Only levels change: of named existing handlers, and of loggers.
        handlers = config.get('handlers', {})
        for name in handlers:
            if name not in logging._handlers:
                raise ValueError('No handler found with name %r' % name)
            try:
                handler = logging._handlers[name]
                level = handlers[name].get('level', None)
                if level:
                    handler.setLevel(logging._checkLevel(level))
            except Exception as e:
                raise ValueError('Unable to configure handler %r' % name) from e
        loggers = config.get('loggers', {})
        for name in loggers:
            try:
                self.configure_logger(name, loggers[name], True)
            except Exception as e:
                raise ValueError('Unable to configure logger %r' % name) from e
        root = config.get('root', None)
        if root:
            try:
                self.configure_root(root, True)
            except Exception as e:
                raise ValueError('Unable to configure root logger') from e

    def _configure_full(self, config):
        disable_existing = config.pop('disable_existing_loggers', True)
        _clearExistingHandlers()

        # Each section's entries are replaced by the objects made from them,
        # so later sections (and cfg:// references) find objects.
        formatters = config.get('formatters', {})
        for name in formatters:
            try:
                formatters[name] = self.configure_formatter(formatters[name])
            except Exception as e:
                raise ValueError('Unable to configure formatter %r' % name) from e
        filters = config.get('filters', {})
        for name in filters:
            try:
                filters[name] = self.configure_filter(filters[name])
            except Exception as e:
                raise ValueError('Unable to configure filter %r' % name) from e

        # Handlers in name order; a MemoryHandler whose target comes later
        # is made in a second pass.
        handlers = config.get('handlers', {})
        deferred = []
        for name in sorted(handlers):
            try:
                handler = self.configure_handler(handlers[name])
                handler.name = name
                handlers[name] = handler
            except Exception as e:
                if 'target not configured yet' in str(e.__cause__):
                    deferred.append(name)
                else:
                    raise ValueError('Unable to configure handler %r' % name) from e
        for name in deferred:
            try:
                handler = self.configure_handler(handlers[name])
                handler.name = name
                handlers[name] = handler
            except Exception as e:
                raise ValueError('Unable to configure handler %r' % name) from e

        # Loggers; those that existed, were not configured and are not
        # children of configured ones get disabled.
        existing = sorted(logging.root.manager.loggerDict.keys())
        child_loggers = []
        loggers = config.get('loggers', {})
        for name in loggers:
            if name in existing:
                prefixed = name + "."
                pflen = len(prefixed)
                for other in existing[existing.index(name) + 1:]:
                    if other[:pflen] == prefixed:
                        child_loggers.append(other)
                existing.remove(name)
            try:
                self.configure_logger(name, loggers[name])
            except Exception as e:
                raise ValueError('Unable to configure logger %r' % name) from e
        _handle_existing_loggers(existing, child_loggers, disable_existing)

        root = config.get('root', None)
        if root:
            try:
                self.configure_root(root)
            except Exception as e:
                raise ValueError('Unable to configure root logger') from e

    def configure_formatter(self, config):
        """Configure a formatter from a dictionary."""
        if '()' in config:
            factory = config['()']
            try:
                result = self.configure_custom(config)
            except TypeError as te:
                # An old-style factory taking fmt= where the schema says
                # format=.
                if "'format'" not in str(te):
                    raise
                config['fmt'] = config.pop('format')
                config['()'] = factory
                result = self.configure_custom(config)
            return result
        fmt = config.get('format', None)
        dfmt = config.get('datefmt', None)
        style = config.get('style', '%')
        cname = config.get('class', None)
        c = _resolve(cname) if cname else logging.Formatter
        if 'validate' in config:
            return c(fmt, dfmt, style, config['validate'])
        return c(fmt, dfmt, style)

    def configure_filter(self, config):
        """Configure a filter from a dictionary."""
        if '()' in config:
            return self.configure_custom(config)
        return logging.Filter(config.get('name', ''))

    def add_filters(self, filterer, filters):
        """Add filters to a filterer from a list of names."""
        for f in filters:
            try:
                if callable(f) or callable(getattr(f, 'filter', None)):
                    filter_ = f
                else:
                    filter_ = self.config['filters'][f]
                filterer.addFilter(filter_)
            except Exception as e:
                raise ValueError('Unable to add filter %r' % f) from e

    def configure_handler(self, config):
        """Configure a handler from a dictionary."""
        config_copy = dict(config)  # restored when the target must wait
        formatter = config.pop('formatter', None)
        if formatter:
            try:
                formatter = self.config['formatters'][formatter]
            except Exception as e:
                raise ValueError('Unable to set formatter %r' % formatter) from e
        level = config.pop('level', None)
        filters = config.pop('filters', None)
        if '()' in config:
            c = config.pop('()')
            if not callable(c):
                c = self.resolve(c)
            factory = c
        else:
            klass = self.resolve(config.pop('class'))
            if issubclass(klass, logging.handlers.MemoryHandler) and 'target' in config:
                try:
                    th = self.config['handlers'][config['target']]
                    if not isinstance(th, logging.Handler):
                        config.update(config_copy)
                        raise TypeError('target not configured yet')
                    config['target'] = th
                except Exception as e:
                    raise ValueError('Unable to set target handler %r'
                                     % config['target']) from e
            factory = klass
        kwargs = {k: config[k] for k in config if k != '.' and valid_ident(k)}
        try:
            result = factory(**kwargs)
        except TypeError as te:
            # Old handlers took strm= instead of stream=.
            if "'stream'" not in str(te):
                raise
            kwargs['strm'] = kwargs.pop('stream')
            result = factory(**kwargs)
        if formatter:
            result.setFormatter(formatter)
        if level is not None:
            result.setLevel(logging._checkLevel(level))
        if filters:
            self.add_filters(result, filters)
        props = config.pop('.', None)
        if props:
            for name, value in props.items():
                setattr(result, name, value)
        return result

    def add_handlers(self, logger, handlers):
        """Add handlers to a logger from a list of names."""
        for h in handlers:
            try:
                logger.addHandler(self.config['handlers'][h])
            except Exception as e:
                raise ValueError('Unable to add handler %r' % h) from e

    def common_logger_config(self, logger, config, incremental=False):
        """Perform configuration which is common to root and non-root
        loggers."""
        level = config.get('level', None)
        if level is not None:
            logger.setLevel(logging._checkLevel(level))
        if not incremental:
            for h in logger.handlers[:]:
                logger.removeHandler(h)
            handlers = config.get('handlers', None)
            if handlers:
                self.add_handlers(logger, handlers)
            filters = config.get('filters', None)
            if filters:
                self.add_filters(logger, filters)

    def configure_logger(self, name, config, incremental=False):
        """Configure a non-root logger from a dictionary."""
        logger = logging.getLogger(name)
        self.common_logger_config(logger, config, incremental)
        logger.disabled = False
        propagate = config.get('propagate', None)
        if propagate is not None:
            logger.propagate = propagate

    def configure_root(self, config, incremental=False):
        """Configure a root logger from a dictionary."""
        self.common_logger_config(logging.getLogger(), config, incremental)


dictConfigClass = DictConfigurator


def dictConfig(config):
    """Configure logging using a dictionary."""
    dictConfigClass(config).configure()
