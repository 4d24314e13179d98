"""Reductions, scans, sorting and softmax: table rows and public functions."""

from __future__ import annotations

import builtins
import math

import numpy as np

from .. import _dtype as D
from .. import _errors
from .. import return_types
from .._dispatch import defop, finish, finish_multi
from .pointwise import div_scalar
from .._tensor import Tensor, make, scalar_type_name
from ._common import check_tensor, wrap_dims, wrap_dim, handle_out, not_implemented_for
from ._common import handle_out_pair, out_dtype_expected, torch_layout, contiguous_array
from ..autograd import grad_mode

FLOATING, INTEGRAL, BOOL = D.FLOATING, D.INTEGRAL, D.BOOL
_isinstance = isinstance
int64 = D.int64
_state = grad_mode._state


def _check_autograd_dtype(input, dtype):
    """torch refuses a non-floating dtype= on an input that requires grad."""
    if (dtype is not None and dtype.category != FLOATING and _state.enabled
            and input._requires_grad):
        raise RuntimeError(f"Autograd not support dtype: {scalar_type_name(dtype)}")


# --- helpers for the rules ---------------------------------------------------------------

def _restore(grad, dims, ndim, keepdim):
    """Put back the reduced dims (size 1) so that grad broadcasts against the input."""
    if keepdim or grad._data.ndim == ndim:
        return grad
    for d in sorted(dims):
        grad = grad.unsqueeze(d)
    return grad


def _expand_back(grad, shape, dims, keepdim):
    return _restore(grad, dims, len(shape), keepdim).expand(shape)


def _select_backward(grad, dim, indices, shape, keepdim):
    """Gradient of a value-selecting reduction (max(dim), sort, topk...): scatter into zeros."""
    if not keepdim and len(shape) > 0:
        grad = grad.unsqueeze(dim)
        indices = indices.unsqueeze(dim)
    z = make(np.zeros(shape, grad._dtype.np), grad._dtype)
    return z.scatter(dim, indices, grad)


def _evenly_distribute(grad, self, result):
    """max()/min() over the whole tensor: ties share the gradient equally (torch, on the CPU:
    zeros masked_fill_'ed with grad / count)."""
    if result.isnan().item():
        mask = self.isnan()
    else:
        mask = self == result
    zeros = make(np.zeros(self._data.shape, grad._dtype.np), grad._dtype)
    return zeros.masked_fill(mask, grad / mask.sum())


def _restore_view(t, dims, keepdim):
    """torch's restore_reduced_dims: the reduced dims put back (size 1) with one view."""
    if keepdim:
        return t
    shape = list(t._data.shape)
    for d in sorted(dims):
        shape.insert(d, 1)
    return t.view(shape)


def _amax_backward(grad, self, result, dims, keepdim):
    # torch: the gradient shared by the maximal elements, (grad / count) * mask
    mask = _restore_view(result, dims, keepdim) == self
    return (_restore_view(grad, dims, keepdim) / mask.sum(dims, keepdim=True)) * mask


def _var_backward(grad, self, dims, correction, keepdim):
    """``dims`` None: the full reduction (torch: no dims to restore, the mean is mean());
    ``correction`` None: 1."""
    from .pointwise import mul_scalar
    if correction is None:
        correction = 1
    ndim = self._data.ndim
    if ndim == 0 or dims is None:
        dof = self._data.size - correction
        if dof <= 0:
            # torch: inf * (x - mean), spelled so that x == mean gives nan (a constant factor);
            # where() of two numbers has the default dtype, which the product promotes with
            # grad as torch does (a 0-dim grad: the engine then casts back, ToCopyBackward0)
            from .pointwise import where
            return grad * where(self == self.mean(), math.nan, math.inf)
        d = self - self.mean()  # recorded first, as torch's compiled formula
        return mul_scalar(grad, 2.0 / dof) * d
    if not keepdim and ndim > 1:
        grad = _restore(grad, dims, ndim, keepdim)
    dof = _count(self._data.shape, dims) - correction
    scale = 2.0 / dof if dof else math.inf  # as C++ double division
    d = self - self.mean(dims, keepdim=True)  # recorded first, as torch's compiled formula
    return mul_scalar(grad, scale) * d


def _std_backward(grad, self, result, dims, correction, keepdim):
    from .pointwise import mul_scalar
    g = (grad / mul_scalar(result, 2)).masked_fill(result == 0, 0)
    return _var_backward(g, self, dims, correction, keepdim)


def _count(shape, dims):
    n = 1
    if shape:  # a 0-dim tensor reduced over dim 0 counts its one element
        for d in dims:
            n *= shape[d]
    return n


def _norm_backward(grad, self, ord, result, dims, keepdim):
    """``dims`` None: the full reduction (nothing to restore)."""
    ndim = self._data.ndim
    if not keepdim and ndim and dims is not None:
        grad = _restore(grad, dims, ndim, keepdim)
        result = _restore(result, dims, ndim, keepdim)
    if ord == 0:
        return None  # torch: no gradient (undefined) for the 0-"norm"
    if ord == 1:
        return self.sgn() * grad
    if ord == 2:
        return grad * (self / result).masked_fill(result == 0, 0)
    if ord == math.inf or ord == -math.inf:
        # the elements at the norm (or nan) share the gradient
        sa = self.abs()
        mask = (sa == result).logical_or(sa.isnan())
        count = mask.sum(dims if dims is not None else tuple(range(ndim)), keepdim=True)
        scaled = (grad / count) * mask
        return self.sgn() * scaled
    # as torch, the powers of |self| are taken in place (pow_ saves a clone of its input);
    # the right operand is recorded before the left one, as in torch's compiled formulas
    if ord < 1:
        power = self.abs().pow_(ord - 1).masked_fill(self == 0, 0)
        scaled = self.sgn() * power
        rpow = result.pow(1 - ord)
        return scaled * grad * rpow
    if ord < 2:
        power = self.abs().pow_(ord - 1)
        scaled = self.sgn() * power
    else:
        scaled = self * self.abs().pow_(ord - 2)
    return scaled * (grad / result.pow(ord - 1)).masked_fill(result == 0, 0)


def _prod_backward(grad, self, result, dims, keepdim, full=False):
    """prod over ``dims``; ``full``: prod() (torch: the 0-dim gradient is not unsqueezed)."""
    if self._data.ndim == 0:
        return grad
    g = grad if full else _restore(grad, dims, self._data.ndim, keepdim)
    zeros = int(np.count_nonzero(self._data == 0))
    if not zeros:
        return g * ((result if full else _restore(result, dims, self._data.ndim, keepdim)) / self)
    if full and zeros > 1 and not _state.enabled:
        # torch: two zeros or more make every partial product zero (first order only)
        return make(np.zeros(self._data.shape, grad._dtype.np), grad._dtype)
    # with zeros: the product of the other elements, from exclusive scans both ways
    if full or len(dims) != 1:
        # torch: over the flat input, viewed back as the input
        flat = self.contiguous().view(-1)
        return _prod_safe_zeros_backward(grad, flat, 0).view(self.shape)
    return _prod_safe_zeros_backward(g, self, dims[0])


def _prod_safe_zeros_backward(grad, x, dim):
    """grad times, for each element, the product of the others along dim: exclusive cumulative
    products both ways (torch's prod_safe_zeros_backward, the same ops)."""
    from .shape import cat
    if x._data.size == 0:
        return grad.expand_as(x)
    n = x.shape[dim]
    if n == 1:
        return grad
    ones_shape = list(x.shape)
    ones_shape[dim] = 1
    ones = make(np.ones(ones_shape, grad._dtype.np), grad._dtype)
    exclusive_normal = cat([ones, x.narrow(dim, 0, n - 1)], dim).cumprod(dim)
    narrow_reverse = x.narrow(dim, 1, n - 1).flip(dim)
    exclusive_reverse = cat([ones, narrow_reverse], dim).cumprod(dim).flip(dim)
    return grad * (exclusive_normal * exclusive_reverse)


