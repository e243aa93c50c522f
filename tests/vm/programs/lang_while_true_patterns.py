# Common loop shapes: sentinel loops, retry with counter, loop-and-a-half,
# state machines driven by a while True with match.
def tokens(text):
    i = 0
    out = []
    while i < len(text):
        ch = text[i]
        if ch.isdigit():
            j = i
            while j < len(text) and text[j].isdigit():
                j += 1
            out.append(("NUM", int(text[i:j])))
            i = j
            continue
        if ch.isspace():
            i += 1
            continue
        out.append(("OP", ch))
        i += 1
    return out

print(tokens("12 + 3*(40-5)"))
attempts = 0
while True:
    attempts += 1
    try:
        if attempts < 3:
            raise ConnectionError(f"attempt {attempts} failed")
        print("succeeded after", attempts)
        break
    except ConnectionError as e:
        print("retrying:", e)
state = "start"
trace = []
while True:
    trace.append(state)
    match state:
        case "start":
            state = "middle"
        case "middle":
            state = "end" if len(trace) > 2 else "start"
        case "end":
            break
print(trace)
