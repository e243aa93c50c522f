// decoding.cpp: BOM, PEP 263 cookie, and decoding to UTF-8. Mirrors CPython
// 3.11 Parser/tokenizer.c (check_bom, check_coding_spec, get_coding_spec,
// get_normal_name) and Lib/tokenize.py (detect_encoding). Book ch. 6.
#include "decoding.h"

#include <cctype>
#include <memory>
#include <unicode/ucnv.h>

#include "minipy/runtime/unicodeobject.h"

namespace minipy::lexer {

namespace {

bool is_blank_or_comment(std::string_view line)
{
    // tokenize.py's blank_re: ^[ \t\f]*(?:[#\r\n]|$)
    for (char c : line) {
        if (c == ' ' || c == '\t' || c == '\f') continue;
        return c == '#' || c == '\r' || c == '\n';
    }
    return true;
}

// get_coding_spec: the cookie must sit in a comment that is alone on its
// line; the name follows "coding:" or "coding=" anywhere in that comment.
std::string coding_spec(std::string_view line)
{
    std::size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f')) ++i;
    if (i >= line.size() || line[i] != '#') return {};
    for (; i + 6 < line.size(); ++i) {
        if (line.compare(i, 6, "coding") != 0) continue;
        std::size_t t = i + 6;
        if (line[t] != ':' && line[t] != '=') continue;
        do {
            ++t;
        } while (t < line.size() && (line[t] == ' ' || line[t] == '\t'));
        std::size_t begin = t;
        while (t < line.size() &&
               (std::isalnum(static_cast<unsigned char>(line[t])) || line[t] == '-' ||
                line[t] == '_' || line[t] == '.')) {
            ++t;
        }
        if (t > begin) return std::string(line.substr(begin, t - begin));
    }
    return {};
}

std::string_view next_line(std::string_view text, std::size_t* pos)
{
    std::size_t start = *pos;
    std::size_t nl = text.find('\n', start);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    *pos = end;
    return text.substr(start, end - start);
}

}  // namespace

std::string normal_encoding_name(std::string_view spec)
{
    std::string buf;
    for (std::size_t i = 0; i < spec.size() && i < 12; ++i) {
        char c = spec[i];
        buf += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    auto starts = [&](const char* prefix) { return buf.rfind(prefix, 0) == 0; };
    if (buf == "utf-8" || starts("utf-8-")) return "utf-8";
    if (buf == "latin-1" || buf == "iso-8859-1" || buf == "iso-latin-1" || starts("latin-1-") ||
        starts("iso-8859-1-") || starts("iso-latin-1-")) {
        return "iso-8859-1";
    }
    return std::string(spec);
}

CookieScan scan_cookie(std::string_view bytes)
{
    CookieScan scan;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        scan.bom = true;
        bytes.remove_prefix(3);
    }
    scan.body = bytes;
    std::size_t pos = 0;
    for (int lineno = 1; lineno <= 2 && pos < bytes.size(); ++lineno) {
        std::string_view line = next_line(bytes, &pos);
        if (runtime::utf8_find_invalid(line) != std::string_view::npos) {
            // detect_encoding decodes each line it reads as UTF-8 before it
            // looks for the cookie, and gives up on a line that does not decode.
            scan.header_not_utf8 = true;
        }
        std::string spec = coding_spec(line);
        if (!spec.empty()) {
            scan.spec = spec;
            scan.normal = normal_encoding_name(spec);
            scan.cookie_line = lineno;
            return scan;
        }
        if (!is_blank_or_comment(line)) break;
    }
    return scan;
}

bool decode_to_utf8(std::string_view bytes, const std::string& encoding, std::string* out,
                    bool* known)
{
    *known = true;
    if (encoding == "utf-8") {
        if (runtime::utf8_find_invalid(bytes) != std::string_view::npos) return false;
        out->assign(bytes);
        return true;
    }
    UErrorCode status = U_ZERO_ERROR;
    // Python's "latin-1" is ICU's ISO-8859-1, and so on: ICU's alias table
    // knows the spellings Python's codecs accept for the common encodings.
    UConverter* conv = ucnv_open(encoding.c_str(), &status);
    if (U_FAILURE(status) || conv == nullptr) {
        *known = false;
        return false;
    }
    std::unique_ptr<UConverter, void (*)(UConverter*)> guard(conv, ucnv_close);
    ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    const char* src = bytes.data();
    const char* src_end = src + bytes.size();
    out->clear();
    while (src < src_end) {
        UChar32 c = ucnv_getNextUChar(conv, &src, src_end, &status);
        if (U_FAILURE(status)) return false;
        runtime::utf8_append(*out, static_cast<runtime::Py_UCS4>(c));
    }
    return true;
}

}  // namespace minipy::lexer
