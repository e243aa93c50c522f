# types: the type names, SimpleNamespace, new_class/prepare_class/
# resolve_bases, DynamicClassAttribute, coroutine; keyword.
import keyword
import types

for name in ["FunctionType", "LambdaType", "CodeType", "MappingProxyType", "CellType", "GeneratorType",
             "CoroutineType", "AsyncGeneratorType", "MethodType", "BuiltinFunctionType", "BuiltinMethodType",
             "WrapperDescriptorType", "MethodWrapperType", "MethodDescriptorType", "ClassMethodDescriptorType",
             "ModuleType", "TracebackType", "FrameType", "GetSetDescriptorType", "MemberDescriptorType",
             "GenericAlias", "UnionType", "EllipsisType", "NoneType", "NotImplementedType"]:
    print(name, getattr(types, name).__name__)
print(isinstance(len, types.BuiltinFunctionType), isinstance(lambda: 0, types.FunctionType),
      types.MappingProxyType({"a": 1})["a"], type(None) is types.NoneType)

ns = types.SimpleNamespace(a=1, b=[2])
ns.c = "three"
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b=[2], c="three"), ns != types.SimpleNamespace())
del ns.b; print(ns, vars(ns))
try:
    types.SimpleNamespace(1)
except TypeError as e:
    print("TypeError:", e)


class NS(types.SimpleNamespace):
    pass


print(NS(x=1), types.SimpleNamespace(), NS(x=1) == types.SimpleNamespace(x=1))
r = types.SimpleNamespace(); r.me = r; print(r)


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return {"prepared": True}

    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns)


C = types.new_class("C", (), {"metaclass": Meta, "flag": 1}, lambda ns: ns.update(x=5))
print(C.__name__, C.x, C.prepared, type(C).__name__)
print(types.prepare_class("D", (int,)), types.prepare_class("E", (), {"metaclass": Meta})[0].__name__)


class Entry:
    def __mro_entries__(self, bases):
        return (dict,)


print(types.resolve_bases((int, Entry())), types.resolve_bases((int,)))
K = types.new_class("K", (Entry(),)); print(K.__mro__, K.__orig_bases__[0].__class__.__name__)
try:
    class M1(type): pass
    class M2(type): pass
    types.new_class("X", (M1("A", (), {}), M2("B", (), {})))
except TypeError as e:
    print("TypeError:", e)


class Color:
    def __init__(self, v):
        self._v = v

    @types.DynamicClassAttribute
    def value(self):
        "the value"
        return self._v


print(Color(3).value, Color.__dict__["value"].__doc__)
try:
    Color.value
except AttributeError:
    print("AttributeError on class access")


@types.coroutine
def legacy():
    yield "step"


co = legacy()
print(next(co), bool(legacy.__code__.co_flags & 0x100))
print(types.coroutine(len) is not None)
try:
    types.coroutine(3)
except TypeError as e:
    print("TypeError:", e)

print(keyword.kwlist, keyword.softkwlist, len(keyword.kwlist))
print(keyword.iskeyword("for"), keyword.iskeyword("match"), keyword.issoftkeyword("match"),
      keyword.issoftkeyword("_"), keyword.iskeyword("print"), keyword.__all__)
