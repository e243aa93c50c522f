# unittest.mock: AsyncMock (driven without asyncio: coroutines are run by
# send(None)), async magic methods of MagicMock, patch of async functions,
# and mock_open (read, readline, readlines, iteration, bytes, handles).
import inspect
import re
from unittest import mock
from unittest.mock import (AsyncMock, MagicMock, Mock, call, mock_open, patch,
                           create_autospec, DEFAULT)


def clean(text):
    return re.sub(r"id='\d+'", "id=...", text)


def run(awaitable):
    # A minimal event loop: none of these coroutines ever suspend.
    try:
        awaitable.send(None)
    except StopIteration as stop:
        return stop.value
    raise RuntimeError('coroutine suspended')


def attempt(func, *args, **kwargs):
    try:
        result = func(*args, **kwargs)
    except BaseException as e:
        print('  ->', type(e).__name__ + ':', clean(str(e)))
    else:
        print('  =>', clean(repr(result)))


async def fetch(url, timeout=1):
    return url


class Client:
    async def get(self, path):
        return path
    def close(self):
        pass


print('-- AsyncMock basics')
am = AsyncMock()
print(inspect.iscoroutinefunction(am), clean(repr(am)))
coro = am(1, k=2)
print(inspect.iscoroutine(coro), inspect.isawaitable(coro))
print(am.called, am.call_count, am.await_count)
result = run(coro)
print(clean(repr(result)), am.await_count, am.await_args, am.await_args_list)
am.return_value = 'value'
print(run(am()))
am.side_effect = ValueError('async boom')
attempt(run, am())
am.side_effect = [1, 2]
print(run(am()), run(am()))
attempt(run, am())
async def effect(x):
    return x * 3
am.side_effect = effect
print(run(am(5)))
am.side_effect = lambda x: x + 1
print(run(am(5)))
am.side_effect = lambda x: DEFAULT
print(run(am(5)))
print(am.call_count, am.await_count)
am.reset_mock()
print(am.call_count, am.await_count, am.await_args, am.await_args_list)
wrapped = AsyncMock(wraps=fetch)
print(run(wrapped('u')))
sync_wrapped = AsyncMock(wraps=len)
print(run(sync_wrapped('abc')))
print(type(am.child).__name__, type(am.__len__).__name__ if hasattr(am, '__len__') else None)
print(len(am), type(am.__aenter__).__name__)

print('-- await assertions')
am = AsyncMock(name='worker')
attempt(am.assert_awaited)
attempt(am.assert_awaited_once)
attempt(am.assert_awaited_with, 1)
attempt(am.assert_awaited_once_with, 1)
attempt(am.assert_any_await, 1)
attempt(am.assert_has_awaits, [call(1)])
attempt(am.assert_not_awaited)
pending = am('never awaited')
attempt(am.assert_called_once)
attempt(am.assert_awaited)
run(pending)
run(am(2, x=3))
attempt(am.assert_awaited)
attempt(am.assert_awaited_once)
attempt(am.assert_awaited_with, 2, x=3)
attempt(am.assert_awaited_with, 2)
attempt(am.assert_awaited_once_with, 2, x=3)
attempt(am.assert_any_await, 'never awaited')
attempt(am.assert_any_await, 'nope')
attempt(am.assert_has_awaits, [call('never awaited'), call(2, x=3)])
attempt(am.assert_has_awaits, [call(2, x=3), call('never awaited')])
attempt(am.assert_has_awaits, [call(2, x=3), call('never awaited')], any_order=True)
attempt(am.assert_has_awaits, [call(7), call(2, x=3)], any_order=True)
attempt(am.assert_not_awaited)

print('-- specs make async mocks')
m = Mock(spec=fetch)
print(type(m).__mro__[1].__name__, inspect.iscoroutinefunction(m))
print(run(m('x')) is m.return_value)
m = MagicMock(spec=Client)
print(type(m.get).__name__, type(m.close).__name__)
print(clean(repr(run(m.get('/')))))
auto = create_autospec(fetch)
print(inspect.iscoroutinefunction(auto), type(auto.mock).__name__)
run(auto('http://x'))
auto.assert_awaited_once_with('http://x')
attempt(auto.assert_awaited_with, 'y')
attempt(auto)
attempt(create_autospec, fetch, instance=True)
AC = create_autospec(Client)
print(type(AC.return_value.get).__name__)
with patch('__main__.fetch') as patched:
    print(type(patched).__name__, inspect.iscoroutinefunction(patched))
    print(run(fetch('a')) is patched.return_value)
with patch.object(Client, 'get', return_value='patched get'):
    print(run(Client().get('/')))

@patch('__main__.fetch', return_value='from decorator')
async def uses_fetch(fake):
    return await fetch('z'), fake.await_count
print(inspect.iscoroutinefunction(uses_fetch), run(uses_fetch()))

@patch.dict('__main__.STATE', {'flag': True})
async def reads_state():
    return dict(STATE)
STATE = {}
print(run(reads_state()), STATE)

print('-- async magic methods')
mm = MagicMock()
async def use_context():
    async with mm as value:
        return value
print(run(use_context()) is mm.__aenter__.return_value)
print(mm.__aexit__.await_count, type(mm.__aenter__).__name__)
mm.__aiter__.return_value = [1, 2, 3]
async def collect():
    return [item async for item in mm]
print(run(collect()), run(collect()))
nm = MagicMock()
async def collect_empty():
    return [item async for item in nm]
print(run(collect_empty()))
mm.__anext__.return_value = 'next!'
print(run(mm.__anext__()))

print('-- mock_open')
m = mock_open(read_data='line one\nline two\nline three')
with patch('__main__.open', m, create=True):
    with open('some/file') as handle:
        print(repr(handle.read()))
    handle = open('other', 'w')
    handle.write('text')
    handle.close()
print(m.mock_calls[:4])
print(m.call_args_list)
m.assert_called_with('other', 'w')
handle = m()
print(repr(handle.readline()), repr(handle.readline()), handle.readlines())
print(repr(handle.read()), repr(handle.readline()))
handle = m()
print(list(handle))
handle = m()
print(repr(next(handle)), [line for line in handle])
handle = m()
print(repr(handle.read(4)), repr(handle.readline()), repr(handle.read()))
handle.read.return_value = 'override'
print(handle.read())
handle.readline.return_value = 'fixed line\n'
print(repr(handle.readline()), repr(next(handle)))
bm = mock_open(read_data=b'\x00bytes\nmore')
bh = bm()
print(bh.read(), bm().readlines(), list(bm()))
em = mock_open()
print(repr(em().read()), em().readlines())
custom = MagicMock()
m2 = mock_open(mock=custom, read_data='data')
print(m2 is custom, m2().read())
attempt(getattr, mock_open()(), 'not_a_file_method')
print(clean(repr(mock_open())), clean(repr(mock_open()())))
print(sorted(n for n in ('read', 'write', 'getvalue', 'fileno', '__enter__') if n in mock.file_spec))
