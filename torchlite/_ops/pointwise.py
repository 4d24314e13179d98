"""Pointwise ops: the table rows (forward beside derivative) and their public functions.

Rules are written in torchlite ops on Tensors; they never unbroadcast or
cast (the engine does).  Formulas follow torch's (derivatives.yaml) so that
gradients agree to the last bit where the arithmetic allows.
"""

from __future__ import annotations

import builtins
import math

import numpy as np

from .. import _dtype as D
from .. import _errors
from .._dispatch import defop, finish, check_inplace, rebase, record1
from .._tensor import Tensor, make
from ..autograd import grad_mode
from ._common import quiet_enter, quiet_reset, int_scalar_check, C_TYPE_NAMES, torch_layout
from ._common import (is_number, check_tensor, not_implemented_for, promote2, array_of,
                      broadcast_error, handle_out, number_value, result_type)

FLOATING, INTEGRAL, BOOL = D.FLOATING, D.INTEGRAL, D.BOOL
_isinstance = isinstance
_state = grad_mode._state
_HALF = D.float16
_ONE = 1  # the default alpha (a cached small int): anything else goes through torch's checks
LN2 = math.log(2.0)
LN10 = math.log(10.0)
TWO_OVER_SQRT_PI = 2.0 / math.sqrt(math.pi)
SQRT_PI_OVER_2 = 0.5 * math.sqrt(math.pi)


def _zeros_like(t):
    return make(np.zeros(t._data.shape, t._dtype.np), t._dtype)


# ==================================================================================
# The table.  One row per op; see _dispatch.defop for the conventions.
# ==================================================================================

ADD = defop("add", "AddBackward0", ("self", "other", "alpha"),
            self=lambda grad: grad,
            other=lambda grad, alpha: grad if alpha == 1 else mul_scalar(grad, alpha))
SUB = defop("sub", "SubBackward0", ("self", "other", "alpha"),
            self=lambda grad: grad,
            other=lambda grad, alpha: -grad if alpha == 1 else mul_scalar(-grad, alpha))
RSUB = defop("rsub", "RsubBackward1", ("self", "other", "alpha"),
             self=lambda grad, alpha: -grad if alpha == 1 else mul_scalar(-grad, alpha))
RSUB_TT = defop("rsub", "RsubBackward0", ("self", "other", "alpha"),
                self=lambda grad, alpha: -grad if alpha == 1 else mul_scalar(-grad, alpha),
                other=lambda grad: grad)
MUL = defop("mul", "MulBackward0", ("self", "other"),
            self=lambda grad, other: _times(grad, other),
            other=lambda grad, self: _times(grad, self))
# mul(Tensor, Scalar): what torch's derivative formulas record for "grad * alpha" (a C++
# number), where Python's "x * 2" records MulBackward0 with a wrapped number
MUL_SCALAR = defop("mul", "MulBackward1", ("self", "other"), inputs=1,
                   self=lambda grad, other: mul_scalar(grad, other))
# add/sub/div(Tensor, Scalar) as the C++ formulas record them ("result + 1", "self - 1",
# "grad / 2"): one edge, the number is no input
ADD_SCALAR = defop("add", "AddBackward1", ("self", "other", "alpha"), inputs=1,
                   self=lambda grad: grad)
SUB_SCALAR = defop("sub", "SubBackward1", ("self", "other", "alpha"), inputs=1,
                   self=lambda grad: grad)
DIV_SCALAR = defop("div", "DivBackward1", ("self", "other"), inputs=1,
                   self=lambda grad, other: div_scalar(grad, other))
DIV = defop("div", "DivBackward0", ("self", "other"),
            self=lambda grad, other: grad / other,
            other=lambda grad, self, other: _div_backward_other(grad, self, other))
DIV_ROUNDED = defop("div", "DivBackward2", ("self", "other"),
                    self=lambda grad: _zeros_like(grad),
                    other=lambda grad: _zeros_like(grad))
# torch's NotImplemented node has an edge only for the inputs that require grad
FLOOR_DIVIDE_SCALAR = defop("floor_divide", "NotImplemented", ("self", "other"), inputs=1,
                            self=lambda grad: _not_differentiable("floor_divide"))
FLOOR_DIVIDE_RSCALAR = defop("floor_divide", "NotImplemented", ("other", "self"), inputs=1,
                             other=lambda grad: _not_differentiable("floor_divide"))
FLOOR_DIVIDE = defop("floor_divide", "NotImplemented", ("self", "other"),
                     self=lambda grad: _not_differentiable("floor_divide"),
                     other=lambda grad: _not_differentiable("floor_divide"))
POW = defop("pow", "PowBackward0", ("self", "exponent"), inputs=1,
            self=lambda grad, self, exponent: _pow_backward(grad, self, exponent))
POW_TT = defop("pow", "PowBackward1", ("self", "exponent"), also_save=("result",),
               self=lambda grad, self, exponent: _pow_backward_self(grad, self, exponent),
               exponent=lambda grad, self, exponent, result:
                   _pow_backward_exponent(grad, self, exponent, result))
POW_ST = defop("pow", "PowBackward2", ("exponent", "self"), inputs=1,
               exponent=lambda grad, self, exponent, result:
                   _pow_backward_exponent(grad, self, exponent, result))
REMAINDER = defop("remainder", "RemainderBackward0", ("self", "other"), inputs=1,
                  self=lambda grad: grad)
REMAINDER_ST = defop("remainder", "NotImplemented", ("other", "self"), inputs=1,
                     other=lambda grad: _not_differentiable("remainder"))
REMAINDER_TT = defop("remainder", "RemainderBackward1", ("self", "other"),
                     self=lambda grad: grad,
                     other=lambda grad, self, other:
                         _neg_times(grad, self.div(other, rounding_mode="floor")))
FMOD = defop("fmod", "FmodBackward0", ("self", "other"), inputs=1,
             self=lambda grad: grad)
FMOD_TT = defop("fmod", "FmodBackward1", ("self", "other"),
                self=lambda grad: grad,
                other=lambda grad, self, other:
                    _neg_times(grad, self.div(other, rounding_mode="trunc")))
ATAN2 = defop("atan2", "Atan2Backward0", ("self", "other"), rule_order="inputs",
              self=lambda grad, self, other: _atan2_backward(grad, self, other, other),
              other=lambda grad, self, other: _atan2_backward(grad, self, other, None))
MAXIMUM = defop("maximum", "MaximumBackward0", ("self", "other"),
                self=lambda grad, self, other: _tie_half(grad, self, other).masked_fill(self < other, 0),
                other=lambda grad, self, other: _tie_half(grad, self, other).masked_fill(self > other, 0))
MINIMUM = defop("minimum", "MinimumBackward0", ("self", "other"),
                self=lambda grad, self, other: _tie_half(grad, self, other).masked_fill(self > other, 0),
                other=lambda grad, self, other: _tie_half(grad, self, other).masked_fill(self < other, 0))
FMAX = defop("fmax", "FmaxBackward0", ("self", "other"),
             self=lambda grad, self, other:
                 grad.masked_fill((self >= other).logical_or(other.isnan()).logical_not(), 0),
             other=lambda grad, self, other:
                 grad.masked_fill((self >= other).logical_or(other.isnan()), 0))
FMIN = defop("fmin", "FminBackward0", ("self", "other"),
             self=lambda grad, self, other:
                 grad.masked_fill((self <= other).logical_or(other.isnan()).logical_not(), 0),
             other=lambda grad, self, other:
                 grad.masked_fill((self <= other).logical_or(other.isnan()), 0))
HYPOT = defop("hypot", "HypotBackward0", ("self", "other"),
              self=lambda grad, self, result: grad * self / result,
              other=lambda grad, other, result: grad * other / result)

NEG = defop("neg", "NegBackward0", self=lambda grad: -grad)
ABS = defop("abs", "AbsBackward0", self=lambda grad, self: grad * self.sgn())
SIGN = defop("sign", "SignBackward0", self=lambda grad: _zeros_like(grad))
SGN = defop("sgn", "SgnBackward0", self=lambda grad: _zeros_like(grad))
EXP = defop("exp", "ExpBackward0", self=lambda grad, result: _times(grad, result))
EXP2 = defop("exp2", "Exp2Backward0", self=lambda grad, result: mul_scalar(grad * result, LN2))
EXPM1 = defop("expm1", "Expm1Backward0", self=lambda grad, result: grad * add_scalar(result, 1))
LOG = defop("log", "LogBackward0", self=lambda grad, self: grad.div(self))
LOG2 = defop("log2", "Log2Backward0", self=lambda grad, self: grad / mul_scalar(self, LN2))
LOG10 = defop("log10", "Log10Backward0", self=lambda grad, self: grad / mul_scalar(self, LN10))
LOG1P = defop("log1p", "Log1PBackward0", self=lambda grad, self: grad / add_scalar(self, 1))
SQRT = defop("sqrt", "SqrtBackward0", self=lambda grad, result: grad / mul_scalar(result, 2))
RSQRT = defop("rsqrt", "RsqrtBackward0",
              self=lambda grad, result: _rsqrt_backward(grad, result))
SQUARE = defop("square", "PowBackward0", ("self", "exponent"), inputs=1,
               self=lambda grad, self, exponent: _pow_backward(grad, self, exponent))
RECIPROCAL = defop("reciprocal", "ReciprocalBackward0",
                   self=lambda grad, result: _neg_times(grad, result * result))
SIN = defop("sin", "SinBackward0", self=lambda grad, self: _times(grad, self, np.cos, cos))
COS = defop("cos", "CosBackward0", self=lambda grad, self: _times(grad, self, _neg_sin, _neg_sin_op))
TAN = defop("tan", "TanBackward0", self=lambda grad, result: grad * add_scalar(result.pow(2), 1))
ASIN = defop("asin", "AsinBackward0",
             self=lambda grad, self: grad * add_scalar(-self * self, 1).rsqrt())
ACOS = defop("acos", "AcosBackward0",
             self=lambda grad, self: grad * -(add_scalar(-self * self, 1).rsqrt()))
ATAN = defop("atan", "AtanBackward0", self=lambda grad, self: grad / add_scalar(self * self, 1))
SINH = defop("sinh", "SinhBackward0", self=lambda grad, self: grad * self.cosh())
COSH = defop("cosh", "CoshBackward0", self=lambda grad, self: grad * self.sinh())
TANH = defop("tanh", "TanhBackward0", self=lambda grad, result: tanh_backward(grad, result))
ASINH = defop("asinh", "AsinhBackward0",
              self=lambda grad, self: grad * add_scalar(self.pow(2), 1).rsqrt())
ACOSH = defop("acosh", "AcoshBackward0",
              self=lambda grad, self: grad * sub_scalar(self * self, 1).rsqrt())
ATANH = defop("atanh", "AtanhBackward0", self=lambda grad, self: _atanh_backward(grad, self))
SIGMOID = defop("sigmoid", "SigmoidBackward0",
                self=lambda grad, result: sigmoid_backward(grad, result))
LOGIT = defop("logit", "LogitBackward0", ("self", "eps"), inputs=1,
              self=lambda grad, self, eps: _logit_backward(grad, self, eps))
RELU = defop("relu", "ReluBackward0", self=lambda grad, result: threshold_backward(grad, result, 0))

# The backward of relu, sigmoid and tanh are ops of their own in torch, so a gradient taken
# with create_graph=True has their node (ThresholdBackwardBackward0, ...) as grad_fn, connected
# to the forward's output.
THRESHOLD_BACKWARD = defop("threshold_backward", "ThresholdBackwardBackward0",
                           ("grad_output", "self", "threshold"), inputs=2,
                           grad_output=lambda grad, self, threshold:
                               threshold_backward(grad, self, threshold),
                           self=lambda grad: _zeros_like(grad))
SIGMOID_BACKWARD = defop("sigmoid_backward", "SigmoidBackwardBackward0", ("grad_output", "output"),
                         grad_output=lambda grad, output: sigmoid_backward(grad, output),
                         output=lambda grad, grad_output, output:
                             grad * grad_output * add_scalar(mul_scalar(output, -2), 1))
TANH_BACKWARD = defop("tanh_backward", "TanhBackwardBackward0", ("grad_output", "output"),
                      grad_output=lambda grad, output: tanh_backward(grad, output),
                      output=lambda grad, grad_output, output:
                          grad * (mul_scalar(output, -2) * grad_output))
ERF = defop("erf", "ErfBackward0",
            self=lambda grad, self: mul_scalar((-self.pow(2)).exp(), TWO_OVER_SQRT_PI) * grad)
ERFINV = defop("erfinv", "ErfinvBackward0",
               self=lambda grad, self:
                   mul_scalar(self.erfinv().pow(2).exp(), SQRT_PI_OVER_2) * grad)
FLOOR = defop("floor", "FloorBackward0", self=lambda grad: _zeros_like(grad))
CEIL = defop("ceil", "CeilBackward0", self=lambda grad: _zeros_like(grad))
ROUND = defop("round", "RoundBackward0", self=lambda grad: _zeros_like(grad))
ROUND_DEC = defop("round", "RoundBackward1", ("self", "decimals"), inputs=1,
                  self=lambda grad: _zeros_like(grad))
