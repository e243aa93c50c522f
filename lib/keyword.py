# keyword.py: Python's keywords and soft keywords, as the 3.11 grammar
# has them (parser/python.gram). minipy's own module with the API of
# CPython 3.11's Lib/keyword.py (there generated from the grammar; here
# written out). Book chapter 12.

__all__ = ["iskeyword", "issoftkeyword", "kwlist", "softkwlist"]

kwlist = [
    'False', 'None', 'True',
    'and', 'as', 'assert', 'async', 'await',
    'break', 'class', 'continue', 'def', 'del',
    'elif', 'else', 'except', 'finally', 'for', 'from',
    'global', 'if', 'import', 'in', 'is', 'lambda',
    'nonlocal', 'not', 'or', 'pass', 'raise', 'return',
    'try', 'while', 'with', 'yield',
]

# Keywords only in some positions (match statements); still names elsewhere.
softkwlist = ['_', 'case', 'match']

iskeyword = frozenset(kwlist).__contains__
issoftkeyword = frozenset(softkwlist).__contains__
