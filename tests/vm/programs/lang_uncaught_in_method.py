# An uncaught exception raised deep inside methods and properties; the
# traceback shows each frame with its qualified function name.
class Inventory:
    def __init__(self):
        self.items = {"apple": 3, "pear": 0}

    @property
    def total(self):
        return sum(self.items.values())

    def ratio(self, name):
        return self.total / self.items[name]

    def report(self, names):
        for name in names:
            print(name, round(self.ratio(name), 2))

inv = Inventory()
inv.report(["apple", "pear"])
