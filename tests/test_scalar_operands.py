"""Tensor-number arithmetic, bit for bit as torch's.

The operators convert each Python number they meet to the tensor's dtype once and keep the
0-d array (torchlite/_ops/pointwise.py, ``scalar_constant``); the backward of ``x * c``
multiplies by the same kept constant.  These tests compare with torch, for each operator
and both argument orders, the first use of a number and the uses served from the cache, and
the numbers the cache must not hold (0 and -0, nan, infinities, integers beyond 2**53, values
that overflow the dtype).
"""

import math
import operator

import numpy as np
import pytest
import torch
from hypothesis import given, settings, strategies as st

import torchlite
from torchlite._ops import pointwise

OPS = {
    "add": operator.add,
    "sub": operator.sub,
    "mul": operator.mul,
    "truediv": operator.truediv,
}
DTYPES = ["float32", "float64"]
VALUES = [-0.0, 0.0, 0, 1, -1, 1.01, 0.5, 1e-45, 3.4e38, 1e300, -1e300, math.inf, -math.inf,
          math.nan, 2 ** 53 + 1, -(2 ** 60), 10 ** 30, 123456789]
DATA = [-2.5, -0.0, 0.0, 1e-40, 1.0, 3.0e38, math.inf, math.nan]


def _bits(t):
    a = t.detach().numpy() if hasattr(t, "detach") else np.asarray(t)
    return a.dtype.str, a.shape, a.tobytes()


def _apply(lib, dtype, op, v, reflected):
    """The result's bits, or the exception's type and message (10**30 overflows torch's
    wrapped-number conversion)."""
    x = lib.tensor(DATA, dtype=getattr(lib, dtype))
    try:
        r = op(v, x) if reflected else op(x, v)
    except Exception as e:  # noqa: BLE001 - compared with torch's
        return type(e).__name__, str(e)
    return _bits(r)


@pytest.mark.parametrize("reflected", [False, True], ids=["tensor_op_number", "number_op_tensor"])
@pytest.mark.parametrize("op", OPS)
@pytest.mark.parametrize("dtype", DTYPES)
def test_numbers_bit_for_bit(dtype, op, reflected):
    for v in VALUES:
        expected = (_apply(torch, dtype, OPS[op], v, reflected))
        for _use in range(2):  # the second use is served from the cache where it may be
            got = (_apply(torchlite, dtype, OPS[op], v, reflected))
            assert got == expected, (v, _use)


@settings(max_examples=60, deadline=None)
@given(v=st.one_of(st.floats(allow_nan=True, allow_infinity=True),
                   st.integers(-(2 ** 70), 2 ** 70)),
       dtype=st.sampled_from(DTYPES), op=st.sampled_from(sorted(OPS)), reflected=st.booleans())
def test_numbers_bit_for_bit_property(v, dtype, op, reflected):
    expected = (_apply(torch, dtype, OPS[op], v, reflected))
    assert (_apply(torchlite, dtype, OPS[op], v, reflected)) == expected
    assert (_apply(torchlite, dtype, OPS[op], v, reflected)) == expected


@pytest.mark.parametrize("dtype", DTYPES)
def test_negative_zero_is_not_served_as_zero(dtype):
    # 0.0 == -0.0 (equal dict keys): a cached 0.0 must never stand in for -0.0
    def f(lib):
        x = lib.tensor([-0.0, 0.0], dtype=getattr(lib, dtype))
        return [_bits(x + 0.0), _bits(x + -0.0), _bits(x * -0.0), _bits(x - 0.0)]
    assert f(torchlite) == f(torch)


@pytest.mark.parametrize("dtype", DTYPES)
def test_backward_of_scalar_product(dtype):
    def f(lib):
        x = lib.tensor([0.3, -1.7, 2.5], dtype=getattr(lib, dtype), requires_grad=True)
        y = x
        for c in (1.01, 3, -0.0, 1e-45, 1.01):
            y = y * c
        y.sum().backward()
        return _bits(x.grad)
    assert f(torchlite) == f(torch)


