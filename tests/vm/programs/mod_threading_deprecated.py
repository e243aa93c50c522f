# threading's deprecated camelCase API (isDaemon, setDaemon, getName, setName,
# currentThread, activeCount, Event.isSet, Condition.notifyAll): each still works
# and warns with DeprecationWarning at the caller's line (stacklevel=2).
import threading, warnings
warnings.simplefilter('always')
t = threading.Thread(name='x')
print(t.isDaemon(), t.getName())
t.setDaemon(True); t.setName('y'); print(t.daemon, t.name)
print(threading.currentThread().name, threading.activeCount())
e = threading.Event(); print(e.isSet())
c = threading.Condition()
with c: c.notifyAll()
