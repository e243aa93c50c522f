// parser_bench.cpp: parse throughput (source bytes -> tokens -> AST) over a
// corpus, next to python3.11's ast.parse on the same files, timed in the
// same run. Book ch. 6. Built a second time as frontend_bench
// (MINIPY_BENCH_COMPILE=1): the whole front end, source -> code objects
// (tokenize, parse, symtable, AST optimizer, codegen, CFG passes,
// assembler), against python3.11's compile(source, path, "exec"). Book ch. 7.
//
//   cmake --preset release && cmake --build --preset release --target parser_bench frontend_bench
//   build/release/parser_bench [DIR] [--repeat N]
//   build/release/frontend_bench [DIR] [--repeat N]
//       DIR defaults to python3.11's Lib (site-packages left out).
//
// minipy's side calls parser::parse_source (type comments off, like
// ast.parse's default) or compiler::compile_source on every file;
// python3.11's side runs one process that times compile() with
// ast.PyCF_ONLY_AST (or without, for frontend_bench) on the same list (so
// neither side pays for process start-up or file reading). Files either
// side rejects are counted.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "minipy/parser/parser.h"
#if MINIPY_BENCH_COMPILE
#include "minipy/compiler/compile.h"
#include "minipy/runtime/pyerrors.h"
#endif

namespace fs = std::filesystem;
using namespace minipy;

namespace {

std::string read_file(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string run_output(const std::string& command)
{
    std::string out;
    FILE* p = popen(command.c_str(), "r");
    if (p == nullptr) return out;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    pclose(p);
    return out;
}

std::string default_lib()
{
    std::string out = run_output("python3.11 -c \"import sysconfig; print(sysconfig.get_paths()['stdlib'])\"");
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
}

// The python3.11 side: reads the file list, prints the total seconds of the
// best of `repeat` passes and the number of files it parsed.
const char* REFERENCE = R"PY(
import ast, sys, time
FLAGS = 0 if sys.argv[3] == "compile" else ast.PyCF_ONLY_AST
paths = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8")]
sources = [open(p, "rb").read() for p in paths]
best, ok = None, 0
for _ in range(int(sys.argv[2])):
    ok = 0
    t0 = time.perf_counter()
    for p, s in zip(paths, sources):
        try:
            compile(s, p, "exec", FLAGS)
            ok += 1
        except (SyntaxError, ValueError, MemoryError, RecursionError):
            pass
    t = time.perf_counter() - t0
    best = t if best is None else min(best, t)
print(best, ok)
)PY";

}  // namespace

int main(int argc, char** argv)
{
    std::string dir;
    int repeat = 3;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--repeat" && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
        else dir = a;
    }
    if (dir.empty()) dir = default_lib();
    std::vector<fs::path> paths;
    for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it) {
        if (it->is_directory() && (it->path().filename() == "site-packages" || it->path().filename() == "__pycache__")) {
            it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file() && it->path().extension() == ".py") paths.push_back(it->path());
    }
    std::sort(paths.begin(), paths.end());
    std::vector<std::string> sources;
    std::size_t bytes = 0;
    for (const fs::path& p : paths) {
        sources.push_back(read_file(p));
        bytes += sources.back().size();
    }

    double best = 1e100;
    int ok = 0;
    std::size_t arena_bytes = 0;
    for (int r = 0; r < repeat; ++r) {
        ok = 0;
        arena_bytes = 0;
        auto t0 = std::chrono::steady_clock::now();
        for (std::size_t i = 0; i < paths.size(); ++i) {
#if MINIPY_BENCH_COMPILE
            runtime::Ref<> code = compiler::compile_source(sources[i], paths[i].string(),
                                                           compiler::CompileMode::Exec);
            if (code) ++ok;
            else runtime::error_clear();
#else
            parser::ParseResult result = parser::parse_source(sources[i], paths[i].string());
            if (result.mod != nullptr) {
                ++ok;
                arena_bytes += result.arena->allocated();
            }
#endif
        }
        double t = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        best = std::min(best, t);
    }

    fs::path list = fs::temp_directory_path() / "parser_bench_files.txt";
    {
        std::ofstream out(list);
        for (const fs::path& p : paths) out << p.string() << "\n";
    }
    fs::path script = fs::temp_directory_path() / "parser_bench_reference.py";
    {
        std::ofstream out(script);
        out << REFERENCE;
    }
    std::string ref = run_output("python3.11 " + script.string() + " " + list.string() + " " +
                                 std::to_string(repeat) + (MINIPY_BENCH_COMPILE ? " compile" : " parse"));
    double ref_time = 0;
    int ref_ok = 0;
    std::sscanf(ref.c_str(), "%lf %d", &ref_time, &ref_ok);

    double mb = static_cast<double>(bytes) / 1e6;
    std::printf("corpus: %zu files, %.1f MB (%s), best of %d\n", paths.size(), mb, dir.c_str(), repeat);
#if MINIPY_BENCH_COMPILE
    (void)arena_bytes;
    std::printf("minipy compile_source: %7.3f s  %6.1f MB/s  (%d compiled)\n", best, mb / best, ok);
    const char* ref_name = "python3.11 compile(): ";
#else
    std::printf("minipy parse_source:   %7.3f s  %6.1f MB/s  (%d parsed, %.1f MB of AST arenas)\n", best,
                mb / best, ok, static_cast<double>(arena_bytes) / 1e6);
    const char* ref_name = "python3.11 ast.parse:  ";
#endif
    if (ref_time > 0) {
        std::printf("%s%7.3f s  %6.1f MB/s  (%d done)\n", ref_name, ref_time, mb / ref_time, ref_ok);
        std::printf("minipy / python3.11:   %.2fx the time\n", best / ref_time);
    } else {
        std::printf("%snot run (python3.11 not found)\n", ref_name);
    }
    return 0;
}