def _cumsum_backward(grad, dim):
    # torch returns the gradient itself when there is nothing to sum: at most one element,
    # or a scanned dim of size 1
    a = grad._data
    if a.size <= 1 or a.shape[dim] == 1:
        return grad
    return grad.flip(dim).cumsum(dim).flip(dim)


def _cumprod_backward(grad, self, result, dim):
    if self._data.size <= 1 or self._data.shape[dim] <= 1:
        return grad
    if not (self == 0).any().item():
        return (result * grad).flip(dim).cumsum(dim).flip(dim) / self
    if not _state.enabled:
        return _cumprod_backward_zeros(grad, self, result, dim)
    # with zeros, differentiably (torch's O(n^2) way): for each k, the products of the inputs
    # before k and from k + 1 to j, against grad_j for j >= k, written into slice k
    from .shape import cat
    n = self.shape[dim]
    out = make(np.zeros(self._data.shape, grad._dtype.np), grad._dtype)
    ones_shape = list(self._data.shape)
    ones_shape[dim] = 1
    ones = make(np.ones(ones_shape, self._dtype.np), self._dtype)
    for k in range(n):
        if k == 0:
            omitted = cat([ones, self.narrow(dim, 1, n - 1).cumprod(dim)], dim)
        elif k == n - 1:
            omitted = self.narrow(dim, 0, k).prod(dim, keepdim=True)
        else:
            until_k = self.narrow(dim, 0, k).prod(dim, keepdim=True)
            after_k = self.narrow(dim, k + 1, n - k - 1).cumprod(dim)
            omitted = cat([until_k, until_k.expand_as(after_k) * after_k], dim)
        out.select(dim, k).copy_((grad.narrow(dim, k, n - k) * omitted).sum(dim))
    return out


def _cumprod_backward_zeros(grad, self, result, dim):
    """First-order cumprod gradient with zeros, torch's O(n) way: before the first zero z1,
    a reversed cumsum of result * grad over x; at z1, the product of what precedes it times
    the grads up to the second zero weighted by the products after z1; zero elsewhere."""
    from .pointwise import where
    zero = make(np.zeros((), grad._dtype.np), grad._dtype)
    is_zero = self == 0
    count = is_zero.cumsum(dim)
    before = count == 0
    w = (result * grad).masked_fill(before.logical_not(), 0)
    part_before = where(before, w.flip(dim).cumsum(dim).flip(dim) / self, zero)
    first = is_zero.logical_and(count == 1)
    between = (count == 1).logical_and(first.logical_not())
    lead = self.masked_fill(before.logical_not(), 1).prod(dim, keepdim=True)
    after = (self.masked_fill(between.logical_not(), 1).cumprod(dim) *
             grad.masked_fill(count != 1, 0)).sum(dim, keepdim=True)
    return part_before + where(first, lead * after, zero)


def _logsumexp_backward(grad, self, result, dims, keepdim):
    ndim = self._data.ndim
    g = _restore(grad, dims, ndim, keepdim)
    r = _restore(result, dims, ndim, keepdim)
    return g * (self - r).exp()


def softmax_backward_data(grad_output, output, dim):
    """output * (grad_output - sum(grad_output * output, dim)), one op (torch's
    _softmax_backward_data, whose node is SoftmaxBackwardDataBackward0)."""
    g, o = grad_output._data, output._data
    with np.errstate(all="ignore"):
        r = o * (g - np.sum(g * o, axis=dim, keepdims=True)) if o.ndim else o * (g - g * o)
    return finish(SOFTMAX_BACKWARD_DATA, np.asarray(r, g.dtype), grad_output._dtype,
                  (grad_output, output, dim))


def log_softmax_backward_data(grad_output, output, dim):
    """grad_output - exp(output) * sum(grad_output, dim), one op (torch's
    _log_softmax_backward_data)."""
    g, o = grad_output._data, output._data
    with np.errstate(all="ignore"):
        r = g - np.exp(o) * (np.sum(g, axis=dim, keepdims=True) if o.ndim else g)
    return finish(LOG_SOFTMAX_BACKWARD_DATA, np.asarray(r, g.dtype), grad_output._dtype,
                  (grad_output, output, dim))


def _softmax_double_backward(grad, grad_output, output, dim):
    return (grad_output * grad - (output * grad_output).sum(dim, keepdim=True) * grad
            - grad_output * (output * grad).sum(dim, keepdim=True))


def _log_softmax_double_backward(grad, grad_output, output, dim):
    return -grad_output.sum(dim, keepdim=True) * output.exp() * grad


# ==================================================================================
# The table
# ==================================================================================

SUM = defop("sum", "SumBackward0", ("self", "self_sym_sizes"), inputs=1,
            self=lambda grad, self_sym_sizes: grad.expand(self_sym_sizes))
SUM_DIM = defop("sum", "SumBackward1", ("self", "dim", "keepdim", "self_sym_sizes"), inputs=1,
                self=lambda grad, dim, keepdim, self_sym_sizes:
                    _expand_back(grad, self_sym_sizes, dim, keepdim))
NANSUM = defop("nansum", "NansumBackward0", ("self", "dim", "keepdim"), inputs=1,
               self=lambda grad, self, dim, keepdim:
                   (grad.expand(self.shape) if dim is None else
                    _expand_back(grad, self.shape, dim, keepdim)) * self.isnan().logical_not())
MEAN = defop("mean", "MeanBackward0", ("self", "self_sym_numel", "self_sym_sizes"), inputs=1,
             self=lambda grad, self_sym_numel, self_sym_sizes:
                 div_scalar(grad.expand(self_sym_sizes), self_sym_numel))
MEAN_DIM = defop("mean", "MeanBackward1", ("self", "dim", "keepdim", "self_sym_numel",
                                           "self_sym_sizes"), inputs=1, also_save=("self_sym_numel",),
                 self=lambda grad, dim, keepdim, self_sym_sizes:
                     div_scalar(_expand_back(grad, self_sym_sizes, dim, keepdim),
                                _count(self_sym_sizes, dim)))
PROD = defop("prod", "ProdBackward0",
             self=lambda grad, self, result: _prod_backward(grad, self, result, None, False, True))
PROD_DIM = defop("prod", "ProdBackward1", ("self", "dim", "keepdim"), inputs=1,
                 self=lambda grad, self, result, dim, keepdim:
                     _prod_backward(grad, self, result, dim, keepdim))
MAX_ALL = defop("max", "MaxBackward1", self=lambda grad, self, result: _evenly_distribute(grad, self, result))
MIN_ALL = defop("min", "MinBackward1", self=lambda grad, self, result: _evenly_distribute(grad, self, result))
MAX_DIM = defop("max", "MaxBackward0", ("self", "dim", "keepdim", "self_sym_sizes"), inputs=1,
                outputs=("result", "indices"), outputs_differentiable=(True, False),
                self=lambda grad, dim, keepdim, indices, self_sym_sizes:
                    _select_backward(grad[0], dim, indices, self_sym_sizes, keepdim))
MIN_DIM = defop("min", "MinBackward0", ("self", "dim", "keepdim", "self_sym_sizes"), inputs=1,
                outputs=("result", "indices"), outputs_differentiable=(True, False),
                self=lambda grad, dim, keepdim, indices, self_sym_sizes:
                    _select_backward(grad[0], dim, indices, self_sym_sizes, keepdim))
AMAX = defop("amax", "AmaxBackward0", ("self", "dim", "keepdim"), inputs=1,
             self=lambda grad, self, result, dim, keepdim: _amax_backward(grad, self, result, dim, keepdim))
AMIN = defop("amin", "AminBackward0", ("self", "dim", "keepdim"), inputs=1,
             self=lambda grad, self, result, dim, keepdim: _amax_backward(grad, self, result, dim, keepdim))
