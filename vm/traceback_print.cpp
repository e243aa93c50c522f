// traceback_print.cpp: printing a traceback the way python3.11 does,
// "^^^^" position markers included.
// Mirrors the printing half of CPython 3.11 Python/traceback.c
// (PyTraceBack_Print, tb_print_internal, tb_displayline,
// display_source_line_with_margin, extract_anchors_from_line,
// print_error_location_carets). Book chapter 8.
//
// For each entry: '  File "F", line N, in NAME', the source line without
// its indentation, then a marker line under the span co_positions gives
// the failing instruction. When the span is a binary operation or a
// subscript, the segment is parsed again to find the operator (or the
// brackets), which gets '^' while the operands get '~'. The marker line is
// left out when plain '^' would cover the whole stripped line. Runs of the
// same (file, line, name) entry print three times, then
// "[Previous line repeated N more times]".
#include <fstream>
#include <string>

#include "ceval.h"
#include "pylifecycle.h"
#include "minipy/parser/parser.h"
#include "minipy/runtime/codeobject.h"
#include "minipy/runtime/frameobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/traceback.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::vm {

using namespace runtime;

// Line `lineno` (1-based) of a UTF-8 file without its line ending, as
// PyFile_GetLine(f, -1) reads it; false when there is no such line.
bool read_source_line(const std::string& filename, int lineno, std::string* line)
{
    std::ifstream in(filename, std::ios::binary);
    if (!in || lineno < 1) return false;
    std::string text;
    for (int i = 0; i < lineno; i++) {
        if (!std::getline(in, text)) return false;
    }
    if (!text.empty() && text.back() == '\r') text.pop_back();
    *line = text;
    return true;
}

bool tracebacks_without_source = false;

