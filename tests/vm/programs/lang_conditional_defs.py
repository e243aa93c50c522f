# Functions and classes defined conditionally or redefined: def is an
# assignment executed at run time; the last definition wins.
import sys

if sys.maxsize > 2 ** 32:
    def word_size():
        return 64
else:
    def word_size():
        return 32

print(word_size())

def greet():
    return "first"

first = greet

def greet():
    return "second"

print(first(), greet(), first is greet)
handlers = {}
for kind in ["a", "b"]:
    if kind == "a":
        def handler():
            return "handler A"
    else:
        class handler:
            def __repr__(self):
                return "handler B instance"
    handlers[kind] = handler
print(handlers["a"](), handlers["b"]())
try:
    late_function()
except NameError as e:
    print("NameError:", e)

def late_function():
    return "now defined"

print(late_function())

def make(flag):
    if flag:
        def inner():
            return "flag set"
    return inner

print(make(True)())
try:
    make(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
while True:
    def in_loop():
        return "defined in while"
    break
print(in_loop())
try:
    def ok():
        return "in try"
finally:
    def also():
        return "in finally"
print(ok(), also())