VAR = defop("var", "VarBackward0", ("self", "dim", "correction", "keepdim"), inputs=1,
            self=lambda grad, self, dim, correction, keepdim:
                _var_backward(grad, self, dim, correction, keepdim))
STD = defop("std", "StdBackward0", ("self", "dim", "correction", "keepdim"), inputs=1,
            self=lambda grad, self, result, dim, correction, keepdim:
                _std_backward(grad, self, result, dim, correction, keepdim))
VAR_MEAN = defop("var_mean", "VarMeanBackward0", ("self", "dim", "correction", "keepdim"), inputs=1,
                 self=lambda grad, self, dim, correction, keepdim:
                     _var_mean_backward(grad, self, dim, correction, keepdim))
STD_MEAN = defop("std_mean", "StdMeanBackward0", ("self", "dim", "correction", "keepdim"), inputs=1,
                 outputs=("result0", "result1"),
                 self=lambda grad, self, result0, dim, correction, keepdim:
                     _std_mean_backward(grad, self, result0, dim, correction, keepdim))
NORM = defop("norm", "LinalgVectorNormBackward0", ("self", "ord", "dim", "keepdim"), inputs=1,
             self=lambda grad, self, result, ord, dim, keepdim:
                 _norm_backward(grad, self, ord, result, dim, keepdim))
DIST = defop("dist", "DistBackward0", ("self", "other", "p"),
             self=lambda grad, self, other, p, result: _dist_backward(grad, self, other, p, result),
             other=lambda grad, self, other, p, result: -_dist_backward(grad, self, other, p, result))
LOGSUMEXP = defop("logsumexp", "LogsumexpBackward0", ("self", "dim", "keepdim"), inputs=1,
                  self=lambda grad, self, result, dim, keepdim:
                      _logsumexp_backward(grad, self, result, dim, keepdim))
CUMSUM = defop("cumsum", "CumsumBackward0", ("self", "dim"), inputs=1,
               self=lambda grad, dim: _cumsum_backward(grad, dim))
CUMPROD = defop("cumprod", "CumprodBackward0", ("self", "dim"), inputs=1,
                self=lambda grad, self, result, dim: _cumprod_backward(grad, self, result, dim))
CUMMAX = defop("cummax", "CummaxBackward0", ("self", "dim"), inputs=1,
               outputs=("result", "indices"), outputs_differentiable=(True, False),
               self=lambda grad, self, indices, dim: _cumsel_backward(grad[0], self, indices, dim))
CUMMIN = defop("cummin", "CumminBackward0", ("self", "dim"), inputs=1,
               outputs=("result", "indices"), outputs_differentiable=(True, False),
               self=lambda grad, self, indices, dim: _cumsel_backward(grad[0], self, indices, dim))
SORT = defop("sort", "SortBackward0", ("self", "dim", "self_sym_sizes"), inputs=1,
             outputs=("result", "indices"), outputs_differentiable=(True, False),
             self=lambda grad, indices, dim, self_sym_sizes:
                 _select_backward(grad[0], dim, indices, self_sym_sizes, True))
SORT_STABLE = defop("sort", "SortBackward1", ("self", "dim", "self_sym_sizes"), inputs=1,
                    outputs=("result", "indices"), outputs_differentiable=(True, False),
                    self=lambda grad, indices, dim, self_sym_sizes:
                        _select_backward(grad[0], dim, indices, self_sym_sizes, True))
TOPK = defop("topk", "TopkBackward0", ("self", "dim", "self_sym_sizes"), inputs=1,
             outputs=("result", "indices"), outputs_differentiable=(True, False),
             self=lambda grad, indices, dim, self_sym_sizes:
                 _select_backward(grad[0], dim, indices, self_sym_sizes, True))
KTHVALUE = defop("kthvalue", "KthvalueBackward0", ("self", "dim", "keepdim", "self_sym_sizes"),
                 inputs=1, outputs=("result", "indices"), outputs_differentiable=(True, False),
                 self=lambda grad, indices, dim, keepdim, self_sym_sizes:
                     _select_backward(grad[0], dim, indices, self_sym_sizes, keepdim))
MEDIAN_ALL = defop("median", "MedianBackward0",
                   self=lambda grad, self, result: _evenly_distribute(grad, self, result))
MEDIAN_DIM = defop("median", "MedianBackward1", ("self", "dim", "keepdim", "self_sym_sizes"),
                   inputs=1, outputs=("result", "indices"), outputs_differentiable=(True, False),
                   self=lambda grad, indices, dim, keepdim, self_sym_sizes:
                       _select_backward(grad[0], dim, indices, self_sym_sizes, keepdim))
SOFTMAX = defop("softmax", "SoftmaxBackward0", ("self", "dim"), inputs=1,
                self=lambda grad, result, dim: softmax_backward_data(grad, result, dim))
LOG_SOFTMAX = defop("log_softmax", "LogSoftmaxBackward0", ("self", "dim"), inputs=1,
                    self=lambda grad, result, dim: log_softmax_backward_data(grad, result, dim))
SOFTMAX_BACKWARD_DATA = defop(
    "_softmax_backward_data", "SoftmaxBackwardDataBackward0", ("grad_output", "output", "dim"),
    inputs=2,
    grad_output=lambda grad, output, dim: softmax_backward_data(grad, output, dim),
    output=lambda grad, grad_output, output, dim:
        _softmax_double_backward(grad, grad_output, output, dim))
LOG_SOFTMAX_BACKWARD_DATA = defop(
    "_log_softmax_backward_data", "LogSoftmaxBackwardDataBackward0",
    ("grad_output", "output", "dim"), inputs=2,
    grad_output=lambda grad, output, dim: grad - (grad * output.exp()).sum(dim, keepdim=True),
    output=lambda grad, grad_output, output, dim:
        _log_softmax_double_backward(grad, grad_output, output, dim))
UNIQUE = defop("unique", "Unique2Backward0", outputs=("result", "inverse", "counts"),
               outputs_differentiable=(True, False, False),
               self=lambda grad: _not_implemented("_unique2"))
UNIQUE_DIM = defop("unique_dim", "UniqueDimBackward0", outputs=("result", "inverse", "counts"),
                   outputs_differentiable=(True, False, False),
                   self=lambda grad: _not_implemented("unique_dim"))


def _dist_backward(grad, self, other, p, result):
    return _norm_backward(grad, self - other, p, result, None, False)


def _not_implemented(name):
    raise NotImplementedError(f"the derivative for '{name}' is not implemented.")


def _var_mean_backward(grads, self, dims, correction, keepdim):
    gv, gm = grads
    out = None
    if gv is not None:
        out = _var_backward(gv, self, dims, correction, keepdim)
    if gm is not None:
        m = _mean_backward(gm, self, dims, keepdim)
        out = m if out is None else out + m
    return out


def _std_mean_backward(grads, self, std, dims, correction, keepdim):
    gs, gm = grads
    out = None
    if gs is not None:
        out = _std_backward(gs, self, std, dims, correction, keepdim)
    if gm is not None:
        m = _mean_backward(gm, self, dims, keepdim)
        out = m if out is None else out + m
    return out


def _mean_backward(grad, self, dims, keepdim):
    """torch's mean_backward; ``dims`` None: the full reduction."""
    shape = self._data.shape
    if dims is None:
        return div_scalar(grad.expand(shape), self._data.size)
    return div_scalar(_expand_back(grad, shape, dims, keepdim), _count(shape, dims))


def _cumsel_backward(grad, self, indices, dim):
    if self._data.size == 0:
        return self  # as torch (an empty gradient that is the input itself)
    z = make(np.zeros(self._data.shape, grad._dtype.np), grad._dtype)
    return z.scatter_add(dim, indices, grad)


