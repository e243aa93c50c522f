"""A helper module for tests/vm/programs/imports.py."""
print("geometry imported as", __name__)
PI = 3.14159
_private = "hidden"
def area(r):
    return PI * r * r
