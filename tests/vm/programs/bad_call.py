# An uncaught TypeError from a call with a missing argument.
def greet(greeting, name):
    return f"{greeting}, {name}!"

print(greet("Hello", "world"))
print(greet("Hi"))
