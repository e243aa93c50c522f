// usage.cpp: the texts of -h, --help-env, --help-xoptions and --help-all.
//
// Mirrors the usage strings of CPython 3.11 Python/initconfig.c (usage_line,
// usage_help, usage_envvars, usage_xoptions): the same layout and options, so
// `minipy -h` reads like `python3.11 -h`, in minipy's own words, plus the
// section for minipy's stage options. Book chapter 5.
#include "pymain.h"

#include <cstdio>

namespace minipy {

namespace {

const char usage_help[] = R"(Options (and corresponding environment variables):
-b     : warn when str() is called on bytes or bytearray, or when they are
         compared with str (-bb: make those errors)
-B     : do not write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x
-c cmd : run the program given as a string (ends the option list)
-d     : trace the parser rule by rule; also PYTHONDEBUG=x
-E     : ignore the PYTHON* environment variables (such as PYTHONPATH)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running the script, even when stdin
         is not a terminal; also PYTHONINSPECT=x
-I     : isolate minipy from the user's environment (implies -E, -P and -s)
-m mod : run a library module as a script (ends the option list)
-O     : remove assert and __debug__-dependent statements; add .opt-1 before
         .pyc extension; also PYTHONOPTIMIZE=x
-OO    : as -O, and also drop docstrings; add .opt-2 before .pyc extension
-P     : do not prepend a potentially unsafe path to sys.path; also
         PYTHONSAFEPATH
-q     : do not print the version and copyright at interactive start-up
-s     : do not add the user site directory to sys.path; also PYTHONNOUSERSITE
-S     : do not imply 'import site' at start-up
-u     : unbuffered stdout and stderr (stdin is not affected);
         also PYTHONUNBUFFERED=x
-v     : verbose: trace import statements; also PYTHONVERBOSE=x
         give it more than once for more detail
-V     : print the version number and exit (also --version)
         twice: also print build information
-W arg : warning control; arg is action:message:category:module:lineno
         also PYTHONWARNINGS=arg
-x     : skip the first line of the source, for non-Unix forms of #!cmd
-X opt : set an implementation-specific option (see --help-xoptions)
--check-hash-based-pycs always|default|never:
         how hash-based .pyc files are checked against their sources
--help-env      : print help about minipy's environment variables and exit
--help-xoptions : print help about the -X options and exit
--help-all      : print the complete help and exit

minipy's stage options (each compares with python3.11; see docs/cli.md):
--dump=STAGE FILE : print one stage's view of FILE, as CPython's own tool does:
         tokens   = python3.11 -m tokenize -e FILE
         ast      = python3.11 -m ast -a FILE
         symtable = python3.11 tools/symtable_dump.py FILE
         dis      = python3.11 -m dis FILE
--diff=STAGE FILE : run STAGE in minipy and in python3.11 and print a unified
         diff (empty and exit 0 when identical, exit 1 when they differ);
         STAGE is one of the above, or run (stdout, stderr and exit status)
--reference PATH  : the python used by --diff (default python3.11)
--compile FILE -o OUT.pyc : compile FILE into a CPython 3.11 .pyc
--stages          : list the stages built into this minipy and where from

Arguments:
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
)";

const char usage_envvars[] = R"(Environment variables that change behavior:
PYTHONSTARTUP   : file executed on interactive start-up (no default)
PYTHONPATH      : ':'-separated list of directories prefixed to the
                  default module search path; the result is sys.path
PYTHONSAFEPATH  : do not prepend a potentially unsafe path to sys.path (-P)
PYTHONHOME      : alternate <prefix> directory (or <prefix>:<exec_prefix>)
PYTHONINSPECT   : like -i
PYTHONUNBUFFERED: like -u
PYTHONVERBOSE   : like -v
PYTHONOPTIMIZE  : like -O
PYTHONDONTWRITEBYTECODE : like -B
PYTHONWARNINGS  : like -W
PYTHONHASHSEED  : 'random' (the default) or an integer in [0, 4294967295]
                  that seeds the hashes of str and bytes
PYTHONMALLOC    : the memory allocator: 'pymalloc' (the arena allocator,
                  the default), 'malloc' (everything through malloc, for
                  sanitizers and valgrind) or 'debug' (guard bytes)
PYTHONINTMAXSTRDIGITS : limit of int<->str conversion digits (0: none)
)";

const char usage_xoptions[] = R"(The implementation-specific options (-X) minipy knows:

-X showrefcount: print the total reference count and the number of used
    memory blocks when the program finishes (like a CPython debug build).
-X dev: enable the development mode (extra run-time checks).
-X utf8: enable the UTF-8 mode.
-X int_max_str_digits=number: limit the size of int<->str conversions;
    0 disables the limit.
-X warn_default_encoding: warn when a text file is opened without an
    explicit encoding.

Other -X options are kept in sys._xoptions, as CPython does.
)";

}  // namespace

void print_usage_line(std::FILE* out, const std::string& program)
{
    std::fprintf(out, "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n",
                 program.c_str());
}

void print_usage_error(const std::string& program, const std::string& message)
{
    std::fprintf(stderr, "%s\n", message.c_str());
    print_usage_line(stderr, program);
    std::fputs("Try `minipy -h' for more information.\n", stderr);
}

void print_help(Action action, const std::string& program)
{
    if (action == Action::Help || action == Action::HelpAll) {
        print_usage_line(stdout, program);
        std::fputs(usage_help, stdout);
    }
    if (action == Action::HelpAll) {
        std::fputs("\n", stdout);
    }
    if (action == Action::HelpEnv || action == Action::HelpAll) {
        std::fputs(usage_envvars, stdout);
    }
    if (action == Action::HelpAll) {
        std::fputs("\n", stdout);
    }
    if (action == Action::HelpXOptions || action == Action::HelpAll) {
        std::fputs(usage_xoptions, stdout);
    }
}

}  // namespace minipy
