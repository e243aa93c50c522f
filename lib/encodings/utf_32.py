"""encodings.utf_32: UTF-32 with a byte order mark. minipy's own.

Encoding writes the mark (native order, little-endian here) once, at the
start; decoding reads the order from the mark, and the incremental decoder
and the stream reader insist on one.
"""
import codecs
import sys

encode = codecs.utf_32_encode


def decode(input, errors='strict'):
    return codecs.utf_32_decode(input, errors, True)


_native_encode = codecs.utf_32_le_encode if sys.byteorder == 'little' else codecs.utf_32_be_encode


class IncrementalEncoder(codecs.IncrementalEncoder):
    def __init__(self, errors='strict'):
        codecs.IncrementalEncoder.__init__(self, errors)
        self.encoder = None  # None until the mark is written

    def encode(self, input, final=False):
        if self.encoder is None:
            result = codecs.utf_32_encode(input, self.errors)[0]
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
            output, consumed, byteorder = codecs.utf_32_ex_decode(input, errors, 0, final)
            if byteorder == -1:
                self.decoder = codecs.utf_32_le_decode
            elif byteorder == 1:
                self.decoder = codecs.utf_32_be_decode
            elif consumed >= 4:
                raise UnicodeError("UTF-32 stream does not start with BOM")
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
        other = (sys.byteorder == "big") != (self.decoder is codecs.utf_32_be_decode)
        return (state, int(other))

    def setstate(self, state):
        codecs.BufferedIncrementalDecoder.setstate(self, state)
        flags = state[1]
        if flags == 0:
            self.decoder = codecs.utf_32_be_decode if sys.byteorder == "big" else codecs.utf_32_le_decode
        elif flags == 1:
            self.decoder = codecs.utf_32_le_decode if sys.byteorder == "big" else codecs.utf_32_be_decode
        else:
            self.decoder = None


class StreamWriter(codecs.StreamWriter):
    def __init__(self, stream, errors='strict'):
        self.encoder = None
        codecs.StreamWriter.__init__(self, stream, errors)

    def reset(self):
        self.encoder = None

    def encode(self, input, errors='strict'):
        if self.encoder is None:
            result = codecs.utf_32_encode(input, errors)
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
        output, consumed, byteorder = codecs.utf_32_ex_decode(input, errors, 0, False)
        if byteorder == -1:
            self.decode = codecs.utf_32_le_decode
        elif byteorder == 1:
            self.decode = codecs.utf_32_be_decode
        elif consumed >= 4:
            raise UnicodeError("UTF-32 stream does not start with BOM")
        return (output, consumed)


def getregentry():
    return codecs.CodecInfo(name='utf-32', encode=encode, decode=decode,
                            incrementalencoder=IncrementalEncoder, incrementaldecoder=IncrementalDecoder,
                            streamreader=StreamReader, streamwriter=StreamWriter)
