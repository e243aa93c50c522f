# __traceback__ objects: tb_lineno, tb_frame.f_code.co_name, tb_next
# chain, and how re-raising extends the traceback.
def inner():
    raise ValueError("deep")

def middle():
    inner()

def outer():
    middle()

try:
    outer()
except ValueError as e:
    tb = e.__traceback__
    while tb:
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno)
        tb = tb.tb_next

def reraiser():
    try:
        inner()
    except ValueError as e:
        raise e

try:
    reraiser()
except ValueError as e:
    names = []
    tb = e.__traceback__
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)
err = KeyError("fresh")
print(err.__traceback__)
try:
    raise err
except KeyError:
    pass
print(err.__traceback__ is not None, err.__traceback__.tb_next)
print(err.with_traceback(None).__traceback__)
