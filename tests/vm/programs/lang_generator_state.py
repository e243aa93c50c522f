# Generator states observable from Python: created, running, suspended,
# closed; gi_suspended and gi_running over the lifetime.
def states():
    print("  running inside:", gen.gi_running, gen.gi_suspended)
    yield 1
    yield 2

def state(g):
    if g.gi_running:
        return "running"
    if g.gi_frame is None:
        return "closed"
    if g.gi_suspended:
        return "suspended"
    return "created"

gen = states()
print(state(gen))
next(gen)
print(state(gen))
next(gen)
print(state(gen))
try:
    next(gen)
except StopIteration:
    print(state(gen))
gen = states()
gen.close()
print("closed before start:", state(gen))
g2 = (i for i in range(2))
print(state(g2), next(g2), state(g2), list(g2), state(g2))
