# numbers.py: the numeric tower of abstract base classes (PEP 3141):
# Number > Complex > Real > Rational > Integral.
# minipy's own version of CPython 3.11 Lib/numbers.py (written for minipy;
# the same ABCs, abstract methods, mixins and registrations). Book ch. 12.
"""Abstract Base Classes (ABCs) for numbers, according to PEP 3141.

TODO: Fill out more detailed documentation on the operators."""

from abc import ABCMeta, abstractmethod

__all__ = ["Number", "Complex", "Real", "Rational", "Integral"]


class Number(metaclass=ABCMeta):
    """All numbers inherit from this class.

    If you just want to check if an argument x is a number, without
    caring what kind, use isinstance(x, Number).
    """
    __slots__ = ()

    # Concrete numeric types must provide their own hash implementation
    __hash__ = None


def _abstract(name, doc):
    # An abstract method that only documents the operation.
    def method(self, *args):
        raise NotImplementedError
    method.__name__ = method.__qualname__ = name
    method.__doc__ = doc
    return abstractmethod(method)


class Complex(Number):
    """Complex defines the operations that work on the builtin complex type.

    In short, those are: a conversion to complex, .real, .imag, +, -,
    *, /, **, abs(), .conjugate, ==, and !=.

    If it is given heterogeneous arguments, and doesn't have special
    knowledge about them, it should fall back to the builtin complex
    type as described below.
    """

    __slots__ = ()

    @abstractmethod
    def __complex__(self):
        """Return a builtin complex instance. Called for complex(self)."""

    def __bool__(self):
        """True if self != 0. Called for bool(self)."""
        return self != 0

    @property
    @abstractmethod
    def real(self):
        """Retrieve the real component of this number.

        This should subclass Real.
        """
        raise NotImplementedError

    @property
    @abstractmethod
    def imag(self):
        """Retrieve the imaginary component of this number.

        This should subclass Real.
        """
        raise NotImplementedError

    __add__ = _abstract('__add__', "self + other")
    __radd__ = _abstract('__radd__', "other + self")
    __neg__ = _abstract('__neg__', "-self")
    __pos__ = _abstract('__pos__', "+self")

    def __sub__(self, other):
        """self - other"""
        return self + -other

    def __rsub__(self, other):
        """other - self"""
        return -self + other

    __mul__ = _abstract('__mul__', "self * other")
    __rmul__ = _abstract('__rmul__', "other * self")
    __truediv__ = _abstract('__truediv__', "self / other: Should promote to float when necessary.")
    __rtruediv__ = _abstract('__rtruediv__', "other / self")
    __pow__ = _abstract('__pow__', "self ** exponent; should promote to float or complex when necessary.")
    __rpow__ = _abstract('__rpow__', "base ** self")
    __abs__ = _abstract('__abs__', "Returns the Real distance from 0. Called for abs(self).")
    conjugate = _abstract('conjugate', "(x+y*i).conjugate() returns (x-y*i).")
    __eq__ = _abstract('__eq__', "self == other")

Complex.register(complex)


class Real(Complex):
    """To Complex, Real adds the operations that work on real numbers.

    In short, those are: a conversion to float, trunc(), divmod,
    %, <, <=, >, and >=.

    Real also provides defaults for the derived operations.
    """

    __slots__ = ()

    __float__ = _abstract('__float__', "Any Real can be converted to a native float object.\n\n"
                                       "Called for float(self).")
    __trunc__ = _abstract('__trunc__', "trunc(self): Truncates self to an Integral.")
    __floor__ = _abstract('__floor__', "Finds the greatest Integral <= self.")
    __ceil__ = _abstract('__ceil__', "Finds the least Integral >= self.")

    @abstractmethod
    def __round__(self, ndigits=None):
        """Rounds self to ndigits decimal places, defaulting to 0.

        If ndigits is omitted or None, returns an Integral, otherwise
        returns a Real. Rounds half toward even.
        """
        raise NotImplementedError

    def __divmod__(self, other):
        """divmod(self, other): The pair (self // other, self % other)."""
        return (self // other, self % other)

    def __rdivmod__(self, other):
        """divmod(other, self): The pair (other // self, other % self)."""
        return (other // self, other % self)

    __floordiv__ = _abstract('__floordiv__', "self // other: The floor() of self/other.")
    __rfloordiv__ = _abstract('__rfloordiv__', "other // self: The floor() of other/self.")
    __mod__ = _abstract('__mod__', "self % other")
    __rmod__ = _abstract('__rmod__', "other % self")
    __lt__ = _abstract('__lt__', "self < other\n\n< on Reals defines a total ordering, except perhaps for NaN.")
    __le__ = _abstract('__le__', "self <= other")

    # Concrete implementations of Complex abstract methods.
    def __complex__(self):
        """complex(self) == complex(float(self), 0)"""
        return complex(float(self))

    @property
    def real(self):
        """Real numbers are their real component."""
        return +self

    @property
    def imag(self):
        """Real numbers have no imaginary component."""
        return 0

    def conjugate(self):
        """Conjugate is a no-op for Reals."""
        return +self

Real.register(float)


class Rational(Real):
    """.numerator and .denominator should be in lowest terms."""

    __slots__ = ()

    @property
    @abstractmethod
    def numerator(self):
        raise NotImplementedError

    @property
    @abstractmethod
    def denominator(self):
        raise NotImplementedError

    def __float__(self):
        """float(self) = self.numerator / self.denominator

        The integers' true division keeps huge ratios from overflowing.
        """
        return int(self.numerator) / int(self.denominator)


class Integral(Rational):
    """Integral adds methods that work on integral numbers.

    In short, these are conversion to int, pow with modulus, and the
    bit-string operations.
    """

    __slots__ = ()

    __int__ = _abstract('__int__', "int(self)")

    def __index__(self):
        """Called whenever an index is needed, such as in slicing"""
        return int(self)

    @abstractmethod
    def __pow__(self, exponent, modulus=None):
        """self ** exponent % modulus, but maybe faster."""
        raise NotImplementedError

    __lshift__ = _abstract('__lshift__', "self << other")
    __rlshift__ = _abstract('__rlshift__', "other << self")
    __rshift__ = _abstract('__rshift__', "self >> other")
    __rrshift__ = _abstract('__rrshift__', "other >> self")
    __and__ = _abstract('__and__', "self & other")
    __rand__ = _abstract('__rand__', "other & self")
    __xor__ = _abstract('__xor__', "self ^ other")
    __rxor__ = _abstract('__rxor__', "other ^ self")
    __or__ = _abstract('__or__', "self | other")
    __ror__ = _abstract('__ror__', "other | self")
    __invert__ = _abstract('__invert__', "~self")

    # Concrete implementations of Rational and Real abstract methods.
    def __float__(self):
        """float(self) == float(int(self))"""
        return float(int(self))

    @property
    def numerator(self):
        """Integers are their own numerators."""
        return +self

    @property
    def denominator(self):
        """Integers have a denominator of 1."""
        return 1

Integral.register(int)


def _fix_qualnames():
    # The methods made by _abstract are named inside their class.
    for cls in (Complex, Real, Rational, Integral):
        for name, value in cls.__dict__.items():
            if getattr(value, '__qualname__', None) == name:
                value.__qualname__ = cls.__name__ + '.' + name

_fix_qualnames()
del _fix_qualnames
