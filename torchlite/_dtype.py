"""dtypes, the default dtype, and torch's type-promotion rules.

This module is the one place that knows how torch combines dtypes.  Everything
that needs a result dtype (the dispatcher, factories, reductions) asks here.

torch's rules differ from NumPy's in three ways that matter to users:

* an integer and a floating dtype promote to the floating one, whatever the
  sizes (``int64 + float16 -> float16``; NumPy says ``float64``);
* operands are ranked: tensors with dimensions, then 0-dim tensors, then
  Python numbers.  A lower rank only matters when it is of a higher *category*
  (bool < integer < floating), so ``float16 tensor * 2.5`` stays ``float16``;
* a Python float counts as the default dtype, a Python int as int64.
"""

from __future__ import annotations

import builtins

import numpy as np

_pyint, _pyfloat, _pybool = builtins.int, builtins.float, builtins.bool

__all__ = [
    "dtype", "float16", "float32", "float64", "int8", "int16", "int32", "int64",
    "uint8", "bool_", "half", "float", "double", "short", "int", "long",
    "get_default_dtype", "set_default_dtype", "promote_types", "can_cast",
    "finfo", "iinfo",
]

# categories, ordered: a higher category wins regardless of sizes
BOOL, INTEGRAL, FLOATING = 0, 1, 2


class dtype:
    """A torch dtype: ``torch.float32`` and friends.  Instances are singletons."""

    __slots__ = ("name", "np", "itemsize", "is_floating_point", "is_signed",
                 "is_complex", "category", "_index")

    def __init__(self, name, np_dtype, category, is_signed, index):
        self.name = name
        self.np = np.dtype(np_dtype)
        self.itemsize = self.np.itemsize
        self.is_floating_point = category == FLOATING
        self.is_signed = is_signed
        self.is_complex = False
        self.category = category
        self._index = index

    def __repr__(self):
        return "torch." + self.name

    __str__ = __repr__

    def __reduce__(self):
        return self.name

    def to_real(self):
        return self

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


dtype.__module__ = "torch"

bool_ = dtype("bool", np.bool_, BOOL, False, 0)
uint8 = dtype("uint8", np.uint8, INTEGRAL, False, 1)
int8 = dtype("int8", np.int8, INTEGRAL, True, 2)
int16 = dtype("int16", np.int16, INTEGRAL, True, 3)
int32 = dtype("int32", np.int32, INTEGRAL, True, 4)
int64 = dtype("int64", np.int64, INTEGRAL, True, 5)
float16 = dtype("float16", np.float16, FLOATING, True, 6)
float32 = dtype("float32", np.float32, FLOATING, True, 7)
float64 = dtype("float64", np.float64, FLOATING, True, 8)

ALL = (bool_, uint8, int8, int16, int32, int64, float16, float32, float64)
FLOATS = (float16, float32, float64)
INTEGERS = (uint8, int8, int16, int32, int64)

# torch's aliases
half, float, double = float16, float32, float64  # noqa: A001 - torch's names
short, int, long = int16, int32, int64  # noqa: A001

# NumPy dtype -> torch dtype.  Keyed by np.dtype; NumPy dtypes hash by value.
_FROM_NP = {d.np: d for d in ALL}
# numpy's scalar types too (arr.dtype.type), for the fast path
_FROM_NP.update({d.np.type: d for d in ALL})


def from_numpy_dtype(npd):
    """The torch dtype for a NumPy dtype, or None if torch has no equivalent."""
    return _FROM_NP.get(npd)


def _promote_pair(a, b):
    if a is b:
        return a
    if a.category != b.category:
        hi, lo = (a, b) if a.category > b.category else (b, a)
        return hi
    if a.category == FLOATING:
        return a if a.itemsize > b.itemsize else b
    # both integral: NumPy's integer rule is torch's (uint8 + int8 -> int16)
    return _FROM_NP[np.promote_types(a.np, b.np)]


_PROMOTE = [[_promote_pair(a, b) for b in ALL] for a in ALL]


def promote(a, b):
    """promote_types without argument checks (internal)."""
    return _PROMOTE[a._index][b._index]


# torch reads the Python types float, int and bool as dtypes wherever it takes a dtype
_PY_TYPES = {_pyfloat: float64, _pyint: int64, _pybool: bool_}


def as_dtype(value):
    """A dtype argument as torch reads it (a dtype, or float/int/bool), else None."""
    if isinstance(value, dtype):
        return value
    if isinstance(value, type):
        return _PY_TYPES.get(value)
    return None


def _check_dtype_arg(fn, value, argname, pos):
    d = as_dtype(value)
    if d is None:
        raise TypeError(f"{fn}(): argument '{argname}' (position {pos}) must be torch.dtype, "
                        f"not {type(value).__name__}")
    return d


_MISSING = object()


def _missing(fn, names, values):
    for n, v in zip(names, values):
        if v is _MISSING:
            raise TypeError(f'{fn}() missing 1 required positional arguments: "{n}"')


