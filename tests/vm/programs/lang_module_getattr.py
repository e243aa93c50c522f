# PEP 562: a module's __getattr__ is called for attributes the module does
# not have (not for those it has), by getattr, hasattr, from-import; an
# AttributeError from it makes from-import an ImportError.
import lazy_attrs

print(lazy_attrs.present, lazy_attrs.lazy_value, getattr(lazy_attrs, 'lazy_x'))
print(hasattr(lazy_attrs, 'missing'), getattr(lazy_attrs, 'missing', 'default'))
from lazy_attrs import lazy_imported
print(lazy_imported, lazy_attrs.calls)
try:
    lazy_attrs.missing
except AttributeError as e:
    print('AttributeError:', e)
try:
    from lazy_attrs import nothing
except ImportError as e:
    print('ImportError:', e)
print(lazy_attrs.calls)