TRUNC = defop("trunc", "TruncBackward0", self=lambda grad: _zeros_like(grad))
FRAC = defop("frac", "FracBackward0", self=lambda grad: grad)
DEG2RAD = defop("deg2rad", "Deg2RadBackward0", self=lambda grad: mul_scalar(grad, math.pi / 180))
RAD2DEG = defop("rad2deg", "Rad2DegBackward0", self=lambda grad: mul_scalar(grad, 180 / math.pi))
NAN_TO_NUM = defop("nan_to_num", "NanToNumBackward0",
                   self=lambda grad, self: grad * self.isfinite())
SINC = defop("sinc", "SincBackward0", self=lambda grad, self: _sinc_backward(grad, self))
XLOGY = defop("xlogy", "XlogyBackward0", ("self", "other"),
              self=lambda grad, self, other: _xlogy_self(grad, self, other),
              other=lambda grad, self, other: _xlogy_other(grad, self, other))
XLOGY_ST = defop("xlogy", "XlogyBackward1", ("other", "self"), inputs=1,
                 other=lambda grad, self, other: _xlogy_other(grad, self, other))
XLOGY_TS = defop("xlogy", "XlogyBackward2", ("self", "other"), inputs=1,
                 self=lambda grad, self, other: _xlogy_self(grad, self, other))

CLAMP = defop("clamp", "ClampBackward1", ("self", "min", "max"), inputs=1,
              self=lambda grad, self, min, max: _clamp_backward(grad, self, min, max))
CLAMP_T = defop("clamp", "ClampBackward0", ("self", "min", "max"),
                self=lambda grad, self, min, max: _clamp_backward(grad, self, min, max),
                min=lambda grad, self, min, max: _clamp_backward_min(grad, self, min, max),
                max=lambda grad, self, min, max: _clamp_backward_max(grad, self, min, max))
CLAMP_MIN = defop("clamp_min", "ClampMinBackward0", ("self", "min"), inputs=1,
                  self=lambda grad, self, min: _where(self >= min, grad, _zeros_like_scalar(grad)))
CLAMP_MAX = defop("clamp_max", "ClampMaxBackward0", ("self", "max"), inputs=1,
                  self=lambda grad, self, max: _where(self <= max, grad, _zeros_like_scalar(grad)))
CLAMP_MIN_T = defop("clamp_min", "ClampMinBackward1", ("self", "min"),
                    self=lambda grad, self, min: _where(self >= min, grad, _zeros_like_scalar(grad)),
                    min=lambda grad, self, min: _where(self < min, grad, _zeros_like_scalar(grad)))
CLAMP_MAX_T = defop("clamp_max", "ClampMaxBackward1", ("self", "max"),
                    self=lambda grad, self, max: _where(self <= max, grad, _zeros_like_scalar(grad)),
                    max=lambda grad, self, max: _where(self > max, grad, _zeros_like_scalar(grad)))
WHERE = defop("where", "WhereBackward0", ("self", "other", "condition"), inputs=2,
              self=lambda grad, condition: _where(condition, grad, _zeros_like_scalar(grad)),
              other=lambda grad, condition: _where(condition, _zeros_like_scalar(grad), grad))
LERP = defop("lerp", "LerpBackward0", ("self", "end", "weight"), inputs=2,
             self=lambda grad, weight: mul_scalar(grad, 1 - weight),
             end=lambda grad, weight: mul_scalar(grad, weight))
LERP_T = defop("lerp", "LerpBackward1", ("self", "end", "weight"),
               self=lambda grad, weight: grad * rsub_scalar(1, weight),
               end=lambda grad, weight: grad * weight,
               weight=lambda grad, self, end: grad * (end - self))
ADDCMUL = defop("addcmul", "AddcmulBackward0", ("self", "tensor1", "tensor2", "value"), inputs=3,
                self=lambda grad: grad,
                tensor1=lambda grad, tensor2, value: grad * mul_scalar(tensor2, value),
                tensor2=lambda grad, tensor1, value: grad * mul_scalar(tensor1, value))
ADDCDIV = defop("addcdiv", "AddcdivBackward0", ("self", "tensor1", "tensor2", "value"), inputs=3,
                self=lambda grad: grad,
                tensor1=lambda grad, tensor2, value: grad * (value / tensor2),
                tensor2=lambda grad, tensor1, tensor2, value:
                    _neg_times(grad, value * tensor1 / (tensor2 * tensor2)))

# in-place only rows (their forward has no out-of-place twin with this name)
ZERO_ = defop("zero_", "ZeroBackward0", self=lambda grad: _zeros_like(grad))
FILL_ = defop("fill_", "FillBackward2", ("self", "value"), inputs=1,
              self=lambda grad: _zeros_like(grad))
FILL_T = defop("fill_", "FillBackward3", ("self", "value"),
               self=lambda grad: _zeros_like(grad),
               value=lambda grad: grad.sum())
# torch's CopyBackwards casts the gradient to src's dtype first, then sums it to src's shape
# (the engine's reduction casts last); _src_dtype is kept, as torch keeps src's options
COPY_ = defop("copy_", "CopyBackwards", ("self", "src", "_src_dtype"), inputs=2,
              self=lambda grad: _zeros_like(grad),
              src=lambda grad, _src_dtype: grad if grad._dtype is _src_dtype else grad.to(_src_dtype))


# --- long derivatives -----------------------------------------------------------------

def _not_differentiable(name):
    # the message of torch's NotImplemented node
    raise RuntimeError(f"derivative for aten::{name} is not implemented")


# torch's formulas are compiled C++, whose operands are evaluated right to left: where both
# operands of a product record nodes, the right one is recorded first (this decides the
# order of a later backward through the gradient's graph)

def _div_backward_other(grad, self, other):
    """-grad * ((self / other) / other)."""
    q = (self / other) / other
    return -grad * q


def _neg_times(grad, t):
    """-grad * t, t recorded first."""
    return -grad * t


def _rsqrt_backward(grad, result):
    """-0.5 * grad * result.pow(3)."""
    p = result.pow(3)
    return mul_scalar(grad, -0.5) * p


def _atanh_backward(grad, self):
    """grad * 1 / (1 - self.pow(2))."""
    d = rsub_scalar(1, self.pow(2))
    return mul_scalar(grad, 1) / d


def _tie_half(grad, self, other):
    """maximum/minimum: at ties each input gets half the gradient."""
    return _where(self == other, div_scalar(grad, 2), grad)


def _times(grad, x, ufunc=None, op=None):
    """``grad * x``, or ``grad * op(x)``, in a derivative rule.  In a backward without
    create_graph (grad mode is off) with float operands of grad's dtype, the ufuncs run
    directly: the kernels the Tensor ops would call, so the same values, without their
    dispatch (the rule's cost decides a small tensor's backward).  Otherwise Tensor ops,
    recorded under create_graph as torch's formula."""
    if not _state.enabled:
        d = grad._dtype
        xc = x.__class__
        if d is D.float32 or d is D.float64:
            if xc is Tensor and x._dtype is d:
                b = x._data if ufunc is None else ufunc(x._data)
                ga = grad._data
                if d is D.float64 and ga.ndim == 0 and b.ndim == 0:
                    # doubles: Python's float product is the IEEE one NumPy computes
                    return make(np.array(ga.item() * builtins.float(b)), d)
                return make(np.multiply(ga, b), d)
            if ufunc is None and d is D.float64 and xc is builtins.float and grad._data.ndim == 0:
                return make(np.array(grad._data.item() * x), d)
            if ufunc is None and (xc is builtins.float or xc is builtins.int):
                c = _SCALAR_CONSTS[d].get(x)
                return make(np.multiply(grad._data, scalar_constant(x, d) if c is None else c), d)
    return grad * (x if op is None else op(x))


def _neg_sin(a):
    return np.negative(np.sin(a))


def _neg_sin_op(x):
    return -x.sin()


def _atan2_backward(grad, self, other, numerator):
    """grad * numerator * r, r = 1 / (self^2 + other^2) set to 0 where that sum is 0 (as
    torch: a subnormal sum keeps its infinite reciprocal); numerator -self for other's
    gradient."""
    denom = self * self + other * other
    r = denom.reciprocal().masked_fill(denom == 0, 0)
    return grad * (-self if numerator is None else numerator) * r


def _pow_backward(grad, self, exponent):
    if exponent == 0:
        return _zeros_like(grad)
    if (exponent == 2 or exponent == 3) and exponent.__class__ in (builtins.int, builtins.float) \
            and not _state.enabled and grad._dtype is D.float64 and self._dtype is D.float64 \
            and grad._data.ndim == 0 and self._data.ndim == 0:
        # the same, on doubles (a backward without create_graph): self.pow(1) is self,
        # self.pow(2) is self * self (pow's kernel squares), then the two products
        x = self._data.item()
        p = x if exponent == 2 else x * x
        return make(np.array(grad._data.item() * (p * builtins.float(exponent))), D.float64)
    return grad * mul_scalar(self.pow(exponent - 1), exponent)


def _pow_backward_self(grad, self, exponent):
    return _where(exponent == 0.0, _zeros_like_scalar(grad),
                  grad * (exponent * self.pow(sub_scalar(exponent, 1))))


def _pow_backward_exponent(grad, self, exponent, result):
    """d(self ** exponent)/d(exponent) = result * log(self); 0 where self == 0 and exponent >= 0."""
    zero = _zeros_like_scalar(grad)
    if _isinstance(self, Tensor):
        cond = (self == 0).logical_and(exponent >= 0)
        base = self.to(result._dtype)  # torch takes the log in the promoted dtype
        return grad * _where(cond, zero, result * base.log())
    with np.errstate(all="ignore"):
        log_base = builtins.float(np.log(np.float64(self)))
    if self == 0:
        return grad * _where(exponent >= 0, zero, mul_scalar(result, log_base))
    return grad * mul_scalar(result, log_base)


def _zeros_like_scalar(grad):
    return make(np.zeros((), grad._dtype.np), grad._dtype)


def mul_scalar(input, other):
    """input * other for a number other, recorded as torch's mul.Scalar (MulBackward1)."""
    a = input._data
    if other == 1 and type(other) is int:
        r = a.copy()
    else:
        r = np.multiply(a, np.asarray(other).astype(a.dtype)) if a.dtype.kind == "f" else a * other
    return finish(MUL_SCALAR, np.asarray(r), input._dtype if a.dtype.kind == "f" else None,
                  (input, other))


def add_scalar(input, other):
    """input + other for a number other, recorded as torch's add.Scalar (AddBackward1)."""
    a = input._data
    if a.dtype.kind != "f":
        return add(input, other)
    r = np.add(a, np.asarray(other).astype(a.dtype))
    return finish(ADD_SCALAR, np.asarray(r), input._dtype, (input, other, 1))


def sub_scalar(input, other):
    """input - other for a number other, recorded as torch's sub.Scalar (SubBackward1)."""
    a = input._data
    if a.dtype.kind != "f":
        return sub(input, other)
    r = np.subtract(a, np.asarray(other).astype(a.dtype))
    return finish(SUB_SCALAR, np.asarray(r), input._dtype, (input, other, 1))


def div_scalar(input, other):
    """input / other for a number other, recorded as torch's div.Scalar (DivBackward1)."""
    a = input._data
    if a.dtype.kind != "f":
        return div(input, other)
    r = np.true_divide(a, np.asarray(other).astype(a.dtype))  # rules run quiet (the engine)
    return finish(DIV_SCALAR, np.asarray(r), input._dtype, (input, other))


def rsub_scalar(other, input):
    """other - input for a number other, as torch's C++ formulas record "1 - t": a sub
    (SubBackward0) whose first input, the number, has no edge."""
    a = input._data
    if a.dtype.kind != "f":
        return rsub(input, other)
    r = np.subtract(np.asarray(other).astype(a.dtype), a)
    return finish(SUB, np.asarray(r), input._dtype, (other, input, 1))


_SAME_SIZE_INT = {1: np.int8, 2: np.int16, 4: np.int32, 8: np.int64}


def _keep_where(x, keep):
    """x where ``keep``, else (+)0: the bits of x masked, exact for every value (nan, inf, -0.)
    and without np.where's cost (10x on large arrays with a mixed mask)."""
    it = _SAME_SIZE_INT[x.dtype.itemsize]
    m = np.asarray(keep).view(np.uint8).astype(it)  # (a 0-dim compare gives a NumPy scalar)
    np.negative(m, out=m)  # 1 -> all bits set
    return np.asarray(np.bitwise_and(x.view(it), m)).view(x.dtype)


def threshold_backward(grad_output, self, threshold):
    """grad_output where self > threshold, else 0 (nan in self passes the gradient)."""
    g = grad_output._data
    a = self._data
    if g.ndim == 0 and a.ndim == 0 and g.dtype.kind == "f":  # (a scalar: no mask to build)
        r = g.copy() if not a <= threshold else np.zeros((), g.dtype)
    else:
        r = _keep_where(g, np.logical_not(np.less_equal(a, threshold)))
    return finish(THRESHOLD_BACKWARD, r, grad_output._dtype, (grad_output, self, threshold))


