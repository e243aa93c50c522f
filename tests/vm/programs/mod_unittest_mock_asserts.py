# unittest.mock: the assertion methods and their exact messages, signature-
# aware matching with a spec, and the attribute errors for misspelt asserts.
import re
from unittest.mock import Mock, MagicMock, call, ANY, create_autospec


def attempt(label, func, *args, **kwargs):
    try:
        func(*args, **kwargs)
    except AssertionError as e:
        cause = e.__cause__
        print(label, 'AssertionError:', re.sub(r"id='\d+'", "id=...", str(e)))
        if cause is not None:
            print('   caused by', type(cause).__name__ + ':', cause)
    except Exception as e:
        print(label, type(e).__name__ + ':', re.sub(r"id='\d+'", "id=...", str(e)))
    else:
        print(label, 'ok')


m = Mock()
attempt('called', m.assert_called)
attempt('called_once', m.assert_called_once)
attempt('not_called', m.assert_not_called)
attempt('called_with', m.assert_called_with, 1)
attempt('called_once_with', m.assert_called_once_with, 1)
attempt('any_call', m.assert_any_call, 1)
attempt('has_calls', m.assert_has_calls, [call(1)])
attempt('has_calls []', m.assert_has_calls, [])

m(1, 2, key='v')
attempt('called', m.assert_called)
attempt('called_once', m.assert_called_once)
attempt('not_called', m.assert_not_called)
attempt('called_with', m.assert_called_with, 1, 2, key='v')
attempt('called_with bad', m.assert_called_with, 1, 2)
attempt('called_with ANY', m.assert_called_with, ANY, 2, key=ANY)
attempt('called_once_with', m.assert_called_once_with, 1, 2, key='v')

m('second')
m.method(3)
attempt('called_once', m.assert_called_once)
attempt('not_called', m.assert_not_called)
attempt('called_once_with', m.assert_called_once_with, 'second')
attempt('any_call first', m.assert_any_call, 1, 2, key='v')
attempt('any_call missing', m.assert_any_call, 'third', x=1)
attempt('has_calls', m.assert_has_calls, [call(1, 2, key='v'), call('second')])
attempt('has_calls order', m.assert_has_calls, [call('second'), call(1, 2, key='v')])
attempt('has_calls any_order', m.assert_has_calls,
        [call('second'), call(1, 2, key='v')], any_order=True)
attempt('has_calls method', m.assert_has_calls, [call.method(3)])
attempt('has_calls missing', m.assert_has_calls, [call.method(4)])
attempt('has_calls any missing', m.assert_has_calls,
        [call.method(4), call('second'), call(9)], any_order=True)

named = Mock(name='fetch')
named(1)
named(2)
attempt('named called_with', named.assert_called_with, 3)
attempt('named once', named.assert_called_once)
attempt('named once_with', named.assert_called_once_with, 2)
attempt('named not_called', named.assert_not_called)
child = Mock().child
attempt('child called', child.assert_called)
child()
child()
attempt('child once', child.assert_called_once)

print('-- many calls')
big = Mock()
for i in range(12):
    big(i, 'x' * i)
attempt('big not_called', big.assert_not_called)
attempt('big has_calls', big.assert_has_calls, [call(99)])

print('-- with a spec: calls bound to the signature')
def f(a, b, c=3, *, d=None):
    pass
sm = Mock(spec=f)
sm(1, 2)
attempt('spec kw match', sm.assert_called_with, a=1, b=2)
attempt('spec mixed', sm.assert_called_with, 1, b=2)
attempt('spec default', sm.assert_called_with, 1, 2, 3)
attempt('spec mismatch', sm.assert_called_with, 1, 3)
attempt('spec bad args', sm.assert_called_with, 1, 2, 3, 4)
attempt('spec any_call', sm.assert_any_call, b=2, a=1)
attempt('spec any_call bad', sm.assert_any_call, 1, 2, 3, 4)
attempt('spec has_calls', sm.assert_has_calls, [call(a=1, b=2)])
attempt('spec has_calls bad', sm.assert_has_calls, [call(1, 2, 3, 4, 5)])
attempt('spec call bad', sm, 1)
attempt('spec call kw', sm, 1, 2, e=5)

class Thing:
    def method(self, x, y=0):
        pass
auto = create_autospec(Thing)
inst = auto()
inst.method(1, y=2)
attempt('autospec method', inst.method.assert_called_with, 1, 2)
attempt('autospec method bad', inst.method.assert_called_with, 2)
attempt('autospec parent', auto.return_value.assert_has_calls, [call.method(x=1, y=2)])
attempt('autospec signature', inst.method, 1, 2, 3)

print('-- misspelt assertions')
for name in ('assert_called_onec', 'assret_called', 'asert_x', 'aseert_y',
             'assrt_z', 'assertion', 'called_once_with'):
    attempt(name, getattr, Mock(), name)
attempt('unsafe', lambda: Mock(unsafe=True).assret_called())
attempt('spec allows', lambda: Mock(spec=['assert_thing']).assert_thing())
attempt('magic', getattr, Mock(), '__something__')
attempt('spec missing', getattr, Mock(spec=['a']), 'b')
attempt('spec magic', getattr, MagicMock(spec=['a']), '__len__')
