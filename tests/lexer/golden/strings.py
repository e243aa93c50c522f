# Every prefix, quotes, escapes, continuation lines, f-strings (one STRING in 3.11).
a = 'x' "y" '''z''' """w""" '' ""
b = r'\d' R"\w" u'u' U"U" b'b' B"B" br'br' Br"Br" rb'rb' Rb"Rb" bR'bR' RB"RB"
c = f'{a!r:>10}' F"{b}" fr'{a}\n' Rf"{b}" fR'x' RF"y"
d = 'it\'s' "say \"hi\"" '\\' "tab\there" 'caf\xe9' '\N{BULLET}'
e = 'one \
two'
f = """multi
line ' " '' "" \""" still
end"""
g = '''with a backslash \
newline'''
h = ('implicit'
     "concatenation")
