"""encodings.rot_13: the str-to-str rot13 transform (letters rotated by 13
places), reached through codecs.encode/decode only: not a text encoding.
minipy's own."""
import codecs

_letters = 'abcdefghijklmnopqrstuvwxyz'
rot13_map = str.maketrans(_letters + _letters.upper(),
                          _letters[13:] + _letters[:13] + _letters.upper()[13:] + _letters.upper()[:13])


class Codec(codecs.Codec):
    def encode(self, input, errors='strict'):
        return (str.translate(input, rot13_map), len(input))

    def decode(self, input, errors='strict'):
        return (str.translate(input, rot13_map), len(input))


class IncrementalEncoder(codecs.IncrementalEncoder):
    def encode(self, input, final=False):
        return str.translate(input, rot13_map)


class IncrementalDecoder(codecs.IncrementalDecoder):
    def decode(self, input, final=False):
        return str.translate(input, rot13_map)


class StreamWriter(Codec, codecs.StreamWriter):
    pass


class StreamReader(Codec, codecs.StreamReader):
    pass


def getregentry():
    return codecs.CodecInfo(name='rot-13', encode=Codec().encode, decode=Codec().decode,
                            incrementalencoder=IncrementalEncoder, incrementaldecoder=IncrementalDecoder,
                            streamwriter=StreamWriter, streamreader=StreamReader, _is_text_encoding=False)


def rot13(infile, outfile):
    outfile.write(codecs.encode(infile.read(), 'rot-13'))
