# textwrap: wrap, fill, shorten and TextWrapper's options.
import textwrap

text = ("The quick brown fox -- a well-known e-mail user -- jumped over the lazy dog. "
        "Then supercalifragilisticexpialidocious things happened!  Look, goof-ball: use the -b option.")
for width in (10, 20, 35, 70):
    print(textwrap.wrap(text, width))
print(textwrap.fill(text, 30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.fill(text, 25, break_on_hyphens=False, break_long_words=False))
print(textwrap.wrap(text, 20, max_lines=3), textwrap.wrap(text, 20, max_lines=2, placeholder="..."))
print(textwrap.wrap("tab\there and\tthere", 12, tabsize=4), textwrap.wrap("a\tb", 10, expand_tabs=False))
print(textwrap.fill("end. Next. Mr. Smith", 60, fix_sentence_endings=True))
print(textwrap.wrap("   leading and trailing   ", 10, drop_whitespace=False))
print(textwrap.shorten("Hello  world!", width=12), textwrap.shorten("Hello  world!", width=11))
w = textwrap.TextWrapper(width=15)
print(w.wrap("one two three four five six"), w._split("goof-ball x--y -b"))
for bad in (lambda: textwrap.wrap("x", 0), lambda: textwrap.wrap("abc", 5, max_lines=1, placeholder=" [long]")):
    try:
        bad()
    except ValueError as e:
        print(e)
