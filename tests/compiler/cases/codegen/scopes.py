x = 1
def outer(a):
    b = 2
    def middle():
        nonlocal b
        c = a + b
        class K:
            b = 3
            def m(self):
                return b, c, __class__
            print(b, c)
        return K
    return middle

class A:
    __private = 1
    def __m(self):
        return self.__private + __private_global
    def f(self):
        return [self.__m() for _ in range(3)]
    def g(self):
        super().g()

def gen_closure():
    y = 0
    def inner():
        yield y
    return (lambda: y)

def uses_del(x):
    del x
    global G
    del G
