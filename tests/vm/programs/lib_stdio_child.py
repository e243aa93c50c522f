# How a child interpreter (sys.executable) behaves with unusual standard
# streams, run through os.system: the exit code 120 when stdout cannot be
# flushed at exit, a closed stdin, PYTHONIOENCODING, -u, input() reading
# sys.stdin, sys.exit with a message, a closed pipe.
import os
import sys

def child(code, redirect="", env="", opts="", pre=""):
    sys.stdout.flush()
    status = os.system("%s %s %s %s -c '%s' %s" % (pre, env, sys.executable, opts, code, redirect))
    print("exit status", os.waitstatus_to_exitcode(status), flush=True)

# Buffered: the failure shows only when sys.stdout is flushed at exit (120);
# unbuffered, the write itself raises OSError (1).
for unbuffered in ("", "1"):
    child("print(1)", "> /dev/full 2> /dev/null", env="PYTHONUNBUFFERED=" + unbuffered)
    child("import sys; sys.stdout.write(\"x\" * 100000)", "> /dev/full 2> /dev/null",
          env="PYTHONUNBUFFERED=" + unbuffered)
child("print(1)", "2>&1 > /dev/full | cat", env="PYTHONUNBUFFERED=")
child("import sys; print(sys.stdin)", "<&-")
child("import sys; print(sys.stdout.encoding, sys.stdout.errors, sys.stdin.errors, sys.stderr.errors)",
      env="PYTHONIOENCODING=ascii:replace")
child("import sys; print(sys.stdout.errors); print(\"\\u20ac\")", "2>&1", env="PYTHONIOENCODING=ascii")
child("import sys; print(sys.stdout.encoding, \"caf\\xe9\")", env="PYTHONIOENCODING=latin-1")
child("import sys; print(sys.stdout.write_through, type(sys.stdout.buffer).__name__)", opts="-u")
child("import sys; print(sys.stdout.write_through, type(sys.stdout.buffer).__name__)", env="PYTHONUNBUFFERED=")
child("print(repr(input(\"prompt> \"))); print(repr(input()))", "< /dev/null 2>&1")
child("x = input(\"p> \"); y = input(); print(); print(repr(x), repr(y))", pre="printf \"first\\nsecond\" |")
child("import sys; sys.exit(\"the message\")", "2>&1")
child("for i in range(100000): print(i)", "2>/dev/null | head -2")
child("print(\"a\"); import os; os.write(1, b\"b\\n\")", env="PYTHONUNBUFFERED=", redirect="| cat")
