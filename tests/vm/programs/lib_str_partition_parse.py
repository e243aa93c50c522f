# Parsing key/value text with partition/rpartition/split: headers, query strings, paths, edge cases.
headers = "Content-Type: text/html; charset=utf-8\nX-Empty:\nNoColon\nHost: example.com:8080"
parsed = {}
for line in headers.splitlines():
    key, sep, value = line.partition(":")
    parsed[key.strip().lower()] = value.strip() if sep else None
print(parsed)
host, _, port = parsed["host"].rpartition(":")
print(host, int(port), "text/html; charset=utf-8".partition(";")[0], "a=b=c".partition("="), "a=b=c".rpartition("="))
query = "q=python+3.11&page=2&empty=&flag&q=again"
params = {}
for part in query.split("&"):
    k, eq, v = part.partition("=")
    params.setdefault(k, []).append(v.replace("+", " ") if eq else True)
print(params)
path = "/home/user/docs/report.final.pdf"
directory, _, filename = path.rpartition("/")
stem, dot, ext = filename.rpartition(".")
print(directory, filename, stem, ext, "noext".rpartition("."), ".hidden".rpartition("."), "trailing.".rpartition("."))
print("".partition("x"), "x".partition("x"), "xx".partition("x"), "aXbXc".split("X", 1), "aXbXc".rsplit("X", 1))
for bad in ("", None, 5):
    try:
        "a.b".partition(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
"k=v".rpartition("")