def sigmoid_backward(grad_output, output):
    """grad_output * (1 - output) * output, one op (in torch's order, in one buffer)."""
    g, o = grad_output._data, output._data
    t = np.subtract(1, o)
    if t.__class__ is np.ndarray and g.shape == t.shape and t.dtype == g.dtype:
        np.multiply(g, t, out=t)
        r = np.multiply(t, o, out=t)
    else:
        r = np.asarray(g * t * o)
    return finish(SIGMOID_BACKWARD, r, grad_output._dtype, (grad_output, output))


def tanh_backward(grad_output, output):
    """grad_output * (1 - output^2), one op (one buffer: a large tensor costs one temporary)."""
    g, o = grad_output._data, output._data
    t = np.multiply(o, o)
    if t.__class__ is np.ndarray and g.shape == t.shape and t.dtype == g.dtype:
        np.subtract(1, t, out=t)
        r = np.multiply(g, t, out=t)
    else:
        r = np.asarray(g * (1 - t))
    return finish(TANH_BACKWARD, r, grad_output._dtype, (grad_output, output))


def _clamp_backward(grad, self, min, max):
    if min is None and max is None:
        return grad
    if max is None:
        mask = self >= min
    elif min is None:
        mask = self <= max
    else:
        mask = (self >= min).logical_and(self <= max)
    return _where(mask, grad, _zeros_like_scalar(grad))


def _clamp_backward_min(grad, self, min, max):
    # torch: min gets no gradient where min > max (the result is max there)
    zero = _zeros_like_scalar(grad)
    if max is None:
        return _where(self < min, grad, zero)
    return _where((self < min).logical_and(min < max), grad, zero)


def _clamp_backward_max(grad, self, min, max):
    zero = _zeros_like_scalar(grad)
    if min is None:
        return _where(self > max, grad, zero)
    return _where((self > max).logical_or(max < min), grad, zero)


def _logit_backward(grad, self, eps):
    # torch: grad / (x (1 - x)); nan (no eps) or 0 (eps) outside [lo, hi].  At nan, torch's
    # kernel passes nan, its create_graph formula (self >= lo and self <= hi) gives the fill
    lo, hi = (0, 1) if eps is None else (eps, 1 - eps)
    if _state.enabled:
        inside = (self >= lo).logical_and(self <= hi)
    else:
        inside = (self < lo).logical_or(self > hi).logical_not()
    fill = make(np.asarray(math.nan if eps is None else 0, grad._dtype.np), grad._dtype)
    return _where(inside, grad / (self * rsub_scalar(1, self)), fill)


def _sinc_backward(grad, self):
    # d/dx sin(pi x) / (pi x) = (pi x cos(pi x) - sin(pi x)) / (pi x^2); 0 at x == 0
    pix = mul_scalar(self, math.pi)
    pix2 = mul_scalar(self * self, math.pi)
    sin = pix.sin()  # recorded first, as torch's (compiled) formula does
    out = grad * ((pix * pix.cos() - sin) / pix2)
    return _where(pix2 == 0, _zeros_like_scalar(grad), out)


def _xlogy_self(grad, self, other):
    # torch: xlogy(grad, other), zeroed where self == 0 and other <= 0
    g = xlogy(grad, other)
    if _isinstance(other, Tensor):
        return g.masked_fill((self == 0).logical_and(other <= 0), 0)
    return g if other > 0 else g.masked_fill(self == 0, 0)


def _xlogy_other(grad, self, other):
    return (grad * self if _isinstance(self, Tensor) else mul_scalar(grad, self)) / other


# ==================================================================================
# Forward helpers
# ==================================================================================

def _binary_arrays(a, b, dtype):
    return array_of(a, dtype), array_of(b, dtype)


def _run2(fn, x, y, a, b):
    """Call a NumPy binary function, turning its shape errors into torch's."""
    try:
        return fn(x, y)
    except ValueError:
        raise broadcast_error(_shape(a), _shape(b)) from None


def _shape(x):
    return x._data.shape if _isinstance(x, Tensor) else ()


def _check_broadcast(a, b, *more):
    """torch checks shapes before dtypes: raise its broadcast error first."""
    shapes = [_shape(a), _shape(b)] + [_shape(m) for m in more]
    try:
        np.broadcast_shapes(*shapes)
    except ValueError:
        from ._common import broadcast_shapes
        broadcast_shapes(*shapes)


def _broadcast_error_n(shapes):
    """torch's error for operands that do not broadcast: the shape so far (tensor a) against
    the next operand (tensor b), dims compared from the last."""
    acc = tuple(shapes[0])
    for s in shapes[1:]:
        n = builtins.max(len(acc), len(s))
        a = (1,) * (n - len(acc)) + acc
        b = (1,) * (n - len(s)) + tuple(s)
        for i in range(n - 1, -1, -1):
            if a[i] != b[i] and a[i] != 1 and b[i] != 1:
                raise RuntimeError(_errors.broadcast_mismatch(a[i], b[i], i))
        acc = tuple(y if x == 1 else x for x, y in zip(a, b))


def _bool_kernel_error(kernel, a, b):
    _check_broadcast(a, b)
    return not_implemented_for(kernel, D.bool_)


def _is_tensor_or_number(x):
    return _isinstance(x, Tensor) or is_number(x)


def _check_binary(fn, a, b):
    if not _isinstance(a, Tensor):
        if not is_number(a):
            raise TypeError(f"{fn}(): argument 'input' (position 1) must be Tensor, not {type(a).__name__}")
    if not _is_tensor_or_number(b):
        # the parser's message for a Tensor-or-Number argument
        raise TypeError(f"{fn}(): argument 'other' (position 2) must be Tensor, not "
                        f"{type(b).__name__}")


def _tn(x):
    return "Tensor" if _isinstance(x, Tensor) else type(x).__name__


def _as_tensor_number(x, dtype):
    """A 0-dim tensor for a Python number (for ops whose self must be a Tensor)."""
    return make(np.asarray(array_of(x, dtype), dtype.np), dtype)


# --- add / sub / mul / div --------------------------------------------------------------

def add(input, other, *, alpha=1, out=None):
    _check_binary("add", input, other)
    dtype = promote2(input, other)
    x, y = _binary_arrays(input, other, dtype)
    if alpha is not _ONE:  # 1.0 and True are checked too
        _check_alpha(alpha, dtype, "add")
        if dtype.category == FLOATING:
            r = _alpha_fma(x, y, alpha, dtype, input, other)
            if not _isinstance(input, Tensor):
                input, other = other, input
            res = finish(ADD, r, dtype, (input, other, alpha))
            return handle_out(res, out, "add") if out is not None else res
        y = _int_scaled(y, alpha, dtype)
    if dtype is D.bool_:
        r = _run2(np.logical_or, x, y, input, other)
    else:
        r = _run2(np.add, x, y, input, other)
    if not _isinstance(input, Tensor):
        input, other = other, input  # a number on the left: torch records (tensor, number)
    res = finish(ADD, r, dtype, (input, other, alpha))
    return handle_out(res, out, "add") if out is not None else res


def _alpha_fma(x, y, alpha, dtype, a, b):
    """x + alpha * y for a floating dtype as torch computes it: one fused multiply-add (half:
    alpha rounded to half, computed in float)."""
    work = _work_dtype(dtype)
    al = work(np.float16(number_value(alpha))) if dtype is _HALF else work(number_value(alpha))
    xx = np.asarray(x).astype(work, copy=False)
    yy = np.asarray(y).astype(work, copy=False)
    try:
        np.broadcast_shapes(xx.shape, yy.shape)
    except ValueError:
        raise broadcast_error(_shape(a), _shape(b)) from None
    with np.errstate(all="ignore"):
        return np.asarray(_fma(yy, al, xx, work)).astype(dtype.np, copy=False)


# the range a Python int converts to an integral dtype in (torch's checked conversion of a
# Scalar; an unsigned type also takes the negatives of its values) and the C name it reports
_INT_RANGES = {D.uint8: (-255, 255, "uint8_t"), D.int8: (-128, 127, "int8_t"),
               D.int16: (-2 ** 15, 2 ** 15 - 1, "int16_t"), D.int32: (-2 ** 31, 2 ** 31 - 1, "int"),
               D.int64: (-2 ** 63, 2 ** 63 - 1, "int64_t")}


def _check_int_fits(d, *values):
    """Python ints converted to the integral dtype ``d`` (an alpha, a bound, a fill value)."""
    r = _INT_RANGES.get(d)
    if r is not None:
        for v in values:
            if v.__class__ is builtins.int and not r[0] <= v <= r[1]:
                raise RuntimeError(f"value cannot be converted to type {r[2]} without overflow")


def _wrap64(v):
    return (v + 2 ** 63) % 2 ** 64 - 2 ** 63


def _neg_alpha(alpha):
    """sub's -alpha: torch negates an int alpha in int64, wrapping (-2**63 stays, one above
    int64's range wraps first)."""
    alpha = number_value(alpha)
    if alpha.__class__ is builtins.int:
        return _wrap64(-_wrap64(alpha))
    return -alpha


def _int_scaled(y, alpha, d):
    """alpha * y (an array or a number of the integral dtype ``d``) in ``d``: alpha converted
    to ``d`` first, the product wrapping, as torch's integer kernels."""
    a = array_of(number_value(alpha), d)
    if _isinstance(y, np.ndarray):
        return np.multiply(y, a, dtype=d.np)
    return array_of(number_value(y) * int(a), d)


def _check_alpha(alpha, dtype, fn):
    if alpha.__class__ is builtins.int:
        int_scalar_check(alpha)
        # sub adds -alpha, negated in int64
        _check_int_fits(dtype, alpha if fn[:3] != "sub" else _wrap64(-_wrap64(alpha)))
    if _isinstance(alpha, (builtins.bool, np.bool_)) and dtype is not D.bool_:
        raise RuntimeError("Boolean alpha only supported for Boolean results.")
    if dtype.category != FLOATING and _isinstance(alpha, (builtins.float, np.floating)):
        raise RuntimeError("For integral input tensors, argument alpha must not be a floating point number.")


def _check_sub_bool(a, b):
    """torch refuses subtraction when an operand is bool (two messages)."""
    ba = _dtype_of(a) is D.bool_
    bb = _dtype_of(b) is D.bool_
    if ba and bb:
        raise RuntimeError(_errors.BOOL_SUB)
    if ba or bb:
        raise RuntimeError(_errors.BOOL_SUB_ONE)


def _dtype_of(x):
    return x._dtype if _isinstance(x, Tensor) else D.scalar_dtype(x)


def sub(input, other, *, alpha=1, out=None):
    _check_binary("sub", input, other)
    _check_sub_bool(input, other)
    dtype = promote2(input, other)
    x, y = _binary_arrays(input, other, dtype)
    if alpha is not _ONE:  # 1.0 and True are checked too
        _check_alpha(alpha, dtype, "sub")
        if dtype.category == FLOATING:
            r = _alpha_fma(x, y, _neg_alpha(alpha), dtype, input, other)
        else:
            r = _run2(np.subtract, x, _int_scaled(y, alpha, dtype), input, other)
    else:
        r = _run2(np.subtract, x, y, input, other)
    if not _isinstance(input, Tensor):
        return handle_out(_rsub_record(r, dtype, other, input, alpha), out, "sub")
    res = finish(SUB, r, dtype, (input, other, alpha))
    return handle_out(res, out, "sub") if out is not None else res


def _rsub_record(r, dtype, tensor, number, alpha):
    return finish(RSUB, r, dtype, (tensor, number, alpha))


def rsub(input, other, *, alpha=1):
    """other - alpha * input (torch.rsub)."""
    if _isinstance(other, Tensor):
        check_tensor(input, "rsub")
        _check_sub_bool(input, other)
        dtype = promote2(input, other)
        x, y = _binary_arrays(input, other, dtype)
        if alpha is not _ONE:  # 1.0 and True are checked too
            _check_alpha(alpha, dtype, "rsub")
            if dtype.category == FLOATING:
                r = _alpha_fma(y, x, -number_value(alpha), dtype, other, input)
                return finish(RSUB_TT, r, dtype, (input, other, alpha))
            x = np.multiply(x, alpha, dtype=dtype.np)
        r = _run2(np.subtract, y, x, other, input)
        return finish(RSUB_TT, r, dtype, (input, other, alpha))
    _check_sub_bool(input, other)
    dtype = promote2(input, other)
    x = array_of(input, dtype)
    if alpha is not _ONE:
        _check_alpha(alpha, dtype, "rsub")
        if dtype.category == FLOATING:
            r = _alpha_fma(array_of(other, dtype), x, -number_value(alpha), dtype, other, input)
            return finish(RSUB, r, dtype, (input, other, alpha))
        x = x * alpha
    r = np.subtract(array_of(other, dtype), x)
    return finish(RSUB, r.astype(dtype.np, copy=False) if _isinstance(r, np.ndarray) else r, dtype,
                  (input, other, alpha))


