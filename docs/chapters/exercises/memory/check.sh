#!/usr/bin/env bash
# Chapter 9 exercise check: MallocStats::pools_reused counts the pools taken
# from an arena's list of empty pools, and debug_malloc_stats prints it as
# "# pools reused from empty lists" (docs/chapters/memory.md).
# usage: check.sh BUILD_DIR   (BUILD_DIR/tests/test_memory is the binary under test)
set -u
test_memory="$1/tests/test_memory"
# The exercise's own test (tests/unit/memory/test_exercise.cpp), skipped in
# normal runs; it fails until the counter exists and counts right.
"$test_memory" --no-skip --test-case="exercise ch09*" || exit 1
# And the rest of the memory stage still passes.
"$test_memory" >/dev/null || exit 1
