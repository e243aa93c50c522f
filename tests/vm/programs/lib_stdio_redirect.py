# Replacing sys.stdout/sys.stderr: print(), the interactive display hook,
# warnings and tracebacks follow the replacement; sys.__stdout__ keeps the
# original; None drops print's output.
import io
import re
import sys
import traceback
import warnings

buf = io.StringIO()
sys.stdout = buf
print("captured", 1, 2)
sys.displayhook("shown by displayhook")
sys.stdout = sys.__stdout__
print("back:", repr(buf.getvalue()))

err = io.StringIO()
sys.stderr = err
warnings.warn("a warning to the replacement")
try:
    {}["missing"]
except KeyError:
    traceback.print_exc()
print("to stderr", file=sys.stderr)
sys.stderr = sys.__stderr__
for line in err.getvalue().splitlines():
    print("err:", re.sub(r'[^ "]*lib_stdio_redirect\.py', "FILE", line))

sys.stdout = None
print("dropped")
sys.stdout = sys.__stdout__
print("after None")

class Upper:
    def write(self, s):
        return sys.__stdout__.write(s.upper())
    def flush(self):
        sys.__stdout__.flush()

sys.stdout = Upper()
print("through a custom writer")
sys.stdout = sys.__stdout__
print(file=None)
print("file=None goes to sys.stdout", file=None)
try:
    print("x", file=42)
except AttributeError as e:
    print("AttributeError", e)
