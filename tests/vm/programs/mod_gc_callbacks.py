# gc.callbacks: each callable gets ("start", info) before and ("stop", info)
# after a collection; info has generation, collected, uncollectable.
import gc

gc.disable()
gc.collect()
events = []


def recorder(phase, info):
    events.append((phase, sorted(info.items())))


gc.callbacks.append(recorder)
l = []
l.append(l)
del l
print("collect(0):", gc.collect(0))
l = [[]]
l[0].append(l)
del l
print("collect():", gc.collect())
print("collect(1):", gc.collect(generation=1))
for e in events:
    print(e)
gc.callbacks.remove(recorder)
events.clear()
gc.collect()
print("after removal:", events)


# DEBUG_SAVEALL: garbage goes to gc.garbage instead of being freed.
gc.set_debug(gc.DEBUG_SAVEALL)
a = [1]
a.append(a)
del a
print("saveall:", gc.collect(), "garbage:", gc.garbage)
gc.set_debug(0)
gc.garbage.clear()
print("garbage cleared:", gc.collect())

# get_stats counts collections per generation.
before = gc.get_stats()
gc.collect(0)
gc.collect(0)
gc.collect(2)
after = gc.get_stats()
print("stats keys:", sorted(after[0]))
print("collections:", [after[i]["collections"] - before[i]["collections"] for i in range(3)])
gc.enable()
