# try/except/else/finally: which clauses run, and return/break/continue
# inside finally overriding returns and swallowing exceptions.
def flow(raise_it):
    log = []
    try:
        log.append("try")
        if raise_it:
            raise ValueError("x")
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log

print(flow(False), flow(True))

def finally_overrides_return():
    try:
        return "from try"
    finally:
        return "from finally"

print(finally_overrides_return())

def finally_swallows():
    try:
        raise KeyError("lost")
    finally:
        return "swallowed"

print(finally_swallows())

def break_in_finally():
    for i in range(5):
        try:
            if i == 2:
                raise RuntimeError("dropped by break")
        finally:
            if i == 2:
                break
    return i

print(break_in_finally())

def continue_in_finally():
    out = []
    for i in range(4):
        try:
            if i % 2:
                raise ValueError(i)
            out.append(i)
        finally:
            continue
    return out

print(continue_in_finally())

def return_value_evaluated_before_finally():
    x = ["before"]
    try:
        return x
    finally:
        x.append("finally mutated")
        x = "rebound"

print(return_value_evaluated_before_finally())

def nested():
    try:
        try:
            raise TypeError("inner")
        finally:
            print("  inner finally")
    except TypeError as e:
        print("  outer caught", e)
        return "handled"
    finally:
        print("  outer finally")

print(nested())

def else_raises():
    try:
        pass
    except Exception:
        print("  not reached")
    else:
        raise LookupError("from else")

try:
    else_raises()
except LookupError as e:
    print("LookupError:", e)
count = 0
while True:
    try:
        count += 1
        if count < 3:
            continue
        break
    finally:
        print("  loop finally", count)
print("count", count)
