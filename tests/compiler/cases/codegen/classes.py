class Empty:
    pass

class Point(Base, metaclass=Meta):
    """A point."""
    x: int = 0
    y: int

    def __init__(self, x, y):
        self.__x = x
        self.y = y

    def method(self):
        return super().method()

    @property
    def prop(self):
        return __class__

    class Inner:
        def m(self):
            return self

def factory():
    class Local:
        def m(self):
            return Local
    return Local

@dataclass
class Data:
    a: int
    b: str = "x"
