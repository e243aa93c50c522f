# String templating with replace, format_map, % and join: the same output built four ways.
fields = {"name": "Widget", "price": 9.5, "qty": 3}
t1 = "Item: $name, $qty x $price".replace("$name", fields["name"]).replace("$qty", str(fields["qty"])).replace("$price", str(fields["price"]))
t2 = "Item: {name}, {qty} x {price}".format_map(fields)
t3 = "Item: %(name)s, %(qty)d x %(price)s" % fields
t4 = "".join(["Item: ", fields["name"], ", ", str(fields["qty"]), " x ", str(fields["price"])])
t5 = f"Item: {fields['name']}, {fields['qty']} x {fields['price']}"
print(t1, t1 == t2 == t3 == t4 == t5)
template = "Dear {title} {last},\n  your order #{order:05d} of {total:,.2f} ships on {day}."
print(template.format(title="Dr.", last="Who", order=42, total=1234.5, day="Friday"))
rows = [("a", 1), ("bb", 22), ("ccc", 333)]
print("\n".join("{:<4}|{:>5}".format(*r) for r in rows))
print("\n".join("%-4s|%5d" % r for r in rows))
escaped = "{{not a field}} {0}".format("but this is")
print(escaped, "100%% of %s" % "tests", "%s%%" % 50)
s = "aaa"
print(s.replace("a", "b", 2), s.replace("aa", "b"), s.replace("", "."), "abc".replace("abc", ""))
try:
    "{name} {missing}".format_map(fields)
except KeyError as e:
    print(type(e).__name__, e)
try:
    "%(name)s %(missing)s" % fields
except KeyError as e:
    print(type(e).__name__, e)
"{0} {1}".format("only")
