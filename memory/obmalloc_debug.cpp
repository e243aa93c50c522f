// obmalloc_debug.cpp: the allocator debug hooks (PYTHONMALLOC=debug).
// Mirrors the "debug hooks" part of CPython 3.11 Objects/obmalloc.c
// (_PyMem_DebugRawAlloc, _PyMem_DebugCheckAddress, _PyObject_DebugDumpAddress).
// Book chapter 9, "Memory Management".
//
// Design notes
// ============
// The hooks wrap another allocator (pymalloc or malloc). Each request of N
// bytes takes N + 3*S bytes from it, S = sizeof(size_t), laid out as:
//
//   q[0 : S]          N, big-endian (readable in a hex dump)
//   q[S]              the API id: 'm' (mem_*) or 'o' (object_*)
//   q[S+1 : 2S]       S-1 copies of FORBIDDENBYTE (0xFD)
//   p = q + 2S        the N bytes returned, filled with CLEANBYTE (0xCD)
//   p[N : N+S]        S copies of FORBIDDENBYTE
//
// On free the whole thing is checked, then filled with DEADBYTE (0xDD) and
// given back. So: a trailing pad that is not 0xFD means a write past the end,
// a leading one a write before the start; an id that differs from the
// freeing API means e.g. object_malloc + mem_free; 0xCD in a program's data
// means it read memory it never wrote, 0xDD memory already freed.
//
// Double frees: CPython 3.11 reads the dead header as a size and usually
// crashes dumping it. Here a header that is still all DEADBYTE (id and pads;
// pymalloc's free list only overwrites the first word, the size), or that
// ASan knows to be freed, is reported as a double free before anything else
// is trusted. Under malloc_debug, glibc reuses the start of a freed block
// for its own links, so the id byte is garbage: an id that is not 'm' or 'o'
// is reported as "not a live block" without following the size.
//
// Not mirrored: the serial numbers of PYMEM_DEBUG_SERIALNO (off in 3.11
// builds too), the GIL check of the mem/object domains, and realloc's
// marking of the old block as dead when it moves.
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "minipy/memory/obmalloc.h"
#include "pycore_pymem.h"

