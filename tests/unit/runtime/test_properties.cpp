// test_properties.cpp: property-style comparison with python3.11. Thousands
// of random int and float operations (and format specs) are computed by
// minipy's runtime and by the reference interpreter (MINIPY_REFERENCE_PYTHON
// from minipy/config.h, i.e. the MINIPY_PYTHON CMake value), run here as a
// subprocess, and the answers must be identical. Covers longobject.cpp,
// floatobject.cpp, formatter_unicode.cpp and abstract.cpp. Book chapter 11.
#include <cstdio>
#include <cmath>
#include <cstring>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "minipy/config.h"
#include "runtime_test.h"

using namespace runtime_test;
using rt::Object;
using rt::Ref;

namespace {

// The oracle: one operation per input line, one repr (or "Exc: msg") per output line.
const char* const oracle_script = R"PY(
import struct, sys
def f(bits): return struct.unpack('<d', struct.pack('<Q', int(bits)))[0]
def i(text): return int(text, 16)
OPS = {
    'add': lambda a, b: a + b, 'sub': lambda a, b: a - b, 'mul': lambda a, b: a * b,
    'truediv': lambda a, b: a / b, 'floordiv': lambda a, b: a // b, 'mod': lambda a, b: a % b,
    'divmod': divmod, 'pow': pow, 'lshift': lambda a, b: a << b, 'rshift': lambda a, b: a >> b,
    'and': lambda a, b: a & b, 'or': lambda a, b: a | b, 'xor': lambda a, b: a ^ b,
    'lt': lambda a, b: a < b, 'eq': lambda a, b: a == b, 'ge': lambda a, b: a >= b,
    'format': format, 'round': round,
}
UN = {'neg': lambda a: -a, 'invert': lambda a: ~a, 'abs': abs, 'repr': repr, 'hash': hash,
      'float': float, 'int': int, 'round': round, 'str': str}
def value(tok):
    kind, payload = tok[0], tok[1:]
    if kind == 'i': return i(payload)
    if kind == 'f': return f(payload)
    if kind == 's': return bytes.fromhex(payload).decode()
    raise ValueError(tok)
for line in sys.stdin:
    op, *args = line.split()
    vals = [value(a) for a in args]
    try:
        r = repr((OPS if len(vals) > 1 else UN)[op](*vals) if op != 'pow3' else pow(*vals))
    except Exception as e:
        r = f'{type(e).__name__}: {e}' if str(e) else type(e).__name__
    print(r)
)PY";

struct Operand {
    std::string token;  // as the oracle reads it
    Ref<> value;        // as minipy builds it
};

Operand make_int(std::mt19937_64& rng, int max_bits)
{
    int bits = static_cast<int>(rng() % static_cast<unsigned>(max_bits + 1));
    std::string hex;
    for (int b = 0; b < bits; b += 4) hex += "0123456789abcdef"[rng() % 16];
    if (hex.empty()) hex = "0";
    if (rng() % 2) hex = "-" + hex;
    return {"i" + hex, rt::long_from_string(hex, 16)};
}

Operand make_small_int(std::mt19937_64& rng, int lo, int hi)
{
    long long v = lo + static_cast<long long>(rng() % static_cast<unsigned>(hi - lo + 1));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%llx", v < 0 ? "-" : "", static_cast<unsigned long long>(v < 0 ? -v : v));
    return {std::string("i") + buf, rt::long_from_long(v)};
}

Operand make_float(std::mt19937_64& rng)
{
    double d;
    switch (rng() % 4) {
    case 0: {  // any bit pattern but NaN
        std::uint64_t bits;
        do {
            bits = rng();
            std::memcpy(&d, &bits, sizeof d);
        } while (std::isnan(d));
        break;
    }
    case 1: d = std::ldexp(static_cast<double>(rng() % 100000) - 50000, static_cast<int>(rng() % 40) - 20); break;
    case 2: d = static_cast<double>(static_cast<long long>(rng() % 2000001) - 1000000) / 8; break;
    default: d = static_cast<double>(rng() % 1000) / 10.0; break;
    }
    std::uint64_t bits;
    std::memcpy(&bits, &d, sizeof d);
    return {"f" + std::to_string(bits), rt::float_from_double(d)};
}

