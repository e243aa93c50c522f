# A traceback for an error inside a call whose arguments span several
# lines, and in a dict literal spanning lines.
def combine(a, b, c):
    return a + b + c

config = {
    "name": "demo",
    "size": 3,
}
result = combine(
    config["name"],
    config["size"],
    config["missing"],
)