namespace minipy::memory {

namespace {

constexpr std::size_t SST = sizeof(std::size_t);
constexpr std::size_t PYMEM_DEBUG_EXTRA_BYTES = 3 * SST;
constexpr std::uint8_t PYMEM_CLEANBYTE = 0xCD;
constexpr std::uint8_t PYMEM_DEADBYTE = 0xDD;
constexpr std::uint8_t PYMEM_FORBIDDENBYTE = 0xFD;

DebugFailureHook failure_hook = nullptr;

// Big-endian, so the number reads naturally in a memory dump.
std::size_t read_size_t(const std::uint8_t* p)
{
    std::size_t result = 0;
    for (std::size_t i = 0; i < SST; ++i) result = (result << 8) | p[i];
    return result;
}

void write_size_t(std::uint8_t* p, std::size_t n)
{
    for (std::size_t i = SST; i-- > 0;) {
        p[i] = std::uint8_t(n & 0xff);
        n >>= 8;
    }
}

__attribute__((format(printf, 2, 3))) void appendf(std::string& out, const char* fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    out += buf;
}

// A header that still holds the DEADBYTE fill of _PyMem_DebugRawFree. In
// ASan builds pymalloc poisons freed blocks (see obmalloc.cpp): a poisoned
// header is a freed one, and must not be read.
bool header_is_dead(const std::uint8_t* q)
{
#ifdef MINIPY_ASAN
    if (__asan_region_is_poisoned(const_cast<std::uint8_t*>(q - 2 * SST), 2 * SST) != nullptr) {
        return true;
    }
#endif
    for (std::size_t i = 1; i <= SST; ++i) {
        if (q[-std::ptrdiff_t(i)] != PYMEM_DEADBYTE) return false;
    }
    return true;
}

// The ids the hooks write; any other byte there means the header is not
// theirs (malloc reused it after a free, or the block came from elsewhere).
bool is_api_id(std::uint8_t id) { return id == 'm' || id == 'o'; }

// The text of _PyObject_DebugDumpAddress: what the header says, which pad
// bytes are damaged, and the first and last bytes of the data.
std::string debug_dump_address(const void* p)
{
    const auto* q = static_cast<const std::uint8_t*>(p);
    std::string out;
    appendf(out, "Debug memory block at address p=%p:", p);
    if (p == nullptr) return out + "\n";
    if (header_is_dead(q)) {
        appendf(out, " API '%c'\n", char(PYMEM_DEADBYTE));
        appendf(out,
                "    The API id and the %zu pad bytes at p-%zu are DEADBYTE (0x%02x):\n"
                "    the block was already freed; its size and data are not trustworthy.\n\n",
                SST - 1, SST - 1, PYMEM_DEADBYTE);
        return out;
    }
    appendf(out, " API '%c'\n", char(q[-std::ptrdiff_t(SST)]));
    if (!is_api_id(q[-std::ptrdiff_t(SST)])) {
        // CPython goes on and follows the size, which usually crashes here.
        appendf(out,
                "    The API id (0x%02x) is not one the debug hooks write: this is not a live\n"
                "    block (already freed and reused by malloc?); its size and data are not\n"
                "    trustworthy.\n\n",
                q[-std::ptrdiff_t(SST)]);
        return out;
    }
    const std::size_t nbytes = read_size_t(q - 2 * SST);
    appendf(out, "    %zu bytes originally requested\n", nbytes);

    appendf(out, "    The %zu pad bytes at p-%zu are ", SST - 1, SST - 1);
    bool ok = true;
    for (std::size_t i = 1; i <= SST - 1; ++i) {
        if (q[-std::ptrdiff_t(i)] != PYMEM_FORBIDDENBYTE) ok = false;
    }
    if (ok) {
        out += "FORBIDDENBYTE, as expected.\n";
    } else {
        appendf(out, "not all FORBIDDENBYTE (0x%02x):\n", PYMEM_FORBIDDENBYTE);
        for (std::size_t i = SST - 1; i >= 1; --i) {
            const std::uint8_t byte = q[-std::ptrdiff_t(i)];
            appendf(out, "        at p-%zu: 0x%02x%s\n", i, byte,
                    byte != PYMEM_FORBIDDENBYTE ? " *** OUCH" : "");
        }
        out += "    Because memory is corrupted at the start, the count of bytes requested\n"
               "       may be bogus, and checking the trailing pad bytes may segfault.\n";
    }

    const std::uint8_t* tail = q + nbytes;
    appendf(out, "    The %zu pad bytes at tail=%p are ", SST, static_cast<const void*>(tail));
    ok = true;
    for (std::size_t i = 0; i < SST; ++i) {
        if (tail[i] != PYMEM_FORBIDDENBYTE) ok = false;
    }
    if (ok) {
        out += "FORBIDDENBYTE, as expected.\n";
    } else {
        appendf(out, "not all FORBIDDENBYTE (0x%02x):\n", PYMEM_FORBIDDENBYTE);
        for (std::size_t i = 0; i < SST; ++i) {
            appendf(out, "        at tail+%zu: 0x%02x%s\n", i, tail[i],
                    tail[i] != PYMEM_FORBIDDENBYTE ? " *** OUCH" : "");
        }
    }

    if (nbytes > 0) {
        // Up to 8 bytes from the start, then up to 8 before the tail.
        out += "    Data at p:";
        const std::uint8_t* d = q;
        for (int i = 0; d < tail && i < 8; ++i, ++d) appendf(out, " %02x", *d);
        if (d < tail) {
            if (tail - d > 8) {
                out += " ...";
                d = tail - 8;
            }
            for (; d < tail; ++d) appendf(out, " %02x", *d);
        }
        out += "\n";
    }
    out += "\n";
    return out;
}

// Reports a bad block: through the test hook if one is set (returns false:
// the caller abandons the operation), else on stderr, fatally.
bool debug_failure(const char* func, const char* message, const void* p)
{
    const std::string report = debug_dump_address(p);
    if (failure_hook != nullptr) {
        failure_hook(func, message, report.c_str());
        return false;
    }
    std::fputs(report.c_str(), stderr);
    fatal_error(func, message);
}

// _PyMem_DebugCheckAddress: true when p's header and trailer are intact and
// p was allocated by the API `api`.
bool debug_check_address(const char* func, char api, const void* p)
{
    const auto* q = static_cast<const std::uint8_t*>(p);
    if (header_is_dead(q)) return debug_failure(func, "double free: the block was already freed", p);
    const char id = char(q[-std::ptrdiff_t(SST)]);
    if (id != api) {
        char msg[160];
        if (is_api_id(std::uint8_t(id))) {
            std::snprintf(msg, sizeof msg,
                          "bad ID: Allocated using API '%c', verified using API '%c'", id, api);
        } else {
            std::snprintf(msg, sizeof msg,
                          "bad ID: not a live block (no API id in its header): double free, "
                          "or not allocated with API '%c'",
                          api);
        }
        return debug_failure(func, msg, p);
    }
    // The leading pads first: if they are damaged the size may be too, and
    // following it to the tail could fault.
    for (std::size_t i = SST - 1; i >= 1; --i) {
        if (q[-std::ptrdiff_t(i)] != PYMEM_FORBIDDENBYTE) {
            return debug_failure(func, "bad leading pad byte", p);
        }
    }
    const std::size_t nbytes = read_size_t(q - 2 * SST);
    const std::uint8_t* tail = q + nbytes;
    for (std::size_t i = 0; i < SST; ++i) {
        if (tail[i] != PYMEM_FORBIDDENBYTE) return debug_failure(func, "bad trailing pad byte", p);
    }
    return true;
}

// Writes the header and the trailing pads around the data of q.
std::uint8_t* debug_frame(std::uint8_t* q, char api_id, std::size_t nbytes)
{
    write_size_t(q, nbytes);
    q[SST] = std::uint8_t(api_id);
    std::memset(q + SST + 1, PYMEM_FORBIDDENBYTE, SST - 1);
    std::uint8_t* data = q + 2 * SST;
    std::memset(data + nbytes, PYMEM_FORBIDDENBYTE, SST);
    return data;
}

void* debug_raw_alloc(bool use_calloc, void* ctx, std::size_t nbytes)
{
    auto* api = static_cast<debug_alloc_api_t*>(ctx);
    if (nbytes > std::size_t(PTRDIFF_MAX) - PYMEM_DEBUG_EXTRA_BYTES) return nullptr;
    const std::size_t total = nbytes + PYMEM_DEBUG_EXTRA_BYTES;
    void* raw = use_calloc ? api->alloc.calloc(api->alloc.ctx, 1, total)
                           : api->alloc.malloc(api->alloc.ctx, total);
    if (raw == nullptr) return nullptr;
    std::uint8_t* data = debug_frame(static_cast<std::uint8_t*>(raw), api->api_id, nbytes);
    if (nbytes > 0 && !use_calloc) std::memset(data, PYMEM_CLEANBYTE, nbytes);
    return data;
}

}  // namespace

DebugFailureHook set_debug_failure_hook(DebugFailureHook hook)
{
    DebugFailureHook previous = failure_hook;
    failure_hook = hook;
    return previous;
}

void* _PyMem_DebugMalloc(void* ctx, std::size_t nbytes) { return debug_raw_alloc(false, ctx, nbytes); }

void* _PyMem_DebugCalloc(void* ctx, std::size_t nelem, std::size_t elsize)
{
    if (elsize != 0 && nelem > std::size_t(PTRDIFF_MAX) / elsize) return nullptr;
    return debug_raw_alloc(true, ctx, nelem * elsize);
}

void _PyMem_DebugFree(void* ctx, void* p)
{
    if (p == nullptr) return;
    auto* api = static_cast<debug_alloc_api_t*>(ctx);
    if (!debug_check_address("_PyMem_DebugRawFree", api->api_id, p)) {
        funnel_block_kept();
        return;
    }
    std::uint8_t* q = static_cast<std::uint8_t*>(p) - 2 * SST;
    const std::size_t nbytes = read_size_t(q) + PYMEM_DEBUG_EXTRA_BYTES;
    std::memset(q, PYMEM_DEADBYTE, nbytes);
    api->alloc.free(api->alloc.ctx, q);
}

void* _PyMem_DebugRealloc(void* ctx, void* p, std::size_t nbytes)
{
    if (p == nullptr) return debug_raw_alloc(false, ctx, nbytes);
    auto* api = static_cast<debug_alloc_api_t*>(ctx);
    if (!debug_check_address("_PyMem_DebugRawRealloc", api->api_id, p)) return nullptr;
    if (nbytes > std::size_t(PTRDIFF_MAX) - PYMEM_DEBUG_EXTRA_BYTES) return nullptr;
    std::uint8_t* head = static_cast<std::uint8_t*>(p) - 2 * SST;
    const std::size_t original_nbytes = read_size_t(head);
    // The old trailer must not survive inside a grown block as "data".
    std::memset(head + 2 * SST + original_nbytes, PYMEM_DEADBYTE, SST);
    void* r = api->alloc.realloc(api->alloc.ctx, head, nbytes + PYMEM_DEBUG_EXTRA_BYTES);
    if (r == nullptr) {
        debug_frame(head, api->api_id, original_nbytes);  // restore the old block
        return nullptr;
    }
    std::uint8_t* data = debug_frame(static_cast<std::uint8_t*>(r), api->api_id, nbytes);
    if (nbytes > original_nbytes) {
        std::memset(data + original_nbytes, PYMEM_CLEANBYTE, nbytes - original_nbytes);
    }
    return data;
}

}  // namespace minipy::memory