def mul(input, other, *, out=None):
    _check_binary("mul", input, other)
    dtype = promote2(input, other)
    if dtype is _HALF and _scalar_operand(other):
        r = _half_scalar_op(np.multiply, input, other)
    else:
        x, y = _binary_arrays(input, other, dtype)
        if dtype is D.bool_:
            r = _run2(np.logical_and, x, y, input, other)
        else:
            r = _run2(np.multiply, x, y, input, other)
    if not _isinstance(input, Tensor):
        input, other = other, input
    res = finish(MUL, r, dtype, (input, other))
    return handle_out(res, out, "mul") if out is not None else res


def _scalar_operand(x):
    return not _isinstance(x, Tensor) or x._data.ndim == 0


def _half_scalar_op(fn, input, other):
    """torch's half mul/div with a scalar (number or 0-dim) second operand: the scalar keeps
    float precision (it is not rounded to half first), the result is rounded once."""
    x = array_of(input, D.float32)
    y = np.float32(other._data if _isinstance(other, Tensor) else number_value(other))
    return np.asarray(fn(x, y)).astype(np.float16)


def _true_div_dtype(dtype):
    return dtype if dtype.category == FLOATING else D.get_default_dtype()


def div(input, other, *, rounding_mode=None, out=None):
    _check_binary("div", input, other)
    dtype = promote2(input, other)
    if rounding_mode is None:
        if not _isinstance(input, Tensor):
            # number / tensor is reciprocal then mul, as in torch (recorded so, and rounded so)
            res = mul(reciprocal(other), input)
            return res if out is None else handle_out(res, out, "div")
        dtype = _true_div_dtype(dtype)
        with np.errstate(divide="ignore", invalid="ignore"):
            if dtype is _HALF and _scalar_operand(other):
                r = _half_scalar_op(np.true_divide, input, other)
            else:
                x, y = _binary_arrays(input, other, dtype)
                r = _run2(np.true_divide, x, y, input, other)
        res = finish(DIV, r, dtype, (input, other))
        return handle_out(res, out, "div") if out is not None else res
    if rounding_mode not in ("trunc", "floor"):
        raise RuntimeError("div expected rounding_mode to be one of None, 'trunc', or 'floor' but "
                           f"found '{rounding_mode}'")
    if dtype is D.bool_:
        raise _bool_kernel_error("div_floor_cpu" if rounding_mode == "floor" else "div_trunc_cpu",
                                 input, other)
    x, y = _binary_arrays(input, other, dtype)
    if dtype.category != FLOATING:
        _check_broadcast(input, other)
        _check_int_zero(y)
        if rounding_mode == "floor":
            r = _run2(np.floor_divide, x, y, input, other)
        else:
            q = _run2(np.floor_divide, x, y, input, other)
            rem = np.remainder(x, y)
            # floor -> trunc: add one where the signs differ and the division is inexact
            fix = (rem != 0) & ((np.asarray(x) < 0) != (np.asarray(y) < 0))
            r = np.where(fix, q + 1, q).astype(dtype.np, copy=False)
    else:
        with np.errstate(divide="ignore", invalid="ignore"):
            if rounding_mode == "trunc":
                r = np.trunc(_run2(np.true_divide, x, y, input, other))
            else:
                _check_broadcast(input, other)
                r = _floor_div_float(x, y, dtype)
    if not _isinstance(input, Tensor):
        input = _as_tensor_number(input, dtype)
    res = finish(DIV_ROUNDED, r, dtype, (input, other))
    return handle_out(res, out, "div") if out is not None else res


def _floor_div_float(x, y, dtype):
    # torch's floor division of floats: like Python's // (np.floor_divide), which
    # computes from fmod so that e.g. 1 // 0.1 == 9.
    with np.errstate(divide="ignore", invalid="ignore"):
        r = np.floor_divide(x, y)
    if not _isinstance(r, np.ndarray):
        r = np.asarray(r, dtype.np)
    return r.astype(dtype.np, copy=False)


def _check_int_zero(y):
    if np.any(np.asarray(y) == 0):
        raise RuntimeError("ZeroDivisionError")


def true_divide(input, other, *, out=None):
    return div(input, other, out=out)


def floor_divide(input, other, *, out=None):
    _check_binary("floor_divide", input, other)
    dtype = promote2(input, other)
    if dtype is D.bool_:
        raise _bool_kernel_error("div_floor_cpu", input, other)
    x, y = _binary_arrays(input, other, dtype)
    _check_broadcast(input, other)
    if dtype.category != FLOATING:
        _check_int_zero(y)
        r = _run2(np.floor_divide, x, y, input, other)
    else:
        r = _floor_div_float(x, y, dtype)
    # torch's NotImplemented node has an edge per input that requires grad, no more
    gi = _isinstance(input, Tensor) and input._requires_grad
    go = _isinstance(other, Tensor) and other._requires_grad
    if gi and go:
        res = finish(FLOOR_DIVIDE, r, dtype, (input, other))
    elif go:
        res = finish(FLOOR_DIVIDE_RSCALAR, r, dtype, (other, input))
    else:
        res = finish(FLOOR_DIVIDE_SCALAR, r, dtype, (input, other))
    return handle_out(res, out, "floor_divide") if out is not None else res


def remainder(input, other, *, out=None):
    _check_binary("remainder", input, other)
    dtype = promote2(input, other)
    if dtype is D.bool_:
        raise _bool_kernel_error("remainder_cpu", input, other)
    x, y = _binary_arrays(input, other, dtype)
    if dtype.category != FLOATING:
        _check_broadcast(input, other)
        _check_int_zero(y)
        r = _run2(np.remainder, x, y, input, other)
    else:
        r = _run2(_float_remainder, x, y, input, other)
    if not _isinstance(input, Tensor):
        # remainder(Scalar, Tensor) has no derivative in torch
        res = finish(REMAINDER_ST, r, dtype, (other, input))
        return handle_out(res, out, "remainder") if out is not None else res
    op = REMAINDER_TT if _isinstance(other, Tensor) else REMAINDER
    res = finish(op, r, dtype, (input, other))
    return handle_out(res, out, "remainder") if out is not None else res


def _float_remainder(x, y):
    """Python-style modulo as torch computes it: fmod, then add y when the signs differ.

    A zero result keeps the dividend's sign (NumPy gives it the divisor's).
    """
    m = np.fmod(x, y)
    fix = (m != 0) & ((m < 0) != (np.asarray(y) < 0))
    return np.where(fix, m + y, m).astype(m.dtype, copy=False)


def fmod(input, other, *, out=None):
    check_tensor(input, "fmod")
    dtype = promote2(input, other)
    if dtype is D.bool_:
        raise _bool_kernel_error("fmod_cpu", input, other)
    x, y = _binary_arrays(input, other, dtype)
    if dtype.category != FLOATING:
        _check_broadcast(input, other)
        _check_int_zero(y)
    with np.errstate(divide="ignore", invalid="ignore"):
        r = _run2(np.fmod, x, y, input, other)
    op = FMOD_TT if _isinstance(other, Tensor) else FMOD
    res = finish(op, r, dtype, (input, other))
    return handle_out(res, out, "fmod") if out is not None else res


# --- pow -----------------------------------------------------------------------------

def pow(input, exponent, *, out=None):  # noqa: A001 - torch's name
    if not _isinstance(input, Tensor):
        if not is_number(input):
            raise TypeError(f"pow() received an invalid combination of arguments - got "
                            f"({_tn(input)}, {_tn(exponent)})")
        return _pow_scalar_base(input, exponent, out)
    if _isinstance(exponent, Tensor):
        dtype = promote2(input, exponent)
        if dtype is D.bool_:
            raise _bool_kernel_error("pow", input, exponent)
        x, y = _binary_arrays(input, exponent, dtype)
        if dtype.category != FLOATING:
            r = _int_pow(x, y, dtype, input, exponent)
        else:
            with np.errstate(all="ignore"):
                r = _run2(np.power, x, y, input, exponent)
        res = finish(POW_TT, r, dtype, (input, exponent))
        return handle_out(res, out, "pow") if out is not None else res
    if not is_number(exponent):
        raise TypeError(f"pow() received an invalid combination of arguments - got "
                        f"({_tn(input)}, {_tn(exponent)})")
    exponent = number_value(exponent)
    dtype = promote2(input, exponent)
    x = array_of(input, dtype)
    if dtype.category != FLOATING:
        if exponent < 0 and not _isinstance(exponent, builtins.bool):
            raise RuntimeError("Integers to negative integer powers are not allowed.")
        r = np.power(x, exponent, dtype=dtype.np) if dtype is not D.bool_ else \
            np.power(x.astype(np.int64), exponent).astype(np.bool_)
    elif dtype is _HALF:
        # torch: float pow, no sqrt shortcut (pow(-0., .5) is 0.); NumPy takes the shortcut
        # for a scalar 0.5, not for an array exponent
        x32 = x.astype(np.float32)
        with np.errstate(all="ignore"):
            r = np.power(x32, np.full(x32.shape, exponent, np.float32)).astype(np.float16)
    elif exponent == 2:
        r = np.square(x)
    elif exponent == 0.5:
        r = np.sqrt(x) if dtype.category == FLOATING else np.power(x, exponent)
    elif exponent == -0.5:  # torch: rsqrt (so pow(-0., -0.5) is -inf)
        with np.errstate(all="ignore"):
            r = np.divide(1, np.sqrt(x), dtype=x.dtype)
    else:
        with np.errstate(all="ignore"):
            r = np.power(x, array_of(exponent, dtype))
    res = finish(POW, r, dtype, (input, exponent))
    return handle_out(res, out, "pow") if out is not None else res


def _int_pow(x, y, dtype, a, b):
    ya = np.asarray(y)
    if dtype is D.bool_:
        return _run2(np.power, np.asarray(x, np.int64), ya.astype(np.int64), a, b).astype(np.bool_)
    # torch: an integer to a negative power gives 0, except 1 and -1
    xa = np.asarray(x).astype(dtype.np, copy=False)
    neg = ya < 0
    if np.any(neg):
        safe = np.where(neg, 0, ya)
        r = _run2(np.power, xa, safe, a, b)
        one = xa == 1
        minus_one = xa == -1
        negr = np.where(one, 1, np.where(minus_one, np.where(ya % 2 == 0, 1, -1), 0))
        return np.where(neg, negr, r).astype(dtype.np)
    return np.asarray(_run2(np.power, xa, ya, a, b)).astype(dtype.np, copy=False)


def _pow_scalar_base(base, exponent, out):
    check_tensor(exponent, "pow", "exponent", 2)
    base = number_value(base)
    dtype = promote2(base, exponent)
    if dtype is D.bool_:
        raise not_implemented_for("pow", dtype)
    y = array_of(exponent, dtype)
    if dtype.category != FLOATING:
        r = _int_pow(array_of(base, dtype), y, dtype, base, exponent)
    else:
        with np.errstate(all="ignore"):
            r = np.power(array_of(base, dtype) if not _isinstance(base, builtins.float) else
                         np.asarray(base, dtype.np), y)
    res = finish(POW_ST, r, dtype, (exponent, base))
    return handle_out(res, out, "pow") if out is not None else res


def float_power(input, exponent):
    return pow(input.double() if _isinstance(input, Tensor) else input,
               exponent.double() if _isinstance(exponent, Tensor) else exponent)


# --- unary ---------------------------------------------------------------------------

def _float_unary(op, fn, kernel=None):
    """A unary op whose result is floating (integers and bools go to the default dtype)."""
    name = op.name
    float32, float64, ndarray = D.float32, D.float64, np.ndarray

    def f(input, *, out=None):
        token = quiet_enter()
        try:
            if input.__class__ is Tensor and out is None:
                d = input._dtype
                if d is float32 or d is float64:  # the fast path
                    r = fn(input._data)
                    if r.__class__ is not ndarray:
                        r = np.asarray(r)
                    t = make(r, d)
                    if _state.enabled and (input._requires_grad or (
                            input._view is not None and input._view.base._requires_grad)):
                        record1(op, t, (input,))
                    return t
            if not _isinstance(input, Tensor):
                raise TypeError(f"{name}(): argument 'input' (position 1) must be Tensor, not "
                                f"{type(input).__name__}")
            d = input._dtype
            a = input._data
            if d.category != FLOATING:
                d = D.get_default_dtype()
                a = a.astype(d.np)
            if d is D.float16:  # torch computes half ops in float, then rounds
                r = fn(a.astype(np.float32)).astype(np.float16)
            else:
                r = fn(a)
            res = finish(op, r, d, (input,))
            return handle_out(res, out, name) if out is not None else res
        finally:
            quiet_reset(token)

    f.__name__ = f.__qualname__ = name
    f.__quiet__ = True
    return f


def _float_unary_(op, fn):
    """The in-place variant: only for floating tensors (else torch's cast error)."""
    name = op.name + "_"

    def f(self):
        d = self._dtype
        if d.category != FLOATING:
            raise RuntimeError(_errors.cant_cast(
                _scalar_name(D.get_default_dtype()), _scalar_name(d)))
        if d is D.float16:
            return _inplace(op, self, (self,),
                            lambda a: np.copyto(a, fn(a.astype(np.float32)), casting="unsafe"))
        return _inplace(op, self, (self,), lambda a: fn(a, out=a))

    f.__name__ = f.__qualname__ = name
    return f


