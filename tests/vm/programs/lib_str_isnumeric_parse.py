# Validating and parsing numeric text with str predicates and int()/float() together.
inputs = ["42", "-42", "+7", "3.14", "1e5", " 12 ", "1_000", "\u0664\u0662", "\u00bd", "\u2167", "0x1f", "", "--1", "nan", "inf", "12abc"]
for s in inputs:
    as_int = as_float = "-"
    try:
        as_int = int(s)
    except ValueError:
        as_int = "ValueError"
    try:
        as_float = float(s)
    except ValueError:
        as_float = "ValueError"
    print(ascii(s).ljust(12), s.isdigit(), s.isdecimal(), s.isnumeric(), s.strip().lstrip("+-").isdigit(), as_int, as_float)


def parse_number(text):
    text = text.strip()
    if not text:
        raise ValueError("empty input")
    sign = -1 if text.startswith("-") else 1
    body = text.lstrip("+-")
    if body.isdecimal():
        return sign * int(body)
    whole, dot, frac = body.partition(".")
    if dot and (whole.isdecimal() or not whole) and frac.isdecimal():
        return sign * float(body)
    raise ValueError(f"not a number: {text!r}")


for s in ["10", "-3.5", ".5", "+8", "4.", "x", " "]:
    try:
        print(repr(s), parse_number(s))
    except ValueError as e:
        print(repr(s), type(e).__name__, e)
parse_number("1.2.3")
