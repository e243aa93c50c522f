# An exception raised while handling another: both tracebacks, joined by
# "During handling of the above exception, another exception occurred:".
def parse(text):
    try:
        return int(text)
    except ValueError:
        raise RuntimeError(f"cannot parse {text!r}")

print(parse("12"))
parse("twelve")
