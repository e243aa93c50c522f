"""encodings.ascii: the ASCII codec (native: _codecs.ascii_encode/ascii_decode). minipy's own."""
import codecs


class Codec(codecs.Codec):
    encode = codecs.ascii_encode
    decode = codecs.ascii_decode


encode = codecs.ascii_encode
decode = codecs.ascii_decode


class IncrementalEncoder(codecs.IncrementalEncoder):
    def encode(self, input, final=False):
        return codecs.ascii_encode(input, self.errors)[0]


class IncrementalDecoder(codecs.IncrementalDecoder):
    def decode(self, input, final=False):
        return codecs.ascii_decode(input, self.errors)[0]


class StreamWriter(Codec, codecs.StreamWriter):
    pass


class StreamReader(Codec, codecs.StreamReader):
    decode = codecs.ascii_decode


def getregentry():
    return codecs.CodecInfo(name='ascii', encode=encode, decode=decode,
                            incrementalencoder=IncrementalEncoder, incrementaldecoder=IncrementalDecoder,
                            streamreader=StreamReader, streamwriter=StreamWriter)
