#!/usr/bin/env bash
# Chapter 4/6 exercise check: the lexer knows the "almost equal" operator
# `~=` as one token, ALMOSTEQUAL, in the --dump=tokens text.
# usage: check.sh BUILD_DIR   (BUILD_DIR/minipy is the binary under test;
#        the path of a minipy binary itself is accepted too)
set -u
minipy="$1"
[ -d "$minipy" ] && minipy="$1/minipy"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
printf 'a ~= b\n' > "$dir/almost.py"
out=$("$minipy" --dump=tokens "$dir/almost.py") || exit 1
expected="1,2-1,4:            ALMOSTEQUAL    '~='           "
if ! grep -qxF "$expected" <<<"$out"; then
    echo "no ALMOSTEQUAL token for '~=' in:" >&2
    echo "$out" >&2
    exit 1
fi
