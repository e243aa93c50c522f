// initconfig.cpp: command-line parsing into a Config.
//
// Mirrors CPython 3.11 Python/initconfig.c (config_parse_cmdline) and
// Python/getopt.c (_PyOS_GetOpt). Book chapter 5, "Configuration and Input".
//
// CPython's command line is getopt-shaped with two twists that a generic
// option library does not have: -c and -m end the option list (their value
// and every later word belong to the program), and so does the script name.
// Boost.Program_options describes every option and parses the long ones;
// a style parser installed in front of Boost's own (python_style_parser
// below) applies CPython's rules to short-option groups and to the first
// non-option word.
#include "initconfig.h"

#include <boost/program_options.hpp>

#include <cstdlib>
#include <functional>

namespace minipy {

namespace po = boost::program_options;

namespace {

// Thrown inside the Boost callback, turned into a UsageError at the top.
struct UsageException {
    std::string message;
};

po::options_description all_options()
{
    po::options_description desc;
    auto text = [] { return po::value<std::string>(); };
    desc.add_options()
        // CPython 3.11's options (Python/initconfig.c, usage_line et seq.).
        (",b", "bytes warnings")
        (",B", "don't write .pyc files")
        (",c", text(), "program passed in as string")
        (",d", "parser debugging output")
        (",E", "ignore PYTHON* environment variables")
        ("help,h", "print help and exit")
        (",?", "print help and exit")
        (",i", "inspect interactively after running")
        (",I", "isolate from the user's environment")
        (",m", text(), "run library module as a script")
        (",O", "remove asserts (twice: docstrings too)")
        (",P", "don't prepend a potentially unsafe path to sys.path")
        (",q", "quiet interactive start-up")
        (",s", "don't add user site directory")
        (",S", "don't import site")
        (",u", "unbuffered stdout and stderr")
        (",v", "verbose imports")
        ("version,V", "print version and exit")
        (",W", text(), "warning control")
        (",x", "skip first line of source")
        (",X", text(), "implementation-specific option")
        ("check-hash-based-pycs", text(), "always|default|never")
        ("help-env", "help on environment variables")
        ("help-xoptions", "help on -X options")
        ("help-all", "complete help")
        // minipy's stage options (docs/cli.md).
        ("dump", text(), "print one stage's output for FILE")
        ("diff", text(), "diff one stage against python3.11 for FILE")
        ("compile", text(), "compile FILE to a .pyc")
        (",o", text(), "output file of --compile")
        ("reference", text(), "the reference python (default python3.11)")
        ("stages", "list the stages built into this binary");
    return desc;
}

po::option positional(const std::string& word)
{
    po::option opt;
    opt.value.push_back(word);
    opt.original_tokens.push_back(word);
    return opt;
}

// CPython's rules for the words Boost's long-option parser does not own:
// a short-option group ("-uBc"), "--", "-" and the script name. Returns the
// options it consumed (erasing their words from `args`), or nothing to let
// Boost parse a long option.
std::vector<po::option> python_style_parser(const po::options_description& desc,
                                            std::vector<std::string>& args)
{
    std::vector<po::option> out;
    const std::string word = args.front();
    auto rest_are_positional = [&](std::size_t first) {
        for (std::size_t i = first; i < args.size(); ++i) {
            out.push_back(positional(args[i]));
        }
        args.clear();
    };

    if (word == "--") {
        rest_are_positional(1);
        return out;
    }
    if (word.size() < 2 || word[0] != '-') {
        rest_are_positional(0);  // the script name (or "-") ends the options
        return out;
    }
    if (word[1] == '-') {
        return out;  // a long option: Boost's own parser takes it
    }

    for (std::size_t i = 1; i < word.size(); ++i) {
        const std::string letter(1, word[i]);
        const po::option_description* d = desc.find_nothrow("-" + letter, false, false, false);
        if (d == nullptr) {
            throw UsageException{"Unknown option: -" + letter};
        }
        po::option opt;
        opt.string_key = d->key("-" + letter);
        opt.original_tokens.push_back(word);
        if (d->semantic()->max_tokens() == 0) {
            out.push_back(opt);
            continue;
        }
        // An option with an argument takes the rest of the word, or the next
        // word whatever it looks like (python3 -c -1 runs "-1").
        std::size_t used = 1;
        if (i + 1 < word.size()) {
            opt.value.push_back(word.substr(i + 1));
        } else if (args.size() > 1) {
            opt.value.push_back(args[1]);
            used = 2;
        } else {
            throw UsageException{"Argument expected for the -" + letter + " option"};
        }
        out.push_back(opt);
        args.erase(args.begin(), args.begin() + static_cast<std::ptrdiff_t>(used));
        if (letter == "c" || letter == "m") {
            rest_are_positional(0);  // -c and -m terminate the option list
        }
        return out;
    }
    args.erase(args.begin());
    return out;
}

Action stage_action(const std::string& key)
{
    if (key == "dump") return Action::Dump;
    if (key == "diff") return Action::Diff;
    return Action::Compile;
}

// Applies one parsed option to the config, in command-line order.
void apply_option(Config& config, const po::option& opt)
{
    const std::string& key = opt.string_key;
    const std::string value = opt.value.empty() ? std::string() : opt.value.front();

    if (key == "-b") config.bytes_warning++;
    else if (key == "-B") config.write_bytecode = false;
    else if (key == "-c") config.run_command = value;
    else if (key == "-d") config.parser_debug++;
    else if (key == "-E") config.use_environment = false;
    else if (key == "help" || key == "-?") config.action = Action::Help;
    else if (key == "-i") config.inspect = config.interactive = true;
    else if (key == "-I") {
        config.isolated = true;
        config.use_environment = false;
        config.user_site_directory = false;
        config.safe_path = true;
    }
    else if (key == "-m") config.run_module = value;
    else if (key == "-O") config.optimization_level++;
    else if (key == "-P") config.safe_path = true;
    else if (key == "-q") config.quiet = true;
    else if (key == "-s") config.user_site_directory = false;
    else if (key == "-S") config.site_import = false;
    else if (key == "-u") config.buffered_stdio = false;
    else if (key == "-v") config.verbose++;
    else if (key == "version") config.version_count++;
    else if (key == "-W") config.warnoptions.push_back(value);
    else if (key == "-x") config.skip_source_first_line = true;
    else if (key == "-X") config.xoptions.push_back(value);
    else if (key == "check-hash-based-pycs") {
        if (value != "default" && value != "always" && value != "never") {
            throw UsageException{
                "--check-hash-based-pycs must be one of 'default', 'always', or 'never'"};
        }
        config.check_hash_pycs_mode = value;
    }
    else if (key == "help-env") config.action = Action::HelpEnv;
    else if (key == "help-xoptions") config.action = Action::HelpXOptions;
    else if (key == "help-all") config.action = Action::HelpAll;
    else if (key == "stages") config.action = Action::Stages;
    else if (key == "dump" || key == "diff") {
        config.action = stage_action(key);
        config.stage = value;
    }
    else if (key == "compile") {
        config.action = Action::Compile;
        config.compile_input = value;
    }
    else if (key == "-o") config.compile_output = value;
    else if (key == "reference") config.reference_python = value;
}

// The word CPython names in "unknown option ...": the whole word as typed.
std::string offending_word(const po::error_with_option_name& e, const std::vector<std::string>& args)
{
    const std::string name = e.get_option_name();
    for (const std::string& word : args) {
        if (word == name || word.rfind(name + "=", 0) == 0) {
            return word;
        }
    }
    return name;
}

}  // namespace

void config_read_env(Config& config)
{
    if (!config.use_environment) return;
    // config_get_env: a variable counts when it is set and not empty.
    auto set = [](const char* name) {
        const char* value = std::getenv(name);
        return value != nullptr && *value != '\0';
    };
    if (set("PYTHONDONTWRITEBYTECODE")) config.write_bytecode = false;
    if (set("PYTHONUNBUFFERED")) config.buffered_stdio = false;
    if (set("PYTHONSAFEPATH")) config.safe_path = true;
    if (set("PYTHONINSPECT")) config.inspect = true;
}

void config_init_warnoptions(Config& config)
{
    // sys.warnoptions, lowest precedence first (the warnings module inserts
    // each at the front of the filters): -X dev's "default", the
    // PYTHONWARNINGS entries (comma-separated, empty ones skipped), the -W
    // options, then -b's BytesWarning filter.
    std::vector<std::string> options;
    bool dev_mode = false;
    for (const std::string& x : config.xoptions)
        if (x == "dev" || x.rfind("dev=", 0) == 0) dev_mode = true;
    const char* devenv = config.use_environment ? std::getenv("PYTHONDEVMODE") : nullptr;
    if (devenv && *devenv) dev_mode = true;
    if (dev_mode) options.push_back("default");
    const char* env = config.use_environment ? std::getenv("PYTHONWARNINGS") : nullptr;
    if (env && *env) {
        std::string all = env;
        std::size_t start = 0;
        for (;;) {
            std::size_t comma = all.find(',', start);
            std::string entry = all.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            if (!entry.empty()) options.push_back(entry);
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    }
    options.insert(options.end(), config.warnoptions.begin(), config.warnoptions.end());
    if (config.bytes_warning > 1) options.push_back("error::BytesWarning");
    else if (config.bytes_warning == 1) options.push_back("default::BytesWarning");
    config.warnoptions = std::move(options);
}

ParseResult parse_command_line(const std::vector<std::string>& args)
{
    ParseResult result;
    Config& config = result.config;
    const po::options_description desc = all_options();

    po::parsed_options parsed(&desc);
    try {
        using style = po::command_line_style::style_t;
        parsed = po::command_line_parser(args)
                     .options(desc)
                     .style(style(po::command_line_style::allow_long |
                                  po::command_line_style::long_allow_adjacent |
                                  po::command_line_style::long_allow_next))
                     .extra_style_parser([&desc](std::vector<std::string>& words) {
                         return python_style_parser(desc, words);
                     })
                     .run();
        std::vector<std::string> words;  // the script and its arguments
        for (const po::option& opt : parsed.options) {
            if (opt.string_key.empty()) {
                words.push_back(opt.value.front());
            } else {
                apply_option(config, opt);
            }
        }

        // sys.argv, as pymain builds it (Modules/main.c, config_init_argv).
        if (config.run_command) {
            config.argv.push_back("-c");
        } else if (config.run_module) {
            config.argv.push_back("-m");  // the module's path once runpy finds it
        } else if (!words.empty()) {
            config.run_filename = words.front();
            config.argv.push_back(words.front());
            words.erase(words.begin());
        } else {
            config.argv.push_back("");
        }
        config.argv.insert(config.argv.end(), words.begin(), words.end());
    } catch (const UsageException& e) {
        result.error = UsageError{e.message};
    } catch (const po::invalid_command_line_syntax& e) {
        if (e.kind() == po::invalid_syntax::missing_parameter) {
            result.error = UsageError{"Argument expected for the " + e.get_option_name() + " option"};
        } else {
            result.error = UsageError{"unknown option " + offending_word(e, args)};
        }
    } catch (const po::error_with_option_name& e) {
        result.error = UsageError{"unknown option " + offending_word(e, args)};
    } catch (const po::error& e) {
        result.error = UsageError{e.what()};
    }
    return result;
}

}  // namespace minipy
