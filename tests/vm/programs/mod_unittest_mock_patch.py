# unittest.mock: patch as decorator (functions, classes), context manager,
# start/stop, new, new_callable, spec, spec_set, autospec, create;
# patch.object, patch.dict, patch.multiple, patch.stopall; their errors.
import os
import re
import textwrap
from unittest import mock
from unittest.mock import (patch, Mock, MagicMock, NonCallableMagicMock,
                           PropertyMock, DEFAULT, sentinel, call)


def clean(text):
    return re.sub(r"id='\d+'", "id=...", text)


def show(obj):
    print(clean(repr(obj)))


def attempt(func, *args, **kwargs):
    try:
        result = func(*args, **kwargs)
    except BaseException as e:
        print('  ->', type(e).__name__ + ':', clean(str(e)))
    else:
        print('  =>', clean(repr(result)))


class Service:
    limit = 5
    def fetch(self, key):
        return 'real ' + key
    @classmethod
    def build(cls):
        return cls()


def compute(x, y=2):
    return x * y


CONFIG = {'debug': False, 'level': 1}
VALUE = 'original'

print('-- context manager')
with patch('__main__.VALUE', 'patched') as got:
    print(VALUE, got)
print(VALUE)
with patch('__main__.compute') as fake:
    show(fake)
    fake.return_value = 99
    print(compute(1))
print(compute(3))
with patch('os.path.join', return_value='joined') as j:
    print(os.path.join('a', 'b'), j.call_args)
print(os.path.join('a', 'b'))
with patch('textwrap.dedent') as d:
    print(textwrap.dedent is d, type(d).__name__)
with patch.object(Service, 'fetch', return_value='fake') as f:
    print(Service().fetch('k'), f.call_args)
print(Service().fetch('k'))
with patch.object(Service, 'limit', 10):
    print(Service.limit)
print(Service.limit, 'limit' in Service.__dict__)

print('-- decorators')
@patch('__main__.compute')
@patch.object(Service, 'fetch')
def test_stack(fetch_mock, compute_mock):
    show(fetch_mock)
    show(compute_mock)
    compute(1)
    return compute_mock.call_args
print(test_stack())
print(test_stack.__name__, len(test_stack.patchings))

@patch('__main__.VALUE', 'new value')
def test_new(*args):
    return VALUE, args
print(test_new())

@patch('__main__.compute', new_callable=PropertyMock)
def test_new_callable(m):
    return type(m).__name__
print(test_new_callable())

@patch.multiple('__main__', compute=DEFAULT, VALUE='multi')
def test_multiple(compute):
    return VALUE, clean(repr(compute))
print(test_multiple())

@patch.dict(CONFIG, {'debug': True}, extra=1)
def test_dict():
    return dict(CONFIG)
print(test_dict(), CONFIG)


@patch('__main__.compute', return_value='cls')
class TestSomething:
    def test_one(self, m):
        return compute(0), m.call_count
    def test_two(self, m):
        return clean(repr(m))
    def helper(self, *args):
        return args
    not_callable_test = 5
t = TestSomething()
print(t.test_one(), t.test_two(), t.helper(), TestSomething.not_callable_test)
print(t.test_one())

@patch.dict('__main__.CONFIG', {'cls': True})
class TestDict:
    def test_a(self):
        return sorted(CONFIG)
    def other(self):
        return sorted(CONFIG)
print(TestDict().test_a(), TestDict().other())

old_prefix = patch.TEST_PREFIX
patch.TEST_PREFIX = 'check'
@patch('__main__.VALUE', 'prefixed')
class Checks:
    def check_it(self):
        return VALUE
    def test_it(self):
        return VALUE
print(Checks().check_it(), Checks().test_it())
patch.TEST_PREFIX = old_prefix

print('-- start/stop, stopall')
p1 = patch('__main__.compute', return_value=1)
p2 = patch.dict(CONFIG, clear=True)
p3 = patch.object(Service, 'limit', 0)
started = p1.start()
print(p2.start() is CONFIG, p3.start())
print(compute(5), CONFIG, Service.limit, started is compute)
print(p1.stop(), compute(5))
print(p1.stop())
patch.stopall()
print(CONFIG, Service.limit)
print(p3.stop())

print('-- spec, spec_set, autospec')
with patch('__main__.Service', spec=True) as S:
    show(S)
    show(S())
    attempt(getattr, S, 'nope')
    attempt(getattr, S(), 'nope')
with patch.object(Service, 'limit', spec=True) as lim:
    print(type(lim).__name__)
with patch('__main__.Service', spec_set=True) as S:
    attempt(setattr, S, 'nope', 1)