Operand make_str(const std::string& s)
{
    static const char hex[] = "0123456789abcdef";
    std::string h;
    for (unsigned char c : s) {
        h += hex[c >> 4];
        h += hex[c & 15];
    }
    return {"s" + h, rt::unicode_from_string(s.c_str())};
}

struct Case {
    std::string op;
    std::vector<Operand> args;
};

Ref<> compute(const Case& c)
{
    Object* a = c.args[0].value.get();
    if (c.args.size() == 1) {
        if (c.op == "neg") return rt::number_negative(a);
        if (c.op == "invert") return rt::number_invert(a);
        if (c.op == "abs") return rt::number_absolute(a);
        if (c.op == "repr") return rt::object_repr(a);
        if (c.op == "str") return rt::object_str(a);
        if (c.op == "float") return rt::number_float(a);
        if (c.op == "int") return rt::number_long(a);
        if (c.op == "round") return rt::call_method(a, "__round__");
        if (c.op == "hash") {
            rt::Py_hash_t h = rt::object_hash(a);
            return h == -1 && rt::error_occurred() ? nullptr : rt::long_from_ssize_t(h);
        }
    }
    Object* b = c.args[1].value.get();
    if (c.op == "pow3") return rt::number_power(a, b, c.args[2].value.get());
    if (c.op == "add") return rt::number_add(a, b);
    if (c.op == "sub") return rt::number_subtract(a, b);
    if (c.op == "mul") return rt::number_multiply(a, b);
    if (c.op == "truediv") return rt::number_true_divide(a, b);
    if (c.op == "floordiv") return rt::number_floor_divide(a, b);
    if (c.op == "mod") return rt::number_remainder(a, b);
    if (c.op == "divmod") return rt::number_divmod(a, b);
    if (c.op == "pow") return rt::number_power(a, b, rt::Py_None());
    if (c.op == "lshift") return rt::number_lshift(a, b);
    if (c.op == "rshift") return rt::number_rshift(a, b);
    if (c.op == "and") return rt::number_and(a, b);
    if (c.op == "or") return rt::number_or(a, b);
    if (c.op == "xor") return rt::number_xor(a, b);
    if (c.op == "lt") return rt::object_rich_compare(a, b, rt::Py_LT);
    if (c.op == "eq") return rt::object_rich_compare(a, b, rt::Py_EQ);
    if (c.op == "ge") return rt::object_rich_compare(a, b, rt::Py_GE);
    if (c.op == "format") return rt::object_format(a, b);
    if (c.op == "round") return rt::call_method(a, "__round__", {b});
    FAIL("unknown op ", c.op);
    return nullptr;
}

