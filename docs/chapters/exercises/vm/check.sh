#!/usr/bin/env bash
# Chapter 8 exercise check: a frame whose globals hold __lltrace__ prints
# every instruction it executes on stderr as "OFFSET OPNAME OPARG"
# (docs/chapters/eval-loop.md). The first lines traced must be f's
# instructions exactly as python3.11's dis lists them, the program's output
# must not change, and a program without __lltrace__ must trace nothing.
# usage: check.sh BUILD_DIR   (BUILD_DIR/minipy is the binary under test)
set -u
minipy="$1/minipy"
python="${MINIPY_PYTHON:-python3.11}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat > "$dir/prog.py" <<'EOF'
__lltrace__ = True
def f(a, b):
    c = a * b
    return c + 1
print(f(6, 7))
EOF
# The expectation: f's instructions by python3.11's dis (inline CACHE
# entries are not instructions; an instruction without an argument has 0).
"$python" - "$dir/prog.py" > "$dir/expected" <<'EOF' || exit 1
import dis, sys
code = compile(open(sys.argv[1]).read(), sys.argv[1], "exec")
f = next(c for c in code.co_consts if hasattr(c, "co_code"))
for i in dis.get_instructions(f):
    print(i.offset, i.opname, i.arg or 0)
EOF
out=$("$minipy" "$dir/prog.py" 2>"$dir/trace") || { cat "$dir/trace"; exit 1; }
[ "$out" = "43" ] || { echo "stdout is '$out', not 43"; exit 1; }
head -n "$(wc -l < "$dir/expected")" "$dir/trace" > "$dir/traced_f"
diff -u "$dir/expected" "$dir/traced_f" || { echo "the trace does not start with f's instructions"; exit 1; }
# Without __lltrace__ nothing is traced.
err=$("$minipy" -c 'print(6 * 7)' 2>&1 >/dev/null)
[ -z "$err" ] || { echo "traced without __lltrace__: $err"; exit 1; }
