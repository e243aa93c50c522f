#!/usr/bin/env bash
# Chapter 5 exercise check: `minipy --dump=config` prints the configuration
# the command line produced, one PyConfig field per line.
# usage: check.sh BUILD_DIR   (BUILD_DIR/minipy is the binary under test)
set -u
out=$("$1/minipy" --dump=config -OO -u -X dev -W error -c pass a -x) || exit 1
for line in "optimization_level = 2" "buffered_stdio = 0" "xoptions = ['dev']" \
            "warnoptions = ['default', 'error']" "run_command = 'pass'" "argv = ['-c', 'a', '-x']"; do
    if ! grep -qxF "$line" <<<"$out"; then
        echo "missing line: $line" >&2
        exit 1
    fi
done