def _scalar_name(d):
    from .._tensor import scalar_type_name
    return scalar_type_name(d)


def _inplace(op, self, values, compute, operands=(), recording=None):
    """Run ``compute(self._data)`` in place with torch's checks, then rebase history.

    ``operands``: the tensors the op reads besides self (torch refuses one that partially
    overlaps self).  ``recording``: check_inplace's answer when the caller has already run it
    (torch's order puts the autograd checks before the shape and dtype checks).
    """
    if self._vc is None and not _state.inference:
        compute(self._data)  # torch writes, then refuses the inference tensor
        raise RuntimeError(_errors.INFERENCE_INPLACE)
    if recording is None:
        # torch refuses to write an internally overlapping (expanded) tensor, except for the
        # fills with a number, zero_ and masked_fill_ (which warn)
        recording = check_inplace(self, values, op.n_inputs, overlap=not (
            op is FILL_ or op.name == "zero_" or op.name == "masked_fill"))
    for t in operands:
        if t is not self and _isinstance(t, Tensor):
            b = t._data
            if b.base is not None or self._data.base is not None:  # else: no shared memory
                _check_partial_overlap(self._data, b)
    save = None
    if recording and _saves_self(op, self, values):
        # as torch: the original self is saved as a recorded clone (CloneBackward0)
        from .shape import clone
        save = {"self": clone(self)}
    with np.errstate(all="ignore"):
        compute(self._data)
    return rebase(op, self, values, recording, save)


def _saves_self(op, self, values):
    """Does the node of in-place ``op`` save self (a rule of an input requiring grad reads it)?"""
    for i, needs in enumerate(op.needs):
        if "self" in needs:
            v = values[i]
            if _isinstance(v, Tensor) and v._requires_grad:
                return True
    return False


_OVERLAP = ("unsupported operation: some elements of the input tensor and the written-to tensor "
            "refer to a single memory location. Please clone() the tensor before performing the "
            "operation.")


def _check_partial_overlap(out, inp):
    """torch's assert_no_partial_overlap (out is written, inp read)."""
    if _partial_overlap(out, inp):
        raise RuntimeError(_OVERLAP)


def _partial_overlap(out, inp):
    """Arrays both dense that share some memory, but not exactly the same elements in the
    same layout (torch's MemOverlapStatus::Partial)."""
    if out is inp or (out.base is None and inp.base is None) or not out.size or not inp.size:
        return False
    if not (_dense(out) and _dense(inp)):
        return False  # torch: too hard to tell, allowed
    a0 = out.__array_interface__["data"][0]
    b0 = inp.__array_interface__["data"][0]
    a1 = a0 + out.size * out.itemsize
    b1 = b0 + inp.size * inp.itemsize
    if a0 == b0 and a1 == b1:
        return out.strides != inp.strides or out.itemsize != inp.itemsize
    return a0 < b1 and b0 < a1


def _dense(a):
    """torch's is_non_overlapping_and_dense: the dims (size 1 aside), ordered by stride, are
    laid out contiguously."""
    item = a.itemsize
    expected = item
    for st, n in sorted((st, n) for st, n in zip(a.strides, a.shape) if n != 1):
        if st != expected:
            return False
        expected *= n
    return True


exp = _float_unary(EXP, np.exp)
exp2 = _float_unary(EXP2, np.exp2)
expm1 = _float_unary(EXPM1, np.expm1)
log = _float_unary(LOG, np.log)
log2 = _float_unary(LOG2, np.log2)
log10 = _float_unary(LOG10, np.log10)
log1p = _float_unary(LOG1P, np.log1p)
sqrt = _float_unary(SQRT, np.sqrt)
sin = _float_unary(SIN, np.sin)
cos = _float_unary(COS, np.cos)
tan = _float_unary(TAN, np.tan)
asin = _float_unary(ASIN, np.arcsin)
acos = _float_unary(ACOS, np.arccos)
atan = _float_unary(ATAN, np.arctan)
sinh = _float_unary(SINH, np.sinh)
cosh = _float_unary(COSH, np.cosh)
tanh = _float_unary(TANH, np.tanh)
asinh = _float_unary(ASINH, np.arcsinh)
acosh = _float_unary(ACOSH, np.arccosh)
atanh = _float_unary(ATANH, np.arctanh)
deg2rad = _float_unary(DEG2RAD, lambda a, out=None: np.multiply(a, a.dtype.type(math.pi / 180),
                                                                   out=out))
rad2deg = _float_unary(RAD2DEG, lambda a, out=None: np.multiply(a, a.dtype.type(180 / math.pi),
                                                                   out=out))


def _rsqrt_np(a, out=None):
    r = np.sqrt(a, out=out)
    return np.divide(1, r, out=r if out is not None else None, dtype=a.dtype) if out is None \
        else np.divide(1, r, out=out)


def _reciprocal_np(a, out=None):
    return np.divide(1, a, out=out, dtype=a.dtype) if out is None else np.divide(1, a, out=out)


def _sigmoid_np(a, out=None):
    # 1 / (1 + exp(-x)), in the input's precision
    r = np.negative(a, out=out) if out is not None else np.asarray(np.negative(a))
    np.exp(r, out=r)
    np.add(r, 1, out=r)
    return np.divide(1, r, out=r)


def _erf_np(a, out=None):
    try:
        from scipy.special import erf as _erf  # optional, exact to the ulp
        return _erf(a, out=out) if out is not None else _erf(a)
    except ImportError:
        pass
    flat = np.asarray(a, np.float64).ravel()
    r = np.array([math.erf(v) for v in flat], np.float64).reshape(np.shape(a))
    r = torch_layout(a, a.dtype, r)  # an elementwise result follows the input's layout
    if out is not None:
        out[...] = r
        return out
    return r


def _erfinv_np(a, out=None):
    flat = np.asarray(a, np.float64).ravel()
    r = np.array([_erfinv_scalar(v) for v in flat], np.float64).reshape(np.shape(a))
    r = torch_layout(a, a.dtype, r)
    if out is not None:
        out[...] = r
        return out
    return r


def _erfinv_scalar(y):
    if y <= -1:
        return -math.inf if y == -1 else math.nan
    if y >= 1:
        return math.inf if y == 1 else math.nan
    if math.isnan(y):
        return math.nan
    # initial guess (Giles' approximation), then Newton steps on erf
    w = -math.log((1.0 - y) * (1.0 + y))
    if w < 5.0:
        w -= 2.5
        p = 2.81022636e-08
        for c in (3.43273939e-07, -3.5233877e-06, -4.39150654e-06, 0.00021858087, -0.00125372503,
                  -0.00417768164, 0.246640727, 1.50140941):
            p = c + p * w
    else:
        w = math.sqrt(w) - 3.0
        p = -0.000200214257
        for c in (0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773, -0.0076224613,
                  0.00943887047, 1.00167406, 2.83297682):
            p = c + p * w
    x = p * y
    for _ in range(3):
        err = math.erf(x) - y
        x -= err / (TWO_OVER_SQRT_PI * math.exp(-x * x))
    return x


rsqrt = _float_unary(RSQRT, _rsqrt_np)
reciprocal = _float_unary(RECIPROCAL, _reciprocal_np)
sigmoid = _float_unary(SIGMOID, _sigmoid_np)
erf = _float_unary(ERF, _erf_np)
erfinv = _float_unary(ERFINV, _erfinv_np)

exp_ = _float_unary_(EXP, np.exp)
log_ = _float_unary_(LOG, np.log)
sqrt_ = _float_unary_(SQRT, np.sqrt)
sin_ = _float_unary_(SIN, np.sin)
cos_ = _float_unary_(COS, np.cos)
tanh_ = _float_unary_(TANH, np.tanh)
sigmoid_ = _float_unary_(SIGMOID, _sigmoid_np)
reciprocal_ = _float_unary_(RECIPROCAL, _reciprocal_np)
rsqrt_ = _float_unary_(RSQRT, _rsqrt_np)
log1p_ = _float_unary_(LOG1P, np.log1p)
expm1_ = _float_unary_(EXPM1, np.expm1)
erf_ = _float_unary_(ERF, _erf_np)


def _unary_same(op, fn, kernel, allow_bool=True, allow_int=True):
    """A unary op that keeps the dtype."""
    name = op.name

    def f(input, *, out=None):
        if not _isinstance(input, Tensor):
            raise TypeError(f"{name}(): argument 'input' (position 1) must be Tensor, not "
                            f"{type(input).__name__}")
        d = input._dtype
        if (d is D.bool_ and not allow_bool) or (d.category == INTEGRAL and not allow_int):
            raise not_implemented_for(kernel, d)
        res = finish(op, fn(input._data), d, (input,))
        return handle_out(res, out, name) if out is not None else res

    f.__name__ = f.__qualname__ = name
    return f


def _identity_copy(a):
    return a.copy()


def neg(input, *, out=None):
    check_tensor(input, "neg")
    if input._dtype is D.bool_:
        raise RuntimeError(_errors.BOOL_NEG)
    res = finish(NEG, np.negative(input._data), input._dtype, (input,))
    return handle_out(res, out, "neg") if out is not None else res


negative = neg
abs = _unary_same(ABS, np.abs, "abs_cpu", allow_bool=False)  # noqa: A001
absolute = abs


def sign(input, *, out=None):
    check_tensor(input, "sign")
    d = input._dtype
    res = finish(SIGN, _sign_np(input._data, d), d, (input,))
    return handle_out(res, out, "sign") if out is not None else res


def _sign_np(a, d):
    if d is D.bool_:
        return a.copy()
    r = np.asarray(np.sign(a))
    if d.category == FLOATING:
        r[np.isnan(a)] = 0  # torch: sign(nan) == 0
    return r


def sgn(input, *, out=None):
    check_tensor(input, "sgn")
    d = input._dtype
    res = finish(SGN, _sign_np(input._data, d), d, (input,))
    return handle_out(res, out, "sgn") if out is not None else res


def _rounding(op, fn, kernel):
    name = op.name

    def f(input, *, out=None):
        check_tensor(input, name)
        d = input._dtype
        if d is D.bool_:
            raise not_implemented_for(kernel, d)
        r = input._data.copy() if d.category == INTEGRAL else fn(input._data)
        res = finish(op, r, d, (input,))
        return handle_out(res, out, name) if out is not None else res

    f.__name__ = f.__qualname__ = name
    return f


floor = _rounding(FLOOR, np.floor, "floor_vml_cpu")
ceil = _rounding(CEIL, np.ceil, "ceil_vml_cpu")
trunc = _rounding(TRUNC, np.trunc, "trunc_vml_cpu")
fix = trunc


def round(input, *, decimals=0, out=None):  # noqa: A001
    check_tensor(input, "round")
    d = input._dtype
    if d is D.bool_:
        raise not_implemented_for("round_cpu" if decimals != 0 else "round_vml_cpu", d)
    if d.category == INTEGRAL:
        if decimals != 0:
            raise not_implemented_for("round_cpu", d)
        return finish(ROUND, input._data.copy(), d, (input,))
    if decimals == 0:
        return finish(ROUND, np.rint(input._data), d, (input,))
    # torch: nearbyint(x * 10**d) / 10**d, computed in the input's precision (float for half)
    work = _work_dtype(d)
    a = input._data.astype(work, copy=False)
    scale = np.asarray(10.0 ** decimals, work) if decimals > 0 else np.asarray(10.0 ** -decimals, work)
    with np.errstate(all="ignore"):
        if decimals > 0:
            r = np.rint(a * scale) / scale
        else:
            r = np.rint(a / scale) * scale
    res = finish(ROUND_DEC, r.astype(d.np, copy=False), d, (input, decimals))
    return handle_out(res, out, "round") if out is not None else res


def frac(input, *, out=None):
    check_tensor(input, "frac")
    d = input._dtype
    if d.category != FLOATING:
        raise not_implemented_for("frac_cpu", d)
    a = input._data
    res = finish(FRAC, a - np.trunc(a), d, (input,))
    return handle_out(res, out, "frac") if out is not None else res


def square(input, *, out=None):
    check_tensor(input, "square")
    d = input._dtype
    a = input._data
    if d is D.bool_:
        d = D.int64
        a = a.astype(np.int64)
    res = finish(SQUARE, np.square(a), d, (input, 2))
    return handle_out(res, out, "square") if out is not None else res


def relu(input):
    check_tensor(input, "relu")
    d = input._dtype
    if d is D.bool_:
        raise RuntimeError("Boolean inputs not supported for relu")
    a = input._data
    # torch: x < 0 ? 0 : x, so -0. and nan pass through
    if a.ndim == 0 and a.dtype.kind == "f":  # (a scalar: no mask to build)
        r = np.zeros((), a.dtype) if a < 0 else a.copy()
    else:
        r = _keep_where(a, np.logical_not(np.less(a, 0)))
    return finish(RELU, r, d, (input,))


