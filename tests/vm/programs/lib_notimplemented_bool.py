# NotImplemented in a boolean context: true, with a DeprecationWarning
# (shown once per line by the default filters, since it comes from
# __main__); an "error" filter turns it into an exception.
import warnings


def check(x):
    return not x


print(bool(NotImplemented))
print(check(NotImplemented), check(NotImplemented))
print("yes" if NotImplemented else "no")
print("__bool__" in dir(type(NotImplemented)))
warnings.simplefilter("error")
try:
    bool(NotImplemented)
except DeprecationWarning as e:
    print("error:", e)
