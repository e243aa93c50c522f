# unittest.mock: MagicMock's supported magic methods and their default
# results, configuring them, NonCallableMagicMock, PropertyMock, seal.
import math
import re
from unittest import mock
from unittest.mock import (MagicMock, NonCallableMagicMock, Mock, PropertyMock,
                           seal, call)


def clean(text):
    return re.sub(r"id='\d+'", "id=...", text)


def attempt(func, *args, **kwargs):
    try:
        result = func(*args, **kwargs)
    except BaseException as e:
        print('  ->', type(e).__name__ + ':', clean(str(e)))
    else:
        print('  =>', clean(repr(result)))


print('-- defaults')
m = MagicMock()
print(len(m), 3 in m, int(m), float(m), complex(m), bool(m), m.__index__())
print(m == m, m != m, m == 1, m != 1, m == MagicMock())
attempt(lambda: m < 1)
attempt(lambda: m >= m)
print(hash(m) == object.__hash__(m), str(m) == object.__str__(m))
print(m.__sizeof__() == object.__sizeof__(m))
print(m.__exit__(None, None, None), m.__enter__() is m.__enter__.return_value)
print(round(m) is m.__round__.return_value, abs(m) is m.__abs__.return_value)
print(math.trunc(m) is m.__trunc__.return_value, math.floor(m) is m.__floor__.return_value)
print((m + 1) is m.__add__.return_value, (1 - m) is m.__rsub__.return_value)
print(-m is m.__neg__.return_value, ~m is m.__invert__.return_value)
print(m[0] is m.__getitem__.return_value, divmod(m, 2) is m.__divmod__.return_value)
print(next(m) is m.__next__.return_value)
print('xy'[m], [1, 2, 3][m])
n = MagicMock()
n += 1
print(n is not None, clean(repr(n)))
fs = m.__fspath__()
print(fs.startswith('MagicMock/mock/'), fs.split('/')[2] == str(id(m)))
child_fs = MagicMock(name='nm').sub.__fspath__()
print(child_fs.split('/')[:2])
print(sorted(mock._magics)[:6], len(mock._magics), len(mock._all_magics))

print('-- configuring')
m = MagicMock()
m.__len__.return_value = 7
m.__iter__.return_value = [1, 2, 3]
m.__getitem__.side_effect = lambda key: key * 2
m.__contains__.return_value = True
m.__str__.return_value = 'custom str'
m.__int__.return_value = 99
m.__bool__.return_value = False
m.__eq__.return_value = 'eq!'
m.__lt__.return_value = True
print(len(m), list(m), list(iter(m)), m[21], 'x' in m, str(m), int(m), bool(m))
print(m == 5, m < 0)
m.__iter__.return_value = iter('ab')
print(list(iter(m)), list(iter(m)))
m.__setitem__('k', 'v')
m['k2'] = 'v2'
del m['k3']
print(m.__setitem__.call_args_list, m.__delitem__.call_args)
print(m.mock_calls[:4])
print(m.method_calls)
m.__call__ = None
print(callable(m))

other = MagicMock()
print(len(other), str(other) != 'custom str')

m = MagicMock()
m.__len__ = lambda self: 12
print(len(m))
m.__repr__ = lambda self: 'I am a mock'
print(repr(m), str(m).startswith('<MagicMock'))
m.__len__ = Mock(return_value=3)
print(len(m))
del m.__len__
attempt(len, m)

print('-- Mock has no magic by default; setting them works')
p = Mock()
attempt(len, p)
attempt(iter, p)
p.__len__ = Mock(return_value=4)
p.__iter__ = Mock(return_value=iter([9]))
print(len(p), list(p))
for bad in ('__getattr__', '__setattr__', '__init__', '__new__', '__del__',
            '__instancecheck__', '__subclasscheck__', '__prepare__'):
    attempt(setattr, p, bad, lambda self: 1)
attempt(setattr, Mock(spec=['a']), '__len__', lambda self: 1)

print('-- NonCallableMagicMock')
nc = NonCallableMagicMock()
attempt(nc)
print(len(nc), clean(repr(nc)), clean(repr(nc.method)), clean(repr(nc.method())))
nc.mock_add_spec(['__len__'])
attempt(getattr, nc, '__iter__')
print(len(nc))

print('-- spec limits magics')
sm = MagicMock(spec=list)
print(len(sm), hasattr(sm, '__iter__'))
attempt(getattr, sm, '__fspath__')
attempt(lambda: sm.__enter__)
sm2 = MagicMock(spec=['__len__'])
print(len(sm2))
attempt(iter, sm2)
sm3 = MagicMock()
sm3.mock_add_spec(['__iter__'])
attempt(len, sm3)
print(list(sm3))

print('-- context managers')
cm = MagicMock()
with cm as value:
    pass
print(value is cm.__enter__.return_value, cm.__exit__.call_args)
cm.__exit__.return_value = True
with cm:
    raise ValueError('swallowed')
print(cm.__exit__.call_args[0][0])
print(cm.mock_calls[0], cm.mock_calls[1][0])

print('-- PropertyMock')
class Config:
    @property
    def level(self):
        return 'real'
pm = PropertyMock(return_value='fake')
Config.level = pm
c = Config()
print(c.level, c.level)
c.level = 'new'
print(pm.mock_calls, pm.call_count)
clean_child = pm.child
print(clean(repr(clean_child)), type(clean_child).__name__)
pm.side_effect = [1, ValueError('no')]
print(c.level)
attempt(getattr, c, 'level')

print('-- seal')
s = Mock()
s.method.return_value.attr = 1
s.known = Mock()
s.outside = Mock(name='outside')
seal(s)
print(s.method().attr, clean(repr(s.known)))
attempt(getattr, s, 'unknown')
attempt(getattr, s.method, 'other')
attempt(lambda: s.method().other)
attempt(getattr, s.known, 'deeper')
attempt(s.known)
print(clean(repr(s.outside.free)))
attempt(setattr, s, 'newattr', 5)
s.method = 3
print(s.method)
mm = MagicMock()
mm.__iter__.return_value = [1]
seal(mm)
print(list(iter(mm)))
attempt(len, mm)
attempt(getattr, mm, 'x')
