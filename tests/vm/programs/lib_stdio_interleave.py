# The order in which output written by different layers reaches file
# descriptor 1: print and sys.stdout.write go through the text layer,
# sys.stdout.buffer.write under it, os.write past both. Only flushes
# decide, so each step flushes what came before it.
import os
import sys

print("1 print")
sys.stdout.write("2 sys.stdout.write\n")
sys.stdout.flush()
sys.stdout.buffer.write(b"3 sys.stdout.buffer.write\n")
sys.stdout.buffer.flush()
os.write(1, b"4 os.write\n")
print("5 print, flush=True", flush=True)
os.write(1, b"6 os.write\n")
sys.stdout.write("7 partial ")
sys.stdout.flush()
sys.stdout.buffer.write(b"line\n")
sys.stdout.flush()
print("8 to stderr", file=sys.stderr)
sys.stderr.write("9 sys.stderr.write\n")
sys.stderr.flush()
sys.stderr.buffer.write(b"10 sys.stderr.buffer.write\n")
sys.stderr.flush()
os.write(2, b"11 os.write(2)\n")
print("12", "several", "args", sep="|", end="!\n")
print(*range(5), sep=", ")
print("13 last")
