# os.popen: reading and writing through /bin/sh, exit statuses from close()
# (None, status << 8, a signal), argument errors (issue 10).
import os
with os.popen('echo hello; echo world') as f:
    print(repr(f.read()))
f = os.popen('exit 3')
print(f.read(), f.close())
f = os.popen('echo x')
print(list(f), f.close())
f = os.popen('kill -9 $$')
print(f.close())
w = os.popen('cat > /dev/null', 'w')
print(w.write('data'), w.close())
for args in [(3,), ('x', 'rb'), ('x', 'r', 0)]:
    try:
        os.popen(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(type(os.popen('true')).__name__)
