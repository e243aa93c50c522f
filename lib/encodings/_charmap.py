"""encodings._charmap: the codec classes of the single-byte charmap codecs
(cp1252, iso8859_15, cp437, ...), shared by their generated modules.

minipy's own (book chapter 12): CPython repeats the same classes in each
codec module; here each module calls codec_classes() with its name and
its 256-character decoding table (U+FFFE marks an undefined byte).
"""
import codecs


def codec_classes(name, decoding_table):
    """(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter,
    StreamReader, encoding_table, getregentry) for one charmap codec."""
    encoding_table = codecs.charmap_build(decoding_table)

    class Codec(codecs.Codec):
        def encode(self, input, errors='strict'):
            return codecs.charmap_encode(input, errors, encoding_table)

        def decode(self, input, errors='strict'):
            return codecs.charmap_decode(input, errors, decoding_table)

    class IncrementalEncoder(codecs.IncrementalEncoder):
        def encode(self, input, final=False):
            return codecs.charmap_encode(input, self.errors, encoding_table)[0]

    class IncrementalDecoder(codecs.IncrementalDecoder):
        def decode(self, input, final=False):
            return codecs.charmap_decode(input, self.errors, decoding_table)[0]

    class StreamWriter(Codec, codecs.StreamWriter):
        pass

    class StreamReader(Codec, codecs.StreamReader):
        pass

    module = 'encodings.' + name.replace('-', '_')
    for cls in (Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader):
        cls.__module__ = module

    def getregentry():
        return codecs.CodecInfo(
            name=name,
            encode=Codec().encode,
            decode=Codec().decode,
            incrementalencoder=IncrementalEncoder,
            incrementaldecoder=IncrementalDecoder,
            streamreader=StreamReader,
            streamwriter=StreamWriter,
        )

    return Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader, encoding_table, getregentry