with patch('__main__.Service', spec=['fetch']) as S:
    print(type(S).__name__)
    attempt(getattr, S, 'build')
with patch('__main__.compute', autospec=True) as c:
    print(type(c).__name__, compute(1) is c.return_value, c.call_args)
    attempt(compute)
    attempt(compute, 1, 2, 3)
with patch.object(Service, 'fetch', autospec=True) as fetch:
    s = Service()
    s.fetch('key')
    print(fetch.call_args == call(s, 'key'))
    attempt(s.fetch)
with patch('__main__.Service', autospec=True) as S:
    inst = S()
    inst.fetch('x')
    attempt(inst.fetch)
    print(S.mock_calls)

print('-- create')
class Holder:
    pass
attempt(patch('__main__.Holder.does_not_exist', 1).__enter__)
with patch('__main__.Holder.does_not_exist', 'made', create=True):
    print(Holder.does_not_exist)
print(hasattr(Holder, 'does_not_exist'))
with patch('__main__.does_not_exist', 'made', create=True):
    print(does_not_exist)
print('does_not_exist' in globals())
with patch('__main__.open', create=False) as fake_open:
    print(open is fake_open)
print(open is fake_open)

print('-- patch.dict')
d = {'a': 1}
with patch.dict(d, b=2) as same:
    print(same is d, d)
    d['c'] = 3
print(d)
with patch.dict(d, {'x': 0}, clear=True):
    print(d)
print(d)
with patch.dict(d, [('p', 1), ('q', 2)]):
    print(sorted(d))
with patch.dict('os.environ', {'MINIPY_MOCK_TEST': 'yes'}):
    print(os.environ['MINIPY_MOCK_TEST'])
print('MINIPY_MOCK_TEST' in os.environ)
class Mapping:
    def __init__(self):
        self.data = {'k': 'v'}
    def __getitem__(self, key):
        return self.data[key]
    def __setitem__(self, key, value):
        self.data[key] = value
    def __delitem__(self, key):
        del self.data[key]
    def __iter__(self):
        return iter(list(self.data))
mp = Mapping()
with patch.dict(mp, {'n': 1}, clear=True):
    print(mp.data)
print(mp.data)
try:
    with patch.dict(d, z=26):
        raise KeyError('inside')
except KeyError as e:
    print('raised', e, d)

print('-- patch.multiple')
with patch.multiple(Service, limit=7, fetch=DEFAULT, build=DEFAULT) as made:
    print(Service.limit, sorted(made), clean(repr(made['fetch'])))
print(Service.limit)
with patch.multiple('__main__', VALUE=DEFAULT, new_callable=Mock) as made:
    show(made['VALUE'])
with patch.multiple(Service, limit=sentinel.x) as made:
    print(made, Service.limit)
attempt(patch.multiple, Service)

print('-- errors')
attempt(patch, 'nodots')
attempt(patch, 5)
attempt(patch.object, 'os', 'path')
attempt(patch('no_such_module_xyz.attr').__enter__)
attempt(patch('os.path.no_such_attr.deeper').__enter__)
attempt(patch('__main__.Service.no_such_attr').__enter__)
attempt(patch, 'os.sep', new=1, new_callable=Mock)
attempt(patch, 'os.sep', autospec=True, new_callable=Mock)
attempt(patch('os.sep', spec=True, autospec=True).__enter__)
attempt(patch('os.sep', spec=True, spec_set=object).__enter__)
attempt(patch('os.sep', 'x', autospec=True).__enter__)
attempt(patch('os.sep', 'x', extra=1).__enter__)
attempt(patch('__main__.missing_thing', create=True, spec=True).__enter__)
attempt(patch('__main__.missing_thing', create=True, autospec=True).__enter__)
attempt(patch, '__main__.compute', autospect=True)
attempt(patch, '__main__.compute', spec=Mock())
attempt(patch.object, Service, 'fetch', spec_set=Mock())
with patch('__main__.Service') as S:
    attempt(patch.object(S, 'fetch', autospec=True).__enter__)
    attempt(patch.object(Service, 'x', autospec=S, create=True).__enter__)
print(patch('__main__.compute', unsafe=True, autospect=True).kwargs)

print('-- exceptions inside patched code restore the original')
def boom():
    with patch('__main__.VALUE', 'temporary'):
        raise ValueError(VALUE)
attempt(boom)
print(VALUE)

print('-- nested patch of the same thing')
with patch('__main__.compute', return_value=1):
    with patch('__main__.compute', return_value=2):
        print(compute())
    print(compute())
print(compute(2))