def relu_(input):
    if input._dtype is D.bool_:
        raise RuntimeError("Boolean inputs not supported for relu")
    return _inplace(RELU, input, (input,), lambda a: np.copyto(a, 0, where=a < 0))


def logit(input, eps=None, *, out=None):
    check_tensor(input, "logit")
    d = input._dtype
    a = input._data
    if d.category != FLOATING:
        d = D.get_default_dtype()
        a = a.astype(d.np)
    if eps is not None:
        a = np.clip(a, eps, 1 - eps)
    with np.errstate(all="ignore"):
        r = np.log(a / (1 - a))
    res = finish(LOGIT, r.astype(d.np, copy=False), d, (input, eps))
    return handle_out(res, out, "logit") if out is not None else res


def nan_to_num(input, nan=0.0, posinf=None, neginf=None, *, out=None):
    check_tensor(input, "nan_to_num")
    d = input._dtype
    if d.category != FLOATING:
        return finish(NAN_TO_NUM, torch_layout(input._data), d, (input,))
    r = np.nan_to_num(torch_layout(input._data), copy=False, nan=nan, posinf=posinf, neginf=neginf)
    res = finish(NAN_TO_NUM, r, d, (input,))
    return handle_out(res, out, "nan_to_num") if out is not None else res


def sinc(input, *, out=None):
    check_tensor(input, "sinc")
    d = input._dtype
    a = input._data
    if d.category != FLOATING:
        d = D.get_default_dtype()
        a = a.astype(d.np)
    r = np.sinc(a.astype(np.float32) if d is D.float16 else a)  # half: computed in float
    res = finish(SINC, r.astype(d.np, copy=False), d, (input,))
    return handle_out(res, out, "sinc") if out is not None else res


# --- binary math ---------------------------------------------------------------------------

def _float_binary(op, fn, int_kernel=None):
    """A binary op with a floating result; ``int_kernel``: torch refuses integer inputs."""
    name = op.name

    def f(input, other, *, out=None):
        check_tensor(input, name)
        check_tensor(other, name, "other", 2)
        d = promote2(input, other)
        if d.category != FLOATING:
            if int_kernel is not None:
                _check_broadcast(input, other)
                raise not_implemented_for(int_kernel, d)
            d = D.get_default_dtype()
        x, y = _binary_arrays(input, other, d)
        with np.errstate(all="ignore"):
            r = _run2(fn, x, y, input, other)
        res = finish(op, r, d, (input, other))
        return handle_out(res, out, name) if out is not None else res

    f.__name__ = f.__qualname__ = name
    return f


atan2 = _float_binary(ATAN2, np.arctan2)
arctan2 = atan2
hypot = _float_binary(HYPOT, np.hypot, "hypot_cpu")


def xlogy(input, other, *, out=None):
    ti, to = _isinstance(input, Tensor), _isinstance(other, Tensor)
    if not (ti or to) or not (_is_tensor_or_number(input) and _is_tensor_or_number(other)):
        raise TypeError(f"xlogy() received an invalid combination of arguments - got "
                        f"({_tn(input)}, {_tn(other)})")
    d = promote2(input, other)
    if d.category != FLOATING:
        d = D.get_default_dtype()
    x, y = _binary_arrays(input, other, d)
    with np.errstate(all="ignore"):
        # torch: nan if y is nan, else 0 if x == 0, else x * log(y)
        xa, ya = np.asarray(x), np.asarray(y)
        r = _run2(np.multiply, xa, np.log(ya), input, other)
        r = np.where(xa == 0, np.zeros((), d.np), r)
        r = np.where(np.isnan(ya), ya, r).astype(d.np, copy=False)
    if ti and to:
        res = finish(XLOGY, r, d, (input, other))
    elif ti:
        res = finish(XLOGY_TS, r, d, (input, other))
    else:
        res = finish(XLOGY_ST, r, d, (other, input))
    return handle_out(res, out, "xlogy") if out is not None else res


def _minmax_binary(op, fn, name):
    def f(input, other, *, out=None):
        check_tensor(input, name)
        check_tensor(other, name, "other", 2)
        d = promote2(input, other)
        x, y = _binary_arrays(input, other, d)
        r = _run2(fn, x, y, input, other)
        res = finish(op, r, d, (input, other))
        return handle_out(res, out, name) if out is not None else res

    f.__name__ = f.__qualname__ = name
    return f


maximum = _minmax_binary(MAXIMUM, np.maximum, "maximum")
minimum = _minmax_binary(MINIMUM, np.minimum, "minimum")


fmax = _minmax_binary(FMAX, np.fmax, "fmax")
fmin = _minmax_binary(FMIN, np.fmin, "fmin")


# --- clamp / where / lerp ---------------------------------------------------------------

def clamp(input, min=None, max=None, *, out=None):  # noqa: A002
    check_tensor(input, "clamp")
    if min is None and max is None:
        raise RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None")
    if _isinstance(min, Tensor) or _isinstance(max, Tensor):
        return _clamp_tensor(input, min, max, out)
    d = result_type(*[v for v in (input, min, max) if v is not None])
    _check_int_fits(d, min, max)
    if d is D.bool_:
        raise not_implemented_for("clamp_scalar_cpu" if min is not None and max is not None else
                                  "clamp_min_scalar_cpu" if min is not None else
                                  "clamp_max_scalar_cpu", d)
    a = array_of(input, d)
    lo = None if min is None else array_of(min, d)
    hi = None if max is None else array_of(max, d)
    r = _clip(a, lo, hi, d)
    res = finish(CLAMP, r, d, (input, min, max))
    return handle_out(res, out, "clamp") if out is not None else res


def _clip(a, lo, hi, d):
    # torch: min(max(x, lo), hi), and nan propagates from x
    r = a
    if lo is not None:
        r = np.maximum(r, lo)
    if hi is not None:
        r = np.minimum(r, hi)
    if r is a:
        r = a.copy()
    if not _isinstance(r, np.ndarray):
        r = np.asarray(r)
    return r.astype(d.np, copy=False)


def _clamp_tensor(input, min, max, out):  # noqa: A002
    d = result_type(*[v for v in (input, min, max) if v is not None])
    if d is D.bool_ and min is not None and max is not None:
        _check_broadcast(input, min, max)
        raise not_implemented_for("clamp_cpu", d)
    a = array_of(input, d)
    lo = None if min is None else array_of(min, d)
    hi = None if max is None else array_of(max, d)
    try:
        r = _clip(a, lo, hi, d)
    except ValueError:
        other = min if min is not None else max
        raise broadcast_error(_shape(input), _shape(other)) from None
    if min is not None and not _isinstance(min, Tensor):
        min = _as_tensor_number(min, d)  # noqa: A001
    if max is not None and not _isinstance(max, Tensor):
        max = _as_tensor_number(max, d)  # noqa: A001
    res = finish(CLAMP_T, r, d, (input, min, max))
    return handle_out(res, out, "clamp") if out is not None else res


clip = clamp


def _clamp_one(input, bound, is_min, out):
    name = "clamp_min" if is_min else "clamp_max"
    check_tensor(input, name)
    d = result_type(input, bound)
    tb = _isinstance(bound, Tensor)
    if d is D.bool_ and not tb:
        raise not_implemented_for(name + "_scalar_cpu", d)
    a = array_of(input, d)
    b = array_of(bound, d)
    r = _run2(np.maximum if is_min else np.minimum, a, b, input, bound)
    if tb:
        op = CLAMP_MIN_T if is_min else CLAMP_MAX_T
    else:
        op = CLAMP_MIN if is_min else CLAMP_MAX
    res = finish(op, np.asarray(r).astype(d.np, copy=False), d, (input, bound))
    return handle_out(res, out, name) if out is not None else res


def clamp_min(input, min, *, out=None):  # noqa: A002
    return _clamp_one(input, min, True, out)


def clamp_max(input, max, *, out=None):  # noqa: A002
    return _clamp_one(input, max, False, out)


def clamp_(self, min=None, max=None):  # noqa: A002
    if min is None and max is None:
        raise RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None")
    for v in (min, max):
        if v.__class__ is builtins.int:
            int_scalar_check(v)
    d = self._dtype
    _check_int_fits(d, min, max)
    if _isinstance(min, Tensor) or _isinstance(max, Tensor):
        return _assign_result(CLAMP_T, self, (self, min, max), (min, max),
                              lambda: clamp(self.detach(), min, max))

    lo = None if min is None else array_of(min, d)
    hi = None if max is None else array_of(max, d)
    if d.category != FLOATING and (_isinstance(min, builtins.float) or _isinstance(max, builtins.float)):
        # torch's clamp kernel names the C type ("long int"), where other in-place ops say "Long"
        raise RuntimeError(_errors.cant_cast("Float", C_TYPE_NAMES[d]))
    return _inplace(CLAMP, self, (self, min, max), lambda a: np.copyto(a, _clip(a, lo, hi, d)))


def _assign_inplace(op, self, values, res, operands=(), recording=None):
    return _inplace(op, self, values, lambda a: np.copyto(a, res._data, casting="unsafe"),
                    operands, recording)


def _overlap_first(op, self, values, operands):
    """torch's order for an in-place op: the autograd checks and internal overlap, then partial
    overlap of an operand with self, before any shape or dtype error.  Returns check_inplace's
    answer (None for an inference tensor, which _inplace refuses after writing)."""
    recording = None
    if self._vc is not None or _state.inference:
        recording = check_inplace(self, values, op.n_inputs, overlap=True)
    sd = self._data
    for t in operands:
        if t.__class__ is Tensor and t is not self and (
                t._data.base is not None or sd.base is not None) and _partial_overlap(sd, t._data):
            raise RuntimeError(_OVERLAP)
    return recording


def _assign_result(op, self, values, operands, result):
    """An in-place op computed out of place (``result()``, from self.detach()), with torch's
    checks in its order: autograd and overlap, then the result's shape (it must be self's)
    and dtype (castable to self's)."""
    recording = _overlap_first(op, self, values, operands)
    res = result()
    if res._data.shape != self._data.shape:
        raise RuntimeError(f"output with shape {list(self._data.shape)} doesn't match the "
                           f"broadcast shape {list(res._data.shape)}")
    if res._dtype is not self._dtype and not D.can_cast(res._dtype, self._dtype):
        raise RuntimeError(_errors.cant_cast(_scalar_name(res._dtype), _scalar_name(self._dtype)))
    return _assign_inplace(op, self, values, res, operands, recording)


clip_ = clamp_


def where(condition, input=None, other=None, *, out=None):
    if input is None and other is None:
        from .indexing import nonzero
        return nonzero(condition, as_tuple=True)
    check_tensor(condition, "where", "condition", 1)
    if out is not None and not _isinstance(input, Tensor):
        # torch's only out= overload takes a tensor input (the scalar ones have no out=)
        check_tensor(input, "where", "input", 2)
    if out is not None and not _isinstance(other, Tensor):
        check_tensor(other, "where", "other", 3)
    if condition._dtype is not D.bool_ and condition._dtype is not D.uint8:
        raise RuntimeError(f"where expected condition to be a boolean tensor, but got a tensor "
                           f"with dtype {_scalar_name(condition._dtype)}")
    if _isinstance(input, Tensor) or _isinstance(other, Tensor):
        d = promote2(input, other)
    else:
        d = promote2(input, other)
        if d.category == FLOATING:
            d = D.get_default_dtype()
    x, y = _binary_arrays(input, other, d)
    try:
        r = np.where(condition._data, x, y)
    except ValueError:
        _broadcast_error_n([condition._data.shape, _shape(input), _shape(other)])
        raise
    r = np.asarray(r)
    if r.dtype != d.np:
        r = r.astype(d.np)
    res = finish(WHERE, r, d, (input, other, condition))
    return handle_out(res, out, "where") if out is not None else res


def _where(cond, x, y):
    """where() for rules: cond a bool Tensor, x and y Tensors."""
    return where(cond, x, y)


def _c10_name(d):
    return {"float32": "float", "float64": "double", "float16": "c10::Half", "int64": "long int",
            "int32": "int", "int16": "short int", "int8": "signed char", "uint8": "unsigned char",
            "bool": "bool"}[d.name]


def _fma(a, b, c, work):
    """a * b + c rounded once, as torch's vectorized kernels (fused multiply-add) compute it.

    float32 (and half, which torch computes in float): the product is exact in float64.
    float64: Dekker's exact product and a compensated sum.
    """
    if work is not np.float64:
        return (np.asarray(a, np.float64) * b + c).astype(work)
    a, b, c = np.asarray(a, np.float64), np.asarray(b, np.float64), np.asarray(c, np.float64)
    p = a * b
    ca, cb = 134217729.0 * a, 134217729.0 * b
    ah = ca - (ca - a)
    bh = cb - (cb - b)
    al, bl = a - ah, b - bh
    e = ((ah * bh - p) + ah * bl + al * bh) + al * bl
    s = p + c
    v = s - p
    r = s + (((p - (s - v)) + (c - v)) + e)
    return np.where(np.isfinite(r), r, p + c)


