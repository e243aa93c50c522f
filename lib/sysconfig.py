"""Where minipy's files live and how it was configured.

minipy's own sysconfig (CPython 3.11's is Lib/sysconfig.py, which reads the
Makefile and pyconfig.h of a CPython build through _sysconfigdata). minipy
has no such build data: its configuration variables describe the minipy
interpreter itself, its installation paths follow the posix_prefix scheme
rooted at sys.prefix (the source tree), and compiler flags are empty (minipy
builds no extension modules). Book chapter 12.
"""
import os
import sys

__all__ = [
    'get_config_h_filename', 'get_config_var', 'get_config_vars',
    'get_makefile_filename', 'get_path', 'get_path_names', 'get_paths',
    'get_platform', 'get_python_version', 'get_scheme_names',
    'parse_config_h', 'get_default_scheme', 'get_preferred_scheme',
    'is_python_build',
]

# The install schemes of 3.11, by their templates.
_INSTALL_SCHEMES = {
    'posix_prefix': {
        'stdlib': '{installed_base}/{platlibdir}/python{py_version_short}',
        'platstdlib': '{platbase}/{platlibdir}/python{py_version_short}',
        'purelib': '{base}/lib/python{py_version_short}/site-packages',
        'platlib': '{platbase}/{platlibdir}/python{py_version_short}/site-packages',
        'include': '{installed_base}/include/python{py_version_short}{abiflags}',
        'platinclude': '{installed_platbase}/include/python{py_version_short}{abiflags}',
        'scripts': '{base}/bin',
        'data': '{base}',
    },
    'posix_home': {
        'stdlib': '{installed_base}/lib/python',
        'platstdlib': '{base}/lib/python',
        'purelib': '{base}/lib/python',
        'platlib': '{base}/lib/python',
        'include': '{installed_base}/include/python',
        'platinclude': '{installed_base}/include/python',
        'scripts': '{base}/bin',
        'data': '{base}',
    },
    'posix_user': {
        'stdlib': '{userbase}/{platlibdir}/python{py_version_short}',
        'platstdlib': '{userbase}/{platlibdir}/python{py_version_short}',
        'purelib': '{userbase}/lib/python{py_version_short}/site-packages',
        'platlib': '{userbase}/lib/python{py_version_short}/site-packages',
        'include': '{userbase}/include/python{py_version_short}',
        'scripts': '{userbase}/bin',
        'data': '{userbase}',
    },
    'nt': {
        'stdlib': '{installed_base}/Lib',
        'platstdlib': '{base}/Lib',
        'purelib': '{base}/Lib/site-packages',
        'platlib': '{base}/Lib/site-packages',
        'include': '{installed_base}/Include',
        'platinclude': '{installed_base}/Include',
        'scripts': '{base}/Scripts',
        'data': '{base}',
    },
    'nt_user': {
        'stdlib': '{userbase}/Python{py_version_nodot_plat}',
        'platstdlib': '{userbase}/Python{py_version_nodot_plat}',
        'purelib': '{userbase}/Python{py_version_nodot_plat}/site-packages',
        'platlib': '{userbase}/Python{py_version_nodot_plat}/site-packages',
        'include': '{userbase}/Python{py_version_nodot_plat}/Include',
        'scripts': '{userbase}/Python{py_version_nodot_plat}/Scripts',
        'data': '{userbase}',
    },
    'osx_framework_user': {
        'stdlib': '{userbase}/lib/python',
        'platstdlib': '{userbase}/lib/python',
        'purelib': '{userbase}/lib/python/site-packages',
        'platlib': '{userbase}/lib/python/site-packages',
        'include': '{userbase}/include/python{py_version_short}',
        'scripts': '{userbase}/bin',
        'data': '{userbase}',
    },
    'venv': {
        'stdlib': '{installed_base}/{platlibdir}/python{py_version_short}',
        'platstdlib': '{platbase}/{platlibdir}/python{py_version_short}',
        'purelib': '{base}/lib/python{py_version_short}/site-packages',
        'platlib': '{platbase}/{platlibdir}/python{py_version_short}/site-packages',
        'include': '{installed_base}/include/python{py_version_short}{abiflags}',
        'platinclude': '{installed_platbase}/include/python{py_version_short}{abiflags}',
        'scripts': '{base}/bin',
        'data': '{base}',
    },
}

# The virtual-environment schemes are the platform's own ones.
_INSTALL_SCHEMES['posix_venv'] = _INSTALL_SCHEMES['venv']
_INSTALL_SCHEMES['nt_venv'] = _INSTALL_SCHEMES['nt']

_SCHEME_KEYS = ('stdlib', 'platstdlib', 'purelib', 'platlib', 'include', 'scripts', 'data')

_config_vars = None


def _user_base():
    env = os.environ.get('PYTHONUSERBASE')
    if env:
        return env
    return os.path.expanduser('~/.local')


