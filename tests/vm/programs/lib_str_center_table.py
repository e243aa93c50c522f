# Building a text table with str methods and format specs; widths from data.
rows = [("Name", "Qty", "Price"), ("apple", 3, 0.5), ("banana", 12, 0.25), ("cherry", 100, 12.0), ("kiwi", 0, 1.125)]
header, *body = rows
widths = [max(len(str(r[i])) if not isinstance(r[i], float) else len(f"{r[i]:.2f}") for r in rows) for i in range(3)]
print(widths)
line = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
print(line)
print("| " + " | ".join(h.center(w) for h, w in zip(header, widths)) + " |")
print(line.replace("-", "="))
for name, qty, price in body:
    print(f"| {name:<{widths[0]}} | {qty:>{widths[1]}} | {price:>{widths[2]}.2f} |")
print(line)
total = sum(q * p for _, q, p in body)
print(f"| {'TOTAL':<{widths[0]}} | {'':>{widths[1]}} | {total:>{widths[2]}.2f} |")
print(f"{'centered':^30}|", f"{'left':-<10}", f"{'right':+>10}", f"{3.14159:*^12.3f}")
report = "\n".join(f"{name:.<12}{qty:.>5}" for name, qty, _ in body)
print(report)
print(max(body, key=lambda r: r[1] * r[2])[0], sorted(body, key=lambda r: -r[2])[0][0])
print("{:^{w}}".format("dyn", w=9) + "|", "%-*s|" % (6, "pct"), "|".join(s.ljust(4) for s in "a bb ccc".split()))
print(f"{'x':{'<'}{0}}")
