# with statement return-value corners: __enter__'s result is what `as`
# binds (not the manager), `as` with tuple and attribute targets, and the
# manager object evaluated once.
class Manager:
    count = 0
    def __init__(self):
        Manager.count += 1
    def __enter__(self):
        return ("first", "second")
    def __exit__(self, *a):
        return None

with Manager() as (a, b):
    print(a, b)

class Box:
    pass

box = Box()
with Manager() as box.pair:
    pass
print(box.pair)
slots = [None]
with Manager() as slots[0]:
    pass
print(slots)
print("managers created:", Manager.count)

class ReturnsSelf:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return False
    def __repr__(self):
        return "ReturnsSelf()"

with ReturnsSelf() as r, Manager() as (x, _):
    print(r, x)

class EnterNone:
    def __enter__(self):
        pass
    def __exit__(self, *a):
        pass

with EnterNone() as nothing:
    print("bound:", nothing)
