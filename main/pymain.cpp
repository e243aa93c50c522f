// pymain.cpp: the minipy program, from argv to an exit status.
//
// Mirrors CPython 3.11 Modules/main.c: pymain_main reads the configuration
// (initconfig.cpp), answers -h/-V at once, and pymain_run_python runs a
// command (-c), a module (-m), a file or stdin. minipy adds the stage
// commands of stages.cpp. Book chapter 5, "Configuration and Input".
#include "pymain.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "minipy/config.h"
#include "minipy/memory/obmalloc.h"
#include "minipy/vm/pythonrun.h"
#include "pythonrun.h"
#include "stages.h"

namespace minipy {

namespace {

void print_version(int count)
{
    if (count >= 2) {
        std::printf("minipy %s (Python %s) [%s, built %s]\n", MINIPY_VERSION, MINIPY_PY_VERSION,
#if defined(__clang__)
                    "Clang " __clang_version__,
#elif defined(__GNUC__)
                    "GCC " __VERSION__,
#else
                    "unknown compiler",
#endif
                    __DATE__);
    } else {
        std::printf("minipy %s (Python %s)\n", MINIPY_VERSION, MINIPY_PY_VERSION);
    }
}

void print_stages()
{
    std::printf("minipy %s: stages built into this binary, lowest layer first\n", MINIPY_VERSION);
    for (const StageInfo* info : built_stages()) {
        std::printf("%-9s %-15s %s\n", info->name,
                    info->implemented ? "implemented" : "not yet", info->source_dir);
        std::printf("%-9s mirrors %s (book %s)\n", "", info->mirrors, info->chapters);
    }
}

// Checks that a stage command got what it needs; prints CPython-style usage
// errors otherwise.
const StageCommand* stage_command_for(const Config& config, const char* option)
{
    const StageCommand* command = find_stage_command(config.stage);
    if (command == nullptr || (config.action == Action::Dump && config.stage == "run")) {
        std::string names = stage_command_names();
        if (config.action == Action::Dump) names.resize(names.rfind(", "));  // no "run"
        print_usage_error(config.program_name, std::string("unknown stage '") + config.stage +
                                                   "' for " + option + " (choose from " +
                                                   names + ")");
        return nullptr;
    }
    if (!config.run_filename || config.run_command || config.run_module) {
        print_usage_error(config.program_name,
                          std::string(option) + "=" + config.stage + " needs a FILE");
        return nullptr;
    }
    return command;
}

// pymain_run_python: run -c, -m, a file, or stdin.
int run_python(const Config& config)
{
    if (config.run_filename && *config.run_filename != "-" &&
        !check_source_file(config, *config.run_filename)) {
        return EXIT_USAGE;
    }
    const StageCommand& run = *find_stage_command("run");
    std::string what = config.run_command    ? "-c"
                       : config.run_module   ? "-m " + *config.run_module
                       : config.run_filename ? "running '" + *config.run_filename + "'"
                                             : "reading a program from stdin";
    if (config.run_filename && *config.run_filename != "-" && !vm::maybe_pyc_file(*config.run_filename)) {
        // pyrun_file: a source the tokenizer rejects fails before any stage
        // after it runs, with the SyntaxError python3.11 prints. CPython
        // names the main script by its absolute path.
        std::string shown = *config.run_filename;
        if (!shown.empty() && shown[0] != '/') {
            shown = std::filesystem::current_path().string() + "/" + shown;
        }
        int status = run_file_front_end(*config.run_filename, shown);
        if (status >= 0) {
            // -i still inspects after a script that does not compile.
            const char* env = config.use_environment ? std::getenv("PYTHONINSPECT") : nullptr;
            if (!config.inspect && !(env && *env)) return status;
            if (run.dump == nullptr) return status;
            Config failed = config;
            failed.front_end_status = status;
            return run.dump(failed, *config.run_filename);
        }
    }
    if (run.dump == nullptr) {
        return stage_missing(config, run, what);
    }
    return run.dump(config, config.run_filename.value_or("-"));
}

}  // namespace

bool check_source_file(const Config& config, const std::string& filename)
{
    std::ifstream file(filename);
    if (file && !std::filesystem::is_directory(filename)) {
        return true;
    }
    int err = errno != 0 ? errno : ENOENT;
    if (std::filesystem::is_directory(filename)) err = EISDIR;
    // CPython names the file by its absolute path, without normalizing it.
    std::string shown = filename;
    if (!shown.empty() && shown[0] != '/') {
        shown = std::filesystem::current_path().string() + "/" + shown;
    }
    std::fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", config.program_name.c_str(),
                 shown.c_str(), err, std::strerror(err));
    return false;
}

