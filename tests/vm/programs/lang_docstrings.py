# Docstrings: only a string literal as the first statement is a docstring;
# f-strings, concatenations with non-literals and later strings are not.
"""Module docstring."""

def plain():
    """Plain docstring."""

def not_first():
    x = 1
    """Not a docstring."""

def fstring_doc():
    f"""f-string is not a docstring"""

def concatenated():
    "implicit" " concatenation"

def bytes_doc():
    b"bytes are not docstrings"

class WithDoc:
    """Class docstring."""
    def method(self):
        'single-quoted method docstring'

class NoDoc:
    x = 1

print(repr(__doc__), repr(plain.__doc__), repr(not_first.__doc__), repr(fstring_doc.__doc__))
print(repr(concatenated.__doc__), repr(bytes_doc.__doc__), repr(WithDoc.__doc__), repr(WithDoc.method.__doc__))
print(repr(NoDoc.__doc__), repr((lambda: "lambda body").__doc__))
print(plain.__code__.co_consts[0] if plain.__code__.co_consts else None)
plain.__doc__ = "changed"
print(plain.__doc__)