def _init_config_vars():
    version = sys.version_info
    prefix = os.path.normpath(sys.prefix)
    exec_prefix = os.path.normpath(sys.exec_prefix)
    v = {
        'prefix': prefix,
        'exec_prefix': exec_prefix,
        'base': prefix,
        'platbase': exec_prefix,
        'installed_base': os.path.normpath(sys.base_prefix),
        'installed_platbase': os.path.normpath(sys.base_exec_prefix),
        'projectbase': os.path.dirname(os.path.abspath(sys.executable)) if sys.executable else prefix,
        'userbase': _user_base(),
        'py_version': '%d.%d.%d' % version[:3],
        'py_version_short': '%d.%d' % version[:2],
        'py_version_nodot': '%d%d' % version[:2],
        'py_version_nodot_plat': '',
        'abiflags': getattr(sys, 'abiflags', ''),
        'platlibdir': getattr(sys, 'platlibdir', 'lib'),
        'implementation': sys.implementation.name,
        'implementation_lower': sys.implementation.name.lower(),
        'VERSION': '%d.%d' % version[:2],
        'SOABI': None,            # minipy loads no extension modules
        'EXT_SUFFIX': None,
        'SHLIB_SUFFIX': None,
        'MULTIARCH': None,
        'Py_DEBUG': 0,
        'Py_ENABLE_SHARED': 0,
        'WITH_DOC_STRINGS': 1,
        'WITH_PYMALLOC': 1,
        'HAVE_FORK': 1 if hasattr(os, 'fork') else 0,
        'CC': '', 'CFLAGS': '', 'PY_CFLAGS': '', 'PY_CFLAGS_NODIST': '',
        'CONFIG_ARGS': '', 'LDFLAGS': '', 'OPT': '',
        'BINDIR': os.path.dirname(sys.executable) if sys.executable else '',
        'LIBDEST': os.path.join(prefix, 'lib'),
        'srcdir': prefix,
        'TZPATH': '/usr/share/zoneinfo:/usr/lib/zoneinfo:/usr/share/lib/zoneinfo:/etc/zoneinfo',
    }
    v['SO'] = v['EXT_SUFFIX']
    return v


def get_config_vars(*args):
    """The configuration variables as a dict, or the values of the names in
    args, in order (None for an unknown name)."""
    global _config_vars
    if _config_vars is None:
        _config_vars = _init_config_vars()
    if args:
        return [_config_vars.get(name) for name in args]
    return _config_vars


def get_config_var(name):
    """The value of one configuration variable, or None."""
    return get_config_vars().get(name)


def get_scheme_names():
    """The names of the install schemes, sorted."""
    return tuple(sorted(_INSTALL_SCHEMES))


def get_path_names():
    """The path names every scheme defines."""
    return _SCHEME_KEYS


def get_default_scheme():
    return get_preferred_scheme('prefix')


def get_preferred_scheme(key):
    """The scheme for an installation kind: 'prefix', 'home' or 'user'
    (KeyError for anything else)."""
    if key == 'prefix' and sys.prefix != sys.base_prefix:
        return 'venv'
    return {'prefix': 'posix_prefix', 'home': 'posix_home', 'user': 'posix_user'}[key]


def _expand(template, values):
    def lookup(match_name):
        if match_name in values:
            return str(values[match_name])
        if match_name in os.environ:
            return os.environ[match_name]
        raise AttributeError('{%s}' % match_name)
    out = []
    i = 0
    while i < len(template):
        start = template.find('{', i)
        if start < 0:
            out.append(template[i:])
            break
        end = template.find('}', start)
        out.append(template[i:start])
        out.append(lookup(template[start + 1:end]))
        i = end + 1
    return ''.join(out)


def get_paths(scheme=None, vars=None, expand=True):
    """The install paths of a scheme (the default one when None), with
    its {variables} replaced unless expand is false."""
    if scheme is None:
        scheme = get_default_scheme()
    templates = _INSTALL_SCHEMES[scheme]
    if not expand:
        return dict(templates)
    values = dict(get_config_vars())
    if vars:
        values.update(vars)
    return {key: os.path.normpath(_expand(t, values)) for key, t in templates.items()}


def get_path(name, scheme=None, vars=None, expand=True):
    """One install path of a scheme."""
    return get_paths(scheme, vars, expand)[name]


def get_platform():
    """The platform as distutils names it: 'linux-x86_64' and the like."""
    uname = os.uname()
    return '%s-%s' % (uname.sysname.lower(), uname.machine.replace(' ', '_').replace('/', '-'))


def get_python_version():
    return get_config_var('py_version_short')


def is_python_build(check_home=False):
    """False: minipy is not CPython's build tree."""
    return False


def get_makefile_filename():
    """minipy has no Makefile of CPython's; the name it would have."""
    return os.path.join(get_config_var('LIBDEST'), 'config', 'Makefile')


def get_config_h_filename():
    return os.path.join(get_config_var('prefix'), 'include', 'pyconfig.h')


def parse_config_h(fp, vars=None):
    """Reads '#define NAME value' and '/* #undef NAME */' lines of a
    pyconfig.h-style file into vars (ints where the value is one)."""
    if vars is None:
        vars = {}
    for line in fp:
        words = line.split()
        if len(words) >= 2 and words[0] == '#define':
            value = words[2] if len(words) > 2 else '1'
            try:
                value = int(value)
            except ValueError:
                pass
            vars[words[1]] = value
        elif len(words) >= 3 and words[:2] == ['/*', '#undef']:
            vars[words[2]] = 0
    return vars


def _main():
    print('Platform: "%s"' % get_platform())
    print('Python version: "%s"' % get_python_version())
    print('Current installation scheme: "%s"' % get_default_scheme())
    print()
    print('Paths: ')
    for key, value in sorted(get_paths().items()):
        print('\t%s = "%s"' % (key, value))
    print()
    print('Variables: ')
    for key, value in sorted(get_config_vars().items()):
        print('\t%s = "%s"' % (key, value))


if __name__ == '__main__':
    _main()
