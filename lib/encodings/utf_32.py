"""encodings.utf_32: UTF-32 with a byte order mark (the classes are
encodings._utf_bom's). minipy's own."""
import codecs

from encodings import _utf_bom

encode = codecs.utf_32_encode


def decode(input, errors='strict'):
    return codecs.utf_32_decode(input, errors, True)


IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader = _utf_bom.codec_classes(
    32, codecs.utf_32_encode, codecs.utf_32_le_encode, codecs.utf_32_be_encode,
    codecs.utf_32_ex_decode, codecs.utf_32_le_decode, codecs.utf_32_be_decode)


def getregentry():
    return codecs.CodecInfo(name='utf-32', encode=encode, decode=decode,
                            incrementalencoder=IncrementalEncoder, incrementaldecoder=IncrementalDecoder,
                            streamreader=StreamReader, streamwriter=StreamWriter)
