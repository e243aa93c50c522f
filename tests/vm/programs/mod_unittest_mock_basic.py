# unittest.mock: Mock call recording, names and reprs, return_value,
# side_effect, wraps, configure_mock, attach_mock, reset_mock, call objects,
# ANY, DEFAULT, sentinel.
import re
from unittest import mock
from unittest.mock import (Mock, NonCallableMock, MagicMock, call, ANY,
                           DEFAULT, sentinel)


def show(obj):
    print(re.sub(r"id='\d+'", "id=...", repr(obj)))


def attempt(func, *args, **kwargs):
    try:
        result = func(*args, **kwargs)
    except BaseException as e:
        print('  ->', type(e).__name__ + ':', re.sub(r"id='\d+'", "id=...", str(e)))
    else:
        print('  =>', re.sub(r"id='\d+'", "id=...", repr(result)))


print('-- recording')
m = Mock()
m(1, 2, a=3)
m.foo.bar(5)
m.foo().baz(x=1)
m.foo.bar.return_value.qux()
m()(7)
print(m.mock_calls)
print(m.method_calls)
print(m.call_args, m.call_args_list, m.call_count, m.called)
print(m.foo.mock_calls)
print(m.foo.bar.call_args.args, m.foo.bar.call_args.kwargs)
print(m.foo().baz.call_args)
print(m.call_args == call(1, 2, a=3), m.call_args == ((1, 2), {'a': 3}))
print(m.mock_calls[1] == ('foo.bar', (5,), {}))

print('-- names and reprs')
for obj in (m, m.foo, m.foo.bar, m.foo(), m.foo().baz, m()(),
            Mock(name='fred'), Mock(name='fred').x.y(),
            NonCallableMock(), MagicMock().__len__,
            Mock(spec=int), Mock(spec_set=str), MagicMock(spec=list).append):
    show(obj)
named = Mock(name='root')
print(named._extract_mock_name(), named.a().b._extract_mock_name())
print(type(Mock()).__name__, type(Mock()) is Mock, isinstance(Mock(), Mock))
print(type(Mock()).__mro__[1] is Mock, Mock.__doc__ == type(Mock()).__doc__)

print('-- return_value')
m = Mock(return_value=42)
print(m(), m(1))
m.return_value = sentinel.result
print(m())
m = Mock()
show(m.return_value)
print(m() is m.return_value, m.return_value is m.return_value)
m.method.return_value.attr = 'deep'
print(m.method().attr)
m = Mock(**{'method.return_value': 3, 'other.side_effect': KeyError('k')})
print(m.method())
attempt(m.other)

print('-- side_effect')
m = Mock(side_effect=ValueError)
attempt(m)
m.side_effect = ValueError('instance')
attempt(m)
m.side_effect = [1, 2, KeyError('third')]
attempt(m)
attempt(m)
attempt(m)
attempt(m)
m.side_effect = lambda x: x * 2
attempt(m, 21)
m.side_effect = lambda x: DEFAULT
m.return_value = 'from return_value'
attempt(m, 1)
m.side_effect = None
attempt(m)
m = Mock(side_effect=iter('ab'), return_value=5)
attempt(m)
attempt(m)
attempt(m)
print(type(Mock(side_effect=(1, 2)).side_effect).__name__)
m = Mock(side_effect=[sentinel.a, DEFAULT], return_value=sentinel.b)
print(m(), m())

print('-- wraps')
class Calc:
    def add(self, a, b):
        return a + b
    value = 10
calc = Calc()
w = Mock(wraps=calc)
print(w.add(2, 3), w.add.call_args)
show(w.value)
w.add.return_value = 100
print(w.add(1, 1))
fw = Mock(wraps=len)
print(fw('abc'), fw.call_count)
fw.side_effect = lambda s: DEFAULT
print(fw('abcd'))

print('-- configure_mock, attach_mock')
m = Mock()
m.configure_mock(**{'a.b.c.return_value': 1, 'a.b': Mock(name='bee'), 'x': 5})
show(m.a.b)
print(m.x)
parent = Mock()
child1 = Mock(return_value=None)
child2 = Mock(return_value=None)
parent.attach_mock(child1, 'child1')
parent.attach_mock(child2, 'child2')
child1(1)
child2(2)
parent.child1.method()
print(parent.mock_calls)
show(child1)
# assigning an unnamed mock adopts it; a named one is not adopted
p = Mock()
p.kid = Mock()
p.named = Mock(name='x')
p.kid()
p.named()
print(p.mock_calls)
show(p.kid)
show(p.named)

print('-- reset_mock')
m = Mock(return_value=1, side_effect=[5])
m(), m.a(1)
m.reset_mock()
print(m.called, m.call_count, m.call_args, m.mock_calls, m.a.mock_calls)
print(m.return_value, m.side_effect is not None)
m.reset_mock(return_value=True, side_effect=True)
show(m.return_value)
print(m.side_effect)
selfret = Mock()
selfret.return_value = selfret
selfret()
selfret.reset_mock()
print(selfret.call_count)

print('-- deleting attributes')
m = Mock()
m.attr = 1
del m.attr
attempt(getattr, m, 'attr')
del m.child
attempt(getattr, m, 'child')
attempt(delattr, m, 'child')
m.child = 3
print(m.child)
print(hasattr(Mock(), '__iter__'), hasattr(Mock(), 'anything'))
attempt(getattr, Mock(), '__foo__')

print('-- call objects')
print(call(1, 2, a=3), call.foo(1), call.foo.bar(x=1), call(), call.a().b(2))
print(call.a.b, call, call().x, call.count(1), call.index(2))
print(call(1) == call(1), call(1) != call(2), call(1) == call(1, b=2))
print(call.a(1) == call.b(1), call.a(1) == ('a', (1,), {}), call(1) == ((1,),))
print(call(a=1) == ({'a': 1},), call.x == ('x',), call() == (), call(1) == 5)
print(call(ANY, 2) == call(1, 2), call(1, ANY) == call(1, b=2))
print(call.a().b(1) == call.c().b(1), call.a().b(1) == call.a().b(1))
chain = call(1).method(2)(3)
print(chain.call_list())
print(call.a(1).b(2).call_list())
print(call(1, a=2).args, call(1, a=2).kwargs, call.f(3).args)
print(len(call(1)), len(call.x(1)), tuple(call.x(1, k=2)))
kall = mock._Call(((1,), {}), two=True)
print(kall, len(kall), kall == call(1))
print(mock._Call(('name', (1,), {})), mock._Call(('name', {'k': 1})),
      mock._Call(('', (), {})), mock._Call((), name='nm'))
print(call == call, [call(1), call(2)] == [call(1), call(2)])
print(repr(mock._CallList([call(i) for i in range(30)])))
cl = mock._CallList([call(1), call(2), call(3)])
print([call(2), call(3)] in cl, [call(1), call(3)] in cl, call(2) in cl)

print('-- ANY, DEFAULT, sentinel')
print(ANY, ANY == object(), ANY != 1, [1, ANY] == [1, 'x'])
print(DEFAULT, sentinel.DEFAULT is DEFAULT, sentinel.a is sentinel.a,
      sentinel.a is sentinel.b, sentinel.a.name)
print(sentinel.some_name, repr(sentinel.other), sentinel.x.__reduce__())
attempt(getattr, sentinel, '__bases__')
print(mock.FILTER_DIR, sorted(mock.__all__))
