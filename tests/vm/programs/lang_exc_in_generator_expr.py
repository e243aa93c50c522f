# Exceptions inside generator expressions and comprehensions: the
# traceback frame names (<genexpr>, <listcomp>), StopIteration inside a
# generator expression becoming RuntimeError, and partial results.
def gen_names():
    try:
        list(1 // x for x in [1, 0])
    except ZeroDivisionError as e:
        tb = e.__traceback__
        names = []
        while tb:
            names.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        return names

print(gen_names())

def stop_inside():
    it = iter([])
    return list(next(it) for _ in range(3))

try:
    stop_inside()
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", type(e.__cause__).__name__)
print([next(iter([]), "default") for _ in range(2)])
partial = []
try:
    partial.extend(10 // x for x in [5, 2, 0, 1])
except ZeroDivisionError:
    print("partial result kept:", partial)
try:
    {k: 1 / k for k in [1, 0]}
except ZeroDivisionError as e:
    print("dictcomp:", e)
