# String constants and identity: _PyCode_New interns the constants that look
# like identifiers (ASCII letters, digits, '_'), also inside tuple and
# frozenset constants, so they are the interned object wherever they come
# from (another module's code, exec'd code, sys.intern); other strings are
# shared only within one compilation (the compiler's constant cache).
import sys

def f():
    return 'loaded'

def g():
    return ('loaded', 'other_name', 'with space')

def h():
    return frozenset({'member_x', 'member_y'})

loaded = 'loaded'
print(loaded is f(), f() is g()[0])
print(sys.intern('other_name') is g()[1])
print(sys.intern('loaded') is f())
ns = {}
exec("def k():\n    return 'loaded', 'with space', ('other_name', 'x1')", ns)
a, b, (c, d) = ns['k']()
print(a is f(), c is g()[1], d is sys.intern('x1'))
print(b == g()[2])
print(sorted(h()), all(sys.intern(m) is m for m in h()))
code = compile("x = 'fresh_' 'name'\ny = 'fresh_name'", '<s>', 'exec')
exec(code, ns)
print(ns['x'] is ns['y'], ns['x'] is sys.intern('fresh_name'))
abc = 'abc'
print('caf\u00e9' == 'café', ''.join(['ab', 'c']) is abc)
