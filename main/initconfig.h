// initconfig.h: the interpreter configuration read from the command line.
//
// Mirrors CPython 3.11 Include/cpython/initconfig.h (PyConfig) and the
// command-line half of Python/initconfig.c (config_parse_cmdline) together
// with Python/getopt.c. Book chapter 5, "Configuration and Input".
//
// The field names are PyConfig's, so `sys.flags` and `sys._xoptions` can be
// filled from this struct later, exactly as CPython fills them.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace minipy {

// What the process was asked to do, decided from the command line alone.
enum class Action {
    Run,           // run a command, module, file or stdin (pymain_run_python)
    Help,          // -h / -? / --help
    HelpEnv,       // --help-env
    HelpXOptions,  // --help-xoptions
    HelpAll,       // --help-all
    Version,       // -V / --version (version_count says how verbose)
    Stages,        // --stages: minipy's own list of built stages
    Dump,          // --dump=STAGE FILE
    Compile,       // --compile FILE -o OUT.pyc
    Diff,          // --diff=STAGE FILE
};

struct Config {
    Action action = Action::Run;
    std::string program_name;  // argv[0], used in messages as CPython does
    std::vector<std::string> orig_argv;  // the whole command line (sys.orig_argv)

    // PyConfig fields, with the option that sets each.
    int bytes_warning = 0;          // -b (twice: -bb)
    bool write_bytecode = true;     // -B clears it
    int parser_debug = 0;           // -d
    bool use_environment = true;    // -E clears it
    bool inspect = false;           // -i, PYTHONINSPECT: the interactive loop after the program
    bool interactive = false;       // -i: stdin counts as interactive even when not a terminal
    bool isolated = false;          // -I (implies -E, -s and -P)
    int optimization_level = 0;     // -O (twice: -OO)
    bool safe_path = false;         // -P
    bool quiet = false;             // -q
    bool user_site_directory = true;  // -s clears it
    bool site_import = true;        // -S clears it
    bool buffered_stdio = true;     // -u clears it
    int verbose = 0;                // -v, repeatable
    int version_count = 0;          // -V, repeatable
    bool skip_source_first_line = false;  // -x
    std::vector<std::string> warnoptions;  // -W arg, in order
    std::vector<std::string> xoptions;     // -X opt, in order
    std::string check_hash_pycs_mode = "default";  // --check-hash-based-pycs

    // What to run. At most one of these is set; none means stdin.
    std::optional<std::string> run_command;   // -c cmd
    std::optional<std::string> run_module;    // -m mod
    std::optional<std::string> run_filename;  // file, or "-" for stdin

    // sys.argv as CPython builds it: argv[0] is "-c", "-m" (made the
    // module's path once it is found), the file name, or "" for stdin.
    std::vector<std::string> argv;

    // Set by pymain's run_python when the script did not get past the
    // tokenizer/parser (its SyntaxError already printed): the exit status.
    // The run then goes straight to the interactive loop if -i asks for it.
    int front_end_status = -1;

    // minipy's stage options (docs/cli.md).
    std::string stage;              // STAGE of --dump / --diff
    std::string compile_input;      // FILE of --compile
    std::string compile_output;     // -o OUT.pyc
    std::string reference_python;   // --reference PATH (default: python3.11)
};

// A command line python3 itself would refuse: `message` is CPython's wording
// ("Unknown option: -z", "Argument expected for the -c option", ...), printed
// before the usage line, and the exit status is 2.
struct UsageError {
    std::string message;
};

// config_read_env: the PYTHON* variables that set Config fields
// (PYTHONDONTWRITEBYTECODE, PYTHONUNBUFFERED, PYTHONSAFEPATH, PYTHONINSPECT),
// unless -E or -I said to ignore the environment.
void config_read_env(Config& config);

// config_init_warnoptions: makes warnoptions what sys.warnoptions holds:
// -X dev's "default", PYTHONWARNINGS (unless -E), the -W options, -b's
// BytesWarning filter. Call after config_read_env.
void config_init_warnoptions(Config& config);

struct ParseResult {
    Config config;
    std::optional<UsageError> error;
};

// Parses argv[1:] the way CPython 3.11 does: short options may be grouped
// (-uBc cmd), -c and -m end the option list, and everything after the script
// name is the script's own, even when it looks like an option.
ParseResult parse_command_line(const std::vector<std::string>& args);

}  // namespace minipy
