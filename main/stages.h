// stages.h: the stage commands of minipy's command line (--dump, --diff,
// --compile, --stages) and the stage that serves each.
//
// One table (stages.cpp) says, for each dump, which stage library produces
// it and which python3.11 command prints the same thing. A stage that has
// not landed yet has no dump function; asking for it prints which stage is
// missing and exits with status 2. Book chapter 5, plus the chapter of each
// stage.
#pragma once

#include <string>
#include <vector>

#include "initconfig.h"
#include "minipy/stage.h"

namespace minipy {

// Prints FILE's view at one stage on stdout (errors on stderr) and returns
// the exit status, exactly as the reference command would.
using DumpFunction = int (*)(const Config& config, const std::string& filename);

struct StageCommand {
    const char* name;                    // "tokens": the STAGE of --dump/--diff
    const StageInfo& (*stage)();         // the library that produces it
    std::vector<std::string> reference;  // python3.11 arguments placed before FILE
    DumpFunction dump;                   // nullptr while the stage is missing
};

// nullptr when no stage command has that name.
const StageCommand* find_stage_command(const std::string& name);

// "tokens, ast, symtable, dis, run": for error messages and help.
std::string stage_command_names();

// The stage cards of every library linked into this binary, lowest first.
std::vector<const StageInfo*> built_stages();

// Prints the message for a stage command whose stage has not landed, and
// returns the exit status for it (2).
int stage_missing(const Config& config, const StageCommand& command, const std::string& request);

// Each returns the exit status of the whole program.
int dump_stage(const Config& config, const StageCommand& command);
int diff_stage(const Config& config, const StageCommand& command);
int compile_file(const Config& config);

}  // namespace minipy
