"""encodings.utf_16: UTF-16 with a byte order mark (the classes are
encodings._utf_bom's). minipy's own."""
import codecs

from encodings import _utf_bom

encode = codecs.utf_16_encode


def decode(input, errors='strict'):
    return codecs.utf_16_decode(input, errors, True)


IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader = _utf_bom.codec_classes(
    16, codecs.utf_16_encode, codecs.utf_16_le_encode, codecs.utf_16_be_encode,
    codecs.utf_16_ex_decode, codecs.utf_16_le_decode, codecs.utf_16_be_decode)


def getregentry():
    return codecs.CodecInfo(name='utf-16', encode=encode, decode=decode,
                            incrementalencoder=IncrementalEncoder, incrementaldecoder=IncrementalDecoder,
                            streamreader=StreamReader, streamwriter=StreamWriter)