# ==================================================================================
# Public functions
# ==================================================================================

def _sum_dtype(d, dtype):
    if dtype is not None:
        return dtype
    if d.category != FLOATING:
        return int64
    return d


def _dims_arg(dim, ndim, fn):
    """Reductions accept an int, a tuple/list of ints, or None."""
    if dim is None:
        return None
    if _isinstance(dim, (builtins.int, np.integer)) and not _isinstance(dim, builtins.bool):
        return (wrap_dim(int(dim), ndim),)
    if _isinstance(dim, (tuple, list)):
        return wrap_dims(dim, ndim)
    raise TypeError(f"{fn}() received an invalid combination of arguments - got "
                    f"(dim={type(dim).__name__})")


def sum(input, dim=None, keepdim=False, *, dtype=None, out=None):  # noqa: A001
    check_tensor(input, "sum")
    if _isinstance(dim, D.dtype):  # sum(dtype) positionally
        dim, dtype = None, dim
    rd = _sum_dtype(input._dtype, dtype)
    if dtype is not None:
        _check_autograd_dtype(input, dtype)
    a = input._data
    if a.dtype != rd.np:
        a = a.astype(rd.np)
    if dim is None:
        res = finish(SUM, sum_array(a, None, False, rd), rd, (input, a.shape))
    else:
        dims = _dims_arg(dim, a.ndim, "sum")
        if not dims:
            dims = tuple(range(a.ndim))
        res = finish(SUM_DIM, sum_array(a, dims, keepdim, rd), rd, (input, dims, keepdim, a.shape))
    return handle_out(res, out, "sum") if out is not None else res


def sum_array(a, dims, keepdim, rd):
    """sum's kernel: ``a`` (already of dtype ``rd``) summed over ``dims`` (None: all), as a
    new array (the engine reduces gradients with it when no graph is recorded)."""
    acc = _acc_dtype(rd)
    if dims is None:
        return np.asarray(np.sum(a, dtype=acc), rd.np)
    # torch's reductions write contiguous results
    return contiguous_array(np.sum(a, axis=dims, keepdims=keepdim, dtype=acc), rd.np) \
        if a.ndim else a.copy()


def nansum(input, dim=None, keepdim=False, *, dtype=None, out=None):
    check_tensor(input, "nansum")
    if _isinstance(dim, D.dtype):
        dim, dtype = None, dim
    rd = _sum_dtype(input._dtype, dtype)
    _check_autograd_dtype(input, dtype)
    a = input._data
    if a.dtype.kind == "f":
        a = np.where(np.isnan(a), np.zeros((), a.dtype), a)
    if a.dtype != rd.np:
        a = a.astype(rd.np)
    dims = tuple(range(a.ndim)) if dim is None else _dims_arg(dim, a.ndim, "nansum")
    if not dims:
        dims = tuple(range(a.ndim))
    r = np.sum(a, axis=dims, keepdims=keepdim, dtype=_acc_dtype(rd)) if a.ndim else a.copy()
    res = finish(NANSUM, np.asarray(r).astype(rd.np, copy=False), rd,
                 (input, None if dim is None else dims, keepdim))
    return handle_out(res, out, "nansum") if out is not None else res


def mean(input, dim=None, keepdim=False, *, dtype=None, out=None):
    check_tensor(input, "mean")
    d = dtype if dtype is not None else input._dtype
    if d.category != FLOATING:
        which = "Input" if dtype is None else "Optional"
        raise RuntimeError(f"mean(): could not infer output dtype. {which} dtype must be either a "
                           f"floating point or complex dtype. Got: {scalar_type_name(d)}")
    a = input._data
    if a.dtype != d.np:
        a = a.astype(d.np)
    if _isinstance(dim, D.dtype):
        dim, dtype = None, dim
    with np.errstate(all="ignore"):
        if dim is None:
            r = _np_mean(a, None, False, d)
            res = finish(MEAN, r, d, (input, a.size, a.shape))
            return handle_out(res, out, "mean") if out is not None else res
        dims = _dims_arg(dim, a.ndim, "mean")
        if len(dims) == 0:
            dims = tuple(range(a.ndim))
        r = contiguous_array(_np_mean(a, dims, keepdim, d)) if a.ndim else a.copy()
    res = finish(MEAN_DIM, r, d, (input, dims, keepdim, a.size, a.shape))
    return handle_out(res, out, "mean") if out is not None else res


def _acc_dtype(d):
    """torch accumulates half-precision reductions in float."""
    return np.float32 if d is D.float16 else d.np


def _np_mean(a, axis, keepdims, d):
    # torch: sum then divide, in the input's precision (float for half)
    acc = _acc_dtype(d)
    s = np.sum(a, axis=axis, keepdims=keepdims, dtype=acc)
    n = a.size if axis is None else _count(a.shape, axis)
    return np.true_divide(s, np.asarray(n, acc), dtype=acc).astype(d.np, copy=False)


def nanmean(input, dim=None, keepdim=False, *, dtype=None, out=None):
    check_tensor(input, "nanmean")
    if input._dtype.category != FLOATING:
        raise RuntimeError("nanmean(): expected input to have floating point or complex dtype but "
                           f"got {scalar_type_name(input._dtype)}")
    # torch: nansum(...) / (number of non-nan elements), two recorded ops
    factor = sum(input.isnan().logical_not(), dim, keepdim)
    res = nansum(input, dim, keepdim, dtype=dtype) / factor
    return handle_out(res, out, "nanmean") if out is not None else res


_PROD_OUT_ALL = ("prod() received an invalid combination of arguments - got (Tensor, out=Tensor), "
                 "but expected one of:\n * (Tensor input, *, torch.dtype dtype = None)\n * (Tensor "
                 "input, int dim, bool keepdim = False, *, torch.dtype dtype = None, Tensor out = "
                 "None)\n")


def prod(input, dim=None, keepdim=False, *, dtype=None, out=None):
    check_tensor(input, "prod")
    if _isinstance(dim, D.dtype):
        dim, dtype = None, dim
    if out is not None:
        if dim is None:
            raise TypeError(_PROD_OUT_ALL)  # the full product has no out= overload
        od = _out_computes("prod", input, out, dtype, bool_ok=True)
        return handle_out(prod(input, dim, keepdim, dtype=dtype if od is None else od), out,
                          "prod", None if dtype is None else out_dtype_expected)
    rd = _sum_dtype(input._dtype, dtype)
    _check_autograd_dtype(input, dtype)
    a = input._data
    if a.dtype != rd.np:
        a = a.astype(rd.np)
    if dim is None:
        return finish(PROD, np.prod(a, dtype=rd.np), rd, (input,))
    dims = (wrap_dim(_int_dim(dim, "prod"), a.ndim),)
    r = np.prod(a, axis=dims, keepdims=keepdim, dtype=rd.np) if a.ndim else a.copy()
    return finish(PROD_DIM, r, rd, (input, dims, keepdim))


def _int_dim(dim, fn):
    if _isinstance(dim, (builtins.int, np.integer)) and not _isinstance(dim, builtins.bool):
        return int(dim)
    raise TypeError(f"{fn}(): argument 'dim' must be int, not {type(dim).__name__}")


def _check_nonempty(a, fn, dim=None):
    if dim is None:
        if a.size == 0:
            raise RuntimeError(f"{fn}(): Expected reduction dim to be specified for input.numel() == 0. "
                               "Specify the reduction dim with the 'dim' argument.")
    elif a.ndim and a.shape[dim] == 0:
        raise IndexError(f"{fn}(): Expected reduction dim {dim} to have non-zero size.")


def _nan_max(a, axis=None, keepdims=False, largest=True):
    """max/min that propagate nan, as torch does."""
    f = np.max if largest else np.min
    with np.errstate(invalid="ignore"):
        return f(a, axis=axis, keepdims=keepdims)


