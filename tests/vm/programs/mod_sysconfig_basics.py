# sysconfig: the scheme and path names, the default scheme, the platform,
# path templates and their expansion with given variables (the values of
# minipy's configuration variables name minipy's own files, so only their
# shape is printed). lib/sysconfig.py.
import os
import sysconfig

print(sysconfig.get_scheme_names())
print(sysconfig.get_path_names())
print(sysconfig.get_default_scheme(), sysconfig.get_platform(), sysconfig.get_python_version())
print(sysconfig.is_python_build(), sorted(sysconfig.get_paths()))
print(sysconfig.get_paths(expand=False)["purelib"], sysconfig.get_paths("posix_home", expand=False)["stdlib"])
print(sysconfig.get_path("purelib", "posix_prefix", vars={"base": "/B", "py_version_short": "9.9"}))
print(sysconfig.get_path("scripts", "posix_user", vars={"userbase": "/U"}))
for key in ("prefix", "home", "user", "bogus"):
    try:
        print(key, sysconfig.get_preferred_scheme(key))
    except KeyError as e:
        print(key, "KeyError", e)
print(sysconfig.get_config_var("py_version_short"), sysconfig.get_config_vars("VERSION", "no such var"))
print(os.path.isabs(sysconfig.get_config_var("prefix")), type(sysconfig.get_config_vars()).__name__)
import io
print(sysconfig.parse_config_h(io.StringIO("#define HAVE_X 1\n#define NAME \"v\"\n/* #undef HAVE_Y */\n")))
