# binascii: each codec on a known text, round trips, the checksums of zlib
# and BinHex, and the errors of bad input (modules/binascii.cpp).
import binascii

text = b"The quick brown fox jumps over the lazy dog"
print(binascii.b2a_base64(text))
print(binascii.a2b_base64(binascii.b2a_base64(text)) == text)
print(binascii.b2a_uu(text))
print(binascii.a2b_uu(binascii.b2a_uu(text)) == text)
print(binascii.hexlify(text[:8]), binascii.hexlify(text[:8], "-", 2))
print(binascii.unhexlify("54686520"), binascii.a2b_hex(b"DEADbeef"))
print(binascii.crc32(text), binascii.crc32(text[20:], binascii.crc32(text[:20])))
print(binascii.crc_hqx(text, 0), binascii.crc_hqx(text, 0xFFFF))
qp = binascii.b2a_qp(b"caf\xe9 = coffee \nline two\t\n" + b"x" * 80)
print(qp)
print(binascii.a2b_qp(qp))
print(binascii.b2a_qp(b"a_b c", header=True), binascii.a2b_qp(b"a_b=20c", header=True))

for bad in ["ab=c", "=abc", "abcde", "ab==cd"]:
    for strict in (False, True):
        try:
            print(bad, strict, binascii.a2b_base64(bad, strict_mode=strict))
        except binascii.Error as e:
            print(bad, strict, "Error:", e)
for call in (lambda: binascii.unhexlify("abc"), lambda: binascii.b2a_uu(b"x" * 46),
             lambda: binascii.a2b_uu("é"), lambda: binascii.b2a_base64("text"),
             lambda: binascii.crc32(), lambda: binascii.a2b_hex(3)):
    try:
        call()
    except (binascii.Error, TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(issubclass(binascii.Error, ValueError), binascii.Incomplete.__mro__[1].__name__)
