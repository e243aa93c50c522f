# inspect: signature/Parameter/Signature reprs, bind, classes and methods,
# partials, wrapped functions, getfullargspec, the predicates, getmembers,
# cleandoc/getdoc, getsource, currentframe/stack, generator states.
import functools
import inspect
from inspect import Parameter, Signature, signature
from typing import List, Optional

def f(a, b: int, /, c=3, *args, d, e: "str" = "x", **kw) -> List[int]:
    """Docstring of f.

        Indented more.
    Back.
    """
    return [a]

sig = signature(f)
print(sig, repr(sig))
for p in sig.parameters.values():
    print(repr(p), p.kind, p.kind.description, int(p.kind), p.default is Parameter.empty, p.annotation)
print(sig.return_annotation, list(sig.parameters), type(sig.parameters).__name__)

def g(x, y=None, *, z: Optional[int] = None): pass
print(signature(g), signature(lambda *a, **k: 0), signature(lambda: 0), signature(lambda x, /: x))

class C:
    def method(self, a, b=2): pass
    @classmethod
    def cm(cls, x): pass
    @staticmethod
    def sm(y, z=1): pass
    def __call__(self, q): pass

class D:
    def __init__(self, size: int, label="d"): pass

class E:
    def __new__(cls, *items): return super().__new__(cls)

class Meta(type):
    def __call__(cls, token): return super().__call__()
class M(metaclass=Meta):
    pass

class Plain:
    pass

print(signature(C.method), signature(C().method), signature(C.cm), signature(C.sm), signature(C()))
print(signature(D), signature(E), signature(M), signature(Plain))

p = functools.partial(f, 1, 2, d=4)
print(signature(p))
print(signature(functools.partial(g, y=5)))

@functools.wraps(f)
def wrapper(*args, **kwargs):
    return f(*args, **kwargs)
print(signature(wrapper), signature(wrapper, follow_wrapped=False), inspect.unwrap(wrapper) is f)

def with_sig(): pass
with_sig.__signature__ = Signature([Parameter("only", Parameter.KEYWORD_ONLY)])
print(signature(with_sig))

# bind
ba = sig.bind(1, 2, 3, 4, 5, d=6, extra=7)
print(ba, ba.args, ba.kwargs, ba.arguments)
ba2 = sig.bind(1, 2, d=0)
ba2.apply_defaults()
print(ba2)
print(sig.bind_partial(1))
for args, kwargs in [((1,), {"d": 1}), ((1, 2), {}), ((1, 2), {"a": 1, "d": 2}),
                     ((1, 2), {"d": 1, "c": 3, "bogus": 0})]:
    try:
        sig.bind(*args, **kwargs)
    except TypeError as e:
        print("TypeError:", e)
