# An uncaught exception whose context and cause chain is printed in full,
# with the separators CPython uses.
def parse(text):
    return int(text)

def load(config):
    try:
        return parse(config["port"])
    except KeyError as e:
        raise LookupError("no port configured") from e

def start(config):
    try:
        return load(config)
    except LookupError:
        value = config["fallback"]
        return parse(value)

print("starting")
start({"fallback": "eighty"})
