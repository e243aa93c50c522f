// test_opcode.cpp: runtime/include/minipy/runtime/opcode.def against
// python3.11's opcode module (expectations generated at build time by
// tools/gen_opcode_expect.py). Book chapters 7 and 8.
#include <doctest/doctest.h>

#include <string>

#include "minipy/runtime/opcode.h"

namespace {
using namespace minipy::runtime;
#include "opcode_expect.inc"
}  // namespace

TEST_CASE("every CPython 3.11 opcode has its number, name, cache size and flags")
{
    int real = 0;
    for (const ExpectedOpcode& e : expected_opcodes) {
        CAPTURE(e.name);
        REQUIRE(opcode_name(e.number) != nullptr);
        CHECK(std::string(opcode_name(e.number)) == e.name);
        CHECK(cache_entries(e.number) == e.cache);
        CHECK(opcode_info[e.number].flags == e.flags);
        CHECK_FALSE(opcode_info[e.number].specialized);
        CHECK(deoptimize(e.number) == e.number);
    }
    for (const OpcodeInfo& info : opcode_info) {
        if (info.name != nullptr && !info.specialized) ++real;
    }
    CHECK(real == static_cast<int>(std::size(expected_opcodes)));  // no extra opcodes
    CHECK(HAVE_ARGUMENT == expected_have_argument);
}

TEST_CASE("specialized instructions deoptimize to their base instruction")
{
    int specialized = 0;
    for (const ExpectedSpecialized& e : expected_specialized) {
        CAPTURE(e.name);
        if (e.number < 0) continue;  // python3.11's opcode.h is not installed
        REQUIRE(opcode_name(e.number) != nullptr);
        CHECK(std::string(opcode_name(e.number)) == e.name);
        CHECK(std::string(opcode_name(deoptimize(e.number))) == e.base);
        CHECK(cache_entries(e.number) == cache_entries(deoptimize(e.number)));
        ++specialized;
    }
    int ours = 0;
    for (const OpcodeInfo& info : opcode_info) ours += info.specialized;
    if (specialized > 0) CHECK(ours == specialized);
}

TEST_CASE("BINARY_OP and COMPARE_OP argument tables")
{
    REQUIRE(std::size(expected_nb_ops) == binary_op_symbols.size());
    for (std::size_t i = 0; i < binary_op_symbols.size(); ++i) {
        CHECK(std::string(binary_op_symbols[i]) == expected_nb_ops[i][1]);
    }
    CHECK(NB_INPLACE_XOR == 25);
    REQUIRE(std::size(expected_cmp_op) == cmp_op.size());
    for (std::size_t i = 0; i < cmp_op.size(); ++i) {
        CHECK(std::string(cmp_op[i]) == expected_cmp_op[i]);
    }
}

TEST_CASE("backward jumps are exactly the JUMP_BACKWARD/POP_JUMP_BACKWARD family")
{
    for (const ExpectedOpcode& e : expected_opcodes) {
        const std::string name = e.name;
        const bool backward = name.find("BACKWARD") != std::string::npos;
        CAPTURE(name);
        CHECK(is_backward_jump(e.number) == backward);
        if (backward) CHECK((e.flags & HAS_JREL) != 0);
    }
}
