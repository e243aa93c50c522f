# Classes defined inside functions close over the function's locals;
# methods see them as free variables; each call makes a new class.
def make_class(greeting):
    count = 0
    class Greeter:
        prefix = greeting.upper()
        def greet(self, name):
            nonlocal count
            count += 1
            return f"{greeting}, {name} (#{count})"
        @staticmethod
        def calls():
            return count
    return Greeter

Hello = make_class("hello")
Hi = make_class("hi")
h = Hello()
print(h.greet("ann"), h.greet("bob"), Hello.calls(), Hi.calls())
print(Hi().greet("cy"), Hello.prefix, Hi.prefix, Hello is Hi)
print(Hello.__qualname__, Hello.greet.__code__.co_freevars)

def counter_class():
    instances = []
    class Tracked:
        def __init__(self):
            instances.append(self)
    return Tracked, instances

T, made = counter_class()
T(); T()
print(len(made))