def _work_dtype(d):
    return np.float32 if d is D.float16 else d.np.type


def lerp(input, end, weight, *, out=None):
    check_tensor(input, "lerp")
    check_tensor(end, "lerp", "end", 2)
    d = input._dtype
    if end._dtype is not d:
        raise RuntimeError(f"expected dtype {_c10_name(d)} for `end` but got dtype "
                           f"{_c10_name(end._dtype)}")
    tw = _isinstance(weight, Tensor)
    if tw:
        if weight._dtype is not d:
            raise RuntimeError(f"expected dtype {_c10_name(d)} for `weight` but got dtype "
                               f"{_c10_name(weight._dtype)}")
        op = LERP_T
    else:
        if weight.__class__ is builtins.int:
            int_scalar_check(weight)
        op = LERP
    _check_broadcast(input, end, weight)
    if d.category != FLOATING:
        raise not_implemented_for("lerp_kernel_tensor" if tw else "lerp_kernel_scalar", d)
    # torch: |weight| < 0.5 ? self + weight * (end - self) : end - (end - self) * (1 - weight),
    # each a fused multiply-add, in float for half
    work = _work_dtype(d)
    a = input._data.astype(work, copy=False)
    b = end._data.astype(work, copy=False)
    w = weight._data.astype(work, copy=False) if tw else work(number_value(weight))
    with np.errstate(all="ignore"):
        diff = b - a
        r = np.where(np.abs(w) < 0.5, _fma(w, diff, a, work), _fma(-diff, work(1) - w, b, work))
    res = finish(op, np.asarray(r).astype(d.np, copy=False), d, (input, end, weight))
    return handle_out(res, out, "lerp") if out is not None else res


def addcmul(input, tensor1, tensor2, *, value=1, out=None):
    if value.__class__ is builtins.int:
        int_scalar_check(value)
    d = result_type(input, tensor1, tensor2)
    _check_broadcast(input, tensor1, tensor2)
    if d is D.bool_:
        raise not_implemented_for("addcmul_cpu_out", d)
    if d.category == FLOATING:
        # torch: self + (value * tensor1) * tensor2, the last two fused, in float for half
        work = _work_dtype(d)
        with np.errstate(all="ignore"):
            vt1 = work(number_value(value)) * array_of(tensor1, d).astype(work, copy=False)
            r = _fma(vt1, array_of(tensor2, d), array_of(input, d), work)
    else:
        v = int(number_value(value))
        r = array_of(input, d) + v * array_of(tensor1, d) * array_of(tensor2, d)
    res = finish(ADDCMUL, np.asarray(r).astype(d.np, copy=False), d,
                 (input, tensor1, tensor2, value))
    return handle_out(res, out, "addcmul") if out is not None else res


_ADDCDIV_INT = ("Integer division with addcdiv is no longer supported, and in a future  release "
                "addcdiv will perform a true division of tensor1 and tensor2. The historic addcdiv "
                "behavior can be implemented as (input + value * torch.trunc(tensor1 / tensor2))"
                ".to(input.dtype) for integer inputs and as (input + value * tensor1 / tensor2) "
                "for float inputs. The future addcdiv behavior is just the latter implementation: "
                "(input + value * tensor1 / tensor2), for all dtypes.")


def addcdiv(input, tensor1, tensor2, *, value=1, out=None):
    if value.__class__ is builtins.int:
        int_scalar_check(value)
    if (_isinstance(tensor1, Tensor) and tensor1._dtype.category != FLOATING and
            _isinstance(tensor2, Tensor) and tensor2._dtype.category != FLOATING):
        raise RuntimeError(_ADDCDIV_INT)
    d = result_type(input, tensor1, tensor2)
    _check_broadcast(input, tensor1, tensor2)
    # torch: self + (value * tensor1) / tensor2, in float for half
    work = _work_dtype(d)
    with np.errstate(all="ignore"):
        vt1 = work(number_value(value)) * array_of(tensor1, d).astype(work, copy=False)
        r = array_of(input, d).astype(work, copy=False) + vt1 / array_of(tensor2, d)
    res = finish(ADDCDIV, np.asarray(r).astype(d.np, copy=False), d,
                 (input, tensor1, tensor2, value))
    return handle_out(res, out, "addcdiv") if out is not None else res


# --- comparisons and logic (never differentiable) ---------------------------------------

def _compare(fn, name, opname):
    def f(input, other, *, out=None):
        if not _isinstance(input, Tensor):
            check_tensor(input, name)
        if not (_isinstance(other, Tensor) or is_number(other)):
            raise TypeError(f"{name}() received an invalid combination of arguments - got "
                            f"({_tn(input)}, {_tn(other)})")
        d = promote2(input, other)
        x, y = _binary_arrays(input, other, d)
        with np.errstate(invalid="ignore"):
            r = _run2(fn, x, y, input, other)
        res = make(np.asarray(r), D.bool_)
        return handle_out(res, out, name) if out is not None else res

    f.__name__ = f.__qualname__ = name
    return f


eq = _compare(np.equal, "eq", "==")
ne = _compare(np.not_equal, "ne", "!=")
lt = _compare(np.less, "lt", "<")
le = _compare(np.less_equal, "le", "<=")
gt = _compare(np.greater, "gt", ">")
ge = _compare(np.greater_equal, "ge", ">=")
not_equal, less, less_equal, greater, greater_equal = ne, lt, le, gt, ge


def _logical(fn, name):
    def f(input, other, *, out=None):
        check_tensor(input, name)
        check_tensor(other, name, "other", 2)
        r = _run2(fn, input._data, other._data, input, other)
        res = make(np.asarray(r), D.bool_)
        return handle_out(res, out, name) if out is not None else res

    f.__name__ = f.__qualname__ = name
    return f


logical_and = _logical(np.logical_and, "logical_and")
logical_or = _logical(np.logical_or, "logical_or")
logical_xor = _logical(np.logical_xor, "logical_xor")


def logical_not(input, *, out=None):
    check_tensor(input, "logical_not")
    res = make(np.logical_not(input._data), D.bool_)
    return handle_out(res, out, "logical_not") if out is not None else res


def _bitwise(fn, name, kernel):
    shift = kernel in ("lshift_cpu", "rshift_cpu")

    def f(input, other, *, out=None):
        if not _isinstance(input, Tensor) and not shift:
            input, other = other, input  # and/or/xor commute; shifts do not
        d = promote2(input, other)
        if d.category == FLOATING or (d is D.bool_ and shift):
            _check_broadcast(input, other)
            raise not_implemented_for(kernel, d)
        x, y = _binary_arrays(input, other, d)
        r = _run2(fn, x, y, input, other)
        res = make(np.asarray(r).astype(d.np, copy=False), d)
        return handle_out(res, out, name) if out is not None else res

    f.__name__ = f.__qualname__ = name
    return f


bitwise_and = _bitwise(np.bitwise_and, "bitwise_and", "bitwise_and_cpu")
bitwise_or = _bitwise(np.bitwise_or, "bitwise_or", "bitwise_or_cpu")
bitwise_xor = _bitwise(np.bitwise_xor, "bitwise_xor", "bitwise_xor_cpu")
bitwise_left_shift = _bitwise(np.left_shift, "bitwise_left_shift", "lshift_cpu")
bitwise_right_shift = _bitwise(np.right_shift, "bitwise_right_shift", "rshift_cpu")


def bitwise_not(input, *, out=None):
    check_tensor(input, "bitwise_not")
    d = input._dtype
    if d.category == FLOATING:
        raise not_implemented_for("bitwise_not_cpu", d)
    r = np.logical_not(input._data) if d is D.bool_ else np.invert(input._data)
    res = make(r, d)
    return handle_out(res, out, "bitwise_not") if out is not None else res


def invert(self):
    if self._dtype.category == FLOATING:
        raise TypeError("~ (operator.invert) is only implemented on integer and Boolean-type tensors")
    return bitwise_not(self)


def isnan(input):
    check_tensor(input, "isnan")
    return make(np.isnan(input._data) if input._dtype.category == FLOATING else
                np.zeros(input._data.shape, np.bool_), D.bool_)


def isinf(input):
    check_tensor(input, "isinf")
    return make(np.isinf(input._data) if input._dtype.category == FLOATING else
                np.zeros(input._data.shape, np.bool_), D.bool_)


def isposinf(input):
    return make(np.isposinf(input._data) if input._dtype.category == FLOATING else
                np.zeros(input._data.shape, np.bool_), D.bool_)


def isneginf(input):
    return make(np.isneginf(input._data) if input._dtype.category == FLOATING else
                np.zeros(input._data.shape, np.bool_), D.bool_)


def isfinite(input):
    check_tensor(input, "isfinite")
    return make(np.isfinite(input._data) if input._dtype.category == FLOATING else
                np.ones(input._data.shape, np.bool_), D.bool_)


def isreal(input):
    return make(np.ones(input._data.shape, np.bool_), D.bool_)


def signbit(input):
    return make(np.signbit(input._data), D.bool_)


def isclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    check_tensor(input, "isclose")
    check_tensor(other, "isclose", "other", 2)
    if input._dtype is not other._dtype:
        raise RuntimeError(f"{_scalar_name(input._dtype)} did not match {_scalar_name(other._dtype)}")
    d = input._dtype
    a, b = input._data, other._data
    _check_broadcast(input, other)
    with np.errstate(all="ignore"):
        close = np.asarray(a == b)
        if equal_nan and d.category == FLOATING:
            close = close | (np.isnan(a) & np.isnan(b))
        if rtol == 0 and atol == 0:
            return make(close, D.bool_)
        # torch: integers and bools in the default dtype, floats in their own
        if d.category != FLOATING:
            a = a.astype(D.get_default_dtype().np)
            b = b.astype(D.get_default_dtype().np)
        if a.dtype == np.float16:  # half times a scalar: the scalar stays float
            prod = (b.astype(np.float32) * np.float32(rtol)).astype(np.float16)
        else:
            prod = b * a.dtype.type(rtol)
        allowed = np.abs(prod) + a.dtype.type(atol)
        diff = np.abs(a - b)
        close = close | (np.isfinite(diff) & (diff <= allowed))
    return make(np.asarray(close), D.bool_)


def allclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    return builtins.bool(isclose(input, other, rtol, atol, equal_nan)._data.all())


def equal(input, other):
    check_tensor(input, "equal")
    check_tensor(other, "equal", "other", 2)
    if input._data.shape != other._data.shape:
        return False
    return builtins.bool(np.array_equal(input._data, other._data))


# --- in-place arithmetic ---------------------------------------------------------------

def _inplace_binary(op, fn, name, self, other, extra=(), alpha=None):
    """self.op_(other): compute in self's dtype (torch's cast check first); ``alpha`` scales
    other (add_/sub_)."""
    check_tensor(self, name)
    if not (_isinstance(other, Tensor) or is_number(other)):
        # the parser's message for the method's Tensor-or-Number argument
        raise TypeError(f"{name}(): argument 'other' (position 1) must be Tensor, not "
                        f"{type(other).__name__}")
    # torch: the autograd checks and internal overlap, then partial overlap, then dtypes and shapes
    recording = None
    if self._vc is not None or _state.inference:
        recording = check_inplace(self, (self, other) + extra, 2, overlap=True)
    if other.__class__ is Tensor and other is not self and (
            other._data.base is not None or self._data.base is not None) and \
            _partial_overlap(self._data, other._data):
        raise RuntimeError(_OVERLAP)
    d = self._dtype
    rd = promote2(self, other)
    if op is DIV and rd.category != FLOATING:
        rd = D.get_default_dtype()
    if rd is not d and not D.can_cast(rd, d):
        raise RuntimeError(_errors.cant_cast(_scalar_name(rd), _scalar_name(d)))
    if _isinstance(other, Tensor) and other._data.shape != self._data.shape:
        try:
            target = np.broadcast_shapes(self._data.shape, other._data.shape)
        except ValueError:
            raise broadcast_error(self._data.shape, other._data.shape) from None
        if target != self._data.shape:
            raise RuntimeError(f"output with shape {list(self._data.shape)} doesn't match the "
                               f"broadcast shape {list(target)}")
    y = array_of(other, rd)
    values = (self, other) + extra
    if alpha is not None and alpha is not _ONE:
        _check_alpha(alpha, rd, name)
        if rd.category == FLOATING:
            k = _neg_alpha(alpha) if op is SUB else number_value(alpha)

            def compute(a):  # one fused multiply-add, as torch
                np.copyto(a, _alpha_fma(a, y, k, rd, self, other), casting="unsafe")

            return _inplace(op, self, values, compute, (other,), recording)
        y = _int_scaled(y, alpha, rd)

    def compute(a):
        if rd is d:
            fn(a, y, out=a)
        else:
            np.copyto(a, fn(a.astype(rd.np), y), casting="unsafe")

    if not _isinstance(other, Tensor):
        values = (self, other) + extra
    return _inplace(op, self, values, compute, (other,), recording)


def add_(self, other, *, alpha=1):
    if self._dtype is D.bool_:
        return _inplace_binary(ADD, np.logical_or, "add_", self, other, (alpha,), alpha)
    return _inplace_binary(ADD, np.add, "add_", self, other, (alpha,), alpha)