namespace {

// preconfig_init_allocator: CPython 3.11 (Python/preconfig.c) chooses the
// memory allocator before it parses the command line for real. A first pass
// over argv looks only for -E, -I and -X dev, skipping every other option
// (errors included) and stopping at -c, -m, "--" or the script, so a bad
// PYTHONMALLOC wins over any usage error. Returns -1 to go on, or the exit
// status.
int preconfig_init_allocator(const std::vector<std::string>& args)
{
    bool use_environment = true;
    bool dev_mode = false;
    bool done = false;
    for (std::size_t i = 0; i < args.size() && !done; ++i) {
        const std::string& arg = args[i];
        if (arg == "--" || arg.size() < 2 || arg[0] != '-') break;
        if (arg[1] == '-') {  // long options: skip, with their argument
            if (arg == "--check-hash-based-pycs" || arg == "--reference") ++i;
            continue;
        }
        for (std::size_t j = 1; j < arg.size(); ++j) {
            const char c = arg[j];
            if (c == 'E' || c == 'I') use_environment = false;
            if (c == 'c' || c == 'm') done = true;
            if (c == 'c' || c == 'm' || c == 'W' || c == 'X') {
                std::string value = arg.substr(j + 1);
                if (value.empty() && i + 1 < args.size()) value = args[++i];
                if (c == 'X' && (value == "dev" || value.rfind("dev=", 0) == 0)) dev_mode = true;
                break;  // the rest of arg was the option's argument
            }
        }
    }
    auto env = [&](const char* name) -> const char* {
        const char* value = use_environment ? std::getenv(name) : nullptr;
        return value != nullptr && *value != '\0' ? value : nullptr;
    };
    if (env("PYTHONDEVMODE") != nullptr) dev_mode = true;
    const char* name = env("PYTHONMALLOC");
    if (name == nullptr && dev_mode) name = "debug";  // -X dev installs the debug hooks
    if (name != nullptr && !memory::set_allocator_by_name(name)) {
        std::fflush(stdout);
        std::fputs("Fatal Python error: preconfig_init_allocator: PYTHONMALLOC: unknown allocator\n"
                   "Python runtime state: preinitializing\n\n",
                   stderr);
        return 1;
    }
    return -1;
}

}  // namespace

int pymain_main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (int status = preconfig_init_allocator(args); status >= 0) return status;
    const std::string program = argc > 0 ? argv[0] : "minipy";
    ParseResult parsed = parse_command_line(args);
    if (parsed.error) {
        print_usage_error(program, parsed.error->message);
        return EXIT_USAGE;
    }
    Config& config = parsed.config;
    config.program_name = program;
    config.orig_argv.assign(argv, argv + argc);
    config_read_env(config);
    config_init_warnoptions(config);
    if (config.reference_python.empty()) config.reference_python = MINIPY_REFERENCE_PYTHON;

    // As in CPython, -h wins over -V, and both over running anything.
    switch (config.action) {
    case Action::Help:
    case Action::HelpEnv:
    case Action::HelpXOptions:
    case Action::HelpAll:
        print_help(config.action, program);
        return EXIT_OK;
    default:
        break;
    }
    if (config.version_count > 0) {
        print_version(config.version_count);
        return EXIT_OK;
    }

    switch (config.action) {
    case Action::Stages:
        print_stages();
        return EXIT_OK;
    case Action::Dump:
        if (const StageCommand* command = stage_command_for(config, "--dump")) {
            return dump_stage(config, *command);
        }
        return EXIT_USAGE;
    case Action::Diff:
        if (const StageCommand* command = stage_command_for(config, "--diff")) {
            return diff_stage(config, *command);
        }
        return EXIT_USAGE;
    case Action::Compile:
        if (config.compile_output.empty()) {
            print_usage_error(program, "--compile FILE needs -o OUT.pyc");
            return EXIT_USAGE;
        }
        if (!check_source_file(config, config.compile_input)) return EXIT_USAGE;
        return compile_file(config);
    default:
        return run_python(config);
    }
}

}  // namespace minipy
