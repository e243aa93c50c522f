// assemble.cpp: the assembler's table writers (see assemble.h for the formats).
// Mirrors CPython 3.11 Python/compile.c (write_location_info_* and
// assemble_emit_exception_table_*). Book chapter 7. The rest of the
// assembler (jump offsets, EXTENDED_ARG, the code object) comes with the
// compiler stage (issue 6).
#include "minipy/compiler/assemble.h"

#include <cassert>
#include <cstdlib>

namespace minipy::compiler {

namespace {

// The location-table forms (CPython's _PyCodeLocationInfoKind).
enum LocationForm : int {
    SHORT0 = 0,   // .. SHORT0 + 9
    ONE_LINE0 = 10,
    NO_COLUMNS = 13,
    LONG = 14,
    NONE = 15,
};

class LocationWriter {
public:
    explicit LocationWriter(int firstlineno) : prev_lineno_(firstlineno) {}

    // write_location_info_entry: one entry for 1..8 units.
    void entry(int units, const Location& loc)
    {
        assert(units >= 1 && units <= 8);
        if (loc.lineno < 0) {
            first_byte(NONE, units);
            return;
        }
        const int line_delta = loc.lineno - prev_lineno_;
        const int column = loc.col_offset;
        const int end_column = loc.end_col_offset;
        if (column < 0 || end_column < 0) {
            if (loc.end_lineno == loc.lineno || loc.end_lineno == -1) {
                first_byte(NO_COLUMNS, units);
                signed_varint(line_delta);
                prev_lineno_ = loc.lineno;
                return;
            }
        } else if (loc.end_lineno == loc.lineno) {
            if (line_delta == 0 && column < 80 && end_column - column < 16 &&
                end_column >= column) {
                first_byte(SHORT0 + (column >> 3), units);
                byte(((column & 7) << 4) | (end_column - column));
                return;
            }
            if (line_delta >= 0 && line_delta < 3 && column < 128 && end_column < 128) {
                first_byte(ONE_LINE0 + line_delta, units);
                byte(column);
                byte(end_column);
                prev_lineno_ = loc.lineno;
                return;
            }
        }
        first_byte(LONG, units);
        signed_varint(line_delta);
        varint(static_cast<unsigned>(loc.end_lineno - loc.lineno));
        varint(static_cast<unsigned>(column + 1));
        varint(static_cast<unsigned>(end_column + 1));
        prev_lineno_ = loc.lineno;
    }

    std::vector<std::uint8_t> take() { return std::move(table_); }

private:
    void byte(int b) { table_.push_back(static_cast<std::uint8_t>(b)); }
    void first_byte(int form, int units) { byte(0x80 | (form << 3) | (units - 1)); }
    void varint(unsigned value)
    {
        while (value >= 64) {
            byte(0x40 | (value & 63));
            value >>= 6;
        }
        byte(static_cast<int>(value));
    }
    void signed_varint(int value)
    {
        varint(value < 0 ? (static_cast<unsigned>(-value) << 1) | 1
                         : static_cast<unsigned>(value) << 1);
    }

    std::vector<std::uint8_t> table_;
    int prev_lineno_;
};

// assemble_emit_exception_table_item: big-endian 6-bit groups.
void exception_item(std::vector<std::uint8_t>& table, int value, int msb)
{
    assert(value >= 0 && value < (1 << 30));
    constexpr int more = 0x40;
    for (int shift = 24; shift > 0; shift -= 6) {
        if (value >= (1 << shift)) {
            table.push_back(static_cast<std::uint8_t>(((value >> shift) & 0x3f) | more | msb));
            msb = 0;
        }
    }
    table.push_back(static_cast<std::uint8_t>((value & 0x3f) | msb));
}

}  // namespace

std::vector<std::uint8_t> write_location_table(const std::vector<LocationRun>& runs,
                                               int firstlineno)
{
    LocationWriter writer(firstlineno);
    for (const LocationRun& run : runs) {
        int units = run.units;
        while (units > 8) {  // an entry covers at most 8 units
            writer.entry(8, run.loc);
            units -= 8;
        }
        if (units > 0) writer.entry(units, run.loc);
    }
    return writer.take();
}

std::vector<std::uint8_t> write_exception_table(const std::vector<ExceptionTableEntry>& entries)
{
    std::vector<std::uint8_t> table;
    for (const ExceptionTableEntry& e : entries) {
        assert(e.end > e.start && e.depth >= 0);
        exception_item(table, e.start, 0x80);
        exception_item(table, e.end - e.start, 0);
        exception_item(table, e.target, 0);
        exception_item(table, (e.depth << 1) | (e.lasti ? 1 : 0), 0);
    }
    return table;
}

}  // namespace minipy::compiler
