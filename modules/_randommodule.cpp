// _randommodule.cpp: the _random module: _random.Random, the Mersenne
// Twister (MT19937) core generator that lib/random.py subclasses.
// Mirrors CPython 3.11 Modules/_randommodule.c. Book chapter 12, "The
// Standard Library".
//
// Exactness contract: the state after seed(x), the stream of 32-bit words
// and the way words become floats and ints are CPython's, so that
// `random.seed(42); random.random()` prints the same number in both:
//  - seed(int n): the 32-bit words of abs(n), least significant first (one
//    zero word for 0), go through Matsumoto and Nishimura's init_by_array;
//  - seed(other): hash(other) reinterpreted as an unsigned machine word
//    (size_t), then as above; seed(None) uses 624 words from the OS;
//  - random(): 53 bits from two words, (a>>5) * 2**26 + (b>>6), over 2**53;
//  - getrandbits(k): words from the least significant end, the last one
//    keeping its top k % 32 bits.
// The str/bytes seeds of version 2 (sha512) are random.py's business.
#include <cstdint>
#include <ctime>
#include <vector>

#include <sys/random.h>
#include <unistd.h>

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/floatobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::modules {

using namespace runtime;

namespace {

// MT19937's parameters (Matsumoto & Nishimura, 1998).
constexpr int N = 624;
constexpr int M = 397;
constexpr std::uint32_t MATRIX_A = 0x9908b0dfU;    // the twist matrix's last row
constexpr std::uint32_t UPPER_MASK = 0x80000000U;  // the w-r most significant bits
constexpr std::uint32_t LOWER_MASK = 0x7fffffffU;  // the r least significant bits

struct RandomObject : Object {
    int index;  // next word of state to temper; N means "twist first"
    std::uint32_t state[N];
};

extern TypeObject Random_Type;

RandomObject* R(Object* op) { return static_cast<RandomObject*>(op); }

// genrand_uint32: the next tempered word; regenerates all N words of state
// (the "twist") when they are used up.
std::uint32_t genrand_uint32(RandomObject* self)
{
    std::uint32_t* mt = self->state;
    if (self->index >= N) {
        auto twist = [mt](int k, int next, int far) {
            std::uint32_t y = (mt[k] & UPPER_MASK) | (mt[next] & LOWER_MASK);
            mt[k] = mt[far] ^ (y >> 1) ^ ((y & 1U) ? MATRIX_A : 0U);
        };
        int k = 0;
        for (; k < N - M; k++) twist(k, k + 1, k + M);
        for (; k < N - 1; k++) twist(k, k + 1, k + (M - N));
        twist(N - 1, 0, M - 1);
        self->index = 0;
    }
    std::uint32_t y = mt[self->index++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= y >> 18;
    return y;
}

// init_genrand: the state from one 32-bit seed (Knuth's multiplier).
void init_genrand(RandomObject* self, std::uint32_t s)
{
    std::uint32_t* mt = self->state;
    mt[0] = s;
    for (int i = 1; i < N; i++) mt[i] = 1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30)) + static_cast<std::uint32_t>(i);
    self->index = N;
}

// init_by_array: the state from a key of any length; every word of the key
// influences the whole state. Arithmetic is modulo 2**32 throughout.
void init_by_array(RandomObject* self, const std::uint32_t* key, std::size_t key_length)
{
    std::uint32_t* mt = self->state;
    init_genrand(self, 19650218U);
    std::size_t i = 1, j = 0;
    for (std::size_t k = (N > key_length ? N : key_length); k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + static_cast<std::uint32_t>(j);
        i++;
        j++;
        if (i >= N) {
            mt[0] = mt[N - 1];
            i = 1;
        }
        if (j >= key_length) j = 0;
    }
    for (std::size_t k = N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - static_cast<std::uint32_t>(i);
        i++;
        if (i >= N) {
            mt[0] = mt[N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000U;  // the most significant bit is set: the state is never all zero
}

// random_seed_urandom, with random_seed_time_pid's fallback when the OS
// has no entropy to give.
void seed_from_os(RandomObject* self)
{
    std::uint32_t key[N];
    auto* p = reinterpret_cast<unsigned char*>(key);
    std::size_t want = sizeof key, got = 0;
    while (got < want) {
        ssize_t n = getrandom(p + got, want - got, 0);
        if (n <= 0) break;
        got += static_cast<std::size_t>(n);
    }
    if (got == want) {
        init_by_array(self, key, N);
        return;
    }
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    std::uint32_t tkey[5] = {static_cast<std::uint32_t>(ts.tv_sec), static_cast<std::uint32_t>(ts.tv_nsec),
                             static_cast<std::uint32_t>(getpid()), 0, 0};
    timespec mono{};
    clock_gettime(CLOCK_MONOTONIC, &mono);
    tkey[3] = static_cast<std::uint32_t>(mono.tv_sec);
    tkey[4] = static_cast<std::uint32_t>(mono.tv_nsec);
    init_by_array(self, tkey, 5);
}

// random_seed: 0, or -1 with an error set (hash() may fail).
[[nodiscard]] int random_seed(RandomObject* self, Object* arg)
{
    if (!arg || arg == Py_None()) {
        seed_from_os(self);
        return 0;
    }
    Ref<> n;
    if (long_check(arg)) {
        // Exact int arithmetic, never a subclass's __abs__ (bpo-31478): the
        // magnitude is read straight from the digits.
        n = new_ref(arg);
    } else {
        Py_hash_t hash = object_hash(arg);
        if (hash == -1) return -1;
        n = long_from_unsigned(static_cast<std::size_t>(hash));
        if (!n) return -1;
    }
    std::vector<std::uint32_t> key = long_abs_u32_words(static_cast<LongObject*>(n.get()));
    init_by_array(self, key.data(), key.size());
    return 0;
}

// Random.__init__(self, x=None): seeds. The keyword check applies to
// _random.Random itself and to subclasses that keep its __init__ (lib's
// random.Random has its own).
int random_init(Object* self, Object* args, Object* kwds)
{
    if ((Py_TYPE(self) == &Random_Type || Py_TYPE(self)->tp_init == Random_Type.tp_init) && kwds &&
        dict_size(kwds) > 0) {
        set_error(Exc_TypeError, "Random() takes no keyword arguments");
        return -1;
    }
    if (tuple_size(args) > 1) {
        set_error(Exc_TypeError, "Random() requires 0 or 1 argument");
        return -1;
    }
    return random_seed(R(self), tuple_size(args) == 1 ? tuple_item(args, 0) : nullptr);
}

Ref<> random_tp_new(TypeObject* type, Object*, Object*)
{
    Ref<> self = steal_ref(object_alloc_raw(type, 0));
    if (!self) return nullptr;
    // A state that is valid before any seed: __new__ without __init__
    // (copy, pickle) must not read uninitialised words.
    init_genrand(R(self.get()), 5489U);
    return self;
}

void random_dealloc(Object* op) { object_dealloc_memory(op); }

// random() -> x in the interval [0, 1).
Ref<> random_random(Object* self, Object*)
{
    std::uint32_t a = genrand_uint32(R(self)) >> 5;  // 27 bits
    std::uint32_t b = genrand_uint32(R(self)) >> 6;  // 26 bits
    return float_from_double((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

// seed([n]) -> None.
Ref<> random_seed_method(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (nargs > 1) return format_error(Exc_TypeError, "seed expected at most 1 argument, got %zd", nargs);
    if (random_seed(R(self), nargs ? args[0] : nullptr) < 0) return nullptr;
    return none_ref();
}

// getstate() -> tuple of the 624 state words and the index.
Ref<> random_getstate(Object* self, Object*)
{
    Ref<> state = tuple_new(N + 1);
    if (!state) return nullptr;
    for (int i = 0; i < N; i++) {
        Ref<> w = long_from_unsigned(R(self)->state[i]);
        if (!w) return nullptr;
        tuple_set_item(state.get(), i, w.release());
    }
    Ref<> index = long_from_long(R(self)->index);
    if (!index) return nullptr;
    tuple_set_item(state.get(), N, index.release());
    return state;
}

// PyLong_AsUnsignedLong's checks and words for one state word.
[[nodiscard]] bool state_word(Object* o, std::uint32_t* out)
{
    if (!long_check(o)) {
        set_error(Exc_TypeError, "an integer is required");
        return false;
    }
    auto* v = static_cast<LongObject*>(o);
    if (long_sign(v) < 0) {
        set_error(Exc_OverflowError, "can't convert negative value to unsigned int");
        return false;
    }
    if (long_num_bits(v) > 64) {
        set_error(Exc_OverflowError, "Python int too large to convert to C unsigned long");
        return false;
    }
    // unsigned long -> uint32_t keeps the low 32 bits, as CPython's cast.
    *out = long_abs_u32_words(v)[0];
    return true;
}

// setstate(state): the inverse of getstate(); the state is checked whole
// before any of it is stored.
Ref<> random_setstate(Object* self, Object* state)
{
    if (!tuple_check(state)) return format_error(Exc_TypeError, "state vector must be a tuple");
    if (tuple_size(state) != N + 1) return format_error(Exc_ValueError, "state vector is the wrong size");
    std::uint32_t words[N];
    for (int i = 0; i < N; i++)
        if (!state_word(tuple_item(state, i), &words[i])) return nullptr;
    Ref<> last = number_index(tuple_item(state, N));  // PyLong_AsLong's __index__
    if (!last) return nullptr;
    long long index = long_as_long_long(last.get());
    if (index == -1 && error_occurred()) return nullptr;
    if (index < 0 || index > N) return format_error(Exc_ValueError, "invalid state");
    for (int i = 0; i < N; i++) R(self)->state[i] = words[i];
    R(self)->index = static_cast<int>(index);
    return none_ref();
}

// getrandbits(k) -> an int with k random bits.
Ref<> random_getrandbits(Object* self, Object* arg)
{
    Ref<> kobj = number_index(arg);
    if (!kobj) return nullptr;
    int overflow = 0;
    long long k = long_as_long_long_and_overflow(kobj.get(), &overflow);
    if (overflow || k > 2147483647LL || k < -2147483648LL)
        return format_error(Exc_OverflowError, "Python int too large to convert to C int");
    if (k < 0) return format_error(Exc_ValueError, "number of bits must be non-negative");
    if (k == 0) return long_from_long(0);
    if (k <= 32) return long_from_unsigned(genrand_uint32(R(self)) >> (32 - k));
    std::size_t nwords = static_cast<std::size_t>((k - 1) / 32 + 1);
    std::vector<std::uint32_t> words(nwords);
    for (std::size_t i = 0; i < nwords; i++, k -= 32) {
        std::uint32_t r = genrand_uint32(R(self));
        if (k < 32) r >>= (32 - k);  // the most significant word keeps its top bits
        words[i] = r;
    }
    return long_from_u32_words(words.data(), nwords);
}

MethodDef random_methods[] = {
    method_noargs("random", random_random, "random() -> x in the interval [0, 1)."),
    method_fast("seed", random_seed_method, "seed([n]) -> None.\n\nDefaults to use urandom and falls back to a combination\nof the current time and the process identifier."),
    method_noargs("getstate", random_getstate, "getstate() -> tuple containing the current state."),
    method_o("setstate", random_setstate, "setstate(state) -> None.  Restores generator state."),
    method_o("getrandbits", random_getrandbits, "getrandbits(k) -> x.  Generates an int with k random bits."),
    {},
};

TypeObject Random_Type = [] {
    TypeObject t = static_type("_random.Random", sizeof(RandomObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
                               "Random() -> create a random number generator with its own internal state.");
    t.tp_dealloc = random_dealloc;
    t.tp_getattro = object_generic_get_attr;
    t.tp_methods = random_methods;
    t.tp_init = random_init;
    t.tp_new = random_tp_new;
    return t;
}();

}  // namespace

Ref<> random_module_create()
{
    if (!(Random_Type.tp_flags & Py_TPFLAGS_READY) && type_ready(&Random_Type) < 0) return nullptr;
    Ref<> mod = module_new("_random");
    if (!mod) return nullptr;
    Ref<> doc = unicode_from_string("Module implements the Mersenne Twister random number generator.");
    if (!doc || module_add_object(mod.get(), "__doc__", doc.get()) < 0) return nullptr;
    if (module_add_object(mod.get(), "Random", &Random_Type) < 0) return nullptr;
    return mod;
}

}  // namespace minipy::modules
