// difflib.h: unified diffs of two texts, as `diff -u` prints them.
//
// Mirrors the output of Lib/difflib.py unified_diff (and GNU diff -u): the
// "---"/"+++" header, "@@ -a,b +c,d @@" hunks with three lines of context.
// The edit script comes from Myers' O(ND) algorithm after trimming the
// common prefix and suffix, so near-identical dumps diff quickly.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace minipy {

std::vector<std::string> split_lines(std::string_view text);

// Empty when a and b are equal.
std::string unified_diff(const std::vector<std::string>& a, const std::vector<std::string>& b,
                         const std::string& label_a, const std::string& label_b,
                         int context = 3);

}  // namespace minipy
