# vars() and __dict__ as live mappings: writes through vars(obj), class __dict__ is read-only, module vars.
import sys


class Config:
    debug = False

    def __init__(self):
        self.level = 1


c = Config()
v = vars(c)
v["level"] = 5
v["added"] = "via vars"
print(c.level, c.added, vars(c) is v, sorted(v))
del v["added"]
print(hasattr(c, "added"))
c.__dict__.update(x=1, y=2)
print(c.x, c.y, list(vars(c)))
c.__dict__ = {"fresh": True}
print(vars(c), hasattr(c, "level"))
try:
    Config.__dict__["debug"] = True
except TypeError as e:
    print(type(e).__name__, e)
print(Config.__dict__["debug"], "__init__" in vars(Config), type(vars(Config)).__name__)
mod = sys.modules[__name__]
print(vars(mod) is globals(), mod.Config is Config)
vars(mod)["late_global"] = 99
print(late_global)
try:
    c.__dict__ = 5
except TypeError as e:
    print(type(e).__name__, e)


def f():
    pass


f.__dict__["attr"] = "function attribute"
print(f.attr, vars(f))
vars(5)