def sub_(self, other, *, alpha=1):
    _check_sub_bool(self, other)
    return _inplace_binary(SUB, np.subtract, "sub_", self, other, (alpha,), alpha)


def mul_(self, other):
    if self._dtype is D.bool_:
        return _inplace_binary(MUL, np.logical_and, "mul_", self, other)
    return _inplace_binary(MUL, np.multiply, "mul_", self, other)


def div_(self, other, *, rounding_mode=None):
    if rounding_mode is not None:
        return _assign_result(DIV_ROUNDED, self, (self, other), (other,),
                              lambda: div(self.detach(), other, rounding_mode=rounding_mode))
    return _inplace_binary(DIV, np.true_divide, "div_", self, other)


def pow_(self, exponent):
    if _isinstance(exponent, Tensor):
        return _assign_result(POW_TT, self, (self, exponent), (exponent,),
                              lambda: pow(self.detach(), exponent))
    d = self._dtype
    rd = promote2(self, exponent)
    if rd is not d and not D.can_cast(rd, d):
        raise RuntimeError(_errors.cant_cast(_scalar_name(rd), _scalar_name(d)))
    res = pow(self.detach(), exponent)
    return _assign_inplace(POW, self, (self, exponent), res)


def remainder_(self, other):
    return _assign_result(REMAINDER_TT if _isinstance(other, Tensor) else REMAINDER, self,
                          (self, other), (other,), lambda: remainder(self.detach(), other))


def fmod_(self, other):
    return _assign_result(FMOD_TT if _isinstance(other, Tensor) else FMOD, self, (self, other),
                          (other,), lambda: fmod(self.detach(), other))


def floor_divide_(self, other):
    op = FLOOR_DIVIDE if _isinstance(other, Tensor) and other._requires_grad else FLOOR_DIVIDE_SCALAR
    return _assign_result(op, self, (self, other), (other,),
                          lambda: floor_divide(self.detach(), other))


def neg_(self):
    if self._dtype is D.bool_:
        raise RuntimeError(_errors.BOOL_NEG)
    return _inplace(NEG, self, (self,), lambda a: np.negative(a, out=a))


def abs_(self):
    return _inplace(ABS, self, (self,), lambda a: np.abs(a, out=a))


def floor_(self):
    return _inplace(FLOOR, self, (self,), lambda a: np.floor(a, out=a) if a.dtype.kind == "f" else a)


def ceil_(self):
    return _inplace(CEIL, self, (self,), lambda a: np.ceil(a, out=a) if a.dtype.kind == "f" else a)


def round_(self, decimals=0):
    res = round(self.detach(), decimals=decimals)
    return _assign_inplace(ROUND if decimals == 0 else ROUND_DEC, self, (self, decimals), res)


def trunc_(self):
    return _inplace(TRUNC, self, (self,), lambda a: np.trunc(a, out=a) if a.dtype.kind == "f" else a)


def square_(self):
    return _inplace(SQUARE, self, (self, 2), lambda a: np.square(a, out=a))


def zero_(self):
    return _inplace(ZERO_, self, (self,), lambda a: a.fill(0))


def fill_(self, value):
    if _isinstance(value, Tensor):
        if value._data.ndim != 0:
            raise RuntimeError(f"fill_ only supports 0-dimension value tensor but got tensor with "
                               f"{value._data.ndim} dimensions.")
        v = value._data
        return _inplace(FILL_T, self, (self, value), lambda a: a.fill(v))
    if not is_number(value):
        raise TypeError(f"fill_() received an invalid combination of arguments - got ({_tn(value)})")
    v = number_value(value)
    if v.__class__ is builtins.int:
        int_scalar_check(v)
        _check_int_fits(self._dtype, v)
    return _inplace(FILL_, self, (self, value), lambda a: _fill(a, v))


def _fill(a, v):
    try:
        a.fill(v)
    except OverflowError:
        a.fill(np.array(v).astype(a.dtype))


def copy_(self, src, non_blocking=False):
    check_tensor(src, "copy_", "src", 1)
    recording = _overlap_first(COPY_, self, (self, src, src._dtype), (src,))
    if src._data.shape != self._data.shape:
        _broadcast_error_n([self._data.shape, src._data.shape])
        target = np.broadcast_shapes(self._data.shape, src._data.shape)
        if target != self._data.shape:
            raise RuntimeError(f"output with shape {list(self._data.shape)} doesn't match the "
                               f"broadcast shape {list(target)}")
    s = src._data
    return _inplace(COPY_, self, (self, src, src._dtype),
                    lambda a: np.copyto(a, s if not np.may_share_memory(a, s) else s.copy(),
                                        casting="unsafe"), (src,), recording)


def lerp_(self, end, weight):
    return _assign_result(LERP_T if _isinstance(weight, Tensor) else LERP, self,
                          (self, end, weight), (end, weight), lambda: lerp(self.detach(), end, weight))


def addcmul_(self, tensor1, tensor2, *, value=1):
    return _assign_result(ADDCMUL, self, (self, tensor1, tensor2, value), (tensor1, tensor2),
                          lambda: addcmul(self.detach(), tensor1, tensor2, value=value))


def addcdiv_(self, tensor1, tensor2, *, value=1):
    if (_isinstance(tensor1, Tensor) and tensor1._dtype.category != FLOATING and
            _isinstance(tensor2, Tensor) and tensor2._dtype.category != FLOATING):
        check_inplace(self, (self, tensor1, tensor2, value), 3)  # torch: autograd checks first
        raise RuntimeError(_ADDCDIV_INT)
    return _assign_result(ADDCDIV, self, (self, tensor1, tensor2, value), (tensor1, tensor2),
                          lambda: addcdiv(self.detach(), tensor1, tensor2, value=value))


def atan2_(self, other):
    return _assign_result(ATAN2, self, (self, other), (other,), lambda: atan2(self.detach(), other))


def logical_not_(self):
    np.copyto(self._data, np.logical_not(self._data), casting="unsafe")
    return self


def _inplace_compare(fn):
    def f(self, other):
        if _isinstance(other, Tensor) and other is not self:
            _check_partial_overlap(self._data, other._data)
        r = fn(self, other)
        np.copyto(self._data, r._data, casting="unsafe")
        if self._vc is not None:
            self._vc[0] += 1
        return self
    return f


eq_, ne_, lt_, le_, gt_, ge_ = (_inplace_compare(f) for f in (eq, ne, lt, le, gt, ge))


__all__ = [n for n in dir() if not n.startswith("_") and n not in ("np", "math", "builtins", "D")]

subtract, multiply, divide = sub, mul, div


# ==================================================================================
# Operators (x + y, x * 2.0, ...): a fast path for same-dtype tensors and Python numbers
# with a float32/float64 tensor, falling back to the functions above for everything else.
# ==================================================================================

_OPERAND = (Tensor, builtins.bool, builtins.int, builtins.float, np.number, np.bool_)


# A Python number meeting a float32/float64 array in a ufunc is converted to the array's dtype on
# each call (NumPy's rule for Python scalars, as torch's for wrapped numbers), which costs about
# as much as the arithmetic on a small tensor: the operators keep the converted 0-d arrays of the
# numbers they meet (a bounded cache; the same value exactly, since the conversion is the same)
_SCALAR_CONSTS = {D.float32: {}, D.float64: {}}


def scalar_constant(v, d):
    """``v`` (a Python float or int) as a 0-d array of ``d``, cached; ``v`` itself where the
    cache cannot hold it: 0 (the keys 0.0 and -0.0 are equal), nan, what does not convert
    to a finite value."""
    if v != v or v == 0 or (v.__class__ is builtins.int and not -2 ** 53 <= v <= 2 ** 53):
        return v
    c = np.array(v, d.np)
    if not np.isfinite(c):
        return v
    cache = _SCALAR_CONSTS[d]
    if len(cache) >= 512:
        cache.clear()
    cache[v] = c
    return c


_NO_CONSTS = {}


def _operator(ufunc, op, general, alpha, reflected=False, commutes=True, floats_only=False,
              pyop=None):
    """Build ``Tensor.__op__``.  ``general(a, b)`` handles what the fast path does not.

    A reflected operator of a commutative op records (self, other) as torch does;
    a reflected non-commutative one (rsub) computes other - self and records ``op``.
    On 0-dim float64 tensors ``pyop`` computes with Python floats (IEEE doubles, the same
    result as NumPy's float64 kernels, at a fraction of the cost of a ufunc call).
    """
    ndarray = np.ndarray
    float32, float64, bool_ = D.float32, D.float64, D.bool_
    consts32, consts64 = _SCALAR_CONSTS[float32], _SCALAR_CONSTS[float64]
    swap = reflected and not commutes
    array = np.array
    f64 = np.float64

    def operator(self, other):
        if other.__class__ is builtins.float and not swap:
            # the commonest call, a float tensor and a float (y * 1.01): no other checks
            d = self._dtype
            c = (consts32 if d is float32 else consts64 if d is float64 else _NO_CONSTS).get(other)
            if c is not None and (pyop is None or d is float32 or self._data.ndim):
                token = quiet_enter()
                try:
                    r = ufunc(self._data, c)
                finally:
                    quiet_reset(token)
                if r.__class__ is not ndarray:  # a 0-dim operand gives a NumPy scalar
                    r = np.asarray(r)
                t = make(r, d)
                if _state.enabled and (self._requires_grad or (
                        self._view is not None and self._view.base._requires_grad)):
                    record1(op, t, (self, other, 1) if alpha else (self, other))
                return t
        token = quiet_enter()
        try:
            d = self._dtype
            to = other.__class__
            a = self._data
            if to is Tensor and other._dtype is d and d is not bool_ and (
                    not floats_only or d is float32 or d is float64):
                b = other._data
                r = None
                if d is float64 and pyop is not None and a.ndim == 0 and b.ndim == 0:
                    r = pyop(b.item(), a.item()) if swap else pyop(a.item(), b.item())
                    if r is not None:
                        r = array(r, f64)
                if r is None:
                    try:
                        r = ufunc(b, a) if swap else ufunc(a, b)
                    except ValueError:
                        return general(other, self) if reflected else general(self, other)
            elif (to is builtins.float or to is builtins.int) and (d is float32 or d is float64):
                if to is builtins.int and not -0x8000000000000000 <= other <= 0xFFFFFFFFFFFFFFFF:
                    int_scalar_check(other)
                r = None
                if d is float64 and pyop is not None and a.ndim == 0:
                    r = pyop(other, a.item()) if swap else pyop(a.item(), other)
                    if r is not None:
                        r = array(r, f64)
                if r is None:
                    c = (consts32 if d is float32 else consts64).get(other)
                    if c is None:
                        c = scalar_constant(other, d)
                    r = ufunc(c, a) if swap else ufunc(a, c)
            elif _isinstance(other, _OPERAND):
                return general(other, self) if reflected else general(self, other)
            else:
                return NotImplemented
            if r.__class__ is not ndarray:
                r = np.asarray(r)
            t = make(r, d)
            if _state.enabled and (
                    self._requires_grad or (to is Tensor and other._requires_grad) or (
                        self._view is not None and self._view.base._requires_grad) or (
                        to is Tensor and other._view is not None and
                        other._view.base._requires_grad)):
                record1(op, t, (self, other, 1) if alpha else (self, other))
            return t
        finally:
            quiet_reset(token)

    operator.__quiet__ = True
    return operator


def _py_add(x, y):
    return x + y


def _py_sub(x, y):
    return x - y


def _py_mul(x, y):
    return x * y


def _py_div(x, y):
    return x / y if y else None  # NumPy gives inf/nan where Python raises


def _general_rsub(other, self):
    return rsub(self, other)


def _general_rdiv(other, self):
    return div(other, self)


add_operator = _operator(np.add, ADD, add, alpha=True, pyop=_py_add)
radd_operator = _operator(np.add, ADD, add, alpha=True, reflected=True, pyop=_py_add)
sub_operator = _operator(np.subtract, SUB, sub, alpha=True, pyop=_py_sub)
rsub_operator = _operator(np.subtract, RSUB, _general_rsub, alpha=True, reflected=True,
                          commutes=False, pyop=_py_sub)
mul_operator = _operator(np.multiply, MUL, mul, alpha=False, pyop=_py_mul)
rmul_operator = _operator(np.multiply, MUL, mul, alpha=False, reflected=True, pyop=_py_mul)
truediv_operator = _operator(np.true_divide, DIV, div, alpha=False, floats_only=True,
                             pyop=_py_div)


def neg_operator(self):
    token = quiet_enter()
    try:
        d = self._dtype
        if d is D.float32 or d is D.float64:
            r = np.negative(self._data)
            if r.__class__ is not np.ndarray:
                r = np.asarray(r)
            t = make(r, d)
            if _state.enabled and (self._requires_grad or (
                    self._view is not None and self._view.base._requires_grad)):
                record1(NEG, t, (self,))
            return t
        return neg(self)
    finally:
        quiet_reset(token)


neg_operator.__quiet__ = True
