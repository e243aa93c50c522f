# Every operator and delimiter of token.EXACT_TOKEN_TYPES.
a = b + c - d * e / f // g % h ** i @ j
a += 1; a -= 1; a *= 1; a /= 1; a //= 1; a %= 1; a **= 1; a @= 1
a &= 1; a |= 1; a ^= 1; a >>= 1; a <<= 1
x = (a & b) | (c ^ ~d) << 2 >> 1
y = a < b <= c > d >= e == f != g
def f(x: int, *, y=...) -> None: pass
if (n := len(a)) > 10: z = {1: [2, 3]}; w = a.b
