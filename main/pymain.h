// pymain.h: the minipy program: from the command line to an exit status.
//
// Mirrors CPython 3.11 Modules/main.c (pymain_main, pymain_run_python) and
// the usage texts of Python/initconfig.c. Book chapter 5.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "initconfig.h"

namespace minipy {

// Exit statuses of python3 itself.
constexpr int EXIT_OK = 0;
constexpr int EXIT_EXCEPTION = 1;  // an uncaught exception, or --diff found a difference
constexpr int EXIT_USAGE = 2;      // bad command line, file that cannot be opened

int pymain_main(int argc, char** argv);

// True when FILE can be opened for reading; otherwise prints CPython's
// "can't open file '/abs/FILE': [Errno N] ..." and returns false.
bool check_source_file(const Config& config, const std::string& filename);

// usage.cpp
void print_usage_line(std::FILE* out, const std::string& program);
void print_usage_error(const std::string& program, const std::string& message);
void print_help(Action action, const std::string& program);

}  // namespace minipy
