# Names deleted and rebound in various scopes: del of a local makes later
# reads fail, rebinding after del works, del of a free variable's cell.
def local_cycle():
    x = 1
    del x
    x = 2
    return x

print(local_cycle())

def cell_cycle():
    v = "first"
    def read():
        return v
    results = [read()]
    del v
    try:
        read()
    except NameError as e:
        results.append(str(e))
    v = "second"
    results.append(read())
    return results

print(cell_cycle())

def del_in_loop():
    out = []
    for i in range(3):
        tmp = i * 2
        out.append(tmp)
        del tmp
    return out, "tmp" in locals()

print(del_in_loop())

def del_except_name():
    try:
        raise ValueError("v")
    except ValueError as err:
        pass
    try:
        return err
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"

print(del_except_name())
