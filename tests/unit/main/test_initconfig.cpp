// test_initconfig.cpp: command-line parsing (main/initconfig.cpp) against
// what python3.11 does with the same words. Book chapter 5.
//
// Each expectation below was read off python3.11, e.g.
//   python3.11 -uBc 'import sys; print(sys.argv, sys.flags)' x
#include <doctest/doctest.h>

#include "initconfig.h"

using minipy::Action;
using minipy::parse_command_line;
using Args = std::vector<std::string>;

TEST_CASE("grouped short options, and -c ends the option list")
{
    auto r = parse_command_line({"-uBc", "print(1)", "-x", "--foo"});
    REQUIRE_FALSE(r.error);
    CHECK_FALSE(r.config.buffered_stdio);
    CHECK_FALSE(r.config.write_bytecode);
    CHECK(r.config.run_command == "print(1)");
    CHECK(r.config.argv == Args{"-c", "-x", "--foo"});
    CHECK_FALSE(r.config.skip_source_first_line);  // -x belonged to the program
}

TEST_CASE("the value of -c may be glued to it or start with a dash")
{
    CHECK(parse_command_line({"-cpass"}).config.run_command == "pass");
    CHECK(parse_command_line({"-c", "-1"}).config.run_command == "-1");
}

TEST_CASE("-m ends the option list; argv[0] is \"-m\" until the module is found")
{
    auto r = parse_command_line({"-m", "json.tool", "-c", "x"});
    REQUIRE_FALSE(r.error);
    CHECK(r.config.run_module == "json.tool");
    // Modules/main.c (config_init_argv) starts sys.argv with "-m"; runpy
    // later replaces it with the module's path (vm/pythonrun.cpp).
    CHECK(r.config.argv == Args{"-m", "-c", "x"});
}

TEST_CASE("arguments after the script belong to the script")
{
    auto r = parse_command_line({"-O", "prog.py", "-c", "x", "--dump=tokens"});
    REQUIRE_FALSE(r.error);
    CHECK(r.config.optimization_level == 1);
    CHECK(r.config.run_filename == "prog.py");
    CHECK(r.config.argv == Args{"prog.py", "-c", "x", "--dump=tokens"});
    CHECK(r.config.action == Action::Run);
}

TEST_CASE("-- ends the options: the next word is the script even if it looks like one")
{
    auto r = parse_command_line({"--", "-c"});
    REQUIRE_FALSE(r.error);
    CHECK(r.config.run_filename == "-c");
    CHECK_FALSE(r.config.run_command);
}

TEST_CASE("no script: argv is [''], and '-' means stdin")
{
    CHECK(parse_command_line({}).config.argv == Args{""});
    auto r = parse_command_line({"-", "a"});
    CHECK(r.config.run_filename == "-");
    CHECK(r.config.argv == Args{"-", "a"});
}

TEST_CASE("repeatable options count, -W and -X keep their order")
{
    auto r = parse_command_line({"-OO", "-vvv", "-bb", "-Werror", "-W", "ignore", "-Xdev",
                                 "-X", "utf8", "-c", "pass"});
    REQUIRE_FALSE(r.error);
    CHECK(r.config.optimization_level == 2);
    CHECK(r.config.verbose == 3);
    CHECK(r.config.bytes_warning == 2);
    CHECK(r.config.warnoptions == Args{"error", "ignore"});
    CHECK(r.config.xoptions == Args{"dev", "utf8"});
}

TEST_CASE("-I implies -E, -s and -P")
{
    auto r = parse_command_line({"-I", "-c", "pass"});
    CHECK(r.config.isolated);
    CHECK_FALSE(r.config.use_environment);
    CHECK_FALSE(r.config.user_site_directory);
    CHECK(r.config.safe_path);
}

TEST_CASE("help and version actions")
{
    CHECK(parse_command_line({"-h"}).config.action == Action::Help);
    CHECK(parse_command_line({"-?"}).config.action == Action::Help);
    CHECK(parse_command_line({"--help"}).config.action == Action::Help);
    CHECK(parse_command_line({"--help-env"}).config.action == Action::HelpEnv);
    CHECK(parse_command_line({"--help-xoptions"}).config.action == Action::HelpXOptions);
    CHECK(parse_command_line({"--help-all"}).config.action == Action::HelpAll);
    CHECK(parse_command_line({"-VV"}).config.version_count == 2);
    CHECK(parse_command_line({"--version"}).config.version_count == 1);
}

TEST_CASE("CPython's wording for bad command lines")
{
    CHECK(parse_command_line({"--foo"}).error->message == "unknown option --foo");
    CHECK(parse_command_line({"--version=3"}).error->message == "unknown option --version=3");
    CHECK(parse_command_line({"-z"}).error->message == "Unknown option: -z");
    CHECK(parse_command_line({"-uz"}).error->message == "Unknown option: -z");
    CHECK(parse_command_line({"-c"}).error->message == "Argument expected for the -c option");
    CHECK(parse_command_line({"-m"}).error->message == "Argument expected for the -m option");
    CHECK(parse_command_line({"-X"}).error->message == "Argument expected for the -X option");
    CHECK(parse_command_line({"-W"}).error->message == "Argument expected for the -W option");
    CHECK(parse_command_line({"--check-hash-based-pycs", "sometimes"}).error->message ==
          "--check-hash-based-pycs must be one of 'default', 'always', or 'never'");
}

TEST_CASE("minipy's stage options")
{
    auto dump = parse_command_line({"--dump=tokens", "x.py"});
    REQUIRE_FALSE(dump.error);
    CHECK(dump.config.action == Action::Dump);
    CHECK(dump.config.stage == "tokens");
    CHECK(dump.config.run_filename == "x.py");

    auto diff = parse_command_line({"--diff", "ast", "--reference", "/usr/bin/python3.11", "x.py"});
    REQUIRE_FALSE(diff.error);
    CHECK(diff.config.action == Action::Diff);
    CHECK(diff.config.stage == "ast");
    CHECK(diff.config.reference_python == "/usr/bin/python3.11");

    auto compile = parse_command_line({"--compile", "x.py", "-o", "x.pyc"});
    REQUIRE_FALSE(compile.error);
    CHECK(compile.config.action == Action::Compile);
    CHECK(compile.config.compile_input == "x.py");
    CHECK(compile.config.compile_output == "x.pyc");

    CHECK(parse_command_line({"--dump"}).error->message == "Argument expected for the --dump option");
}
