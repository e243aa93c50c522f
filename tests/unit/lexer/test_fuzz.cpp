// test_fuzz.cpp: robustness. Random bytes and mutations of small Python
// sources go through the tokenizer and the dump; neither may crash, hang or
// read outside its buffer (run under ASan+UBSan in CI). Book ch. 6.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "minipy/lexer/tokenize.h"
#include "minipy/lexer/tokenizer.h"

using namespace minipy::lexer;

namespace {

// Tokenizes to the end; the loop bound catches a tokenizer that stops advancing.
void run_both(const std::string& source)
{
    Tokenizer tokenizer(source, "fuzz.py");
    bool finished = false;
    for (std::size_t i = 0; i < source.size() + 1000; ++i) {
        Token t = tokenizer.next();
        if (t.kind == ENDMARKER || t.kind == ERRORTOKEN) {
            finished = true;
            break;
        }
    }
    REQUIRE(finished);
    DumpResult dump = dump_tokens(source, "fuzz.py");
    REQUIRE((dump.exit_status == 0 || dump.exit_status == 1));
}

const char* const seeds[] = {
    "def f(a, b=1, *args, **kw):\n    return a + b  # sum\n",
    "if x:\n\tif y:\n\t\tz = '''a\nb'''\n\telse:\n        w = 0x1F\n",
    "x = (1,\n  [2, {3: 'a\\\nb'}])\n",
    "s = rb'\\'' f\"{x!r}\" 1_000.5e-3j 0o17 0b1\r\n",
    "# coding: latin-1\nx = '\xe9'\n",
    ("\xef\xbb\xbf" "class A:\n  pass\n"),
    "\xc3\xa9t\xc3\xa9 = 1 \\\n + 2\n",
};

const char* const fragments[] = {
    "'", "\"", "'''", "\"\"\"", "\\", "\\\n", "\t", "\n", "\r", "\r\n", "(", ")", "[", "]", "{", "}",
    "#", "0", "0x", "0o", "0b", "1_", "e", "j", ".", "\x0c", " ", "\xc3\xa9", "\xe2\x82\xac", "\xff",
    "\x00", "\x01", "$", "!", "r", "b", "f", "u", "\xc2\xa0", "<>", "# coding: foo\n", "\xef\xbb\xbf",
};

}  // namespace

TEST_CASE("random bytes never crash the tokenizer or the dump")
{
    std::mt19937 rng(20261126);
    for (int i = 0; i < 3000; ++i) {
        std::string source(rng() % 64, '\0');
        for (char& c : source) c = static_cast<char>(rng() % 256);
        run_both(source);
    }
}

TEST_CASE("mutated sources never crash the tokenizer or the dump")
{
    std::mt19937 rng(3);
    constexpr int n_seeds = sizeof seeds / sizeof seeds[0];
    constexpr int n_fragments = sizeof fragments / sizeof fragments[0];
    for (int i = 0; i < 6000; ++i) {
        std::string source = seeds[rng() % n_seeds];
        const int edits = 1 + static_cast<int>(rng() % 4);
        for (int e = 0; e < edits; ++e) {
            const std::size_t at = rng() % (source.size() + 1);
            if (rng() % 3 == 0 && at < source.size()) {
                source.erase(at, 1 + rng() % 3);
            }
            else {
                const char* f = fragments[rng() % n_fragments];
                source.insert(at, f[0] == '\0' ? std::string(1, '\0') : std::string(f));
            }
        }
        run_both(source);
    }
}

TEST_CASE("deep nesting and long lines stay within limits")
{
    run_both(std::string(100000, '('));
    run_both(std::string(5000, ' ') + "x\n");
    std::string deep;
    for (int i = 0; i < 150; ++i) deep += std::string(i, ' ') + "if x:\n";
    run_both(deep);
    run_both(std::string(200000, 'a'));
    run_both("'" + std::string(100000, '\\'));
}
