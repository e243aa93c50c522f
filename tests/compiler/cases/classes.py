# Class bodies: mangling, the implicit __class__ cell, class-level names
# invisible to methods.
def factory(value):
    class Base:
        __slots__ = ("__secret",)
        value = 0

        def __init__(self, __arg=value):
            self.__secret = __arg

        def get(self):
            return super().__init__, __class__, value

        @staticmethod
        def __hidden(__x):
            return __x

    class Derived(Base, metaclass=type):
        def method(self):
            return [self for _ in range(2)]

    return Derived
