# os: processes: fork/_exit/waitpid and the W* macros, execv through a pipe,
# spawnv/spawnvp, system, a child killed by a signal, exec errors (issue 10).
import os, sys
pid = os.fork()
if pid == 0:
    print('child', flush=True)
    os._exit(7)
wpid, status = os.waitpid(pid, 0)
print(wpid == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), os.waitstatus_to_exitcode(status))
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.dup2(w, 1)
    os.execv('/bin/echo', ['echo', 'from', 'exec'])
os.close(w)
print(os.read(r, 100))
os.waitpid(pid, 0)
os.close(r)
print(os.spawnv(os.P_WAIT, '/bin/sh', ['sh', '-c', 'exit 3']))
print(os.spawnvp(os.P_WAIT, 'true', ['true']))
print(os.system('exit 2') >> 8)
pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), 9)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
try:
    os.waitpid(pid, 0)
except ChildProcessError as e:
    print(type(e).__name__, e)
try:
    os.execv('/nonexistent/prog', ['x'])
except FileNotFoundError as e:
    print(e)
try:
    os.execv('/bin/echo', [])
except ValueError as e:
    print(e)
