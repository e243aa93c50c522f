# A class body is ordinary code run once at class creation: loops,
# conditionals, prints, try/except, and names deleted before the end.
print("before class")

class Table:
    print("  class body runs")
    columns = []
    for name in ("id", "name", "email"):
        columns.append(name.upper())
    if len(columns) > 2:
        wide = True
    else:
        wide = False
    try:
        missing = undefined_thing
    except NameError:
        missing = None
    del name
    squares = {n: n * n for n in range(3)}
    print("  class body ends")

print("after class")
print(Table.columns, Table.wide, Table.missing, Table.squares, hasattr(Table, "name"))
print(sorted(k for k in Table.__dict__ if not k.startswith("__")))
