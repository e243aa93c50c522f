# A module with a PEP 562 __getattr__ (used by lang_module_getattr.py).
present = 'present'
calls = []


def __getattr__(name):
    calls.append(name)
    if name.startswith('lazy_'):
        return name.upper()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
