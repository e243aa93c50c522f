# Hashes that Python guarantees: empty str/bytes hash to 0, str and bytes of the same text agree,
# small ints hash to themselves, -1 maps to -2, tuples combine deterministically.
print(hash(""), hash(b""), hash("abc") == hash(b"abc".decode()), hash(b"abc") == hash(bytes(b"abc")))
print(hash("a") == hash("a"[:]), hash("x" * 100) == hash("x" * 100), hash(b"\xff") == hash(bytearray(b"\xff").__bytes__()) if hasattr(bytearray, "__bytes__") else True)
print([hash(n) for n in (0, 1, -1, -2, 2**61 - 2, 2**61 - 1, 2**61, -(2**61))])
print(hash(1.5), hash(-1.5), hash(0.1), hash(1e300), hash(2.0**70) == hash(2**70))
print(hash((1, 2, 3)), hash(()), hash((None,)) == hash((None,)), hash(((1,),)))
print(hash(True), hash(False), hash(3 + 0j), hash(1j), hash(-1j), hash(complex(1, 1)))
print(hash(frozenset()), hash(range(3)) == hash(range(0, 3)), hash(range(0)) == hash(range(5, 5)))
print(hash(slice) == hash(slice), type(hash(object())).__name__, hash(hash) == hash(hash))
print(len({hash(str(i)) for i in range(100)}) == 100, {"a": 1}.get("a"), {b"a": 1}.get(b"a"), "a" in {b"a": 1})
try:
    hash(bytearray(b"x"))
except TypeError as e:
    print(type(e).__name__, e)
hash(({},))