def promote_types(type1=_MISSING, type2=_MISSING):
    _missing("promote_types", ("type1", "type2"), (type1, type2))
    type1 = _check_dtype_arg("promote_types", type1, "type1", 1)
    type2 = _check_dtype_arg("promote_types", type2, "type2", 2)
    return promote(type1, type2)


def can_cast(from_=_MISSING, to=_MISSING):
    _missing("can_cast", ("from_", "to"), (from_, to))
    from_ = _check_dtype_arg("can_cast", from_, "from_", 1)
    to = _check_dtype_arg("can_cast", to, "to", 2)
    if from_.category == FLOATING and to.category < FLOATING:
        return False
    if from_.category != BOOL and to.category == BOOL:
        return False
    return True


# --- the default dtype ------------------------------------------------------

_default = [float32]


def get_default_dtype():
    return _default[0]


def set_default_dtype(d):
    if not isinstance(d, dtype):
        raise TypeError("invalid dtype object: only floating-point types are supported as the "
                        "default type")
    if not d.is_floating_point:
        raise TypeError("only floating-point types are supported as the default type")
    _default[0] = d


def scalar_dtype(value):
    """The dtype a Python number takes in promotion (a float counts as the default dtype)."""
    if isinstance(value, (_pybool, np.bool_)):
        return bool_
    if isinstance(value, (_pyint, np.integer)):
        return int64
    if isinstance(value, (_pyfloat, np.floating)):
        return _default[0]
    return None


def combine_categories(higher, lower):
    """torch's rule for mixing operand ranks (dimensioned > 0-dim > number).

    ``higher`` is the dtype from the higher-ranked operands, ``lower`` from the
    lower-ranked ones; either may be None (no operand of that rank).
    """
    if higher is None:
        return lower
    if lower is None:
        return higher
    if higher.category == FLOATING:
        return higher
    if higher.category == BOOL or lower.category == FLOATING:
        return promote(higher, lower)
    return higher


def result_type_of(dim_dtype, zero_dtype, number_dtype):
    """Combine the promoted dtypes of each operand rank into the result dtype."""
    return combine_categories(dim_dtype, combine_categories(zero_dtype, number_dtype))


# --- finfo / iinfo ----------------------------------------------------------

class finfo:
    __slots__ = ("bits", "eps", "max", "min", "tiny", "smallest_normal", "resolution", "dtype")

    def __init__(self, type=None):  # noqa: A002 - torch's argument name
        if type is None:
            type = _default[0]
        if as_dtype(type) is None:
            raise TypeError(f"finfo(): argument 'type' (position 1) must be torch.dtype, "
                            f"not {_typename(type)}")
        type = as_dtype(type)
        if not type.is_floating_point:
            raise TypeError("torch.finfo() requires a floating point input type. "
                            "Use torch.iinfo to handle 'torch.finfo'")
        info = np.finfo(type.np)
        self.bits = _pyint(info.bits)
        self.eps = _pyfloat(info.eps)
        self.max = _pyfloat(info.max)
        self.min = _pyfloat(info.min)
        self.tiny = _pyfloat(info.tiny)
        self.smallest_normal = self.tiny
        self.resolution = 10.0 ** -_pyint(info.precision)
        self.dtype = type.name

    def __eq__(self, other):
        return isinstance(other, finfo) and all(getattr(self, k) == getattr(other, k)
                                                for k in finfo.__slots__)

    def __hash__(self):
        raise TypeError("unhashable type: 'torch.finfo'")

    def __repr__(self):
        return (f"finfo(resolution={self.resolution:g}, min={self.min:g}, max={self.max:g}, "
                f"eps={self.eps:g}, smallest_normal={self.smallest_normal:g}, "
                f"tiny={self.tiny:g}, dtype={self.dtype})")


class iinfo:
    __slots__ = ("bits", "max", "min", "dtype")

    def __init__(self, type):  # noqa: A002
        if as_dtype(type) is None:
            raise TypeError(f"iinfo(): argument 'type' (position 1) must be torch.dtype, "
                            f"not {_typename(type)}")
        type = as_dtype(type)
        if type is bool_:
            raise TypeError("torch.bool is not supported by torch.iinfo")
        if type.category != INTEGRAL:
            raise TypeError("torch.iinfo() requires an integer input type. "
                            "Use torch.finfo to handle 'torch.iinfo'")
        info = np.iinfo(type.np)
        self.bits = _pyint(info.bits)
        self.max = _pyint(info.max)
        self.min = _pyint(info.min)
        self.dtype = type.name

    def __eq__(self, other):
        return isinstance(other, iinfo) and all(getattr(self, k) == getattr(other, k)
                                                for k in iinfo.__slots__)

    def __hash__(self):
        raise TypeError("unhashable type: 'torch.iinfo'")

    def __repr__(self):
        return f"iinfo(min={self.min:g}, max={self.max:g}, dtype={self.dtype})"


def _typename(value):
    return value.__class__.__name__


finfo.__module__ = iinfo.__module__ = "torch"
