// pystrhex.cpp: bytes to hexadecimal digits, shared by the hex() methods of
// the bytes-like types and by binascii.hexlify/b2a_hex.
// Mirrors CPython 3.11 Python/pystrhex.c. Book chapter 11.
#include "minipy/runtime/pystrhex.h"

#include <climits>

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::runtime {

bool strhex_with_sep(std::string_view data, Object* sep_obj, Object* bytes_per_sep, std::string* out,
                     bool bytes_result)
{
    char sep = 0;
    if (sep_obj) {
        Py_ssize_t len = unicode_check(sep_obj) ? unicode_length(sep_obj) : object_size(sep_obj);
        if (len < 0) return false;
        if (len != 1) {
            set_error(Exc_ValueError, "sep must be length 1.");
            return false;
        }
        Py_UCS4 c;
        if (unicode_check(sep_obj)) c = unicode_read_char(sep_obj, 0);
        else if (bytes_check(sep_obj)) c = static_cast<unsigned char>(bytes_view(sep_obj)[0]);
        else {
            set_error(Exc_TypeError, "sep must be str or bytes.");
            return false;
        }
        if (c > (bytes_result ? 255u : 127u)) {
            set_error(Exc_ValueError, "sep must be ASCII.");
            return false;
        }
        sep = static_cast<char>(c);
    }
    long long group = 1;
    if (bytes_per_sep) {
        Ref<> n = number_index(bytes_per_sep);
        if (!n) return false;
        group = long_as_long_long(n.get());
        if ((group == -1 && error_occurred()) || group > INT_MAX || group < INT_MIN) {
            error_clear();
            set_error(Exc_OverflowError, "Python int too large to convert to C int");
            return false;
        }
    }
    static const char hex[] = "0123456789abcdef";
    auto n = static_cast<long long>(data.size());
    long long every = group < 0 ? -group : group;
    out->reserve(out->size() + data.size() * 3);
    for (long long i = 0; i < n; i++) {
        if (sep && every && i > 0 && (group > 0 ? (n - i) % every == 0 : i % every == 0)) *out += sep;
        auto c = static_cast<unsigned char>(data[static_cast<std::size_t>(i)]);
        *out += hex[c >> 4];
        *out += hex[c & 15];
    }
    return true;
}

}  // namespace minipy::runtime
