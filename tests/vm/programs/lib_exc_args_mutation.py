# Exception objects as values: args reassigned, attributes added, reused and re-raised, str() follows args.
e = ValueError("one")
e.args = ("two", "three")
print(str(e), repr(e))
e.args = ()
print(repr(str(e)), repr(e))
e.args = [1, 2]
print(type(e.args).__name__, e.args)
e.extra = {"context": 42}
print(e.extra, vars(e))
try:
    del e.args
except (TypeError, AttributeError) as err:
    print(type(err).__name__, err)
errors = []
for i in range(3):
    try:
        raise KeyError(i)
    except KeyError as err:
        errors.append(err)
print([repr(x) for x in errors], [x.args for x in errors])
reused = RuntimeError("reused")
for attempt in range(2):
    try:
        raise reused
    except RuntimeError as err:
        print(attempt, err is reused, err.__traceback__.tb_lineno > 0)


class Rich(Exception):
    def __init__(self, code, *details):
        super().__init__(code, *details)
        self.code = code


r = Rich(500, "server", "down")
print(r.args, r.code, str(r), repr(r))
r.args = ("changed",)
print(r.code, str(r), repr(r))
k = KeyError("q")
k.args = ("a", "b")
print(str(k))
k.args = ("only",)
print(str(k))
raise r
