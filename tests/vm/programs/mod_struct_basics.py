# struct: pack/unpack/calcsize in every byte order, alignment, counts,
# Struct objects, the buffer functions and CPython's error messages.
import struct


def show(label, f, *args):
    try:
        print(label, f(*args))
    except Exception as e:
        print(label, type(e).__name__, e)


print(sorted(struct.__all__))
print(struct.error.__module__, struct.error.__name__, issubclass(struct.error, Exception))

codes = 'xcbB?hHiIlLqQnNefdspP'
for order in '@=<>!':
    for c in codes:
        show('calcsize', struct.calcsize, order + c)
for fmt in ['ci', 'cq', 'hd', 'bhiq', 'i x', '3s4p', '0s', '2x3i', '', '  ', 'c h', '@?Q', '=?Q', '10c']:
    show('calcsize ' + repr(fmt), struct.calcsize, fmt)

values = {
    'b': [-128, 0, 127], 'B': [0, 200, 255], 'h': [-32768, 12345, 32767], 'H': [0, 65535],
    'i': [-2**31, 7, 2**31 - 1], 'I': [0, 2**32 - 1], 'l': [-5, 2**31 - 1], 'L': [0, 2**32 - 1],
    'q': [-2**63, 2**63 - 1], 'Q': [0, 2**64 - 1, 2**63], '?': [True, False, 0, 'x', []],
    'e': [0.0, -0.0, 1.5, 65504.0, 6e-8, 1e-10, float('inf'), -float('inf')],
    'f': [0.1, -2.5, 3.4e38, float('inf')], 'd': [0.1, -1e300, float('-inf')],
    'c': [b'a', b'\x00', bytearray(b'z')],
}
for order in '@<>!=':
    for c, vals in values.items():
        for v in vals:
            try:
                b = struct.pack(order + c, v)
                print(order + c, repr(v), b.hex(), struct.unpack(order + c, b))
            except Exception as e:
                print(order + c, repr(v), type(e).__name__, e)
for c in 'nNP':
    for v in (-1, 0, 2**40):
        show('@' + c + ' ' + repr(v), lambda c=c, v=v: struct.unpack('@' + c, struct.pack('@' + c, v)))

# Strings.
for fmt, v in [('5s', b'ab'), ('2s', b'abcdef'), ('0s', b'x'), ('5p', b'ab'), ('3p', b'abcdef'),
               ('1p', b'abc'), ('s', b''), ('3s', bytearray(b'xyz')), ('300p', b'q' * 299)]:
    b = struct.pack(fmt, v)
    print(fmt, b[:8].hex(), len(b), struct.unpack(fmt, b)[0][:10])
print(struct.unpack('3p', b'\x09ab'), struct.unpack('4p', b'\x01abc'))

# Alignment and mixed formats.
print(struct.pack('bi', 1, 2).hex(), struct.pack('=bi', 1, 2).hex(), struct.pack('>bi', 1, 2).hex())
print(struct.pack('c?hq', b'x', True, -2, 3).hex())
print(struct.unpack('<3h2xd', struct.pack('<3h2xd', 1, -2, 3, 4.25)))
print(struct.pack('>Q', 0x0102030405060708).hex(), struct.pack('<Q', 0x0102030405060708).hex())
print(struct.unpack('>e', b'\x7e\x00'), struct.unpack('<e', b'\x01\x00'), struct.unpack('>e', b'\xfc\x00'))
print(struct.unpack('>f', b'\x7f\xc0\x00\x00'), struct.pack('>e', float('nan')).hex())

# Index objects are integers; floats and strs are not.
class Idx:
    def __index__(self):
        return 42
print(struct.pack('<i', Idx()).hex(), struct.pack('<d', 3).hex(), struct.pack('?', Idx()))

# Errors.
bad = [('b', 128), ('b', -129), ('B', -1), ('B', 256), ('h', 2**15), ('H', -1), ('i', 2**31),
       ('i', 2**70), ('I', -1), ('I', 2**32), ('<l', 2**31), ('<L', 2**32), ('l', 2**63), ('L', -1),
       ('q', 2**63), ('Q', -1), ('Q', 2**64), ('n', 2**63), ('N', -1), ('i', 1.5), ('i', '1'),
       ('i', None), ('d', 'x'), ('f', None), ('<f', 1e300), ('@f', 1e300), ('e', 1e10), ('e', 65520.0),
       ('>h', 2**15), ('>H', -1), ('>H', 2**63), ('!i', -2**31 - 1), ('>q', 2**64), ('!Q', -1), ('<H', -1),
       ('=h', 2**15), ('<q', 2**64), ('>b', 200), ('>B', -1),
       ('c', b'ab'), ('c', 'a'), ('c', 1), ('s', 'a'), ('p', 1), ('P', 2**64), ('P', -2**63 - 1)]