try:
    signature(g).bind(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    signature(g).bind(1, x=2)
except TypeError as e:
    print("TypeError:", e)

# constructing parameters and signatures
P = Parameter
print(Signature([P("a", P.POSITIONAL_ONLY), P("b", P.POSITIONAL_OR_KEYWORD, default=1),
                 P("c", P.KEYWORD_ONLY, annotation=int)], return_annotation=str))
for bad in [lambda: P("a", 99), lambda: P("a", P.VAR_POSITIONAL, default=1), lambda: P(1, P.KEYWORD_ONLY),
            lambda: P("class", P.KEYWORD_ONLY), lambda: P("1a", P.KEYWORD_ONLY),
            lambda: Signature([P("a", P.KEYWORD_ONLY), P("b", P.POSITIONAL_ONLY)]),
            lambda: Signature([P("a", P.POSITIONAL_OR_KEYWORD, default=1), P("b", P.POSITIONAL_OR_KEYWORD)]),
            lambda: Signature([P("a", P.POSITIONAL_ONLY), P("a", P.KEYWORD_ONLY)]),
            lambda: signature(5)]:
    try:
        r = bad()
        print("ok", r)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
p1 = P("x", P.KEYWORD_ONLY, default=2)
print(p1.replace(name="y", default=P.empty), p1 == P("x", P.KEYWORD_ONLY, default=2), sig == signature(f))
print(sig.replace(return_annotation=Signature.empty), P("x", P.KEYWORD_ONLY).kind is P.KEYWORD_ONLY)
print(str(P.VAR_KEYWORD), repr(P.VAR_KEYWORD))

spec = inspect.getfullargspec(f)
print(spec)
print(inspect.getfullargspec(C.method), inspect.getfullargspec(lambda: 0))

# predicates
def gen():
    yield 1
async def coro():
    pass
async def agen():
    yield 1
co = coro()
checks = [f, gen, gen(), coro, co, agen, C, C.method, C().method, len, [].append,
          str.join, inspect, f.__code__, property(), C.__dict__["cm"]]
names = ["isfunction", "isgeneratorfunction", "isgenerator", "iscoroutinefunction", "iscoroutine",
         "isasyncgenfunction", "isclass", "ismethod", "isbuiltin", "isroutine", "ismodule", "iscode",
         "isdatadescriptor", "ismethoddescriptor", "isawaitable"]
for name in names:
    pred = getattr(inspect, name)
    print(name, [int(bool(pred(x))) for x in checks])
co.close()
print(inspect.isgeneratorfunction(functools.partial(gen)), inspect.isabstract(int))
import abc
class Abstract(abc.ABC):
    @abc.abstractmethod
    def m(self): pass
print(inspect.isabstract(Abstract), inspect.getmro(D))

class Members:
    a = 1
    def b(self): pass
    @property
    def c(self): return 3
print([n for n, v in inspect.getmembers(Members) if not n.startswith("__")])
print([n for n, v in inspect.getmembers(Members(), inspect.ismethod)])
print(inspect.getmembers(Members, lambda v: isinstance(v, int) and not isinstance(v, bool))[:3])

print(inspect.cleandoc(f.__doc__))
print(repr(inspect.getdoc(f)), inspect.getdoc(Plain), repr(inspect.cleandoc("  x\n    y\n  z")))
class Base:
    def m(self):
        """Base doc."""
class Sub(Base):
    def m(self):
        pass
print(inspect.getdoc(Sub.m), inspect.getdoc(Sub().m))

print(inspect.getsource(g), end="")
print(inspect.getsource(C.method), end="")
# (classes are found through their module's __file__, which is the .pyc
# when the harness runs compiled programs: functions only here)
print(inspect.getsourcelines(D.__init__)[1], inspect.getsource(D.__init__), end="")
HERE = f.__code__.co_filename
print(inspect.getsourcefile(f) == HERE, inspect.getfile(f) == HERE, inspect.getmodule(f).__name__)
print(inspect.getcomments(current) if False else "")

def current():
    fr = inspect.currentframe()
    st = inspect.stack()
    return fr.f_code.co_name, [s.function for s in st], st[0].code_context, st[0].index, st[0].lineno
print(current())
info = inspect.getframeinfo(inspect.currentframe())
print(info.function, info.lineno, info.code_context, info.filename == HERE)

g1 = gen()
print(inspect.getgeneratorstate(g1))
next(g1)
print(inspect.getgeneratorstate(g1), inspect.getgeneratorlocals(g1))
g1.close()
print(inspect.getgeneratorstate(g1))
c2 = coro()
print(inspect.getcoroutinestate(c2))
c2.close()
print(inspect.getcoroutinestate(c2))

def outer():
    v = 5
    def inner():
        return v + len(Members.__name__) + undefined_thing
    return inner
print(inspect.getclosurevars(outer()))
print(inspect.get_annotations(f), inspect.get_annotations(f, eval_str=True))
print(inspect.formatannotation(List[int]), inspect.formatannotation(int), inspect.formatannotation(Members))