namespace {

constexpr int TB_RECURSIVE_CUTOFF = 3;
constexpr int TRACEBACK_SOURCE_LINE_INDENT = 4;
constexpr long PY_TRACEBACK_LIMIT = 1000;  // sys.tracebacklimit's default

bool is_whitespace(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// _PyPegen_byte_offset_to_character_offset: code points in the first
// `offset` bytes of a UTF-8 line.
long byte_to_char_offset(const std::string& line, long offset)
{
    if (offset > static_cast<long>(line.size()) + 1) offset = static_cast<long>(line.size()) + 1;
    long chars = 0;
    for (long i = 0; i < offset && i < static_cast<long>(line.size()); i++)
        if ((static_cast<unsigned char>(line[static_cast<std::size_t>(i)]) & 0xC0) != 0x80) chars++;
    return chars;
}

struct Anchors {
    long left_end = -1, right_start = -1;  // byte offsets in the segment
    char primary = '^', secondary = '^';
};

// extract_anchors_from_line: parses the highlighted segment as a statement;
// an expression statement that is a binary operation or a subscript gets
// its operator / brackets marked apart. False when there is nothing to mark
// (or the segment does not parse).
bool extract_anchors(const std::string& segment, const std::string& filename, Anchors* a)
{
    parser::ParseResult parsed = parser::parse_source(segment, filename);
    if (!parsed.mod || parsed.mod->kind != ast::Module_kind) return false;
    auto* body = parsed.mod->v.Module.body;
    if (ast::asdl_seq_LEN(body) != 1) return false;
    ast::stmt_ty st = body->elements[0];
    if (st->kind != ast::Expr_kind) return false;
    ast::expr_ty e = st->v.Expr.value;
    if (e->kind == ast::BinOp_kind) {
        ast::expr_ty left = e->v.BinOp.left;
        ast::expr_ty right = e->v.BinOp.right;
        for (int i = left->end_col_offset; i < right->col_offset; i++) {
            if (is_whitespace(segment[static_cast<std::size_t>(i)])) continue;
            a->left_end = i;
            a->right_start = i + 1;
            // A two-character operator (//, **, <<, ...).
            if (i + 1 < right->col_offset && !is_whitespace(segment[static_cast<std::size_t>(i) + 1])) a->right_start++;
            // The closing parenthesis of a parenthesized left operand is
            // no operator: keep looking.
            if (i + 1 < right->col_offset && segment[static_cast<std::size_t>(i)] == ')') continue;
            a->primary = '~';
            a->secondary = '^';
            break;
        }
        return true;
    }
    if (e->kind == ast::Subscript_kind) {
        a->left_end = e->v.Subscript.value->end_col_offset;
        a->right_start = e->v.Subscript.slice->end_col_offset + 1;
        a->primary = '~';
        a->secondary = '^';
        return true;
    }
    return false;
}

// tb_displayline: one entry.
void display_line(std::string& out, TracebackObject* tb, CodeObject* co, int lineno, const std::string& margin)
{
    std::string filename = unicode_to_std(co->co_filename);
    out += margin + "  File \"" + filename + "\", line " + std::to_string(lineno) + ", in " + unicode_to_std(co->co_name) +
           "\n";
    std::string line;
    if (tracebacks_without_source || !read_source_line(filename, lineno, &line)) return;
    std::size_t ws = 0;
    while (ws < line.size() && is_whitespace(line[ws])) ws++;
    out += margin + "    ";
    out += line.substr(ws);
    out += "\n";

    int start_line, start_col, end_line, end_col;
    code_addr2location(co, tb->tb_lasti, &start_line, &start_col, &end_line, &end_col);
    if (start_line < 0 || end_line < 0 || start_col < 0 || end_col < 0) return;

    // Offsets in code points over the whole (unstripped) line.
    const long truncation = static_cast<long>(ws) - TRACEBACK_SOURCE_LINE_INDENT;  // in bytes = chars for ws
    long start_offset = byte_to_char_offset(line, start_col);
    long end_offset = byte_to_char_offset(line, end_col);
    long left_end_offset = -1, right_start_offset = -1;
    Anchors anchors;
    if (start_line == end_line) {
        // The segment, as a code point substring of the line, in UTF-8.
        std::size_t seg_begin = static_cast<std::size_t>(start_col);
        std::size_t seg_end = std::min(static_cast<std::size_t>(end_col), line.size());
        if (seg_begin <= seg_end) {
            std::string segment = line.substr(seg_begin, seg_end - seg_begin);
            if (extract_anchors(segment, filename, &anchors)) {
                left_end_offset = byte_to_char_offset(segment, anchors.left_end) + start_offset;
                right_start_offset = byte_to_char_offset(segment, anchors.right_start) + start_offset;
            }
        }
    }
    else {
        // A span over several lines: mark to the end of this line's text.
        long i = static_cast<long>(line.size());
        while (--i >= 0)
            if (!is_whitespace(line[static_cast<std::size_t>(i)]) && line[static_cast<std::size_t>(i)] != '\n') break;
        end_offset = byte_to_char_offset(line, i + 1);
    }

    // Leave the markers out when plain carets would cover the whole line.
    const long source_line_len = byte_to_char_offset(line, static_cast<long>(line.size()));
    const long stripped_line_len = source_line_len - truncation - TRACEBACK_SOURCE_LINE_INDENT;
    const bool has_secondary_ranges = left_end_offset != -1 || right_start_offset != -1;
    if (end_offset - start_offset == stripped_line_len && !has_secondary_ranges) return;

    // print_error_location_carets
    out += margin;
    long offset = truncation;
    while (++offset <= end_offset) {
        if (offset <= start_offset) out += ' ';
        else if (has_secondary_ranges && left_end_offset < offset && offset <= right_start_offset)
            out += anchors.secondary;
        else
            out += anchors.primary;
    }
    out += "\n";
}

void print_line_repeated(std::string& out, long cnt)
{
    cnt -= TB_RECURSIVE_CUTOFF;
    out += "  [Previous line repeated " + std::to_string(cnt) + (cnt > 1 ? " more times]\n" : " more time]\n");
}

// _traceback._anchor_nodes(segment): what lib/traceback.py needs of the
// parse CPython's traceback.py does with ast.parse (minipy has no _ast
// module): for a segment that is one expression statement, ("binop",
// left.end_col_offset, right.col_offset) or ("subscript",
// value.end_col_offset, slice.end_col_offset), in UTF-8 bytes as ast's
// offsets are; None otherwise.
Ref<> tb_anchor_nodes(Object*, Object* arg)
{
    if (!unicode_check(arg)) return format_error(Exc_TypeError, "segment must be str");
    std::string segment = unicode_to_std(arg);
    parser::ParseResult parsed = parser::parse_source(segment, "<segment>");
    error_clear();  // a segment that does not parse has no anchors
    if (!parsed.mod || parsed.mod->kind != ast::Module_kind) return none_ref();
    auto* body = parsed.mod->v.Module.body;
    if (ast::asdl_seq_LEN(body) != 1) return none_ref();
    ast::stmt_ty st = body->elements[0];
    if (st->kind != ast::Expr_kind) return none_ref();
    ast::expr_ty e = st->v.Expr.value;
    const char* kind;
    long first, second;
    if (e->kind == ast::BinOp_kind) {
        kind = "binop";
        first = e->v.BinOp.left->end_col_offset;
        second = e->v.BinOp.right->col_offset;
    }
    else if (e->kind == ast::Subscript_kind) {
        kind = "subscript";
        first = e->v.Subscript.value->end_col_offset;
        second = e->v.Subscript.slice->end_col_offset;
    }
    else {
        return none_ref();
    }
    Ref<> k = unicode_from_string(kind);
    Ref<> a = long_from_long(first);
    Ref<> b = long_from_long(second);
    if (!k || !a || !b) return nullptr;
    return tuple_pack({k.get(), a.get(), b.get()});
}

// _traceback._read_source(filename): the file's text decoded as UTF-8
// (for lib/linecache.py while there is no open()); None if unreadable.
Ref<> tb_read_source(Object*, Object* arg)
{
    if (!unicode_check(arg)) return format_error(Exc_TypeError, "filename must be str");
    std::ifstream in(unicode_to_std(arg), std::ios::binary);
    if (!in) return none_ref();
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
    Ref<> result = unicode_from_utf8(text);
    if (!result) {
        error_clear();  // not UTF-8: no source, as for an unreadable file
        return none_ref();
    }
    return result;
}

MethodDef tb_methods[] = {
    method_o("_anchor_nodes", tb_anchor_nodes,
             "The (kind, offset, offset) of a BinOp or Subscript segment, or None."),
    method_o("_read_source", tb_read_source, "The text of a source file, or None."),
    {},
};

}  // namespace

Ref<> traceback_module_create()
{
    Ref<> mod = module_new("_traceback");
    if (!mod || module_add_functions(mod.get(), tb_methods) < 0) return nullptr;
    Ref<> doc = unicode_from_string("minipy's helpers for lib/traceback.py and lib/linecache.py: the parse\n"
                                    "behind the ^^^ markers and source reading without open().");
    if (!doc || module_add_object(mod.get(), "__doc__", doc.get()) < 0) return nullptr;
    return mod;
}

// PyTraceBack_Print without the header: every entry of the chain.
void traceback_format(Object* tb_obj, std::string& out, const std::string& margin)
{
    long depth = 0;
    for (Object* t = tb_obj; t; t = static_cast<TracebackObject*>(t)->tb_next) depth++;
    Object* t = tb_obj;
    while (t && depth > PY_TRACEBACK_LIMIT) {
        depth--;
        t = static_cast<TracebackObject*>(t)->tb_next;
    }
    std::string last_file, last_name;
    int last_line = -1;
    bool have_last = false;
    long cnt = 0;
    for (; t; t = static_cast<TracebackObject*>(t)->tb_next) {
        auto* tb = static_cast<TracebackObject*>(t);
        auto* co = static_cast<CodeObject*>(static_cast<FrameObject*>(tb->tb_frame)->f_code);
        int lineno = tb->tb_lineno;
        std::string file = unicode_to_std(co->co_filename);
        std::string name = unicode_to_std(co->co_name);
        if (!have_last || file != last_file || last_line == -1 || lineno != last_line || name != last_name) {
            if (cnt > TB_RECURSIVE_CUTOFF) print_line_repeated(out, cnt);
            last_file = file;
            last_line = lineno;
            last_name = name;
            have_last = true;
            cnt = 0;
        }
        cnt++;
        if (cnt <= TB_RECURSIVE_CUTOFF) display_line(out, tb, co, lineno, margin);
    }
    if (cnt > TB_RECURSIVE_CUTOFF) print_line_repeated(out, cnt);
}

}  // namespace minipy::vm
