// stages.cpp: the stage commands (see stages.h). Book chapter 5.
#include "stages.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <sys/stat.h>
#include <unistd.h>

#include "difflib.h"
#include "minipy/config.h"
#include "minipy/compiler/compile.h"
#include "minipy/compiler/assemble.h"
#include "minipy/compiler/dis_dump.h"
#include "minipy/compiler/stage.h"
#include "minipy/compiler/symtable.h"
#include "minipy/lexer/stage.h"
#include "minipy/lexer/tokenize.h"
#include "minipy/memory/stage.h"
#include "minipy/parser/parser.h"
#include "minipy/parser/stage.h"
#include "minipy/runtime/marshal.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/pystate.h"
#include "minipy/runtime/stage.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/vm/pythonrun.h"
#include "minipy/vm/stage.h"
#include "pymain.h"
#include "pythonrun.h"
#include "subprocess.h"

namespace minipy {

namespace {

// --dump=tokens: what `python3.11 -m tokenize -e FILE` prints.
int dump_tokens(const Config&, const std::string& filename)
{
    std::string bytes;
    if (!read_source_bytes(filename, &bytes)) return EXIT_USAGE;
    lexer::DumpResult result = lexer::dump_tokens(bytes, filename);
    std::fwrite(result.out.data(), 1, result.out.size(), stdout);
    std::fflush(stdout);
    std::fwrite(result.err.data(), 1, result.err.size(), stderr);
    return result.exit_status;
}

// --dump=ast: what `python3.11 -m ast -a FILE` prints (type comments on);
// -d adds the parser's rule-by-rule trace on stderr.
int dump_ast(const Config& config, const std::string& filename)
{
    std::string bytes;
    if (!read_source_bytes(filename, &bytes)) return EXIT_USAGE;
    parser::ParseOptions options;
    options.type_comments = true;
    options.string_input = true;  // `python -m ast` parses the file's bytes with ast.parse
    options.debug = config.parser_debug > 0;
    parser::ParseResult result = parser::parse_source(bytes, filename, options);
    std::string text;
    if (result.mod != nullptr && parser::dump_ast(result.mod, &text, &result.exception)) {
        text += '\n';
        std::fwrite(text.data(), 1, text.size(), stdout);
        return 0;
    }
    std::fflush(stdout);
    if (result.error) print_syntax_error(stderr, *result.error);
    else std::fprintf(stderr, "%s\n", result.exception.c_str());  // MemoryError, RecursionError
    return 1;
}

// --dump=symtable: what `python3.11 tools/symtable_dump.py FILE` prints.
// symtable.symtable() compiles the decoded text (a str), whose SyntaxError
// columns count characters, as a file's do; not bytes, as ast.parse's do.
int dump_symtable(const Config&, const std::string& filename)
{
    std::string bytes;
    if (!read_source_bytes(filename, &bytes)) return EXIT_USAGE;
    parser::ParseOptions options;
    parser::ParseResult parsed = parser::parse_source(bytes, filename, options);
    if (parsed.mod == nullptr) {
        std::fflush(stdout);
        if (parsed.error) print_syntax_error(stderr, *parsed.error);
        else std::fprintf(stderr, "%s\n", parsed.exception.c_str());  // MemoryError, RecursionError
        return 1;
    }
    compiler::SymtableResult result = compiler::symtable_build(parsed.mod, filename, bytes);
    if (result.table == nullptr) {
        std::fflush(stdout);
        if (result.recursion_error) {
            std::fprintf(stderr, "RecursionError: %s\n", result.error->msg.c_str());
        }
        else {
            print_syntax_error(stderr, *result.error);
        }
        return 1;
    }
    std::string text = compiler::dump_symtable(*result.table);
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
}

// pymain_header: the banner of an interactive session.
void print_header(const Config& config, bool run_code, bool stdin_interactive)
{
    if (config.quiet) return;
    if (!config.verbose && (run_code || !stdin_interactive)) return;
    std::fprintf(stderr, "minipy %s (Python %s) [%s] on linux\n", MINIPY_VERSION, MINIPY_PY_VERSION,
#if defined(__clang__)
                 "Clang " __clang_version__
#elif defined(__GNUC__)
                 "GCC " __VERSION__
#else
                 "unknown compiler"
#endif
    );
}

// run: `minipy FILE`, `-c CMD`, `-m MOD` or stdin, then the interactive
// loop if asked for (pymain_run_python, pymain_run_stdin, pymain_repl).
// Compiled bytecode (a .pyc, CPython's own included) goes straight to the
// vm; source goes through the compiler first (its SyntaxErrors printed as
// python3.11 prints them).
int run_program(const Config& config, const std::string& filename)
{
    // stdin_is_interactive and config_run_code of Modules/main.c: with -i,
    // stdin counts as interactive even when it is a pipe or a file.
    const bool stdin_interactive = isatty(fileno(stdin)) || config.interactive;
    const bool run_code = config.run_command || config.run_module || (config.run_filename && filename != "-");
    const bool interactive_only = !run_code && stdin_interactive;
    std::string source;
    std::string code_filename;
    if (config.front_end_status >= 0) {
        // The script's SyntaxError is printed; nothing of it runs.
    }
    else if (config.run_command) {
        source = *config.run_command;
        code_filename = "<string>";
    }
    else if (config.run_module) {
        // runpy finds the module once the interpreter is up.
    }
    else if (filename == "-") {
        if (!interactive_only)
            source.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        code_filename = "<stdin>";
    }
    else if (!vm::maybe_pyc_file(filename)) {
        if (!read_source_bytes(filename, &source)) return EXIT_USAGE;
        // CPython names the main script by its absolute path.
        code_filename = filename;
        if (!code_filename.empty() && code_filename[0] != '/')
            code_filename = std::filesystem::current_path().string() + "/" + code_filename;
    }
    vm::RunConfig vm_config;
    vm_config.argv = config.argv;
    vm_config.orig_argv = config.orig_argv;
    if (config.run_filename && !config.run_command && !config.run_module) vm_config.run_filename = filename;
    if (config.run_module) vm_config.run_module = *config.run_module;
    vm_config.write_bytecode = config.write_bytecode;
    vm_config.use_environment = config.use_environment;
    vm_config.safe_path = config.safe_path;
    vm_config.isolated = config.isolated;
    vm_config.buffered_stdio = config.buffered_stdio;
    vm_config.optimization_level = config.optimization_level;
    vm_config.verbose = config.verbose;
    vm_config.parser_debug = config.parser_debug;
    vm_config.interactive = config.interactive;
    vm_config.bytes_warning = config.bytes_warning;
    vm_config.quiet = config.quiet;
    vm_config.user_site_directory = config.user_site_directory;
    vm_config.site_import = config.site_import;
    vm_config.xoptions = config.xoptions;
    vm_config.warnoptions = config.warnoptions;
    vm_config.inspect = config.inspect;
    for (const std::string& x : config.xoptions)
        if (x == "showrefcount") vm_config.show_ref_count = true;
    print_header(config, run_code, stdin_interactive);
    if (!vm::initialize(vm_config)) return EXIT_EXCEPTION;
    int status;
    if (interactive_only) {
        // pymain_run_stdin: $PYTHONSTARTUP, then the loop.
        status = vm::run_startup_file();
        if (status < 0) status = vm::run_interactive_loop();
        return vm::finalize(status);
    }
    if (config.front_end_status >= 0) {
        status = config.front_end_status;
    }
    else if (config.run_module) {
        status = vm::run_module(*config.run_module);
    }
    else if (code_filename.empty()) {
        status = vm::run_pyc_file(filename);
    }
    else {
        runtime::Ref<> code = compiler::compile_source(source, code_filename, compiler::CompileMode::Exec);
        if (!code) {
            if (auto info = compiler::syntax_error_info()) {
                runtime::error_clear();
                print_syntax_error(stderr, *info);
                status = EXIT_EXCEPTION;
            }
            else {
                status = vm::print_pending_exception();
            }
        }
        else {
            status = vm::run_main_code(code.get(), code_filename);
        }
    }
    // pymain_repl: PYTHONINSPECT is looked at again now, so that the
    // program could have set it.
    const char* env = config.use_environment ? std::getenv("PYTHONINSPECT") : nullptr;
    const bool inspect = config.inspect || (env && *env);
    if (inspect && stdin_interactive && run_code) status = vm::run_interactive_loop();
    return vm::finalize(status);
}

// The pending exception as python3.11 prints an uncaught one that has no
// traceback ("SyntaxError" gets its located form). Clears it.
void print_pending_exception()
{
    std::fflush(stdout);
    if (auto info = compiler::syntax_error_info()) {
        runtime::error_clear();
        print_syntax_error(stderr, *info);
        return;
    }
    runtime::Ref<> exc = runtime::fetch_exception();
    if (!exc) return;
    std::string text = runtime::Py_TYPE(exc.get())->tp_name;
    runtime::Ref<> msg = runtime::object_str(exc.get());
    if (!msg) runtime::error_clear();
    else if (runtime::unicode_length(msg.get()) > 0) text += ": " + runtime::unicode_to_std(msg.get());
    std::fprintf(stderr, "%s\n", text.c_str());
}

bool is_pyc_name(const std::string& filename)
{
    return filename.size() > 4 && filename.compare(filename.size() - 4, 4, ".pyc") == 0;
}

// The code object of FILE: loaded from a .pyc (as `python3.11 FILE.pyc`
// does), or compiled from source as `python3.11 -m dis FILE` compiles it
// (compile(bytes, FILE, 'exec')). nullptr with the error set.
runtime::Ref<> code_of_file(const std::string& filename, bool* unreadable)
{
    *unreadable = false;
    if (is_pyc_name(filename)) return runtime::pyc_read_file(filename);
    std::string bytes;
    if (!read_source_bytes(filename, &bytes)) {
        *unreadable = true;
        return nullptr;
    }
    return compiler::compile_source(bytes, filename, compiler::CompileMode::Exec, -1);
}

// --dump=dis: what `python3.11 -m dis FILE` prints; FILE may also be a
// .pyc (CPython's own included), whose code object is disassembled.
int dump_dis(const Config&, const std::string& filename)
{
    runtime::initialize();
    int status = EXIT_OK;
    {
        bool unreadable;
        runtime::Ref<> code = code_of_file(filename, &unreadable);
        std::string text;
        bool ok = code && compiler::dis_dump(code.get(), &text);
        std::fwrite(text.data(), 1, text.size(), stdout);
        std::fflush(stdout);
        if (unreadable) {
            status = EXIT_USAGE;
        } else if (!ok) {
            print_pending_exception();
            status = EXIT_EXCEPTION;
        }
    }
    runtime::finalize();
    return status;
}

// --dump=cfg: each code object's control-flow graph as Graphviz DOT, as
// codegen built it and after the CFG passes (pipe into `dot -Tsvg`).
// python3.11 has no such dump, so there is nothing to --diff against.
int dump_cfg(const Config&, const std::string& filename)
{
    runtime::initialize();
    int status = EXIT_OK;
    {
        std::string bytes;
        if (!read_source_bytes(filename, &bytes)) {
            status = EXIT_USAGE;
        } else {
            std::string text;
            compiler::set_cfg_dump_sink(&text);
            runtime::Ref<> code = compiler::compile_source(bytes, filename, compiler::CompileMode::Exec, -1);
            compiler::set_cfg_dump_sink(nullptr);
            std::fwrite(text.data(), 1, text.size(), stdout);
            std::fflush(stdout);
            if (!code) {
                print_pending_exception();
                status = EXIT_EXCEPTION;
            }
        }
    }
    runtime::finalize();
    return status;
}

// The one table. When a stage lands, its entry gets its dump function.
const std::vector<StageCommand>& stage_commands()
{
    static const std::vector<StageCommand> table = {
        {"tokens", lexer::stage_info, {"-m", "tokenize", "-e"}, dump_tokens},
        {"ast", parser::stage_info, {"-m", "ast", "-a"}, dump_ast},
        {"symtable", compiler::stage_info, {MINIPY_SOURCE_DIR "/tools/symtable_dump.py"}, dump_symtable},
        {"dis", compiler::stage_info, {"-m", "dis"}, dump_dis},
        {"cfg", compiler::stage_info, {}, dump_cfg},
        {"run", vm::stage_info, {}, run_program},
    };
    return table;
}

// `python3.11 -m dis` names code objects "<code object f at 0x7f...>"; the
// address is the only part that may differ, so both sides hide it.
std::string hide_addresses(std::string text)
{
    const std::string marker = " at 0x";
    std::size_t pos = 0;
    while ((pos = text.find(marker, pos)) != std::string::npos) {
        std::size_t start = pos + marker.size();
        std::size_t end = start;
        while (end < text.size() && std::isxdigit(static_cast<unsigned char>(text[end]))) ++end;
        text.replace(start, end - start, "...");
        pos = start;
    }
    return text;
}

// The text --diff compares for one side: stdout, then stderr and the exit
// status when there is something to say about them.
std::vector<std::string> observed(const Completed& run, bool is_dis)
{
    std::vector<std::string> lines = split_lines(is_dis ? hide_addresses(run.out) : run.out);
    if (!run.err.empty()) {
        lines.push_back("[stderr]");
        for (std::string& line : split_lines(run.err)) lines.push_back(std::move(line));
    }
    if (run.exit_status != 0) {
        lines.push_back("[exit status " + std::to_string(run.exit_status) + "]");
    }
    return lines;
}

std::string join(const std::vector<std::string>& words)
{
    std::string text;
    for (const std::string& w : words) {
        if (!text.empty()) text += ' ';
        text += w;
    }
    return text;
}

std::string self_executable()
{
    char path[4096];
    ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
    if (n <= 0) return "minipy";
    return std::string(path, static_cast<std::size_t>(n));
}

}  // namespace

const StageCommand* find_stage_command(const std::string& name)
{
    for (const StageCommand& command : stage_commands()) {
        if (name == command.name) return &command;
    }
    return nullptr;
}

std::string stage_command_names()
{
    std::vector<std::string> names;
    for (const StageCommand& command : stage_commands()) names.push_back(command.name);
    std::string text;
    for (const std::string& n : names) text += (text.empty() ? "" : ", ") + n;
    return text;
}

std::vector<const StageInfo*> built_stages()
{
    return {&memory::stage_info(), &runtime::stage_info(), &lexer::stage_info(),
            &parser::stage_info(), &compiler::stage_info(), &vm::stage_info()};
}

int stage_missing(const Config& config, const StageCommand& command, const std::string& request)
{
    const StageInfo& info = command.stage();
    std::fprintf(stderr,
                 "%s: %s needs the %s stage, which is not implemented yet\n"
                 "  (the %s/ library; it mirrors CPython's %s; book %s)\n",
                 config.program_name.c_str(), request.c_str(), info.name, info.name, info.mirrors,
                 info.chapters);
    return EXIT_USAGE;
}

int dump_stage(const Config& config, const StageCommand& command)
{
    if (command.dump == nullptr) {
        return stage_missing(config, command, std::string("--dump=") + command.name);
    }
    if (!check_source_file(config, *config.run_filename)) return EXIT_USAGE;
    return command.dump(config, *config.run_filename);
}

int diff_stage(const Config& config, const StageCommand& command)
{
    const std::string& filename = *config.run_filename;
    if (command.dump == nullptr) {
        return stage_missing(config, command, std::string("--diff=") + command.name);
    }
    if (!check_source_file(config, filename)) return EXIT_USAGE;

    std::vector<std::string> reference = {config.reference_python};
    reference.insert(reference.end(), command.reference.begin(), command.reference.end());
    reference.push_back(filename);
    std::vector<std::string> ours = {self_executable()};
    if (std::string(command.name) != "run") ours.push_back(std::string("--dump=") + command.name);
    ours.push_back(filename);

    Completed theirs_run = run_captured(reference);
    if (theirs_run.spawn_errno != 0) {
        std::fprintf(stderr, "%s: --diff: cannot run the reference '%s': %s\n",
                     config.program_name.c_str(), config.reference_python.c_str(),
                     std::strerror(theirs_run.spawn_errno));
        return EXIT_USAGE;
    }
    Completed ours_run = run_captured(ours);

    const bool is_dis = std::string(command.name) == "dis";
    std::vector<std::string> label_ours = {"minipy"};
    label_ours.insert(label_ours.end(), ours.begin() + 1, ours.end());
    std::string diff = unified_diff(observed(theirs_run, is_dis), observed(ours_run, is_dis),
                                    join(reference), join(label_ours));
    std::fputs(diff.c_str(), stdout);
    return diff.empty() ? EXIT_OK : EXIT_EXCEPTION;
}

// --compile FILE -o OUT.pyc: py_compile's job: compile(source, FILE,
// 'exec'), then a timestamp-based .pyc (source mtime and size in the header).
int compile_file(const Config& config)
{
    const std::string& filename = config.compile_input;
    std::string bytes;
    struct stat st{};
    if (!read_source_bytes(filename, &bytes) || ::stat(filename.c_str(), &st) != 0) return EXIT_USAGE;
    runtime::initialize();
    int status = EXIT_OK;
    {
        runtime::Ref<> code = compiler::compile_source(bytes, filename, compiler::CompileMode::Exec, -1);
        runtime::Ref<> pyc;
        if (code) {
            pyc = runtime::pyc_from_code_timestamp(code.get(), static_cast<std::uint32_t>(st.st_mtime),
                                                   static_cast<std::uint32_t>(st.st_size));
        }
        if (!pyc || runtime::pyc_write_file(config.compile_output, pyc.get()) < 0) {
            print_pending_exception();
            status = EXIT_EXCEPTION;
        }
    }
    runtime::finalize();
    return status;
}

}  // namespace minipy
