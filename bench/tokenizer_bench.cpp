// tokenizer_bench.cpp: tokenizer throughput over a corpus, in MB/s.
// Times lexer::Tokenizer (the C-tokenizer stream the parser consumes,
// Parser/tokenizer.c) and lexer::dump_tokens (the tokenize.py text of
// --dump=tokens) over every .py file under a directory. Book ch. 6.
//
//   cmake --preset release && cmake --build --preset release --target tokenizer_bench
//   build/release/tokenizer_bench [DIR] [--repeat N]
//       DIR defaults to python3.11's Lib (site-packages left out).
//   build/release/tokenizer_bench --dump FILE
//       prints the parser's token stream, one "type string start end" line
//       per token (tests/unit/lexer/c_tokenizer_check.py compares it with
//       python3.11's tokenize._generate_tokens_from_c_tokenizer).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "minipy/lexer/tokenize.h"
#include "minipy/lexer/tokenizer.h"

namespace fs = std::filesystem;
using namespace minipy::lexer;

namespace {

std::string read_file(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

int dump(const char* path)
{
    std::string bytes = read_file(path);
    Tokenizer tokenizer(bytes, path);
    for (;;) {
        Token t = tokenizer.next();
        if (t.kind == ERRORTOKEN) {
            std::printf("ERROR %s\n", tokenizer.error()->msg.c_str());
            return 1;
        }
        if (t.kind == ENDMARKER) return 0;
        std::printf("%d %s %d,%d %d,%d\n", t.kind, unicode_repr(t.text).c_str(), t.lineno, t.col_offset,
                    t.end_lineno, t.end_col_offset);
    }
}

std::string default_lib()
{
    FILE* p = popen("python3.11 -c \"import sysconfig; print(sysconfig.get_paths()['stdlib'])\"", "r");
    char buf[4096] = {0};
    if (p != nullptr) {
        if (std::fgets(buf, sizeof buf, p) == nullptr) buf[0] = 0;
        pclose(p);
    }
    std::string dir = buf;
    while (!dir.empty() && (dir.back() == '\n' || dir.back() == '\r')) dir.pop_back();
    return dir;
}

}  // namespace

int main(int argc, char** argv)
{
    std::string dir;
    int repeat = 3;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--dump") == 0 && i + 1 < argc) return dump(argv[i + 1]);
        if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
            repeat = std::atoi(argv[++i]);
        }
        else {
            dir = argv[i];
        }
    }
    if (dir.empty()) dir = default_lib();
    std::vector<std::string> sources;
    std::size_t total = 0;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        const std::string path = entry.path().string();
        if (!entry.is_regular_file() || entry.path().extension() != ".py") continue;
        if (path.find("/site-packages/") != std::string::npos) continue;
        sources.push_back(read_file(entry.path()));
        total += sources.back().size();
    }
    std::printf("corpus: %zu files, %.1f MB under %s\n", sources.size(), total / 1e6, dir.c_str());

    auto time_it = [&](const char* label, auto&& body) {
        double best = 1e30;
        std::size_t checksum = 0;
        for (int r = 0; r < repeat; ++r) {
            auto t0 = std::chrono::steady_clock::now();
            for (const std::string& s : sources) checksum += body(s);
            double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            best = std::min(best, secs);
        }
        std::printf("%-28s %8.1f MB/s  (%.3f s best of %d, %zu tokens/lines)\n", label, total / 1e6 / best, best,
                    repeat, checksum / static_cast<std::size_t>(repeat));
    };
    time_it("Tokenizer (parser stream)", [](const std::string& s) {
        Tokenizer tokenizer(s, "<bench>");
        std::size_t n = 0;
        for (;;) {
            Token t = tokenizer.next();
            if (t.kind == ENDMARKER || t.kind == ERRORTOKEN) return n;
            ++n;
        }
    });
    time_it("dump_tokens (tokenize.py text)", [](const std::string& s) {
        DumpResult r = dump_tokens(s, "<bench>");
        return static_cast<std::size_t>(std::count(r.out.begin(), r.out.end(), '\n'));
    });
    return 0;
}
