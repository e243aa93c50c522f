// dis_dump.cpp: the disassembler's text, what `python3.11 -m dis FILE`
// prints for a code object. Mirrors CPython 3.11 Lib/dis.py (_unpack_opargs,
// findlabels, findlinestarts, _parse_exception_table,
// _get_instructions_bytes, Instruction._disassemble, _disassemble_bytes,
// _disassemble_recursive). Book chapter 7, "The Compiler".
//
// One line per instruction (inline CACHE entries are skipped, as dis does
// without show_caches):
//
//     LINE  >> OFFSET OPNAME               ARG (ARGREPR)
//
// LINE is printed on the first instruction of each new source line (a blank
// line separates lines), `>>` marks jump targets and exception handlers,
// ARGREPR resolves the oparg: a constant's repr, a name ("NULL + name" for
// a LOAD_GLOBAL that also pushes NULL), a local or cell name, "to N" for
// jumps, the comparison or binary operator, FORMAT_VALUE's conversion,
// MAKE_FUNCTION's flags. Then the "ExceptionTable:" entries, then the code
// objects among the constants, depth first.
//
// The input may come from an untrusted .pyc, so every index is checked: an
// out-of-range oparg gets no ARGREPR (python3.11 would raise IndexError).
#include "minipy/compiler/dis_dump.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/codeobject.h"
#include "minipy/runtime/opcode.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::compiler {

