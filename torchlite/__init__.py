"""torchlite: torch.Tensor and torch.autograd on NumPy, output-identical to PyTorch.

This module is the torch-shaped public namespace: it only re-exports.
"""

import builtins as _builtins

from . import _malloc
_malloc.tune()  # see _malloc.py: large NumPy temporaries reused instead of mmap'ed per op

from . import _dtype
from ._dtype import (dtype, float16, float32, float64, int8, int16, int32, int64, uint8,  # noqa: F401
                     half, double, short, long, get_default_dtype, set_default_dtype,
                     promote_types, can_cast, finfo, iinfo)
from ._tensor import Tensor, Size, device  # noqa: F401
from . import autograd  # noqa: F401
from .autograd.grad_mode import (no_grad, enable_grad, set_grad_enabled, is_grad_enabled,  # noqa: F401
                                 inference_mode, is_inference_mode_enabled)
from ._ops import result_type  # noqa: F401
from .autograd.anomaly_mode import is_anomaly_enabled, is_anomaly_check_nan_enabled  # noqa: F401
from ._ops.pointwise import (  # noqa: F401
    add, sub, subtract, rsub, mul, multiply, div, divide, true_divide, floor_divide, remainder,
    fmod, pow, float_power, neg, negative, abs, absolute, sign, sgn, exp, exp2, expm1, log, log2,
    log10, log1p, sqrt, rsqrt, square, reciprocal, sin, cos, tan, asin, acos, atan, sinh, cosh,
    tanh, asinh, acosh, atanh, sigmoid, logit, relu, erf, erfinv, floor, ceil, round, trunc, fix,
    frac, atan2, arctan2, hypot, clamp, clip, clamp_min, clamp_max, maximum, minimum, fmax, fmin,
    where, lerp, addcmul, addcdiv, xlogy, nan_to_num, sinc, deg2rad, rad2deg, eq, ne, lt, le, gt,
    ge, not_equal, less, less_equal, greater, greater_equal, isclose, allclose, equal, isnan,
    isinf, isfinite, isposinf, isneginf, isreal, signbit, logical_and, logical_or, logical_xor,
    logical_not, bitwise_and, bitwise_or, bitwise_xor, bitwise_not, bitwise_left_shift,
    bitwise_right_shift, exp_, sigmoid_, relu_, tanh_, sqrt_, zero_, fill_)
from ._ops.pointwise import asin as arcsin, acos as arccos, atan as arctan  # noqa: F401
from ._ops.pointwise import asinh as arcsinh, acosh as arccosh, atanh as arctanh  # noqa: F401
from ._ops.reduction import (  # noqa: F401
    sum, nansum, mean, nanmean, prod, max, min, amax, amin, aminmax, argmax, argmin, std, var,
    var_mean, std_mean, norm, dist, logsumexp, cumsum, cumprod, cummax, cummin, all, any,
    count_nonzero, sort, argsort, msort, topk, kthvalue, median, unique, softmax, log_softmax)
from ._ops.linalg import (  # noqa: F401
    matmul, mm, bmm, mv, dot, inner, vdot, outer, ger, addmm, baddbmm, cross, einsum)
from ._ops.shape import (  # noqa: F401
    reshape, flatten, unflatten, squeeze, unsqueeze, transpose, swapaxes, swapdims, t, permute,
    movedim, moveaxis, broadcast_to, broadcast_tensors, cat, concat, concatenate, stack, hstack,
    vstack, split, chunk, unbind, tensor_split, narrow, select, index_select, gather, scatter,
    scatter_add, index_add, masked_fill, masked_select, flip, fliplr, flipud, roll, tril, triu,
    diag, diag_embed, diagonal, trace, clone, as_strided, tile)
from ._ops.shape import broadcast_shapes as _broadcast_shapes  # noqa: F401
from ._ops.indexing import nonzero, argwhere, take, take_along_dim, index_put  # noqa: F401
from ._factory import (  # noqa: F401
    tensor, as_tensor, asarray, from_numpy, zeros, ones, empty, full, eye, arange, linspace,
    logspace, zeros_like, ones_like, empty_like, full_like, rand, randn, rand_like, randn_like,
    randint, randint_like, randperm, normal, bernoulli, multinomial, manual_seed, seed,
    initial_seed, get_rng_state, set_rng_state, FloatTensor, DoubleTensor, HalfTensor,
    LongTensor, IntTensor, ShortTensor, CharTensor, ByteTensor, BoolTensor)
from ._factory import range_ as range  # noqa: F401
from ._printing import set_printoptions, get_printoptions  # noqa: F401
from ._random import Generator  # noqa: F401
from . import _methods  # noqa: F401  (binds the Tensor methods)
from . import return_types  # noqa: F401
from . import nn  # noqa: F401
from . import linalg  # noqa: F401

def _quiet_namespace(namespace):
    """Every op function exported here runs with NumPy's FP warnings off (see _ops._common)."""
    from ._ops._common import quiet
    for name, value in list(namespace.items()):
        module = getattr(value, "__module__", "") or ""
        if callable(value) and not isinstance(value, type) and (
                module.startswith("torchlite._ops") or module == "torchlite._factory"):
            namespace[name] = quiet(value)


_quiet_namespace(globals())

bool = _dtype.bool_  # noqa: A001 - torch's names shadow builtins in this namespace
float = _dtype.float32  # noqa: A001
int = _dtype.int32  # noqa: A001

__version__ = "0.1.0"


class _Layout:
    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "torch." + self.name


strided = _Layout("strided")
contiguous_format = _Layout("contiguous_format")
preserve_format = _Layout("preserve_format")


def broadcast_shapes(*shapes):
    return Size(_broadcast_shapes(*[(s,) if isinstance(s, _builtins.int) else tuple(s)
                                    for s in shapes]))


def is_tensor(obj):
    return isinstance(obj, Tensor)


def is_floating_point(input):
    if not isinstance(input, Tensor):
        raise TypeError("is_floating_point(): argument 'input' (position 1) must be Tensor, not "
                        f"{type(input).__name__}")
    return input.is_floating_point()


def numel(input):
    return input.numel()


def is_nonzero(input):
    if input.numel() != 1:
        raise RuntimeError("Boolean value of Tensor with more than one value is ambiguous")
    return _builtins.bool(input.item())


def get_num_threads():
    return 1


def set_num_threads(n):
    return None


def use_deterministic_algorithms(mode, *, warn_only=False):
    return None


def compile(model=None, **kwargs):  # noqa: A001 - torch's name
    return model if model is not None else (lambda f: f)
