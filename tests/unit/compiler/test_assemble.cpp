// test_assemble.cpp: minipy's location-table and exception-table writers
// (compiler/include/minipy/compiler/assemble.h) against the bytes python3.11
// produced for the same locations and handlers (tools/gen_table_expect.py,
// run at build time over tricky snippets and files of CPython's Lib).
// Book chapter 7.
#include <doctest/doctest.h>

#include <cstdio>
#include <sstream>
#include <string>

#include "minipy/compiler/assemble.h"

namespace {
#include "table_expect.inc"

using minipy::compiler::ExceptionTableEntry;
using minipy::compiler::Location;
using minipy::compiler::LocationRun;

std::vector<std::vector<int>> parse_rows(const std::string& text)
{
    std::vector<std::vector<int>> rows;
    std::stringstream all(text);
    std::string row;
    while (std::getline(all, row, ';')) {
        std::vector<int> fields;
        std::stringstream cells(row);
        std::string cell;
        while (std::getline(cells, cell, ',')) fields.push_back(std::stoi(cell));
        rows.push_back(fields);
    }
    return rows;
}

std::string hex(const std::vector<std::uint8_t>& bytes)
{
    std::string out;
    char buf[3];
    for (std::uint8_t b : bytes) {
        std::snprintf(buf, sizeof buf, "%02x", b);
        out += buf;
    }
    return out;
}
}  // namespace

TEST_CASE("co_linetable: the same bytes as python3.11 for the same locations")
{
    int checked = 0;
    for (const ExpectedTables& e : expected_tables) {
        std::vector<LocationRun> runs;
        for (const auto& r : parse_rows(e.runs)) {
            REQUIRE(r.size() == 5);
            runs.push_back({r[0], Location{r[1], r[2], r[3], r[4]}});
        }
        CAPTURE(std::string(e.name));
        CHECK(hex(minipy::compiler::write_location_table(runs, e.firstlineno)) == std::string(e.linetable));
        ++checked;
    }
    CHECK(checked > 100);
}

TEST_CASE("co_exceptiontable: the same bytes as python3.11 for the same handlers")
{
    int with_handlers = 0;
    for (const ExpectedTables& e : expected_tables) {
        std::vector<ExceptionTableEntry> entries;
        for (const auto& r : parse_rows(e.handlers)) {
            REQUIRE(r.size() == 5);
            entries.push_back({r[0], r[1], r[2], r[3], r[4] != 0});
        }
        CAPTURE(std::string(e.name));
        CHECK(hex(minipy::compiler::write_exception_table(entries)) == std::string(e.exceptiontable));
        with_handlers += !entries.empty();
    }
    CHECK(with_handlers > 10);
}

TEST_CASE("location forms chosen by hand-made runs")
{
    using minipy::compiler::write_location_table;
    // Same line, column 4..9: the short form, code 0 (column >> 3), one unit.
    CHECK(hex(write_location_table({{1, {1, 1, 4, 9}}}, 1)) == "8045");
    // Next line, columns < 128: the one-line form with line delta 1 (code 11).
    CHECK(hex(write_location_table({{2, {2, 2, 100, 120}}}, 1)) == "d96478");
    // No location: code 15; 17 units split into 8 + 8 + 1.
    CHECK(hex(write_location_table({{17, {}}}, 1)) == "fffff8");
    // Multi-line span: the long form (code 14), line delta -1 as a signed varint.
    CHECK(hex(write_location_table({{1, {4, 6, 0, 200}}}, 5)) == "f00302014903");
}
