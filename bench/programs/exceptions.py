# exceptions.py: exception-heavy control flow: raising and catching in a
# loop, custom exception classes with attributes, try/finally, nested
# handlers, re-raise with `from`, EAFP dict/attribute access, and
# StopIteration ending hand-written iterators.
import sys


class ValidationError(Exception):
    def __init__(self, field, value):
        super().__init__(f"bad {field}")
        self.field = field
        self.value = value


class RangeError(ValidationError):
    pass


def validate(record):
    if record["age"] < 0:
        raise RangeError("age", record["age"])
    if not record["name"]:
        raise ValidationError("name", record["name"])
    return record["age"]


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        return -1


def nested(i):
    try:
        try:
            if i % 3 == 0:
                raise ValueError(i)
            return i
        finally:
            if i % 5 == 0:
                pass
    except ValueError as e:
        try:
            raise TypeError("wrapped") from e
        except TypeError as t:
            return -t.__cause__.args[0]


def main(scale):
    n = 20000 * scale
    ok = bad_range = bad_name = 0
    for i in range(n):
        record = {"age": (i % 7) - 2, "name": "x" if i % 11 else ""}
        try:
            ok += validate(record)
        except RangeError as e:
            bad_range += e.value
        except ValidationError as e:
            bad_name += len(e.field)
    print("validate", ok, bad_range, bad_name)
    table = {i: i * i for i in range(0, 1000, 2)}
    print("lookup", sum(lookup(table, i % 1000) for i in range(n)))
    print("nested", sum(nested(i) for i in range(n)))
    total = 0
    for _ in range(scale * 20):
        for v in Countdown(500):
            total += v
    print("countdown", total)
    attrs = 0
    objs = [ValidationError("f", i) for i in range(100)] + [object()] * 100
    for _ in range(scale * 20):
        for o in objs:
            try:
                attrs += o.value
            except AttributeError:
                attrs -= 1
    print("attrs", attrs)


main(int(sys.argv[1]) if len(sys.argv) > 1 else 4)
