// symtable_test_util.h: helpers the symbol-table tests share: running
// python3.11 for expectations, and naming a block the way its code object
// will be named (co_name, co_firstlineno), so tables and code objects can be
// matched. Book chapter 7.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "minipy/compiler/symtable.h"
#include "minipy/config.h"

namespace symtable_test {

struct Completed {
    std::string out;
    int status = -1;
};

// Runs a shell command, capturing its stdout.
inline Completed run(const std::string& command)
{
    Completed result;
    std::FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) return result;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) result.out.append(buf, n);
    int status = pclose(pipe);
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

// Writes `source` to `path` and runs tests/unit/compiler/<helper> on it
// with python3.11.
inline Completed reference(const std::string& helper, const std::string& path, const std::string& source)
{
    {
        std::ofstream file(path, std::ios::binary);
        file << source;
    }
    return run(std::string(MINIPY_REFERENCE_PYTHON) + " '" MINIPY_SOURCE_DIR "/tests/unit/compiler/" + helper +
               "' '" + path + "'");
}

// co_name of the block's code object.
inline std::string code_name(const minipy::compiler::SymtableEntry& ste)
{
    using namespace minipy;
    if (ste.ste_type == compiler::ModuleBlock) return "<module>";
    if (ste.ste_type == compiler::FunctionBlock) {
        // Lambdas and comprehensions are keyed by their expression (a def
        // named `lambda` by its statement).
        const auto* e = static_cast<const ast::_expr*>(ste.ste_id);
        const std::string& n = ste.ste_name;
        if ((n == "lambda" && e->kind == ast::Lambda_kind) || (n == "listcomp" && e->kind == ast::ListComp_kind) ||
            (n == "setcomp" && e->kind == ast::SetComp_kind) || (n == "dictcomp" && e->kind == ast::DictComp_kind) ||
            (n == "genexpr" && e->kind == ast::GeneratorExp_kind)) {
            return "<" + n + ">";
        }
    }
    return ste.ste_name;
}

// co_firstlineno: a decorated def or class starts at its first decorator.
inline int code_firstlineno(const minipy::compiler::SymtableEntry& ste)
{
    using namespace minipy;
    if (ste.ste_type == compiler::ModuleBlock) return 1;
    if (code_name(ste).front() == '<') return ste.ste_lineno;
    const auto* s = static_cast<const ast::_stmt*>(ste.ste_id);
    const ast::asdl_expr_seq* decorators = s->kind == ast::ClassDef_kind ? s->v.ClassDef.decorator_list
                                           : s->kind == ast::FunctionDef_kind
                                               ? s->v.FunctionDef.decorator_list
                                               : s->v.AsyncFunctionDef.decorator_list;
    if (ast::asdl_seq_LEN(decorators) > 0) return (*decorators)[0]->lineno;
    return ste.ste_lineno;
}

}  // namespace symtable_test
