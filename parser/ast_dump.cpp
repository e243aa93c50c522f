// ast_dump.cpp: layout and value reprs for the generated AST dumper.
// Mirrors ast.dump()'s _format() in CPython 3.11 Lib/ast.py; values print
// through the runtime's repr(), as ast.dump calls repr(). Book ch. 6.
#include "ast_dump.h"

#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::ast {

std::string dump_prefix(const Dumper& d, int level)
{
    std::string prefix = "\n";
    for (int i = 0; i < level; ++i) prefix += d.indent;
    return prefix;
}

void NodeDump::add(const char* name, DumpText value)
{
    all_simple_ = all_simple_ && value.simple;
    args_.push_back(std::string(name) + "=" + value.text);
}

DumpText NodeDump::finish()
{
    std::string text = name_;
    text += "(";
    if (all_simple_ && args_.size() <= 3) {
        for (std::size_t i = 0; i < args_.size(); ++i) {
            if (i > 0) text += ", ";
            text += args_[i];
        }
        text += ")";
        return {text, args_.empty()};
    }
    std::string prefix = dump_prefix(d_, level_);
    for (std::size_t i = 0; i < args_.size(); ++i) {
        text += i == 0 ? prefix : "," + prefix;
        text += args_[i];
    }
    text += ")";
    return {text, false};
}

namespace {

// repr(value) as UTF-8 (a repr never holds lone surrogates: they are escaped).
// A failing repr (an int past the 4300-digit limit) records its exception
// text in the dumper, as ast.dump would raise it.
DumpText dump_repr(Dumper& d, runtime::Object* value)
{
    runtime::Ref<> repr = runtime::object_repr(value);
    if (!repr) {
        runtime::Ref<> exc = runtime::fetch_exception();
        if (d.exception.empty() && exc) {
            d.exception = Py_TYPE(exc.get())->tp_name;
            if (runtime::Ref<> message = runtime::object_str(exc.get())) {
                d.exception += ": " + runtime::unicode_to_std(message.get());
            }
        }
        runtime::error_clear();
        return {"?", true};
    }
    return {runtime::unicode_to_std(repr.get()), true};
}

DumpText dump_text(Dumper& d, std::string_view utf8)
{
    runtime::Ref<> str = runtime::unicode_from_utf8(utf8);
    if (!str) {
        runtime::error_clear();
        return {"?", true};
    }
    return dump_repr(d, str.get());
}

}  // namespace

DumpText dump_identifier(Dumper& d, identifier value)
{
    return dump_text(d, value);
}

DumpText dump_string(Dumper& d, string value)
{
    return dump_text(d, value);
}

DumpText dump_int(Dumper&, int value)
{
    return {std::to_string(value), true};
}

DumpText dump_constant(Dumper& d, constant value)
{
    return dump_repr(d, value);
}

void required_field_missing(const char* field, const char* node, PyArena* arena)
{
    arena->set_error(std::string("ValueError: field '") + field + "' is required for " + node);
}

}  // namespace minipy::ast
