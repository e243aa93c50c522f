# AttributeError on an instance, with a suggestion, and the traceback
# marker under the attribute access.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

p = Point(3, 4)
print(p.norm())
print(p.z_value)
