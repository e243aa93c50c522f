// ast_dump.h: the pieces the generated dumper (Python-ast.cpp) is built from.
// Mirrors the _format() closure of ast.dump() in CPython 3.11 Lib/ast.py, and
// the repr() of the values a node holds. Book ch. 6.
//
// ast.dump's layout rule, which NodeDump implements: a node is printed on one
// line when all of its field values are "simple" (scalars, empty lists and
// nodes without fields) and it has at most 3 of them; otherwise each value
// goes on its own line, indented by `indent` once per nesting level (lists
// count as a level). A node that prints anything is itself not simple.
// Optional fields that are None are left out; attributes follow the fields.
#pragma once

#include <string>
#include <type_traits>
#include <vector>

#include "minipy/parser/Python-ast.h"

namespace minipy::ast {

// Python's recursion limit (1000) less the frames `python -m ast` already
// uses when dump() starts: the deepest _format()/repr() call that succeeds,
// measured on python3.11 with chains of BinOp, Attribute and UnaryOp.
constexpr int DUMP_RECURSION_LIMIT = 991;

struct Dumper {
    bool attributes;
    std::string indent;
    int recursion_limit = DUMP_RECURSION_LIMIT;
    bool overflow = false;
    // The exception a value's repr() raised ("ValueError: Exceeds the limit
    // ..."), which ends `python -m ast` too; empty when none.
    std::string exception;
};

struct DumpText {
    std::string text;
    bool simple;
};

class NodeDump {
public:
    NodeDump(Dumper& d, int level, const char* name) : d_(d), level_(level), name_(name) {}

    void field(const char* name, DumpText value) { add(name, std::move(value)); }
    void attribute(const char* name, DumpText value)
    {
        if (d_.attributes) add(name, std::move(value));
    }
    void skip() {}
    DumpText finish();

private:
    void add(const char* name, DumpText value);

    Dumper& d_;
    int level_;
    const char* name_;
    std::vector<std::string> args_;
    bool all_simple_ = true;
};

// The newline + indentation that starts a value at this level.
std::string dump_prefix(const Dumper& d, int level);

template <class T, class F>
DumpText dump_seq(Dumper& d, const asdl_seq<T>* seq, int level, F&& element)
{
    level += 1;
    if (seq == nullptr || seq->size == 0) return {"[]", true};
    std::string prefix = dump_prefix(d, level);
    std::string text = "[";
    bool first = true;
    for (T e : *seq) {
        text += first ? prefix : "," + prefix;
        if constexpr (std::is_pointer_v<T>) {
            // A null element is None (Dict keys for **, kw_defaults without default).
            if (e == nullptr) {
                text += "None";
                first = false;
                continue;
            }
        }
        text += element(e, level).text;
        first = false;
    }
    text += "]";
    return {text, false};
}

// repr() of the scalar values (the runtime's repr of the str or constant).
DumpText dump_identifier(Dumper& d, identifier value);
DumpText dump_string(Dumper& d, string value);
DumpText dump_int(Dumper& d, int value);
DumpText dump_constant(Dumper& d, constant value);

}  // namespace minipy::ast
