# hashlib.py: secure hash constructors by name. minipy's own module with
# the API of CPython 3.11's Lib/hashlib.py, as far as minipy has hash
# implementations: SHA-512 and SHA-384 from the native _sha512
# (modules/sha512module.cpp). Book chapter 12, "The Standard Library".
#
# CPython's hashlib prefers OpenSSL and falls back to the builtin _md5,
# _sha1, _sha256, _sha512, _sha3 and _blake2 modules; minipy has only the
# last of those it needed (random.seed of str/bytes hashes with sha512), so
# the algorithms offered are exactly the ones that module provides.

from _sha512 import sha512, sha384

__always_supported = ('sha512', 'sha384')

algorithms_guaranteed = set(__always_supported)
algorithms_available = set(__always_supported)

__all__ = __always_supported + ('new', 'algorithms_guaranteed',
                                'algorithms_available')

_constructors = {'sha512': sha512, 'sha384': sha384}


def new(name, data=b'', **kwargs):
    """new(name, data=b'') - Return a new hashing object using the named
    algorithm; optionally initialized with data (which must be a
    bytes-like object)."""
    if not isinstance(name, str):
        raise TypeError('name must be a string')
    constructor = _constructors.get(name.lower())
    if constructor is None:
        raise ValueError('unsupported hash type ' + name)
    return constructor(data, **kwargs)
