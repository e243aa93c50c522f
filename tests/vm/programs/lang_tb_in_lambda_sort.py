# An exception raised by a key function inside sorted(): the traceback
# goes through the builtin into the lambda.
records = [{"name": "b", "age": 3}, {"name": "a"}, {"name": "c", "age": 1}]
print(sorted(r["name"] for r in records))
print(sorted(records, key=lambda r: r.get("age", 0))[0]["name"])
oldest = max(records, key=lambda r: r["age"])
