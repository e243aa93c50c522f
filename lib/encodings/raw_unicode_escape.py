"""encodings.raw_unicode_escape: Latin-1 with \\uXXXX and \\UXXXXXXXX escapes (native: _codecs.raw_unicode_escape_encode/raw_unicode_escape_decode). minipy's own."""
import codecs


class Codec(codecs.Codec):
    encode = codecs.raw_unicode_escape_encode
    decode = codecs.raw_unicode_escape_decode


encode = codecs.raw_unicode_escape_encode
def decode(input, errors='strict'):
    return codecs.raw_unicode_escape_decode(input, errors, True)


class IncrementalEncoder(codecs.IncrementalEncoder):
    def encode(self, input, final=False):
        return codecs.raw_unicode_escape_encode(input, self.errors)[0]


class IncrementalDecoder(codecs.BufferedIncrementalDecoder):
    _buffer_decode = codecs.raw_unicode_escape_decode


class StreamWriter(Codec, codecs.StreamWriter):
    pass


class StreamReader(Codec, codecs.StreamReader):
    decode = codecs.raw_unicode_escape_decode


def getregentry():
    return codecs.CodecInfo(name='raw-unicode-escape', encode=encode, decode=decode,
                            incrementalencoder=IncrementalEncoder, incrementaldecoder=IncrementalDecoder,
                            streamreader=StreamReader, streamwriter=StreamWriter)
