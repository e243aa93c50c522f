// sre_constants.h: the opcodes, position codes, categories and flags of the
// regular expression engine. Mirrors CPython 3.11 Modules/_sre/sre_constants.h,
// which CPython generates from Lib/re/_constants.py; minipy's own
// lib/re/_constants.py lists the same names in the same order, and the module
// checks SRE_MAGIC against it. Book chapter 12, "The Standard Library".
#pragma once

#include <cstdint>

namespace minipy::modules::sre {

// Version of the code format: lib/re/_constants.py's MAGIC.
inline constexpr long SRE_MAGIC = 20220615;

// One code word. CPython 3.11 uses 32-bit words (CODESIZE 4), so a literal
// holds any code point and MAXREPEAT is 2**32 - 1.
using SRE_CODE = std::uint32_t;
inline constexpr SRE_CODE SRE_MAXREPEAT = 0xFFFFFFFFu;
inline constexpr std::int64_t SRE_MAXGROUPS = 0x7FFFFFFF / 2;

// The opcodes in _constants.OPCODES order (the numbers are the format).
enum SreOpcode : SRE_CODE {
    SRE_OP_FAILURE = 0,
    SRE_OP_SUCCESS,
    SRE_OP_ANY,                    // any character but '\n'
    SRE_OP_ANY_ALL,                // any character (DOTALL)
    SRE_OP_ASSERT,                 // <ASSERT> <skip> <back> pattern <SUCCESS>
    SRE_OP_ASSERT_NOT,             // the same, negated
    SRE_OP_AT,                     // <AT> <atcode>: a zero-width position test
    SRE_OP_BRANCH,                 // <BRANCH> (<skip> alternative <JUMP>)* <FAILURE>
    SRE_OP_CATEGORY,               // <CATEGORY> <chcode> (inside sets; also alone)
    SRE_OP_CHARSET,                // 256-bit bitmap of Latin-1 (8 words)
    SRE_OP_BIGCHARSET,             // <n> <256-byte block map> <n 256-bit blocks>
    SRE_OP_GROUPREF,               // <GROUPREF> <group>: backreference
    SRE_OP_GROUPREF_EXISTS,        // <GROUPREF_EXISTS> <group> <skip> yes <JUMP> no
    SRE_OP_IN,                     // <IN> <skip> set... <FAILURE>
    SRE_OP_INFO,                   // <INFO> <skip> <flags> <min> <max> [prefix|charset]
    SRE_OP_JUMP,                   // <JUMP> <skip>
    SRE_OP_LITERAL,                // <LITERAL> <code point>
    SRE_OP_MARK,                   // <MARK> <2*group or 2*group+1>
    SRE_OP_MAX_UNTIL,              // ends a greedy REPEAT body
    SRE_OP_MIN_UNTIL,              // ends a lazy REPEAT body
    SRE_OP_NOT_LITERAL,
    SRE_OP_NEGATE,                 // inside sets: invert the answer
    SRE_OP_RANGE,                  // inside sets: <lo> <hi>
    SRE_OP_REPEAT,                 // <REPEAT> <skip> <min> <max> body <MAX_UNTIL|MIN_UNTIL>
    SRE_OP_REPEAT_ONE,             // <REPEAT_ONE> <skip> <min> <max> one-char item <SUCCESS>
    SRE_OP_SUBPATTERN,             // parser only
    SRE_OP_MIN_REPEAT_ONE,         // lazy REPEAT_ONE
    SRE_OP_ATOMIC_GROUP,           // <ATOMIC_GROUP> <skip> pattern <SUCCESS> (3.11)
    SRE_OP_POSSESSIVE_REPEAT,      // <POSSESSIVE_REPEAT> <skip> <min> <max> body <SUCCESS> (3.11)
    SRE_OP_POSSESSIVE_REPEAT_ONE,  // possessive REPEAT_ONE (3.11)
    SRE_OP_GROUPREF_IGNORE,        // ASCII case-insensitive variants
    SRE_OP_IN_IGNORE,
    SRE_OP_LITERAL_IGNORE,
    SRE_OP_NOT_LITERAL_IGNORE,
    SRE_OP_GROUPREF_LOC_IGNORE,    // LOCALE case-insensitive variants (bytes)
    SRE_OP_IN_LOC_IGNORE,
    SRE_OP_LITERAL_LOC_IGNORE,
    SRE_OP_NOT_LITERAL_LOC_IGNORE,
    SRE_OP_GROUPREF_UNI_IGNORE,    // Unicode case-insensitive variants
    SRE_OP_IN_UNI_IGNORE,
    SRE_OP_LITERAL_UNI_IGNORE,
    SRE_OP_NOT_LITERAL_UNI_IGNORE,
    SRE_OP_RANGE_UNI_IGNORE,
    SRE_OP_COUNT_  // not an opcode
};

// Position codes (_constants.ATCODES).
enum SreAtCode : SRE_CODE {
    SRE_AT_BEGINNING = 0,
    SRE_AT_BEGINNING_LINE,
    SRE_AT_BEGINNING_STRING,
    SRE_AT_BOUNDARY,
    SRE_AT_NON_BOUNDARY,
    SRE_AT_END,
    SRE_AT_END_LINE,
    SRE_AT_END_STRING,
    SRE_AT_LOC_BOUNDARY,
    SRE_AT_LOC_NON_BOUNDARY,
    SRE_AT_UNI_BOUNDARY,
    SRE_AT_UNI_NON_BOUNDARY,
};

// Character categories (_constants.CHCODES).
enum SreCategory : SRE_CODE {
    SRE_CATEGORY_DIGIT = 0,
    SRE_CATEGORY_NOT_DIGIT,
    SRE_CATEGORY_SPACE,
    SRE_CATEGORY_NOT_SPACE,
    SRE_CATEGORY_WORD,
    SRE_CATEGORY_NOT_WORD,
    SRE_CATEGORY_LINEBREAK,
    SRE_CATEGORY_NOT_LINEBREAK,
    SRE_CATEGORY_LOC_WORD,
    SRE_CATEGORY_LOC_NOT_WORD,
    SRE_CATEGORY_UNI_DIGIT,
    SRE_CATEGORY_UNI_NOT_DIGIT,
    SRE_CATEGORY_UNI_SPACE,
    SRE_CATEGORY_UNI_NOT_SPACE,
    SRE_CATEGORY_UNI_WORD,
    SRE_CATEGORY_UNI_NOT_WORD,
    SRE_CATEGORY_UNI_LINEBREAK,
    SRE_CATEGORY_UNI_NOT_LINEBREAK,
};

// Pattern flags (re.RegexFlag values).
enum : int {
    SRE_FLAG_TEMPLATE = 1,
    SRE_FLAG_IGNORECASE = 2,
    SRE_FLAG_LOCALE = 4,
    SRE_FLAG_MULTILINE = 8,
    SRE_FLAG_DOTALL = 16,
    SRE_FLAG_UNICODE = 32,
    SRE_FLAG_VERBOSE = 64,
    SRE_FLAG_DEBUG = 128,
    SRE_FLAG_ASCII = 256,
};

// INFO block flags.
enum : SRE_CODE { SRE_INFO_PREFIX = 1, SRE_INFO_LITERAL = 2, SRE_INFO_CHARSET = 4 };

}  // namespace minipy::modules::sre
