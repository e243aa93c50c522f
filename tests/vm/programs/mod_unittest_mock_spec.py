# unittest.mock: spec, spec_set, mock_add_spec, isinstance of specced mocks,
# create_autospec on functions, classes, instances, methods (signature
# checks), dir() filtering.
import inspect
import re
from unittest import mock
from unittest.mock import (Mock, MagicMock, NonCallableMagicMock, call,
                           create_autospec, sentinel)


def clean(text):
    return re.sub(r"id='\d+'", "id=...", text)


def attempt(func, *args, **kwargs):
    try:
        result = func(*args, **kwargs)
    except BaseException as e:
        print('  ->', type(e).__name__ + ':', clean(str(e)))
    else:
        print('  =>', clean(repr(result)))


class Base:
    base_attr = 1
    def base_method(self):
        return 'base'

class Widget(Base):
    size = 3
    def __init__(self, name, colour='red'):
        self.name = name
    def resize(self, w, h=1):
        return w * h
    @classmethod
    def create(cls, name):
        return cls(name)
    @staticmethod
    def helper(x):
        return x
    @property
    def area(self):
        return 9
    async def fetch(self, url):
        return url


def function(a, b, *args, c=1, **kwargs):
    return a


print('-- spec')
m = Mock(spec=Widget)
print(isinstance(m, Widget), isinstance(m, Base), isinstance(m, Mock))
print(m.__class__, type(m).__name__)
print(clean(repr(m)), clean(repr(m.resize)))
attempt(getattr, m, 'missing')
m.missing = 5
print(m.missing)
print(clean(repr(m.size)), clean(repr(m.base_method())))
m2 = Mock(spec=['alpha', 'beta'])
print(clean(repr(m2.alpha)), isinstance(m2, list))
attempt(getattr, m2, 'gamma')
m3 = Mock(spec=Widget('w'))
print(isinstance(m3, Widget), clean(repr(m3)))
attempt(getattr, m3, 'name')

print('-- spec_set')
s = Mock(spec_set=Widget)
print(clean(repr(s)))
s.size = 10
print(s.size)
attempt(setattr, s, 'other', 1)
attempt(getattr, s, 'other')
s2 = Mock(spec_set=['a'])
s2.a = 1
attempt(setattr, s2, 'b', 2)

print('-- __class__ assignment')
c = Mock()
c.__class__ = dict
print(isinstance(c, dict), c.__class__)

print('-- mock_add_spec')
a = Mock()
a.mock_add_spec(['one'])
print(clean(repr(a.one)))
attempt(getattr, a, 'two')
a.mock_add_spec(Widget, spec_set=True)
attempt(setattr, a, 'nope', 1)
print(isinstance(a, Widget))
attempt(Mock, spec=Mock())

print('-- signature of spec')
fm = Mock(spec=function)
fm(1, 2)
print(fm.call_args)
fm.assert_called_with(a=1, b=2)
print(inspect.signature(create_autospec(function)))

print('-- create_autospec: functions')
af = create_autospec(function, return_value='r')
print(type(af).__name__, af.__name__, af(1, 2, 3, c=4, d=5))
attempt(af)
attempt(af, 1)
attempt(af, 1, 2, c=1, c2=3)
attempt(af.assert_called_once_with, 1, 2, 3, c=4, d=5)
attempt(af.assert_any_call, 1, 2, 3, c=4, d=5)
attempt(af.assert_called_with, 9, 9)
print(af.call_count, af.called, af.call_args, af.mock_calls)
print(clean(repr(af.mock)))
af.side_effect = [1, 2]
print(af(0, 0), af(0, 0))
attempt(af, 0, 0)
af.reset_mock()
print(af.call_count, af.call_args_list)
af.return_value = sentinel.rv
af.side_effect = None
print(af(1, 1))
attempt(create_autospec, function, spec_set=True, autospect=True)
lam = create_autospec(lambda x: x)
print(lam.__name__, lam(1) is lam.return_value)

print('-- create_autospec: classes')
W = create_autospec(Widget)
print(clean(repr(W)), isinstance(W, type))
w = W('n')
print(clean(repr(w)), isinstance(w, Widget))
attempt(W)
attempt(W, 'a', 'b', 'c')
print(w.resize(2, h=3) is w.resize.return_value)
attempt(w.resize)
attempt(w.resize, 1, 2, 3)
w.resize.assert_called_once_with(2, 3)
print(W.mock_calls)
print(clean(repr(W.create)), clean(repr(W.create('x'))))
attempt(W.create)
print(clean(repr(W.helper(1))))
attempt(W.helper)
attempt(getattr, w, 'nonexistent')
print(clean(repr(w.size)), clean(repr(w.base_attr)))
attempt(w.size)
print(clean(repr(w.area)))
print(type(w.fetch).__name__, type(W.fetch).__name__)
print(clean(repr(W.return_value.base_method())))

print('-- create_autospec: instances and spec_set')
iw = create_autospec(Widget('x'), spec_set=True)
print(type(iw).__name__, clean(repr(iw)))
attempt(iw)
attempt(setattr, iw, 'new_attr', 1)
iw.size = 5
print(iw.size)
inst = create_autospec(Widget, instance=True)
print(type(inst).__name__)
attempt(inst)
attempt(inst.resize)
ls = create_autospec([1, 2])
print(clean(repr(ls)), clean(repr(ls.append(1))))
attempt(ls.append)
attempt(create_autospec, Mock())
num = create_autospec(5)
print(type(num).__name__)

print('-- dir')
d = Mock()
d.child
d.attr = 1
del d.gone
names = dir(d)
print('child' in names, 'attr' in names, 'gone' in names, 'assert_called' in names,
      '_mock_children' in names, 'return_value' in names)
print([n for n in dir(Mock(spec=['x', 'y'])) if not n.startswith(('assert', 'call', 'mock', 'reset', 'return', 'side', 'configure', 'attach', 'method'))])
mock.FILTER_DIR = False
print('_mock_children' in dir(Mock()))
mock.FILTER_DIR = True
