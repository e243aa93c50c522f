// subprocess.h: run a program and capture what it prints.
//
// Used by --diff to run python3.11 (and minipy itself) side by side. The
// counterpart of what Lib/subprocess.py's run(capture_output=True) does.
#pragma once

#include <string>
#include <vector>

namespace minipy {

struct Completed {
    int spawn_errno = 0;  // non-zero: the program could not be started at all
    int exit_status = 0;  // the exit code, or -N when killed by signal N
    std::string out;
    std::string err;
};

// Runs argv[0] (looked up on PATH) with the given arguments and no stdin.
Completed run_captured(const std::vector<std::string>& argv);

}  // namespace minipy
