// string_parser.h: string and bytes literals to their values, and f-strings
// to JoinedStr/FormattedValue nodes. Mirrors CPython 3.11
// Parser/string_parser.h. Book ch. 6.
#pragma once

#include <string>
#include <string_view>

namespace minipy::runtime {
class UnicodeWriter;
}

namespace minipy::parser {

struct Parser;
struct Token;

// Decodes the escapes of a (non-raw) str literal body into the code points
// of a str (lone surrogates included, as "\ud800" gives). On an invalid escape returns
// false with *error set to CPython's message, e.g. "(unicode error)
// 'unicodeescape' codec can't decode bytes in position 0-1: truncated
// \xXX escape".
// *first_invalid (when given) gets the first escape that is valid only for
// now (DeprecationWarning): the character after an unknown backslash, or
// the three digits of an octal escape above \377.
bool decode_unicode_with_escapes(std::string_view body, runtime::UnicodeWriter* out, std::string* error,
                                 std::string* first_invalid = nullptr);

// The same for a bytes literal body (\x, octal and the C escapes only).
bool decode_bytes_with_escapes(std::string_view body, std::string* out, std::string* error,
                               std::string* first_invalid = nullptr);

}  // namespace minipy::parser
