"""encodings.unicode_escape: Python string-literal escapes over Latin-1 (native: _codecs.unicode_escape_encode/unicode_escape_decode). minipy's own."""
import codecs


class Codec(codecs.Codec):
    encode = codecs.unicode_escape_encode
    decode = codecs.unicode_escape_decode


encode = codecs.unicode_escape_encode
def decode(input, errors='strict'):
    return codecs.unicode_escape_decode(input, errors, True)


class IncrementalEncoder(codecs.IncrementalEncoder):
    def encode(self, input, final=False):
        return codecs.unicode_escape_encode(input, self.errors)[0]


class IncrementalDecoder(codecs.BufferedIncrementalDecoder):
    _buffer_decode = codecs.unicode_escape_decode


class StreamWriter(Codec, codecs.StreamWriter):
    pass


class StreamReader(Codec, codecs.StreamReader):
    decode = codecs.unicode_escape_decode


def getregentry():
    return codecs.CodecInfo(name='unicode-escape', encode=encode, decode=decode,
                            incrementalencoder=IncrementalEncoder, incrementaldecoder=IncrementalDecoder,
                            streamreader=StreamReader, streamwriter=StreamWriter)
