"""encodings._utf_bom: the codec classes of UTF-16 and UTF-32 with a byte
order mark, shared by encodings.utf_16 and encodings.utf_32. minipy's own.

Encoding writes the mark (native order, little-endian here) once, at the
start; decoding reads the order from the mark, and the incremental decoder
and the stream reader insist on one.
"""
import codecs
import sys


def codec_classes(bits, encode, encode_le, encode_be, ex_decode, decode_le, decode_be):
    """(IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader)
    for UTF-<bits>, from its _codecs functions."""
    unit = bits // 8
    no_bom = "UTF-%d stream does not start with BOM" % bits
    _native_encode = encode_le if sys.byteorder == 'little' else encode_be

    class IncrementalEncoder(codecs.IncrementalEncoder):
        def __init__(self, errors='strict'):
            codecs.IncrementalEncoder.__init__(self, errors)
            self.encoder = None  # None until the mark is written

        def encode(self, input, final=False):
            if self.encoder is None:
                result = encode(input, self.errors)[0]
                self.encoder = _native_encode
                return result
            return self.encoder(input, self.errors)[0]

        def reset(self):
            codecs.IncrementalEncoder.reset(self)
            self.encoder = None

        def getstate(self):
            # 2: the mark is still to be written; 0: it has been.
            return 2 if self.encoder is None else 0

        def setstate(self, state):
            self.encoder = None if state else _native_encode

    class IncrementalDecoder(codecs.BufferedIncrementalDecoder):
        def __init__(self, errors='strict'):
            codecs.BufferedIncrementalDecoder.__init__(self, errors)
            self.decoder = None  # None until the mark has been read

        def _buffer_decode(self, input, errors, final):
            if self.decoder is None:
                output, consumed, byteorder = ex_decode(input, errors, 0, final)
                if byteorder == -1:
                    self.decoder = decode_le
                elif byteorder == 1:
                    self.decoder = decode_be
                elif consumed >= unit:
                    raise UnicodeError(no_bom)
                return (output, consumed)
            return self.decoder(input, self.errors, final)

        def reset(self):
            codecs.BufferedIncrementalDecoder.reset(self)
            self.decoder = None

        def getstate(self):
            # Flags: 2 before the mark; else whether the order read differs
            # from the native one.
            state = codecs.BufferedIncrementalDecoder.getstate(self)[0]
            if self.decoder is None:
                return (state, 2)
            other = (sys.byteorder == "big") != (self.decoder is decode_be)
            return (state, int(other))

        def setstate(self, state):
            codecs.BufferedIncrementalDecoder.setstate(self, state)
            native, other = (decode_be, decode_le) if sys.byteorder == "big" else (decode_le, decode_be)
            self.decoder = {0: native, 1: other}.get(state[1])

    class StreamWriter(codecs.StreamWriter):
        def __init__(self, stream, errors='strict'):
            self.encoder = None
            codecs.StreamWriter.__init__(self, stream, errors)

        def reset(self):
            self.encoder = None

        def encode(self, input, errors='strict'):
            if self.encoder is None:
                result = encode(input, errors)
                self.encoder = _native_encode
                return result
            return self.encoder(input, errors)

    class StreamReader(codecs.StreamReader):
        def reset(self):
            codecs.StreamReader.reset(self)
            try:
                del self.decode
            except AttributeError:
                pass

        def decode(self, input, errors='strict'):
            output, consumed, byteorder = ex_decode(input, errors, 0, False)
            if byteorder == -1:
                self.decode = decode_le
            elif byteorder == 1:
                self.decode = decode_be
            elif consumed >= unit:
                raise UnicodeError(no_bom)
            return (output, consumed)

    module = 'encodings.utf_%d' % bits
    for cls in (IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader):
        cls.__module__ = module
    return IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader
