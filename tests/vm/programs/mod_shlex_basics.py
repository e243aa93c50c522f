# shlex: split/quote/join, the shlex class in classic and POSIX modes,
# punctuation_chars, source inclusion through sourcehook, pushed sources,
# error_leader (lib/shlex.py; book ch. 12).
import io, os, shlex, tempfile

print(shlex.split('ls -l "my file" \'it\'\'s\' a\\ b # not a comment'))
print(shlex.split('ls -l # a comment', comments=True))
print(shlex.split('a "b c" d', posix=False))
for bad in ('"open', "it's", 'trailing\\'):
    try:
        shlex.split(bad)
    except ValueError as e:
        print(repr(bad), 'ValueError:', e)
print(shlex.quote(''), shlex.quote('safe-word_1.2/x'), shlex.quote("it's $HOME"), shlex.quote('ä'))
print(shlex.join(['echo', 'two words', "don't", '']))

lex = shlex.shlex('a && b || (c; d) > out.txt', punctuation_chars=True)
print(list(lex))
lex = shlex.shlex('~/a.txt;ls', posix=True, punctuation_chars=';')
print(list(lex), lex.punctuation_chars)
lex = shlex.shlex('one two\nthree # comment\nfour')
print(lex.get_token(), lex.lineno)
lex.push_token('pushed')
print(lex.get_token(), lex.get_token(), lex.get_token(), lex.lineno, repr(lex.get_token()), lex.lineno,
      repr(lex.get_token()))
print(lex.error_leader(), lex.error_leader('file.cfg', 7))

with tempfile.TemporaryDirectory() as d:
    inc = os.path.join(d, 'inc.txt')
    with open(inc, 'w') as f:
        f.write('inner1 inner2\n')
    main = os.path.join(d, 'main.txt')
    with open(main, 'w') as f:
        f.write('before source "inc.txt" after\n')
    with open(main) as f:
        lex = shlex.shlex(f, main, posix=True)
        lex.source = 'source'
        print(list(lex))

lex = shlex.shlex('outer1 outer2')
print(lex.get_token())
lex.push_source('pushed1 pushed2')
print(lex.get_token(), lex.get_token(), lex.get_token(), repr(lex.get_token()))
lex = shlex.shlex(io.StringIO('x "y z"'), posix=True)
lex.wordchars += '-'
lex.whitespace = ' '
print(list(lex), lex.eof, lex.state)
lex = shlex.shlex('a,b,c', posix=True)
lex.whitespace = ','
lex.whitespace_split = True
print(list(lex))
lex = shlex.shlex('a"b"c \'d\'', posix=True)
print(list(lex))
lex = shlex.shlex('w "x\\"y" z', posix=True)
lex.escapedquotes = '"\''
print(list(lex))
