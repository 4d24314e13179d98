"""var/std of float32 and float16 tensors, bit for bit as torch's.

torch's CPU var/std kernels accumulate float32 in double and float16 in float and round once;
torchlite does the same (torchlite/_ops/reduction.py, _np_var), so the results are exact, also
where a float32 computation would underflow (subnormal deviations) or lose digits.  float64 is
compared within the reduction tolerance (torch's Welford order differs from a two-pass sum).
"""

import numpy as np
import torch
from hypothesis import given, settings, strategies as st
from hypothesis.extra import numpy as hnp

import torchlite

FUNCS = {
    "var": lambda lib, x, dim: x.var() if dim is None else x.var(dim),
    "std": lambda lib, x, dim: x.std() if dim is None else x.std(dim, keepdim=True),
    "var_biased": lambda lib, x, dim: x.var(dim, unbiased=False) if dim is not None else
    x.var(unbiased=False),
    "var_mean": lambda lib, x, dim: lib.var_mean(x) if dim is None else lib.var_mean(x, dim),
    "std_mean": lambda lib, x, dim: lib.std_mean(x) if dim is None else lib.std_mean(x, dim),
}


def _arrays(dtype):
    finite = st.floats(width=32 if dtype == np.float32 else 16, allow_nan=False,
                       allow_infinity=False)
    return hnp.arrays(dtype, hnp.array_shapes(min_dims=1, max_dims=3, min_side=2, max_side=6),
                      elements=st.one_of(finite, st.sampled_from([0.0, 1.1754943508222875e-38,
                                                                  -1e-40, 3.0e4])))


def _bits(r):
    rs = r if isinstance(r, tuple) else (r,)
    return [(np.asarray(t.detach().numpy()).dtype.str, np.asarray(t.detach().numpy()).tobytes())
            for t in rs]


@settings(max_examples=60, deadline=None)
@given(data=st.data(), dtype=st.sampled_from([np.float32, np.float16]),
       name=st.sampled_from(sorted(FUNCS)))
def test_var_std_bit_for_bit(data, dtype, name):
    a = data.draw(_arrays(dtype))
    dim = data.draw(st.sampled_from([None] + list(range(a.ndim))))
    expected = _bits(FUNCS[name](torch, torch.from_numpy(a.copy()), dim))
    assert _bits(FUNCS[name](torchlite, torchlite.from_numpy(a.copy()), dim)) == expected
