__all__ = ["shared", "helper"]
shared = "shared value"
def helper():
    return "helper from " + __name__
_hidden = 1
not_listed = 2
