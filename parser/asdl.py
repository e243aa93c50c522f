# asdl.py: a reader for the Zephyr ASDL files that describe the AST
# (parser/Python.asdl). Mirrors CPython 3.11 Parser/asdl.py. Book ch. 6.
#
# The result is a Module: a list of Type definitions, each either a Sum
# (several Constructors, plus attributes shared by all of them) or a Product
# (one record of fields). A Field has a type name, a name and a qualifier:
# '' (exactly one), '?' (optional) or '*' (a sequence).
import re
from dataclasses import dataclass, field as dc_field

BUILTIN_TYPES = {"identifier", "string", "int", "constant"}


@dataclass
class Field:
    type: str
    name: str
    qual: str = ""  # '', '?' or '*'

    @property
    def opt(self):
        return self.qual == "?"

    @property
    def seq(self):
        return self.qual == "*"


@dataclass
class Constructor:
    name: str
    fields: list = dc_field(default_factory=list)


@dataclass
class Sum:
    types: list
    attributes: list = dc_field(default_factory=list)

    @property
    def simple(self):
        # An enumeration: no constructor has fields (expr_context, operator).
        return not self.attributes and all(not c.fields for c in self.types)


@dataclass
class Product:
    fields: list
    attributes: list = dc_field(default_factory=list)


@dataclass
class Type:
    name: str
    value: object  # Sum or Product


@dataclass
class Module:
    name: str
    dfns: list

    def types(self):
        return {d.name: d.value for d in self.dfns}


_TOKEN = re.compile(r"\s*(?:(--[^\n]*)|([A-Za-z_][A-Za-z0-9_]*)|([=|(),?*{}])|(\S))")


class ASDLSyntaxError(Exception):
    pass


class _Reader:
    def __init__(self, text):
        self.tokens = []
        for m in _TOKEN.finditer(text):
            if m.group(1):
                continue  # comment
            if m.group(4):
                raise ASDLSyntaxError("unexpected character %r" % m.group(4))
            tok = m.group(2) or m.group(3)
            if tok:
                self.tokens.append(tok)
        self.pos = 0

    def peek(self):
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self, expected=None):
        tok = self.peek()
        if tok is None or (expected is not None and tok != expected):
            raise ASDLSyntaxError("expected %r, got %r" % (expected, tok))
        self.pos += 1
        return tok

    def module(self):
        if self.take() != "module":
            raise ASDLSyntaxError("an ASDL file starts with 'module'")
        name = self.take()
        self.take("{")
        dfns = []
        while self.peek() != "}":
            dfns.append(self.definition())
        self.take("}")
        return Module(name, dfns)

    def definition(self):
        name = self.take()
        self.take("=")
        if self.peek() == "(":
            value = Product(self.fields())
        else:
            ctors = [self.constructor()]
            while self.peek() == "|":
                self.take()
                ctors.append(self.constructor())
            value = Sum(ctors)
        if self.peek() == "attributes":
            self.take()
            value.attributes = self.fields()
        return Type(name, value)

    def constructor(self):
        name = self.take()
        return Constructor(name, self.fields() if self.peek() == "(" else [])

    def fields(self):
        self.take("(")
        result = []
        while True:
            ftype = self.take()
            qual = ""
            if self.peek() in ("?", "*"):
                qual = self.take()
            result.append(Field(ftype, self.take(), qual))
            if self.peek() == ")":
                self.take()
                return result
            self.take(",")


def parse(path):
    with open(path, encoding="utf-8") as f:
        module = _Reader(f.read()).module()
    known = set(module.types()) | BUILTIN_TYPES
    for d in module.dfns:
        value = d.value
        ctors = value.types if isinstance(value, Sum) else [Constructor(d.name, value.fields)]
        for c in ctors:
            for f in c.fields + value.attributes:
                if f.type not in known:
                    raise ASDLSyntaxError("%s.%s: unknown type %s" % (c.name, f.name, f.type))
    return module