def _nan_arg(a, axis, largest=True):
    """argmax/argmin where nan counts as the extreme (first occurrence), as torch."""
    if a.dtype.kind == "f":
        nan = np.isnan(a)
        if nan.any():
            if axis is None:
                return np.argmax(nan.ravel())
            has = nan.any(axis=axis)
            idx = np.argmax(nan, axis=axis)
            normal = np.argmax(a, axis=axis) if largest else np.argmin(a, axis=axis)
            return np.where(has, idx, normal)
    if axis is None:
        return a.argmax() if largest else a.argmin()
    return a.argmax(axis=axis) if largest else a.argmin(axis=axis)


def _max_min(input, dim, keepdim, other, out, largest):
    name = "max" if largest else "min"
    check_tensor(input, name)
    if _isinstance(dim, Tensor):
        from .pointwise import maximum, minimum
        return (maximum if largest else minimum)(input, dim, out=out)
    a = a_cmp = input._data
    if dim is None:
        _check_nonempty(a, name)
        r = _nan_max(a_cmp, None, False, largest)
        res = finish(MAX_ALL if largest else MIN_ALL, np.asarray(r, a.dtype), input._dtype, (input,))
        return res if out is None else handle_out(res, out, name)
    d = wrap_dim(_int_dim(dim, name), a.ndim)
    if a.ndim == 0:
        values = a.copy()
        idx = np.zeros((), np.int64)
    else:
        _check_nonempty(a, name, d)
        idx = np.asarray(_nan_arg(a_cmp, d, largest), np.int64)
        kshape = idx.shape[:d] + (1,) + idx.shape[d:]
        values = (np.maximum if largest else np.minimum).reduce(a, axis=d, keepdims=True)
        if a.dtype.kind == "f" and not values.all():
            # 0. and -0. tie: the value at the index, as torch (nan propagates in both)
            values = np.take_along_axis(a, idx.reshape(kshape), axis=d)
        if keepdim:
            idx = idx.reshape(kshape)
        else:
            values = values.reshape(idx.shape)
    v, i = finish_multi(MAX_DIM if largest else MIN_DIM, ((values, input._dtype), (idx, int64)),
                        (input, d, keepdim, a.shape))
    if out is not None:
        return handle_out_pair((v, i), out, name,
                               return_types.max_out if largest else return_types.min_out)
    return (return_types.max if largest else return_types.min)((v, i))


def max(input, dim=None, keepdim=False, *, out=None):  # noqa: A001
    return _max_min(input, dim, keepdim, None, out, True)


def min(input, dim=None, keepdim=False, *, out=None):  # noqa: A001
    return _max_min(input, dim, keepdim, None, out, False)


def _amax(input, dim, keepdim, largest):
    name = "amax" if largest else "amin"
    check_tensor(input, name)
    a = input._data
    if a.size == 0 and a.ndim and dim not in ((), None, []):
        # torch checks each dim in the order given (before repeated dims) and names it as given
        for dd in ((dim,) if _isinstance(dim, (builtins.int, np.integer)) else
                   dim if _isinstance(dim, (tuple, list)) else ()):
            if not _isinstance(dd, (builtins.int, np.integer)) or _isinstance(dd, builtins.bool):
                break
            if a.shape[wrap_dim(int(dd), a.ndim)] == 0:
                raise IndexError(f"{name}(): Expected reduction dim {int(dd)} to have non-zero size.")
    dims = _dims_arg(dim if dim != () else None, a.ndim, name) if dim not in ((), None) else tuple(range(a.ndim))
    if a.size == 0 and dim in ((), None, []):
        raise RuntimeError(f"{name}(): Expected reduction dim to be specified for input.numel() == 0. "
                           "Specify the reduction dim with the 'dim' argument.")
    r = _nan_max(a, dims, keepdim, largest) if a.ndim else a.copy()
    return finish(AMAX if largest else AMIN, np.asarray(r, a.dtype), input._dtype, (input, dims, keepdim))


def amax(input, dim=(), keepdim=False, *, out=None):
    return _amax_out(_amax(input, dim, keepdim, True), out, "amax")


def amin(input, dim=(), keepdim=False, *, out=None):
    return _amax_out(_amax(input, dim, keepdim, False), out, "amin")


def _amax_out(res, out, fn):
    return res if out is None else handle_out(res, out, fn, _amax_out_dtype)


def _amax_out_dtype(result_dtype, out_dtype):
    return RuntimeError(f"Expected the dtype for input and out to match, but got "
                        f"{scalar_type_name(result_dtype)} for input's dtype and "
                        f"{scalar_type_name(out_dtype)} for out's dtype.")


def aminmax(input, *, dim=None, keepdim=False):
    return return_types.aminmax((amin(input, () if dim is None else dim, keepdim),
                                 amax(input, () if dim is None else dim, keepdim)))


def argmax(input, *args, **kwargs):
    return _argext(input, *_argext_args("argmax", args, kwargs, 2), True)


def argmin(input, *args, **kwargs):
    return _argext(input, *_argext_args("argmin", args, kwargs, 2), False)


def _argext_args(name, args, kwargs, first):
    from ._common import _tp_name
    """(dim=None, keepdim=False) of argmax/argmin read as torch's parser reads them; ``first``
    is dim's position, named in its type errors (the method's are one less: see
    ``_methods._as_method``)."""
    n = len(args)
    if n > 2:
        e = TypeError(f"{name}() takes from {first - 1} to {first + 1} positional arguments but "
                      f"{n + first - 1} were given")
        e.function_form = True  # Python's own wording: the method counts without self
        raise e
    for k in kwargs:
        if k not in ("dim", "keepdim"):
            raise TypeError(f"{name}() got an unexpected keyword argument '{k}'")
        if (k == "dim" and n > 0) or (k == "keepdim" and n > 1):
            raise TypeError(f"{name}() got multiple values for argument '{k}'")
    dim = args[0] if n > 0 else kwargs.get("dim")
    keepdim = args[1] if n > 1 else kwargs.get("keepdim", False)
    if dim is not None and (not _isinstance(dim, (builtins.int, np.integer))
                            or _isinstance(dim, builtins.bool)):
        if _isinstance(dim, Tensor) and dim._data.ndim == 0 and \
                dim._dtype.category == D.INTEGRAL and dim._dtype is not D.bool_:
            dim = int(dim._data)
        else:
            pos = f" (position {first})" if n > 0 else ""
            raise TypeError(f"{name}(): argument 'dim'{pos} must be int, not {_tp_name(dim)}")
    if keepdim.__class__ is not builtins.bool:
        pos = f" (position {first + 1})" if n > 1 else ""
        raise TypeError(f"{name}(): argument 'keepdim'{pos} must be bool, not {_tp_name(keepdim)}")
    return dim, keepdim


def _argext(input, dim, keepdim, largest):
    name = "argmax" if largest else "argmin"
    check_tensor(input, name)
    a = input._data
    if input._dtype is D.bool_:
        raise RuntimeError(f"{name}(): does not support bool input")
    if dim is None:
        if a.size == 0:
            raise IndexError(f"{name}(): Expected reduction dim to be specified for input.numel() == 0.")
        r = np.asarray(_nan_arg(a, None, largest), np.int64)
        if keepdim:
            r = r.reshape((1,) * a.ndim)
        return make(r, int64)
    d = wrap_dim(_int_dim(dim, name), a.ndim)
    if a.ndim == 0:
        return make(np.zeros((), np.int64), int64)
    _check_nonempty(a, name, d)
    r = np.asarray(_nan_arg(a, d, largest), np.int64)
    if keepdim:
        r = np.expand_dims(r, d)
    return make(r, int64)


def _correction(unbiased, correction):
    if correction is not None:
        return correction
    if unbiased is None:
        return 1
    return 1 if unbiased else 0


