# print() to stdout and stderr interleaved with flush; sep/end/file
# arguments; the final uncaught error appears on stderr after the output.
import sys

print("to stdout", 1, 2, sep=", ", end=" |\n")
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print(*"abc", sep="")
print()
print("no newline", end="")
print(" -> continued")
sys.stdout.write("direct write\n")
sys.stderr.write("direct stderr write\n")
print(None, True, 1.0, [1], {"k": "v"}, ("t",), sep="\t")
for bad in [{"sep": 1}, {"end": 2}, {"file": "not a file"}]:
    try:
        print("x", **bad)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
raise SystemExit("exit message goes to stderr")
