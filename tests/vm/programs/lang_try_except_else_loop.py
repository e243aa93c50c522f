# try/except/else inside loops with break and continue in every clause;
# which clause runs and in what order with finally.
def run(mode):
    log = []
    for i in range(3):
        try:
            log.append(f"try{i}")
            if mode == "raise" and i == 1:
                raise ValueError
            if mode == "break-try" and i == 1:
                break
            if mode == "continue-try" and i == 0:
                continue
        except ValueError:
            log.append("except")
            if mode == "raise":
                continue
        else:
            log.append("else")
            if mode == "break-else" and i == 0:
                break
        finally:
            log.append("fin")
        log.append("end")
    return log

for mode in ["plain", "raise", "break-try", "continue-try", "break-else"]:
    print(mode, run(mode))

def return_from_except():
    try:
        raise KeyError
    except KeyError:
        return "from except"
    finally:
        print("  finally still runs")

print(return_from_except())

def nested_finally_order():
    order = []
    try:
        try:
            order.append("inner try")
            return order
        finally:
            order.append("inner finally")
    finally:
        order.append("outer finally")

print(nested_finally_order())
