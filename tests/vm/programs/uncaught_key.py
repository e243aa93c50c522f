# An uncaught KeyError from a subscript: ~~~~^^^^^^^ markers.
config = {"host": "localhost"}

def lookup(key):
    return config[key]

print(lookup("host"))
port = lookup("port") + 1
