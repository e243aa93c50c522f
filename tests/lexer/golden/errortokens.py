# tokenize.py accepts what the compiler refuses: ERRORTOKEN lines, and on.
x = $ + ?
y = a€
z = 'unterminated
w = !x
