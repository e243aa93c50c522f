// test_difflib.cpp: main/difflib.cpp prints what Lib/difflib.py's
// unified_diff prints (n=3), checked on cases whose expected text was
// produced by python3.11's difflib.
#include <doctest/doctest.h>

#include "difflib.h"

using minipy::split_lines;
using minipy::unified_diff;

namespace {
std::string udiff(const std::string& a, const std::string& b)
{
    return unified_diff(split_lines(a), split_lines(b), "a", "b");
}
}  // namespace

TEST_CASE("identical texts give an empty diff")
{
    CHECK(udiff("x\ny\n", "x\ny\n").empty());
    CHECK(udiff("", "").empty());
}

TEST_CASE("one changed line in the middle of a long text")
{
    std::string a, b;
    for (int i = 1; i <= 10; ++i) {
        a += std::to_string(i) + "\n";
        b += (i == 5 ? std::string("five") : std::to_string(i)) + "\n";
    }
    CHECK(udiff(a, b) ==
          "--- a\n+++ b\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

TEST_CASE("insertion into an empty text and deletion of everything")
{
    CHECK(udiff("", "x\n") == "--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n");
    CHECK(udiff("x\ny\n", "") == "--- a\n+++ b\n@@ -1,2 +0,0 @@\n-x\n-y\n");
}

TEST_CASE("changes far apart make two hunks, close ones one hunk")
{
    std::string a, b, c;
    for (int i = 1; i <= 20; ++i) {
        a += std::to_string(i) + "\n";
        b += (i == 2 || i == 18 ? "x" : std::to_string(i)) + "\n";
        c += (i == 2 || i == 8 ? "x" : std::to_string(i)) + "\n";
    }
    CHECK(udiff(a, b) ==
          "--- a\n+++ b\n@@ -1,5 +1,5 @@\n 1\n-2\n+x\n 3\n 4\n 5\n"
          "@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+x\n 19\n 20\n");
    CHECK(udiff(a, c) ==
          "--- a\n+++ b\n@@ -1,11 +1,11 @@\n 1\n-2\n+x\n 3\n 4\n 5\n 6\n 7\n-8\n+x\n 9\n 10\n 11\n");
}

TEST_CASE("a larger random-looking edit still reconstructs b from a")
{
    std::vector<std::string> a, b;
    for (int i = 0; i < 500; ++i) {
        a.push_back(std::to_string(i * 7 % 13));
        if (i % 17 != 3) b.push_back(std::to_string(i * 7 % 13));
        if (i % 29 == 0) b.push_back("new" + std::to_string(i));
    }
    std::string diff = unified_diff(a, b, "a", "b", 1000000);  // one hunk, full context
    std::vector<std::string> rebuilt_a, rebuilt_b;
    for (const std::string& line : split_lines(diff)) {
        if (line.rfind("---", 0) == 0 || line.rfind("+++", 0) == 0 || line.rfind("@@", 0) == 0) continue;
        if (line[0] != '+') rebuilt_a.push_back(line.substr(1));
        if (line[0] != '-') rebuilt_b.push_back(line.substr(1));
    }
    CHECK(rebuilt_a == a);
    CHECK(rebuilt_b == b);
}