class _Unset:
    """The default of var/std's dim and correction: torch's overloads tell "not given" from
    None (x.var() saves correction None, x.var(dim=None) saves 1)."""

    def __repr__(self):
        return "None"


_UNSET = _Unset()


def _var_std_args(input, dim, unbiased, keepdim, correction, fn):
    check_tensor(input, fn)
    if input._dtype.category != FLOATING:
        what = fn if fn in ("var_mean", "std_mean") else "std and var"
        raise RuntimeError(f"{what} only support floating point and complex dtypes")
    if _isinstance(dim, builtins.bool):  # var(unbiased) positionally
        unbiased, dim = dim, None
    # torch's overloads: correction= (even None), or neither dim nor unbiased, takes the
    # correction overload, which saves correction as given (None: 1); else unbiased's (1 or 0)
    dim_given = dim is not _UNSET
    if not dim_given:
        dim = None
    if correction is _UNSET:
        correction = None
        saved_corr = None if not dim_given and unbiased is None else _correction(unbiased, None)
    else:
        saved_corr = correction
    a = input._data
    dims = tuple(range(a.ndim)) if dim is None else _dims_arg(dim, a.ndim, fn)
    corr = _correction(unbiased, correction)
    n = _count(a.shape, dims)
    saved_dim = None if dim is None else dims  # torch saves dim=None for the full reduction
    # torch's reduction factor: input numel over output numel (0 for an empty input)
    out_numel = _count(a.shape, [i for i in range(a.ndim) if i not in dims])
    if a.size // builtins.max(out_numel, 1) - corr <= 0:
        _errors.warn(f"{fn}(): degrees of freedom is <= 0. Correction should be strictly less than "
                     "the reduction factor (input numel divided by output numel).")
    return a, dims, corr, n, saved_dim, saved_corr


def _axes(a, dims):
    """NumPy's axis for reduction dims (a 0-dim tensor reduced over dim 0: every element)."""
    return dims if a.ndim else None


# torch's CPU var/std kernels accumulate float in double and half in float, then round once
# (bit for bit torch's on float32 and float16 inputs; float64 is within the Numerics bounds)
_VAR_ACC = {np.dtype(np.float32): np.dtype(np.float64), np.dtype(np.float16): np.dtype(np.float32)}


def _np_var(a, dims, corr, keepdim, n, root=False):
    """var over dims (std with ``root``), in a's dtype."""
    d = a.dtype
    acc = _VAR_ACC.get(d, d)
    x = a.astype(acc) if acc != d else a
    dims = _axes(a, dims)
    with np.errstate(all="ignore"):
        m = np.sum(x, axis=dims, keepdims=True, dtype=acc) / np.asarray(n, acc)
        dev = x - m
        ss = np.sum(dev * dev, axis=dims, keepdims=keepdim, dtype=acc)
        denom = builtins.max(n - corr, 0)
        r = np.true_divide(ss, np.asarray(denom, acc), dtype=acc)
        if root:
            r = np.sqrt(r)
        return contiguous_array(np.asarray(r).astype(d, copy=False))


def _np_mean_acc(a, dims, keepdim, n):
    """var_mean/std_mean's mean, accumulated as their var."""
    d = a.dtype
    acc = _VAR_ACC.get(d, d)
    with np.errstate(all="ignore"):
        m = np.sum(a, axis=_axes(a, dims), keepdims=keepdim, dtype=acc) / np.asarray(n, acc)
    return contiguous_array(np.asarray(m).astype(d, copy=False))


def var(input, dim=_UNSET, unbiased=None, keepdim=False, *, correction=_UNSET):
    a, dims, corr, n, sdim, scorr = _var_std_args(input, dim, unbiased, keepdim, correction, "var")
    r = _np_var(a, dims, corr, keepdim, n)
    return finish(VAR, r, input._dtype, (input, sdim, scorr, keepdim))


def std(input, dim=_UNSET, unbiased=None, keepdim=False, *, correction=_UNSET):
    a, dims, corr, n, sdim, scorr = _var_std_args(input, dim, unbiased, keepdim, correction, "std")
    r = _np_var(a, dims, corr, keepdim, n, root=True)
    return finish(STD, r, input._dtype, (input, sdim, scorr, keepdim))


def var_mean(input, dim=_UNSET, unbiased=None, keepdim=False, *, correction=_UNSET):
    a, dims, corr, n, sdim, scorr = _var_std_args(input, dim, unbiased, keepdim, correction, "var_mean")
    v = _np_var(a, dims, corr, keepdim, n)
    m = _np_mean_acc(a, dims, keepdim, n)
    return finish_multi(VAR_MEAN, ((v, input._dtype), (m, input._dtype)),
                        (input, sdim, scorr, keepdim))


def std_mean(input, dim=_UNSET, unbiased=None, keepdim=False, *, correction=_UNSET):
    a, dims, corr, n, sdim, scorr = _var_std_args(input, dim, unbiased, keepdim, correction, "std_mean")
    s = _np_var(a, dims, corr, keepdim, n, root=True)
    m = _np_mean_acc(a, dims, keepdim, n)
    return finish_multi(STD_MEAN, ((s, input._dtype), (m, input._dtype)),
                        (input, sdim, scorr, keepdim))


def norm(input, p="fro", dim=None, keepdim=False, dtype=None):
    check_tensor(input, "norm")
    if input._dtype.category != FLOATING:
        raise RuntimeError("linalg.vector_norm: Expected a floating point or complex tensor as "
                           f"input. Got {scalar_type_name(input._dtype)}")
    if p == "fro" or p is None:
        if _isinstance(dim, (tuple, list)) and len(dim) > 2:
            raise RuntimeError("linalg.matrix_norm: dim must be a 2-tuple. Got "
                               + " ".join(str(d) for d in dim))
        p = 2
    if p == "nuc":
        raise NotImplementedError("nuclear norm is not supported by torchlite")
    return vector_norm(input, p, dim, keepdim)


def vector_norm(input, ord=2, dim=None, keepdim=False, *, dtype=None):
    a = input._data
    dims = tuple(range(a.ndim)) if dim is None else _dims_arg(dim, a.ndim, "linalg.vector_norm")
    if _isinstance(dim, (tuple, list)) and len(dim) == 0:
        dims = tuple(range(a.ndim))
    d = input._dtype
    ordf = float(ord)
    r = _vector_norm_np(a, ordf, dims, keepdim, d)
    # torch saves the order as given and dim=None for the full reduction
    saved_ord = ord if _isinstance(ord, (builtins.int, builtins.float)) else ordf
    return finish(NORM, r, d, (input, saved_ord, None if dim is None else dims, keepdim))


def _vector_norm_np(a, ordf, dims, keepdim, d):
    if d is D.float16:  # torch accumulates half in float
        return _vector_norm_np(a.astype(np.float32), ordf, dims, keepdim, D.float32).astype(np.float16)
    if (a.ndim == 0 and not dims) or (a.ndim and a.size and _count(a.shape, dims) == 1):
        # one element: |x| (torch does not square it, which could underflow), except for a
        # 0-dim tensor reduced over an explicit dim, which torch reduces as any other
        r = np.abs(a) if ordf != 0 else (a != 0)
        if a.ndim and not keepdim:
            r = r.reshape(_reduced_shape(a.shape, dims, False))
        return np.asarray(r, d.np)
    axes = dims if a.ndim else None
    with np.errstate(all="ignore"):
        ab = np.abs(a)
        if ordf == 2:
            r = np.sqrt(np.sum(ab * ab, axis=axes, keepdims=keepdim, dtype=d.np))
        elif ordf == 1:
            r = np.sum(ab, axis=axes, keepdims=keepdim, dtype=d.np)
        elif ordf == math.inf:
            r = np.max(ab, axis=axes, keepdims=keepdim) if a.size else np.zeros(
                _reduced_shape(a.shape, dims, keepdim), d.np)
        elif ordf == -math.inf:
            r = np.min(ab, axis=axes, keepdims=keepdim)
        elif ordf == 0:
            r = np.sum(ab != 0, axis=axes, keepdims=keepdim).astype(d.np)
        else:
            r = np.power(np.sum(np.power(ab, ordf), axis=axes, keepdims=keepdim, dtype=d.np),
                         1.0 / ordf)
    return np.asarray(r, d.np)


