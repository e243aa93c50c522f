// sha512module.cpp: the _sha512 module: SHA-512 and SHA-384 hash objects
// (FIPS 180-4), which lib/hashlib.py offers as hashlib.sha512/sha384 and
// lib/random.py uses to seed from str and bytes. Mirrors CPython 3.11
// Modules/sha512module.c. Book chapter 12, "The Standard Library".
//
// A hash object holds the eight 64-bit chaining words, the count of bytes
// hashed so far and a partial 128-byte block. digest() pads a copy (0x80,
// zeros, the 128-bit big-endian bit count) so that the object can go on
// being updated. SHA-384 is SHA-512 with other initial words, its digest
// cut to 48 bytes.
#include <cstdint>
#include <cstring>
#include <string>

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/buffer.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "clinic_args.h"

namespace minipy::modules {

using namespace runtime;

namespace {

constexpr int SHA_BLOCKSIZE = 128;

// The first 64 bits of the fractional parts of the cube roots of the first
// 80 primes (FIPS 180-4, 4.2.3).
constexpr std::uint64_t K[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
    0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
    0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
    0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
    0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
    0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
    0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
    0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
    0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
    0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
    0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
    0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
    0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
    0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
    0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
    0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
    0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
    0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
    0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};

// Square roots of the first eight primes (SHA-512) and of the next eight
// (SHA-384), fractional parts (FIPS 180-4, 5.3.5 and 5.3.4).
constexpr std::uint64_t IV512[8] = {
    0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
    0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
};
constexpr std::uint64_t IV384[8] = {
    0xcbbb9d5dc1059ed8ULL, 0x629a292a367cd507ULL, 0x9159015a3070dd17ULL, 0x152fecd8f70e5939ULL,
    0x67332667ffc00b31ULL, 0x8eb44a8768581511ULL, 0xdb0c2e0d64f98fa7ULL, 0x47b5481dbefa4fa4ULL,
};

struct SHAObject : Object {
    std::uint64_t digest[8];
    std::uint64_t count;  // bytes hashed; the 2**64-byte limit is beyond any input
    unsigned char data[SHA_BLOCKSIZE];
    int local;        // bytes waiting in data
    int digestsize;   // 64 or 48
};

extern TypeObject SHA512_Type;
extern TypeObject SHA384_Type;

SHAObject* S(Object* op) { return static_cast<SHAObject*>(op); }

constexpr std::uint64_t ror(std::uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

// sha512_transform: one 128-byte block into the chaining words.
void sha512_transform(SHAObject* s, const unsigned char* block)
{
    std::uint64_t w[80];
    for (int i = 0; i < 16; i++) {
        std::uint64_t v = 0;
        for (int b = 0; b < 8; b++) v = (v << 8) | block[8 * i + b];
        w[i] = v;
    }
    for (int i = 16; i < 80; i++) {
        std::uint64_t s0 = ror(w[i - 15], 1) ^ ror(w[i - 15], 8) ^ (w[i - 15] >> 7);
        std::uint64_t s1 = ror(w[i - 2], 19) ^ ror(w[i - 2], 61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    std::uint64_t a = s->digest[0], b = s->digest[1], c = s->digest[2], d = s->digest[3];
    std::uint64_t e = s->digest[4], f = s->digest[5], g = s->digest[6], h = s->digest[7];
    for (int i = 0; i < 80; i++) {
        std::uint64_t t1 = h + (ror(e, 14) ^ ror(e, 18) ^ ror(e, 41)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
        std::uint64_t t2 = (ror(a, 28) ^ ror(a, 34) ^ ror(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    std::uint64_t out[8] = {a, b, c, d, e, f, g, h};
    for (int i = 0; i < 8; i++) s->digest[i] += out[i];
}

void sha_update(SHAObject* s, const unsigned char* p, std::size_t n)
{
    s->count += n;
    while (n > 0) {
        if (s->local == 0 && n >= SHA_BLOCKSIZE) {
            sha512_transform(s, p);
            p += SHA_BLOCKSIZE;
            n -= SHA_BLOCKSIZE;
            continue;
        }
        std::size_t take = std::min<std::size_t>(n, static_cast<std::size_t>(SHA_BLOCKSIZE - s->local));
        std::memcpy(s->data + s->local, p, take);
        s->local += static_cast<int>(take);
        p += take;
        n -= take;
        if (s->local == SHA_BLOCKSIZE) {
            sha512_transform(s, s->data);
            s->local = 0;
        }
    }
}

// The digest of what was hashed so far, without disturbing s.
std::string sha_final(const SHAObject* s)
{
    SHAObject t = *s;  // plain data: a copy to pad
    std::uint64_t bits = s->count << 3;
    unsigned char pad[2 * SHA_BLOCKSIZE] = {0x80};
    // Padding reaches 112 mod 128, then 16 bytes of length (high 64 bits 0).
    std::size_t padlen = (t.local < 112 ? 112 : 240) - static_cast<std::size_t>(t.local);
    sha_update(&t, pad, padlen);
    unsigned char len[16] = {};
    len[7] = static_cast<unsigned char>(s->count >> 61);
    for (int i = 0; i < 8; i++) len[15 - i] = static_cast<unsigned char>(bits >> (8 * i));
    sha_update(&t, len, 16);
    std::string out;
    for (int i = 0; i < s->digestsize / 8; i++)
        for (int b = 7; b >= 0; b--) out.push_back(static_cast<char>(t.digest[i] >> (8 * b)));
    return out;
}

Ref<SHAObject> sha_new_object(TypeObject* type)
{
    Ref<SHAObject> s = object_new<SHAObject>(type);
    if (!s) return nullptr;
    std::memcpy(s->digest, type == &SHA384_Type ? IV384 : IV512, sizeof s->digest);
    s->count = 0;
    s->local = 0;
    s->digestsize = type == &SHA384_Type ? 48 : 64;
    return s;
}

// GET_BUFFER_VIEW_OR_ERROUT: str is refused with its own message.
[[nodiscard]] bool sha_feed(SHAObject* s, Object* obj)
{
    if (unicode_check(obj)) {
        set_error(Exc_TypeError, "Strings must be encoded before hashing");
        return false;
    }
    if (!object_check_buffer(obj)) {
        set_error(Exc_TypeError, "object supporting the buffer API required");
        return false;
    }
    Py_buffer view;
    if (object_get_buffer(obj, &view, PyBUF_SIMPLE) < 0) return false;
    sha_update(s, static_cast<const unsigned char*>(view.buf), static_cast<std::size_t>(view.len));
    buffer_release(&view);
    return true;
}

void sha_dealloc(Object* op) { object_dealloc_memory(op); }

Ref<> sha_update_method(Object* self, Object* obj)
{
    if (!sha_feed(S(self), obj)) return nullptr;
    return none_ref();
}

Ref<> sha_digest(Object* self, Object*) { return bytes_from_view(sha_final(S(self))); }

Ref<> sha_hexdigest(Object* self, Object*)
{
    static const char hexdigits[] = "0123456789abcdef";
    std::string hex;
    for (unsigned char c : sha_final(S(self))) {
        hex.push_back(hexdigits[c >> 4]);
        hex.push_back(hexdigits[c & 15]);
    }
    return unicode_from_string(hex.c_str());
}

Ref<> sha_copy(Object* self, Object*)
{
    Ref<SHAObject> c = object_new<SHAObject>(Py_TYPE(self));
    if (!c) return nullptr;
    std::memcpy(c->digest, S(self)->digest, sizeof c->digest);
    std::memcpy(c->data, S(self)->data, sizeof c->data);
    c->count = S(self)->count;
    c->local = S(self)->local;
    c->digestsize = S(self)->digestsize;
    return c;
}

Ref<> sha_get_block_size(Object*, void*) { return long_from_long(SHA_BLOCKSIZE); }
Ref<> sha_get_digest_size(Object* self, void*) { return long_from_long(S(self)->digestsize); }
Ref<> sha_get_name(Object* self, void*) { return unicode_from_string(S(self)->digestsize == 48 ? "sha384" : "sha512"); }

MethodDef sha_methods[] = {
    method_noargs("copy", sha_copy, "Return a copy of the hash object."),
    method_noargs("digest", sha_digest, "Return the digest value as a bytes object."),
    method_noargs("hexdigest", sha_hexdigest, "Return the digest value as a string of hexadecimal digits."),
    method_o("update", sha_update_method, "Update this hash object's state with the provided string."),
    {},
};

GetSetDef sha_getset[] = {
    {"block_size", sha_get_block_size, nullptr, nullptr, nullptr},
    {"name", sha_get_name, nullptr, nullptr, nullptr},
    {"digest_size", sha_get_digest_size, nullptr, nullptr, nullptr},
    {},
};

TypeObject make_sha_type(const char* name)
{
    TypeObject t = static_type(name, sizeof(SHAObject), 0, Py_TPFLAGS_DEFAULT, nullptr);
    t.tp_dealloc = sha_dealloc;
    t.tp_getattro = object_generic_get_attr;
    t.tp_methods = sha_methods;
    t.tp_getset = sha_getset;
    return t;
}

TypeObject SHA512_Type = make_sha_type("_sha512.sha512");
TypeObject SHA384_Type = make_sha_type("_sha512.sha384");

// sha512(string=b'', *, usedforsecurity=True) and sha384(...).
Ref<> sha_construct(TypeObject* type, const char* fname, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* out[2] = {};
    if (!parse_clinic_args(fname, args, nargs, kwnames, {"string", "usedforsecurity"}, 1, 0, out)) return nullptr;
    Ref<SHAObject> s = sha_new_object(type);
    if (!s) return nullptr;
    if (out[0] && !sha_feed(s.get(), out[0])) return nullptr;
    return s;
}

Ref<> sha512_new(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    return sha_construct(&SHA512_Type, "sha512", args, nargs, kwnames);
}

Ref<> sha384_new(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    return sha_construct(&SHA384_Type, "sha384", args, nargs, kwnames);
}

MethodDef sha512_module_methods[] = {
    method_fastkw("sha512", sha512_new, "Return a new SHA-512 hash object; optionally initialized with a string."),
    method_fastkw("sha384", sha384_new, "Return a new SHA-384 hash object; optionally initialized with a string."),
    {},
};

}  // namespace

Ref<> sha512_module_create()
{
    for (TypeObject* t : {&SHA512_Type, &SHA384_Type})
        if (!(t->tp_flags & Py_TPFLAGS_READY) && type_ready(t) < 0) return nullptr;
    Ref<> mod = module_new("_sha512");
    if (!mod || module_add_functions(mod.get(), sha512_module_methods) < 0) return nullptr;
    if (module_add_object(mod.get(), "SHA512Type", &SHA512_Type) < 0) return nullptr;
    if (module_add_object(mod.get(), "SHA384Type", &SHA384_Type) < 0) return nullptr;
    return mod;
}

}  // namespace minipy::modules
