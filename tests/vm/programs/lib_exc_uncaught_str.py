# An uncaught exception whose __str__ fails, after caught ones with odd messages.
class Odd(Exception):
    def __str__(self):
        return "multi\nline\nmessage"


class Empty(Exception):
    def __str__(self):
        return ""


class Broken(Exception):
    def __str__(self):
        raise RuntimeError("str failed")


for cls in (Odd, Empty):
    try:
        raise cls("ignored")
    except Exception as e:
        print(repr(str(e)), repr(e))
try:
    raise Broken("x")
except Exception as e:
    try:
        str(e)
    except RuntimeError as inner:
        print("str raised", inner)
    print(repr(e))
raise Broken("never shown")