namespace {

using namespace minipy::runtime;

constexpr int OPNAME_WIDTH = 20;  // _OPNAME_WIDTH
constexpr int OPARG_WIDTH = 5;    // _OPARG_WIDTH

// One decoded instruction of _unpack_opargs.
struct RawInstr {
    int offset;
    int op;
    bool has_arg;
    long long arg;  // EXTENDED_ARG prefixes included; a C int (may wrap negative)
};

// _unpack_opargs: the instructions of co_code, inline caches skipped,
// EXTENDED_ARG folded into the next oparg as a signed 32-bit value.
std::vector<RawInstr> unpack_opargs(std::string_view code)
{
    std::vector<RawInstr> out;
    long long extended_arg = 0;
    int caches = 0;
    for (std::size_t i = 0; i < code.size(); i += 2) {
        if (caches) {
            caches--;
            continue;
        }
        int op = static_cast<unsigned char>(code[i]);
        int deop = deoptimize(op);
        caches = cache_entries(deop);
        RawInstr ins{static_cast<int>(i), op, false, 0};
        if (deop >= HAVE_ARGUMENT) {
            int oparg = i + 1 < code.size() ? static_cast<unsigned char>(code[i + 1]) : 0;
            ins.has_arg = true;
            ins.arg = oparg | extended_arg;
            extended_arg = deop == EXTENDED_ARG ? (ins.arg << 8) : 0;
            // The oparg is a C int: past 2**31 it wraps to negative.
            constexpr long long INT_OVERFLOW = 1LL << 31;
            if (extended_arg >= INT_OVERFLOW) extended_arg -= 2 * INT_OVERFLOW;
        } else {
            extended_arg = 0;
        }
        out.push_back(ins);
    }
    return out;
}

bool is_jrel(int op) { return (opcode_info[op].flags & HAS_JREL) != 0; }
bool is_jabs(int op) { return (opcode_info[op].flags & HAS_JABS) != 0; }

// The target of a relative jump: counted in code units from the next
// instruction, backwards for the JUMP_BACKWARD family.
long long jrel_target(const RawInstr& ins, int op)
{
    long long arg = is_backward_jump(op) ? -ins.arg : ins.arg;
    return ins.offset + 2 + arg * 2;
}

// findlabels: every jump target (dis tests the opcode as found, not
// deoptimized, here).
std::set<long long> find_labels(const std::vector<RawInstr>& instrs)
{
    std::set<long long> labels;
    for (const RawInstr& ins : instrs) {
        if (!ins.has_arg) continue;
        if (is_jrel(ins.op)) labels.insert(jrel_target(ins, ins.op));
        else if (is_jabs(ins.op)) labels.insert(ins.arg * 2);
    }
    return labels;
}

// findlinestarts: offset -> line for each co_lines() range whose line
// differs from the previous range that had one.
std::map<int, int> find_linestarts(CodeObject* co)
{
    std::map<int, int> starts;
    CodeAddressRange range;
    code_init_address_range(co, &range);
    bool have_last = false;
    int lastline = 0;
    while (line_table_next_address_range(&range)) {
        if (range.ar_line < 0) continue;
        if (!have_last || range.ar_line != lastline) {
            lastline = range.ar_line;
            have_last = true;
            starts.emplace(range.ar_start, range.ar_line);
        }
    }
    return starts;
}

struct ExceptionEntry {
    long long start, end, target, depth;
    bool lasti;
};

// _parse_exception_table: 6-bit varint groups, bit 6 = more follow. An
// entry cut short by the end of the table is dropped.
std::vector<ExceptionEntry> parse_exception_table(std::string_view table)
{
    std::vector<ExceptionEntry> entries;
    std::size_t pos = 0;
    auto varint = [&](long long* out) {
        if (pos >= table.size()) return false;
        unsigned char b = static_cast<unsigned char>(table[pos++]);
        long long val = b & 63;
        while (b & 64) {
            if (pos >= table.size()) return false;
            // Garbage tables could shift forever: dis's ints are unbounded,
            // ours saturate (such tables are not CPython's anyway).
            if (val > (1LL << 50)) val = 1LL << 50;
            val <<= 6;
            b = static_cast<unsigned char>(table[pos++]);
            val |= b & 63;
        }
        *out = val;
        return true;
    };
    for (;;) {
        long long start, length, target, dl;
        if (!varint(&start) || !varint(&length) || !varint(&target) || !varint(&dl)) break;
        entries.push_back({start * 2, start * 2 + length * 2, target * 2, dl >> 1, (dl & 1) != 0});
    }
    return entries;
}

// repr(obj) as UTF-8 (lone surrogates escaped by the repr already).
bool repr_text(Object* obj, std::string* out)
{
    Ref<> r = object_repr(obj);
    if (!r) return false;
    *out = unicode_to_std(r.get());
    return true;
}

std::string name_at(Object* tuple, long long i, bool* ok)
{
    *ok = i >= 0 && i < tuple_size(tuple) && unicode_check(tuple_item(tuple, i));
    return *ok ? unicode_to_std(tuple_item(tuple, i)) : std::string();
}

std::string rjust(const std::string& s, std::size_t width)
{
    return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}

std::string ljust(const std::string& s, std::size_t width)
{
    return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

// The name dis shows for an opcode number: 3.11's opname, or "<N>".
std::string op_name(int op)
{
    const char* name = opcode_name(op);
    return name ? name : "<" + std::to_string(op) + ">";
}

// _get_instructions_bytes' argrepr for one instruction.
bool arg_repr(CodeObject* co, const RawInstr& ins, std::string* argrepr)
{
    argrepr->clear();
    int deop = deoptimize(ins.op);
    std::uint8_t flags = opcode_info[deop].flags;
    long long arg = ins.arg;
    bool ok = true;
    if (flags & HAS_CONST) {
        // Only LOAD_CONST's constant is looked up (KW_NAMES shows the index).
        if (deop == LOAD_CONST && arg >= 0 && arg < tuple_size(co->co_consts))
            return repr_text(tuple_item(co->co_consts, arg), argrepr);
    } else if (flags & HAS_NAME) {
        if (deop == LOAD_GLOBAL) {
            // The low bit asks for a NULL pushed before the global.
            *argrepr = name_at(co->co_names, arg >> 1, &ok);
            if ((arg & 1) && ok && !argrepr->empty()) *argrepr = "NULL + " + *argrepr;
        } else {
            *argrepr = name_at(co->co_names, arg, &ok);
        }
    } else if (flags & HAS_JABS) {
        *argrepr = "to " + std::to_string(arg * 2);
    } else if (flags & HAS_JREL) {
        *argrepr = "to " + std::to_string(jrel_target(ins, deop));
    } else if (flags & (HAS_LOCAL | HAS_FREE)) {
        // _varname_from_oparg: an index into the localsplus names.
        *argrepr = name_at(co->co_localsplusnames, arg, &ok);
    } else if (flags & HAS_COMPARE) {
        if (arg >= 0 && arg < static_cast<long long>(cmp_op.size())) *argrepr = cmp_op[static_cast<std::size_t>(arg)];
    } else if (deop == FORMAT_VALUE) {
        static const char* const converters[] = {"", "str", "repr", "ascii"};
        *argrepr = converters[arg & 0x3];
        if (arg & 0x4) {
            if (!argrepr->empty()) *argrepr += ", ";
            *argrepr += "with format";
        }
    } else if (deop == MAKE_FUNCTION) {
        static const char* const make_function_flags[] = {"defaults", "kwdefaults", "annotations", "closure"};
        for (int i = 0; i < 4; i++) {
            if (arg & (1LL << i)) {
                if (!argrepr->empty()) *argrepr += ", ";
                *argrepr += make_function_flags[i];
            }
        }
    } else if (deop == BINARY_OP) {
        if (arg >= 0 && arg < static_cast<long long>(binary_op_symbols.size()))
            *argrepr = binary_op_symbols[static_cast<std::size_t>(arg)];
    }
    return true;
}

// disassemble(co): _disassemble_bytes over one code object.
bool disassemble(CodeObject* co, std::string* out)
{
    Ref<> code_bytes = code_get_code(co);
    if (!code_bytes) return false;
    std::string_view code = bytes_view(code_bytes.get());
    std::vector<RawInstr> instrs = unpack_opargs(code);
    std::map<int, int> linestarts = find_linestarts(co);
    std::vector<ExceptionEntry> entries = parse_exception_table(bytes_view(co->co_exceptiontable));
    std::set<long long> labels = find_labels(instrs);
    for (const ExceptionEntry& e : entries)
        if (e.start < e.end) labels.insert(e.target);

    bool show_lineno = !linestarts.empty();
    std::size_t lineno_width = 0;
    if (show_lineno) {
        int maxlineno = 0;
        for (const auto& [offset, line] : linestarts) maxlineno = std::max(maxlineno, line);
        lineno_width = maxlineno >= 1000 ? std::to_string(maxlineno).size() : 3;
    }
    long long maxoffset = static_cast<long long>(code.size()) - 2;
    std::size_t offset_width = maxoffset >= 10000 ? std::to_string(maxoffset).size() : 4;

    for (const RawInstr& ins : instrs) {
        auto line = linestarts.find(ins.offset);
        bool starts_line = line != linestarts.end();
        if (show_lineno && starts_line && ins.offset > 0) *out += '\n';
        // Instruction._disassemble: the fields joined by one space.
        std::string text;
        if (lineno_width) {
            text += starts_line ? rjust(std::to_string(line->second), lineno_width) : std::string(lineno_width, ' ');
            text += ' ';
        }
        text += "   ";  // the "-->" column (no current instruction here)
        text += labels.count(ins.offset) ? " >>" : "   ";
        text += ' ' + rjust(std::to_string(ins.offset), offset_width);
        text += ' ' + ljust(op_name(ins.op), OPNAME_WIDTH);
        if (ins.has_arg) {
            text += ' ' + rjust(std::to_string(ins.arg), OPARG_WIDTH);
            std::string argrepr;
            if (!arg_repr(co, ins, &argrepr)) return false;
            if (!argrepr.empty()) text += " (" + argrepr + ")";
        }
        while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n')) text.pop_back();
        *out += text;
        *out += '\n';
    }
    if (!entries.empty()) {
        *out += "ExceptionTable:\n";
        for (const ExceptionEntry& e : entries) {
            *out += "  " + std::to_string(e.start) + " to " + std::to_string(e.end - 2) + " -> " +
                    std::to_string(e.target) + " [" + std::to_string(e.depth) + "]" + (e.lasti ? " lasti" : "") +
                    "\n";
        }
    }
    return true;
}

bool disassemble_recursive(CodeObject* co, std::string* out)
{
    if (!disassemble(co, out)) return false;
    Object* consts = co->co_consts;
    for (Py_ssize_t i = 0; i < tuple_size(consts); i++) {
        Object* x = tuple_item(consts, i);
        if (!code_check(x)) continue;
        std::string name;
        if (!repr_text(x, &name)) return false;
        *out += "\nDisassembly of " + name + ":\n";
        if (!enter_recursive_call(" while disassembling")) return false;
        bool ok = disassemble_recursive(static_cast<CodeObject*>(x), out);
        leave_recursive_call();
        if (!ok) return false;
    }
    return true;
}

}  // namespace

bool dis_dump(runtime::Object* code, std::string* out)
{
    if (!runtime::code_check(code)) {
        runtime::set_error(runtime::Exc_TypeError, "dis_dump: a code object is required");
        return false;
    }
    return disassemble_recursive(static_cast<runtime::CodeObject*>(code), out);
}

}  // namespace minipy::compiler