def _reduced_shape(shape, dims, keepdim):
    return tuple((1 if i in dims else s) for i, s in enumerate(shape) if keepdim or i not in dims)


def dist(input, other, p=2):
    check_tensor(input, "dist")
    check_tensor(other, "dist", "other", 2)
    from .pointwise import sub
    diff = sub(input.detach(), other.detach())._data  # torch's errors for bool, shapes
    d = D.promote(input._dtype, other._dtype)
    if d.category != FLOATING:
        raise RuntimeError("norm(): input dtype should be either floating point or complex. "
                           f"Got {scalar_type_name(d)} instead.")
    r = _vector_norm_np(diff, float(p), tuple(range(diff.ndim)), False, d)
    return finish(DIST, r, d, (input, other, float(p)))


def logsumexp(input, dim, keepdim=False):
    check_tensor(input, "logsumexp")
    d = input._dtype
    a = input._data
    if d.category != FLOATING:
        d = D.get_default_dtype()
        a = a.astype(d.np)
    dims = _dims_arg(dim, a.ndim, "logsumexp")
    with np.errstate(all="ignore"):
        if a.ndim == 0:
            r = a.copy()
        else:
            m = np.max(a, axis=dims, keepdims=True) if a.size else np.zeros(
                _reduced_shape(a.shape, dims, True), a.dtype)
            m = np.where(np.isinf(m), np.zeros((), a.dtype), m)
            s = np.sum(np.exp(a - m), axis=dims, keepdims=True, dtype=a.dtype)
            r = np.log(s) + m
            if not keepdim:
                r = np.squeeze(r, dims)
    return finish(LOGSUMEXP, np.asarray(r, d.np), d, (input, dims, keepdim))


def _scan_dtype(d, dtype):
    if dtype is not None:
        return dtype
    return int64 if d.category != FLOATING else d


def cumsum(input, dim, *, dtype=None, out=None):
    check_tensor(input, "cumsum")
    od = _out_computes("cumsum", input, out, dtype)
    if od is not None:
        return handle_out(cumsum(input, dim, dtype=od), out, "cumsum")
    rd = _scan_dtype(input._dtype, dtype)
    _check_autograd_dtype(input, dtype)
    a = input._data.astype(rd.np, copy=False)
    d = wrap_dim(_int_dim(dim, "cumsum"), a.ndim)
    r = contiguous_array(np.cumsum(a, axis=d, dtype=rd.np)) if a.ndim else a.copy()
    return _scan_out(finish(CUMSUM, r, rd, (input, d)), out, dtype, "cumsum")


def _out_computes(fn, input, out, dtype, bool_ok=False):
    """cumsum/cumprod/prod with out= and no dtype= compute in out's dtype (torch's out
    variants take it as the result dtype); the dtype to compute in, or None for the usual."""
    if dtype is not None or out is None or not _isinstance(out, Tensor):
        return None
    if out._dtype is D.bool_ and not bool_ok:
        raise not_implemented_for(f"{fn}_out_cpu", D.bool_)
    return out._dtype


def _scan_out(res, out, dtype, fn):
    """cumsum/cumprod's out=: the dtype= given must be out's."""
    if out is None:
        return res
    return handle_out(res, out, fn, None if dtype is None else out_dtype_expected)


def cumprod(input, dim, *, dtype=None, out=None):
    check_tensor(input, "cumprod")
    od = _out_computes("cumprod", input, out, dtype)
    if od is not None:
        return handle_out(cumprod(input, dim, dtype=od), out, "cumprod")
    rd = _scan_dtype(input._dtype, dtype)
    _check_autograd_dtype(input, dtype)
    a = input._data.astype(rd.np, copy=False)
    d = wrap_dim(_int_dim(dim, "cumprod"), a.ndim)
    r = contiguous_array(np.cumprod(a, axis=d, dtype=rd.np)) if a.ndim else a.copy()
    return _scan_out(finish(CUMPROD, r, rd, (input, d)), out, dtype, "cumprod")


def _cum_ext(input, dim, largest):
    a = input._data
    d = wrap_dim(_int_dim(dim, "cummax" if largest else "cummin"), a.ndim)
    if a.ndim == 0:
        vals, idx = a.copy(), np.zeros((), np.int64)
    else:
        acc = np.maximum.accumulate if largest else np.minimum.accumulate
        vals = acc(a, axis=d)
        # index of the last position where the running extreme was reached
        n = a.shape[d]
        pos = np.arange(n).reshape([-1 if i == d else 1 for i in range(a.ndim)])
        hit = (a == vals) if not np.issubdtype(a.dtype, np.floating) else ((a == vals) | np.isnan(a))
        idx = np.maximum.accumulate(np.where(hit, pos, 0), axis=d).astype(np.int64)
        vals = np.take_along_axis(a, idx, axis=d)  # -0. after 0. is taken, as in torch
    op = CUMMAX if largest else CUMMIN
    vals, idx = contiguous_array(vals), contiguous_array(idx)
    v, i = finish_multi(op, ((vals, input._dtype), (idx, int64)), (input, d))
    return (return_types.cummax if largest else return_types.cummin)((v, i))


def cummax(input, dim):
    return _cum_ext(input, dim, True)


def cummin(input, dim):
    return _cum_ext(input, dim, False)


def all(input, dim=None, keepdim=False):  # noqa: A001
    check_tensor(input, "all")
    a = input._data
    dims = None if dim is None else _dims_arg(dim, a.ndim, "all")
    r = np.all(a, axis=dims, keepdims=keepdim) if (dims is None or a.ndim) else a.astype(bool)
    rd = D.uint8 if input._dtype is D.uint8 else D.bool_
    return make(np.asarray(r).astype(rd.np), rd)


def any(input, dim=None, keepdim=False):  # noqa: A001
    check_tensor(input, "any")
    a = input._data
    dims = None if dim is None else _dims_arg(dim, a.ndim, "any")
    r = np.any(a, axis=dims, keepdims=keepdim) if (dims is None or a.ndim) else a.astype(bool)
    rd = D.uint8 if input._dtype is D.uint8 else D.bool_
    return make(np.asarray(r).astype(rd.np), rd)


def count_nonzero(input, dim=None):
    check_tensor(input, "count_nonzero")
    a = input._data
    dims = None if dim is None else _dims_arg(dim, a.ndim, "count_nonzero")
    if a.ndim == 0:
        return make(np.asarray(a != 0, np.int64), int64)
    return make(np.asarray(np.count_nonzero(a, axis=dims), np.int64), int64)


def _sort_np(a, d, descending, stable):
    if a.ndim == 0:
        return a.copy(), np.zeros((), np.int64)
    if descending:
        # stable descending order: sort the negation keys, nan first as torch puts nan largest
        if a.dtype == np.bool_:
            key = ~a
        elif np.issubdtype(a.dtype, np.floating):
            key = np.where(np.isnan(a), -np.inf, -a)
            nan = np.isnan(a)
            idx = np.argsort(key, axis=d, kind="stable")
            # nan sorts first when descending: move them to the front
            nan_sorted = np.take_along_axis(nan, idx, axis=d)
            order = np.argsort(~nan_sorted, axis=d, kind="stable")
            idx = np.take_along_axis(idx, order, axis=d)
            return np.take_along_axis(a, idx, axis=d), idx.astype(np.int64)
        else:
            key = np.invert(a)  # order-reversing for integers, no overflow
        idx = np.argsort(key, axis=d, kind="stable")
    else:
        idx = np.argsort(a, axis=d, kind="stable")
    return np.take_along_axis(a, idx, axis=d), idx.astype(np.int64)


