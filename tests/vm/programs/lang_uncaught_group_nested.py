# A nested exception group printed uncaught, with a note and a chained cause.
def fail(i):
    raise ValueError(f"task {i} failed")

def run_all():
    errors = []
    for i in range(3):
        try:
            fail(i)
        except ValueError as e:
            errors.append(e)
    inner = ExceptionGroup("inner batch", errors[1:])
    group = ExceptionGroup("all tasks", [errors[0], inner])
    group.add_note("2 batches")
    raise group

try:
    run_all()
except* KeyError:
    print("no KeyErrors here")
