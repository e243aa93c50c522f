# textwrap: dedent and indent (the parts that need no re).
import textwrap

samples = [
    "  a\n    b\n  c",
    "\ta\n\tb",
    "  a\n\tb",
    "   \n  x\n\n  y\n   ",
    "no indent\n  x",
    "  x\r\n  y",
    "",
    "\n\n",
    "    a\n  \n    b\n",
    "        def f():\n            return 1\n",
]
for s in samples:
    print(repr(textwrap.dedent(s)))
    print(repr(textwrap.indent(s, "> ")))
    print(repr(textwrap.indent(s, "+", lambda line: True)))

print(textwrap.dedent('''\
    Hello there.
      This is indented.
    Back.
'''))
