#!/bin/bash
# check.sh BUILD_DIR: the `~=` exercise of docs/chapters/parser.md is solved
# when BUILD_DIR/minipy parses `a ~= b` into a Compare whose operator is the
# new AlmostEq node, and `a ~ = b` (a space between) is still an error.
set -u
build="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
printf 'if a ~= b:\n    pass\n' > "$tmp/almost.py"
printf 'x = a ~ = b\n' > "$tmp/spaced.py"
out="$("$build/minipy" --dump=ast "$tmp/almost.py")" || exit 1
echo "$out" | grep -q "ops=\[" || exit 1
echo "$out" | grep -q "AlmostEq()" || exit 1
if "$build/minipy" --dump=ast "$tmp/spaced.py" > /dev/null 2>&1; then exit 1; fi
exit 0