def test_cache_is_bounded():
    x = torchlite.tensor([1.0, 2.0])
    for i in range(1, 2000):
        x + (i + 0.5)
    assert all(len(c) <= 512 for c in pointwise._SCALAR_CONSTS.values())


BIG_INTS = [2 ** 63 - 1, 2 ** 63, 2 ** 64 - 1, 2 ** 64, 2 ** 70, -(2 ** 63), -(2 ** 63) - 1]
# every way a Python int reaches an op as a Scalar: torch converts it to int64 (uint64 above),
# and an int beyond both raises OverflowError
SCALAR_USES = {
    "add": lambda lib, x, v: x + v,
    "radd": lambda lib, x, v: v + x,
    "rsub": lambda lib, x, v: v - x,
    "truediv": lambda lib, x, v: x / v,
    "pow": lambda lib, x, v: x ** v,
    "eq": lambda lib, x, v: x == v,
    "add_fn": lambda lib, x, v: lib.add(x, v),
    "add_alpha": lambda lib, x, v: x.add(x, alpha=v),
    "sub_alpha": lambda lib, x, v: lib.sub(x, 1, alpha=v),
    "add_": lambda lib, x, v: x.clone().add_(1, alpha=v),
    "mul_": lambda lib, x, v: x.clone().mul_(v),
    "clamp": lambda lib, x, v: x.clamp(max=v),
    "clamp_": lambda lib, x, v: x.clone().clamp_(min=v),
    "fill_": lambda lib, x, v: x.clone().fill_(v),
    "lerp": lambda lib, x, v: x.lerp(x, v),
    "addcmul": lambda lib, x, v: lib.addcmul(x, x, x, value=v),
    "addcdiv": lambda lib, x, v: lib.addcdiv(x, x, x, value=v),
    "where": lambda lib, x, v: lib.where(x > 1, x, v),
    "result_type": lambda lib, x, v: lib.result_type(x, v),
    "int_mul": lambda lib, x, v: x.long() * v,
}


@pytest.mark.parametrize("use", SCALAR_USES)
def test_ints_beyond_int64_and_uint64(use):
    def outcome(lib, v):
        x = lib.tensor([1.0, 2.0])
        try:
            return repr(SCALAR_USES[use](lib, x, v))
        except Exception as e:  # noqa: BLE001 - compared with torch's
            return type(e).__name__, str(e)
    for v in BIG_INTS:
        assert outcome(torchlite, v) == outcome(torch, v), v


INT_DTYPES = ["uint8", "int8", "int16", "int32", "int64"]
EDGE_INTS = [-2 ** 63 - 1, -2 ** 63, -2 ** 40, -256, -255, -129, -128, -1, 0, 2, 127, 128, 255,
             256, 2 ** 15, 2 ** 31, 2 ** 63 - 1, 2 ** 63, 2 ** 64 - 1, 2 ** 64]
# a Python int converted to an integral tensor's dtype: checked against the dtype's range
INT_USES = {
    "add_alpha": lambda x, v: x.add(1, alpha=v),
    "add_alpha_": lambda x, v: x.clone().add_(1, alpha=v),
    "sub_alpha": lambda x, v: x.sub(1, alpha=v),
    "sub_alpha_": lambda x, v: x.clone().sub_(x, alpha=v),
    "clamp_max": lambda x, v: x.clamp(max=v),
    "clamp_min_": lambda x, v: x.clone().clamp_(min=v),
    "fill_": lambda x, v: x.clone().fill_(v),
    "add": lambda x, v: x + v,
}


@pytest.mark.parametrize("use", INT_USES)
@pytest.mark.parametrize("dtype", INT_DTYPES)
def test_int_scalars_converted_to_integral_dtypes(dtype, use):
    def outcome(lib, v):
        x = lib.tensor([5, 6], dtype=getattr(lib, dtype))
        try:
            return repr(INT_USES[use](x, v))
        except Exception as e:  # noqa: BLE001 - compared with torch's
            return type(e).__name__, str(e)
    for v in EDGE_INTS:
        assert outcome(torchlite, v) == outcome(torch, v), v
