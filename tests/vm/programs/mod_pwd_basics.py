# pwd: the password database (root is always there), struct_passwd, errors;
# os.path.expanduser('~user') through it (issue 10).
import os
import pwd

root = pwd.getpwuid(0)
print(root, root.pw_name, root[2], len(root), type(root).__name__)
print(pwd.getpwnam('root') == root, root in pwd.getpwall(), pwd.struct_passwd.n_fields,
      pwd.struct_passwd.n_sequence_fields)
for a in [123456789, -5, 'x', 2 ** 40, 1.5]:
    try:
        pwd.getpwuid(a)
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)
for a in ['no_such_user_here', 'a\0b', 3]:
    try:
        pwd.getpwnam(a)
    except (KeyError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(os.path.expanduser('~root/x'), os.path.expanduser(b'~root'), os.path.expanduser('~no_such_user_here/y'))
home = os.environ.pop('HOME', None)
try:
    print(os.path.expanduser('~') == pwd.getpwuid(os.getuid()).pw_dir.rstrip('/') or '/')
finally:
    if home is not None:
        os.environ['HOME'] = home
