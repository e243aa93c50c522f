// symtable_dump.cpp: the --dump=symtable text of a module's symbol tables
// (docs/symtable-format.md), the form tools/symtable_dump.py prints from
// python3.11's `symtable` module (Lib/symtable.py over the tables of
// Python/symtable.c). Book chapter 7, "The Compiler".
#include "minipy/compiler/symtable.h"

namespace minipy::compiler {

namespace {

// The DEF_* bits, lowest first, as the format names them.
constexpr const char* FLAG_NAMES[] = {"DEF_GLOBAL", "DEF_LOCAL",      "DEF_PARAM",  "DEF_NONLOCAL",
                                      "USE",        "DEF_FREE",       "DEF_FREE_CLASS", "DEF_IMPORT",
                                      "DEF_ANNOT",  "DEF_COMP_ITER"};

const char* scope_name(int scope)
{
    switch (scope) {
    case LOCAL: return "LOCAL";
    case GLOBAL_EXPLICIT: return "GLOBAL_EXPLICIT";
    case GLOBAL_IMPLICIT: return "GLOBAL_IMPLICIT";
    case FREE: return "FREE";
    case CELL: return "CELL";
    default: return "0";
    }
}

const char* block_type_name(BlockType type)
{
    switch (type) {
    case FunctionBlock: return "function";
    case ClassBlock: return "class";
    case ModuleBlock: return "module";
    case AnnotationBlock: break;
    }
    return "annotation";
}

std::string describe_flags(long flags)
{
    std::string text;
    for (int bit = 0; bit < static_cast<int>(std::size(FLAG_NAMES)); ++bit) {
        if ((flags & (1L << bit)) == 0) continue;
        if (!text.empty()) text += '|';
        text += FLAG_NAMES[bit];
    }
    return text.empty() ? "0" : text;
}

// repr() of an identifier: identifiers hold no quote or backslash.
std::string quoted(const std::string& name)
{
    return "'" + name + "'";
}

void dump_entry(const SymtableEntry& ste, int depth, std::string& out)
{
    const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
    out += indent + "symtable " + block_type_name(ste.ste_type) + " " + quoted(ste.ste_name) + " line " +
           std::to_string(ste.ste_lineno);
    if (ste.ste_type == FunctionBlock) out += " optimized";
    if (ste.ste_nested) out += " nested";
    out += '\n';
    if (ste.ste_type == FunctionBlock) {
        out += indent + "  varnames";
        for (const std::string& v : ste.ste_varnames) out += " " + v;
        out += '\n';
    }
    for (const auto& [name, flags] : ste.ste_symbols.items()) {
        const int scope = static_cast<int>((flags >> SCOPE_OFFSET) & SCOPE_MASK);
        out += indent + "  symbol " + quoted(name) + " " + scope_name(scope) + " " +
               describe_flags(flags & ((1L << SCOPE_OFFSET) - 1)) + "\n";
    }
    for (const SymtableEntry* child : ste.ste_children) dump_entry(*child, depth + 1, out);
}

}  // namespace

std::string dump_symtable(const Symtable& st)
{
    std::string out;
    if (st.st_top != nullptr) dump_entry(*st.st_top, 0, out);
    return out;
}

}  // namespace minipy::compiler
