"""encodings.base64_codec: the bytes-to-bytes Base64 transform (binascii.b2a_base64 /
binascii.a2b_base64), reached through codecs.encode/decode only: not a text
encoding. minipy's own."""
import binascii
import codecs


def base64_encode(input, errors='strict'):
    assert errors == 'strict'
    return (binascii.b2a_base64(input), len(input))


def base64_decode(input, errors='strict'):
    assert errors == 'strict'
    return (binascii.a2b_base64(input), len(input))


class Codec(codecs.Codec):
    def encode(self, input, errors='strict'):
        return base64_encode(input, errors)

    def decode(self, input, errors='strict'):
        return base64_decode(input, errors)


class IncrementalEncoder(codecs.IncrementalEncoder):
    def encode(self, input, final=False):
        assert self.errors == 'strict'
        return binascii.b2a_base64(input)


class IncrementalDecoder(codecs.IncrementalDecoder):
    def decode(self, input, final=False):
        assert self.errors == 'strict'
        return binascii.a2b_base64(input)


class StreamWriter(Codec, codecs.StreamWriter):
    charbuffertype = bytes


class StreamReader(Codec, codecs.StreamReader):
    charbuffertype = bytes


def getregentry():
    return codecs.CodecInfo(name='base64', encode=base64_encode, decode=base64_decode,
                            incrementalencoder=IncrementalEncoder, incrementaldecoder=IncrementalDecoder,
                            streamwriter=StreamWriter, streamreader=StreamReader, _is_text_encoding=False)