std::vector<Case> make_cases()
{
    std::mt19937_64 rng(20261126);
    std::vector<Case> cases;
    const char* int_ops[] = {"add", "sub", "mul", "floordiv", "mod", "divmod", "truediv", "and", "or", "xor", "lt", "eq"};
    for (int n = 0; n < 2500; n++) {
        int bits = n % 5 == 0 ? 2000 : n % 2 ? 200 : 64;
        cases.push_back({int_ops[rng() % 12], {make_int(rng, bits), make_int(rng, bits / (1 + static_cast<int>(rng() % 3)))}});
    }
    for (int n = 0; n < 400; n++) {
        cases.push_back({"pow", {make_int(rng, 100), make_small_int(rng, -3, 40)}});
        Operand m = make_int(rng, 120);
        cases.push_back({"pow3", {make_int(rng, 150), make_int(rng, 80), std::move(m)}});
        cases.push_back({rng() % 2 ? "lshift" : "rshift", {make_int(rng, 150), make_small_int(rng, -1, 300)}});
    }
    const char* un_ops[] = {"neg", "invert", "abs", "repr", "hash", "float"};
    for (int n = 0; n < 1500; n++) cases.push_back({un_ops[rng() % 6], {make_int(rng, n % 3 ? 120 : 1100)}});
    const char* float_ops[] = {"add", "sub", "mul", "truediv", "floordiv", "mod", "divmod", "pow", "lt", "eq", "ge"};
    for (int n = 0; n < 3000; n++) {
        Operand b = rng() % 4 ? make_float(rng) : make_int(rng, rng() % 2 ? 60 : 1100);
        cases.push_back({float_ops[rng() % 11], {make_float(rng), std::move(b)}});
    }
    const char* float_un[] = {"repr", "hash", "int", "round", "neg", "abs"};
    for (int n = 0; n < 2000; n++) cases.push_back({float_un[rng() % 6], {make_float(rng)}});
    for (int n = 0; n < 800; n++) cases.push_back({"round", {make_float(rng), make_small_int(rng, -8, 12)}});
    const char* float_specs[] = {"e", "f", "g", "%", "E", "G", "", "n"};
    for (int n = 0; n < 2000; n++) {
        std::string spec;
        if (rng() % 3 == 0) spec += "+- "[rng() % 3];
        if (rng() % 4 == 0) spec += "0";
        if (rng() % 3 == 0) spec += std::to_string(rng() % 25);
        if (rng() % 4 == 0) spec += ",_"[rng() % 2];
        if (rng() % 2) spec += "." + std::to_string(rng() % 18);
        spec += float_specs[rng() % 8];
        cases.push_back({"format", {make_float(rng), make_str(spec)}});
    }
    const char* int_specs[] = {"d", "x", "X", "o", "b", "", "n", "e", "%", "c"};
    for (int n = 0; n < 1000; n++) {
        std::string spec;
        if (rng() % 3 == 0) spec += std::string(1, "*<>^="[rng() % 5]);
        if (rng() % 3 == 0) spec += "+- "[rng() % 3];
        if (rng() % 4 == 0) spec += "#";
        if (rng() % 3 == 0) spec += std::to_string(rng() % 30);
        if (rng() % 4 == 0) spec += ",_"[rng() % 2];
        spec += int_specs[rng() % 10];
        cases.push_back({"format", {make_int(rng, 90), make_str(spec)}});
    }
    return cases;
}

std::vector<std::string> run_oracle(const std::vector<Case>& cases)
{
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / ("minipy_runtime_oracle_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "oracle.py") << oracle_script;
    {
        std::ofstream in(dir / "input.txt");
        for (const Case& c : cases) {
            in << c.op;
            for (const Operand& a : c.args) in << ' ' << a.token;
            in << '\n';
        }
    }
    std::string cmd = std::string(MINIPY_REFERENCE_PYTHON) + " " + (dir / "oracle.py").string() + " < " +
                      (dir / "input.txt").string() + " > " + (dir / "output.txt").string();
    int status = std::system(cmd.c_str());
    REQUIRE_MESSAGE(status == 0, "the reference interpreter failed: ", cmd);
    std::vector<std::string> lines;
    std::ifstream out(dir / "output.txt");
    for (std::string line; std::getline(out, line);) lines.push_back(line);
    fs::remove_all(dir);
    return lines;
}

}  // namespace

TEST_CASE("random int and float operations and format specs agree with python3.11")
{
    start();
    std::vector<Case> cases = make_cases();
    std::vector<std::string> expected = run_oracle(cases);
    REQUIRE(expected.size() == cases.size());
    int failures = 0;
    for (std::size_t k = 0; k < cases.size(); k++) {
        std::string got = show(compute(cases[k]));
        if (got != expected[k] && ++failures <= 25) {
            std::string where = cases[k].op;
            for (const Operand& a : cases[k].args) where += " " + a.token;
            CAPTURE(where);
            CHECK(got == expected[k]);
        }
    }
    MESSAGE(cases.size(), " random operations compared, ", failures, " differences");
    CHECK(failures == 0);
}
