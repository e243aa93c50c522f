// difflib.cpp: unified diffs (see difflib.h). Output format of CPython 3.11
// Lib/difflib.py unified_diff; the edit script from Myers' O(ND) algorithm.
#include "difflib.h"

#include <algorithm>
#include <cstddef>

namespace minipy {

namespace {

enum class Op { Equal, Delete, Insert };

struct Edit {
    Op op;
    std::size_t a;  // index into a (Equal, Delete)
    std::size_t b;  // index into b (Equal, Insert)
};

// Past this many differences the middle part is reported as one block
// replaced by another: still a correct diff, just not a minimal one, and the
// O(D^2) trace memory stays bounded.
constexpr long max_edit_distance = 2000;

// Myers' greedy algorithm over a[a0, a1) and b[b0, b1); appends the edits.
void myers(const std::vector<std::string>& a, std::size_t a0, std::size_t a1,
           const std::vector<std::string>& b, std::size_t b0, std::size_t b1,
           std::vector<Edit>& edits)
{
    const long n = static_cast<long>(a1 - a0);
    const long m = static_cast<long>(b1 - b0);
    const long max = std::min(n + m, max_edit_distance);
    // v[k + offset] = furthest x reached on diagonal k; trace[d] = v after step d.
    const long offset = max + 1;
    std::vector<long> v(static_cast<std::size_t>(2 * max + 3), 0);
    std::vector<std::vector<long>> trace;
    long found = -1;
    for (long d = 0; d <= max && found < 0; ++d) {
        for (long k = -d; k <= d; k += 2) {
            long x;
            if (k == -d || (k != d && v[k - 1 + offset] < v[k + 1 + offset])) {
                x = v[k + 1 + offset];  // step down: an insertion
            } else {
                x = v[k - 1 + offset] + 1;  // step right: a deletion
            }
            long y = x - k;
            while (x < n && y < m && a[a0 + x] == b[b0 + y]) {
                ++x;
                ++y;
            }
            v[k + offset] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
        trace.push_back(v);
    }

    if (found < 0) {
        for (std::size_t i = a0; i < a1; ++i) edits.push_back({Op::Delete, i, b0});
        for (std::size_t j = b0; j < b1; ++j) edits.push_back({Op::Insert, a1, j});
        return;
    }

    // Walk the trace backwards to recover the path, then reverse it.
    std::vector<Edit> path;
    long x = n, y = m;
    for (long d = found; d > 0; --d) {
        const std::vector<long>& pv = trace[static_cast<std::size_t>(d - 1)];
        const long k = x - y;
        const bool down = (k == -d || (k != d && pv[k - 1 + offset] < pv[k + 1 + offset]));
        const long prev_k = down ? k + 1 : k - 1;
        const long prev_x = pv[prev_k + offset];
        const long prev_y = prev_x - prev_k;
        while (x > prev_x && y > prev_y) {
            --x;
            --y;
            path.push_back({Op::Equal, a0 + x, b0 + y});
        }
        if (down) {
            --y;
            path.push_back({Op::Insert, a0 + x, b0 + y});
        } else {
            --x;
            path.push_back({Op::Delete, a0 + x, b0 + y});
        }
    }
    while (x > 0 && y > 0) {
        --x;
        --y;
        path.push_back({Op::Equal, a0 + x, b0 + y});
    }
    edits.insert(edits.end(), path.rbegin(), path.rend());
}

// difflib's _format_range_unified: "start,length", 1-based; an empty range
// names the line before it.
std::string format_range(std::size_t start, std::size_t stop)
{
    std::size_t beginning = start + 1;
    const std::size_t length = stop - start;
    if (length == 1) {
        return std::to_string(beginning);
    }
    if (length == 0) {
        beginning -= 1;
    }
    return std::to_string(beginning) + "," + std::to_string(length);
}

}  // namespace

std::vector<std::string> split_lines(std::string_view text)
{
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            lines.emplace_back(text.substr(start));
            break;
        }
        lines.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

std::string unified_diff(const std::vector<std::string>& a, const std::vector<std::string>& b,
                         const std::string& label_a, const std::string& label_b, int context)
{
    std::size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) {
        ++prefix;
    }
    std::size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
        ++suffix;
    }
    if (prefix == a.size() && prefix == b.size()) {
        return {};
    }

    std::vector<Edit> edits;
    for (std::size_t i = 0; i < prefix; ++i) edits.push_back({Op::Equal, i, i});
    myers(a, prefix, a.size() - suffix, b, prefix, b.size() - suffix, edits);
    for (std::size_t i = suffix; i > 0; --i) {
        edits.push_back({Op::Equal, a.size() - i, b.size() - i});
    }

    std::string out = "--- " + label_a + "\n+++ " + label_b + "\n";
    const std::size_t ctx = static_cast<std::size_t>(context);
    std::size_t i = 0;
    while (i < edits.size()) {
        // Find the next change, then extend the hunk while changes are at
        // most 2*context equal lines apart.
        while (i < edits.size() && edits[i].op == Op::Equal) ++i;
        if (i == edits.size()) break;
        std::size_t first = i >= ctx ? i - ctx : 0;
        std::size_t last = i;  // one past the last change seen
        std::size_t j = i;
        while (j < edits.size()) {
            if (edits[j].op != Op::Equal) {
                last = j + 1;
                ++j;
                continue;
            }
            std::size_t run = j;
            while (run < edits.size() && edits[run].op == Op::Equal) ++run;
            if (run == edits.size() || run - j > 2 * ctx) break;
            j = run;
        }
        const std::size_t end = std::min(edits.size(), last + ctx);

        std::size_t a_start = edits[first].a, b_start = edits[first].b;
        std::size_t a_len = 0, b_len = 0;
        for (std::size_t e = first; e < end; ++e) {
            if (edits[e].op != Op::Insert) ++a_len;
            if (edits[e].op != Op::Delete) ++b_len;
        }
        out += "@@ -" + format_range(a_start, a_start + a_len) + " +" +
               format_range(b_start, b_start + b_len) + " @@\n";
        for (std::size_t e = first; e < end; ++e) {
            switch (edits[e].op) {
            case Op::Equal: out += " " + a[edits[e].a] + "\n"; break;
            case Op::Delete: out += "-" + a[edits[e].a] + "\n"; break;
            case Op::Insert: out += "+" + b[edits[e].b] + "\n"; break;
            }
        }
        i = end;
    }
    return out;
}

}  // namespace minipy
