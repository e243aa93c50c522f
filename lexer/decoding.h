// decoding.h: from a file's bytes to UTF-8 text: the UTF-8 BOM and the
// PEP 263 coding cookie. Mirrors the decoding half of CPython 3.11
// Parser/tokenizer.c (check_bom, get_coding_spec, get_normal_name) and
// Lib/tokenize.py's detect_encoding, which follow the same rules. Book ch. 6.
#pragma once

#include <string>
#include <string_view>

namespace minipy::lexer {

struct CookieScan {
    bool bom = false;        // the bytes started with EF BB BF (not part of `body`)
    std::string_view body;   // the bytes after the BOM
    std::string spec;        // the cookie's encoding name as written; empty if none
    std::string normal;      // get_normal_name(spec): "utf-8", "iso-8859-1" or spec
    int cookie_line = 0;     // 1 or 2 when there is a cookie
    // tokenize.py only: line 1 or 2 (the ones detect_encoding reads) is not UTF-8.
    bool header_not_utf8 = false;
};

// Looks for the BOM and for a cookie in the first two lines (the second
// only when the first is blank or a comment).
CookieScan scan_cookie(std::string_view bytes);

// get_normal_name: canonical spellings of utf-8 and latin-1.
std::string normal_encoding_name(std::string_view spec);

// Decodes `bytes` from `encoding` into UTF-8 (ICU converters). Returns false
// when the encoding is unknown (*known = false) or the bytes do not decode.
bool decode_to_utf8(std::string_view bytes, const std::string& encoding, std::string* out,
                    bool* known);

}  // namespace minipy::lexer