for fmt, v in bad:
    show('pack %s %r' % (fmt, v if not isinstance(v, int) or abs(v) < 2**40 else 'big'), struct.pack, fmt, v)
for fmt in ['3', 'z', '<P', '!n', '=N', '@@i', 'i3', '2 i']:
    show('format ' + repr(fmt), struct.calcsize, fmt)
show('count', struct.pack, 'ii', 1)
show('count', struct.pack, 'i', 1, 2)
show('nofmt', struct.pack, 1)
show('unpack size', struct.unpack, 'i', b'abc')
show('unpack size', struct.unpack, '>h', b'abc')
show('unpack type', struct.unpack, 'i', 'abcd')
show('unpack_from', struct.unpack_from, 'i', b'abcdef', 3)
show('unpack_from', struct.unpack_from, 'i', b'abcdef', 2)
show('unpack_from', struct.unpack_from, 'i', b'abcdef', -4)
show('unpack_from', struct.unpack_from, 'i', b'abcdef', -3)
show('unpack_from', struct.unpack_from, 'i', b'abcdef', -7)
show('unpack_from', struct.unpack_from, '<h', buffer=b'\x01\x02\x03', offset=1)
show('unpack_from', struct.unpack_from, '<h', b'\x01\x02\x03')
show('unpack_from', struct.unpack_from, 'i', b'abcd', 'x')

ba = bytearray(8)
struct.pack_into('<hh', ba, 2, 1, -1)
print(ba.hex())
struct.pack_into('<h', ba, -2, 0x7777)
print(ba.hex())
show('pack_into', struct.pack_into, '<i', ba, 6, 1)
show('pack_into', struct.pack_into, '<i', ba, -2, 1)
show('pack_into', struct.pack_into, '<i', ba, -20, 1)
show('pack_into', struct.pack_into, '<i', b'12345678', 0, 1)
show('pack_into', struct.pack_into, '<ii', ba, 0, 1)
show('pack_into', struct.pack_into, '<i', ba)
show('pack_into', struct.pack_into, '<i')

print(list(struct.iter_unpack('<hb', b'\x01\x00\x02\x03\x00\x04')))
show('iter_unpack', struct.iter_unpack, 'i', b'abcde')
show('iter_unpack', struct.iter_unpack, '', b'abcde')
print(list(struct.iter_unpack('<H', memoryview(b'\x01\x00\xff\xff'))))

# Struct objects.
s = struct.Struct('<hq')
print(type(s).__name__, s.format, s.size, s.pack(1, 2).hex(), s.unpack(s.pack(-1, -2)))
print(s.unpack_from(b'\x00' + s.pack(3, 4), 1), s.unpack_from(b'\x00' * 20, offset=5))
print([t for t in s.iter_unpack(s.pack(1, 2) * 3)])
buf = bytearray(12)
s.pack_into(buf, 1, 5, 6)
print(buf.hex())
print(struct.Struct(b'>I').format, struct.Struct(format='2s').size)
show('Struct', struct.Struct, 1)
show('Struct', struct.Struct, 'k')
show('Struct', s.pack, 1)
show('Struct', s.unpack, b'')

class MyStruct(struct.Struct):
    pass
m = MyStruct('>H')
print(type(m).__name__, m.pack(258).hex(), isinstance(m, struct.Struct))
print(struct.unpack('<i', memoryview(struct.pack('<i', -7))), struct.unpack('4s', bytearray(b'abcd')))

# The lazy iterator and pack_into's partial writes.
it = struct.iter_unpack('<h', b'\x01\x00\x02\x00')
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
show('unpack_iterator', type(it))
show('Struct()', struct.Struct)
ba = bytearray(b'\xff' * 8)
show('partial', struct.pack_into, '<hhh', ba, 0, 1, 'x', 3)
print(ba.hex())
ba = bytearray(4)
it = struct.iter_unpack('<h', ba)
show('resize', ba.append, 1)
print(list(it))
ba.append(1)
print(ba)