def sort(input, dim=-1, descending=False, stable=None, *, out=None):
    check_tensor(input, "sort")
    if _isinstance(dim, builtins.bool):
        dim, descending = -1, dim
    a = input._data
    d = wrap_dim(dim, a.ndim)
    vals, idx = _sort_np(a, d, descending, stable)
    vals, idx = torch_layout(a, values=vals), torch_layout(a, values=idx)  # the input's layout
    op = SORT if stable is None else SORT_STABLE  # sort.stable is its own overload
    v, i = finish_multi(op, ((vals, input._dtype), (idx, int64)), (input, d, a.shape))
    if out is not None:
        return handle_out_pair((v, i), out, "sort", return_types.sort_out)
    return return_types.sort((v, i))


def argsort(input, dim=-1, descending=False, stable=False):
    return sort(input, dim, descending, stable)[1]


def msort(input):
    return sort(input, 0)[0]


def topk(input, k, dim=-1, largest=True, sorted=True):  # noqa: A002
    check_tensor(input, "topk")
    a = input._data
    d = wrap_dim(dim, a.ndim)
    n = a.shape[d] if a.ndim else 1
    if k < 0 or k > n:
        raise RuntimeError("selected index k out of range")
    if input._dtype is D.bool_:
        raise RuntimeError("topk does not support bool dtypes on CPU")
    vals, idx = _sort_np(a, d, largest, True)
    if a.ndim:
        vals = np.take(vals, np.arange(k), axis=d)
        idx = np.take(idx, np.arange(k), axis=d)
    v, i = finish_multi(TOPK, ((vals, input._dtype), (idx, int64)), (input, d, a.shape))
    return return_types.topk((v, i))


def kthvalue(input, k, dim=-1, keepdim=False):
    check_tensor(input, "kthvalue")
    a = input._data
    d = wrap_dim(dim, a.ndim)
    if a.ndim and not 1 <= k <= a.shape[d]:
        raise RuntimeError(f"kthvalue(): selected number k out of range for dimension {d}")
    if input._dtype is D.bool_ and a.ndim:
        raise not_implemented_for("kthvalue_cpu", input._dtype)
    vals, idx = _sort_np(a, d, False, True)
    if a.ndim:
        vals = np.take(vals, [k - 1], axis=d)
        idx = np.take(idx, [k - 1], axis=d)
        if not keepdim:
            vals, idx = np.squeeze(vals, d), np.squeeze(idx, d)
    v, i = finish_multi(KTHVALUE, ((vals, input._dtype), (idx, int64)), (input, d, keepdim, a.shape))
    return return_types.kthvalue((v, i))


def median(input, dim=None, keepdim=False):
    check_tensor(input, "median")
    if input._dtype is D.bool_ and (input._data.size or dim is not None):
        raise not_implemented_for("median_cpu" if dim is None else "median_out", input._dtype)
    a = input._data
    if dim is None:
        if a.size == 0:
            return finish(MEDIAN_ALL, _nan_as(a.dtype), input._dtype, (input,))
        flat = np.sort(a.ravel(), kind="stable")
        if np.issubdtype(a.dtype, np.floating) and np.isnan(flat).any():
            r = np.asarray(np.nan, a.dtype)
        else:
            r = np.asarray(flat[(flat.size - 1) // 2], a.dtype)
        return finish(MEDIAN_ALL, r, input._dtype, (input,))
    d = wrap_dim(dim, a.ndim)
    if a.ndim == 0:
        vals, idx = a.copy(), np.zeros((), np.int64)
    else:
        svals, sidx = _sort_np(a, d, False, True)
        k = (a.shape[d] - 1) // 2
        vals = np.take(svals, [k], axis=d)
        idx = np.take(sidx, [k], axis=d)
        if np.issubdtype(a.dtype, np.floating):
            nan = np.isnan(a)
            has = nan.any(axis=d, keepdims=True)
            first_nan = np.argmax(nan, axis=d).reshape(has.shape)
            vals = np.where(has, np.nan, vals).astype(a.dtype)
            idx = np.where(has, first_nan, idx)
        if not keepdim:
            vals, idx = np.squeeze(vals, d), np.squeeze(idx, d)
    v, i = finish_multi(MEDIAN_DIM, ((vals, input._dtype), (np.asarray(idx, np.int64), int64)),
                        (input, d, keepdim, a.shape))
    return return_types.median((v, i))


def _nan_as(npdtype):
    """NaN converted to the dtype the way torch's CPU cast does (x86: via int32 or int64)."""
    if npdtype.kind == "f":
        return np.asarray(np.nan, npdtype)
    if npdtype == np.int64:
        return np.asarray(np.iinfo(np.int64).min, np.int64)
    return np.asarray(np.iinfo(np.int32).min, np.int32).astype(npdtype)


def unique(input, sorted=True, return_inverse=False, return_counts=False, dim=None):  # noqa: A002
    check_tensor(input, "unique")
    a = input._data
    if dim is not None:
        vals, inv, counts = np.unique(a, return_inverse=True, return_counts=True, axis=dim)
    else:
        vals, inv, counts = np.unique(a.ravel(), return_inverse=True, return_counts=True)
        inv = inv.reshape(a.shape)
    outs = finish_multi(UNIQUE if dim is None else UNIQUE_DIM, ((vals, input._dtype), (inv.astype(np.int64), int64),
                                 (counts.astype(np.int64), int64)), (input,))
    if not return_inverse and not return_counts:
        return outs[0]
    res = [outs[0]]
    if return_inverse:
        res.append(outs[1])
    if return_counts:
        res.append(outs[2])
    return tuple(res)


def _softmax_np(a, d, log):
    with np.errstate(all="ignore"):
        m = np.max(a, axis=d, keepdims=True) if a.size else a
        z = a - m
        e = np.exp(z)
        s = np.sum(e, axis=d, keepdims=True, dtype=a.dtype)
        if log:
            return z - np.log(s)
        return e / s


def _softmax_common(input, dim, dtype, log, name):
    check_tensor(input, name)
    if dim is None:
        raise TypeError(f"{name}() missing 1 required positional arguments: \"dim\"")
    d = dtype if dtype is not None else input._dtype
    a = input._data
    dd = wrap_dim(_int_dim(dim, name), a.ndim)
    if d is not input._dtype and d.category == FLOATING:
        # torch converts first (a ToCopyBackward0 node), then runs the op in dtype
        from .shape import to_dtype
        input = to_dtype(input, d)
        a = input._data
    if d.category != FLOATING:
        if a.size == 0:
            return make(np.empty(a.shape, d.np), d)
        last = dd == a.ndim - 1 or a.ndim <= 1
        kernel = ("log_softmax" if log else "softmax") + ("_lastdim" if last else "") + "_kernel_impl"
        raise not_implemented_for(kernel, d)
    a = a.astype(_acc_dtype(d), copy=False)
    if a.ndim:
        r = _softmax_np(a, dd, log)
    else:  # one element: 0 (log) or 1, but nan for nan and +-inf (x - max is nan)
        with np.errstate(all="ignore"):
            z = a - a
            r = z if log else np.exp(z)
    # torch's softmax kernels write a contiguous result, whatever the input's layout
    return finish(LOG_SOFTMAX if log else SOFTMAX, contiguous_array(r, d.np), d, (input, dd))


def softmax(input, dim=None, dtype=None, *, _stacklevel=3):
    return _softmax_common(input, dim, dtype, False, "softmax")


def log_softmax(input, dim=None, dtype=None, *, _stacklevel=3):
    return _softmax_common(input, dim, dtype, True, "log_softmax")


__all__ = [n for n in dir() if not n.startswith("_") and n not in ("np", "math", "builtins", "D")]
