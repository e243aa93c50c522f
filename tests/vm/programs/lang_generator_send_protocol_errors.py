# Misusing generators: send to a running generator from inside itself,
# throw with bad arguments, and next() on a non-generator iterator made by
# a class without __next__.
def selfish():
    yield me.send(None)

me = selfish()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)

def plain():
    yield 1

g = plain()
for args in [(), (1,), ("not an exception",), (ValueError, "msg", "not a traceback")]:
    try:
        g.throw(*args)
    except TypeError as e:
        print("TypeError:", e)
    except ValueError as e:
        print("ValueError raised inside:", e)
g2 = plain()
try:
    g2.throw(ValueError, ValueError("instance"), None)
except ValueError as e:
    print("thrown instance:", e)
try:
    g2.throw(ValueError("x"), "extra")
except TypeError as e:
    print("TypeError:", e)
