"""The Tensor method table: which op each Tensor method and operator calls.

Methods whose signature is the function's with ``self`` first are bound
directly; operators return NotImplemented for operand types torch rejects,
so Python raises its own TypeError, as it does for torch.
"""

from __future__ import annotations

import builtins
import re

import numpy as np

from . import _dtype as D
from . import _factory as F
from ._tensor import Tensor, make
from ._ops import pointwise as P, reduction as R, shape as S, indexing as I, linalg as L
from ._ops import views_inplace as V
from ._ops.pointwise import _assign_inplace
from ._dispatch import check_inplace, record, bump, bump_after_record, warn_internal_overlap
from ._ops._common import quiet, quiet_enter, quiet_reset

_OPERAND = (Tensor, builtins.bool, builtins.int, builtins.float, np.number, np.bool_)
_isinstance = isinstance


def _binary(fn, reflected=False):
    """An operator: NotImplemented for operand types torch rejects; NumPy kept quiet."""
    if reflected:
        def op(self, other):
            if _isinstance(other, _OPERAND):
                token = quiet_enter()
                try:
                    return fn(other, self)
                finally:
                    quiet_reset(token)
            return NotImplemented
    else:
        def op(self, other):
            if _isinstance(other, _OPERAND):
                token = quiet_enter()
                try:
                    return fn(self, other)
                finally:
                    quiet_reset(token)
            return NotImplemented
    return op


def to(self, *args, dtype=None, device=None, non_blocking=False, copy=False, memory_format=None):
    """.to(dtype), .to(device), .to(device, dtype), .to(other)."""
    for a in args:
        as_dtype = D.as_dtype(a)
        if as_dtype is not None:
            dtype = as_dtype
        elif _isinstance(a, Tensor):
            dtype = a._dtype
        elif _isinstance(a, (str, F._device_cls)) or (
                _isinstance(a, builtins.int) and not _isinstance(a, builtins.bool)):
            F._check_device(a)
        elif _isinstance(a, builtins.bool):
            non_blocking = a
        elif a is not None:
            raise TypeError(f"to() received an invalid combination of arguments - got ({type(a).__name__})")
    if dtype is not None:
        dtype = D.as_dtype(dtype) or dtype
    F._check_device(device)
    if dtype is None or dtype is self._dtype:
        return S.clone(self) if copy else self
    return S.to_dtype(self, dtype, copy)


def _converter(dtype, name):
    def conv(self, *args, memory_format=None):
        if args:
            raise TypeError(f"{name}() takes 0 positional arguments but {len(args)} "
                            f"{'was' if len(args) == 1 else 'were'} given")
        return S.to_dtype(self, dtype)
    conv.__name__ = name
    return conv


def type_as(self, other):
    return to(self, other._dtype)


def masked_fill_(self, mask, value, _name="masked_fill_"):
    vt = _isinstance(value, Tensor)
    op, values = (S.MASKED_FILL_T, (self, value, mask)) if vt else (S.MASKED_FILL, (self, mask))
    expanded = 0 in self._data.strides
    S._masked_fill_types(_name, self, mask, value)
    # torch's order: the autograd checks, the value's dim, the mask's dtype, the warning
    # for an expanded self, then the mask's shape (it must broadcast to self's)
    check_inplace(self, values, op.n_inputs)
    if vt and value._data.ndim:
        raise RuntimeError("masked_fill_ only supports a 0-dimensional value tensor, but got "
                           f"tensor with {value._data.ndim} dimension(s).")
    S._check_mask(mask, "masked_fill_")
    if expanded:
        warn_internal_overlap(self, _name)
    ms = mask._data.shape
    if ms != self._data.shape:
        try:
            shape = np.broadcast_shapes(self._data.shape, ms)
        except ValueError:
            from ._ops._common import broadcast_error
            raise broadcast_error(self._data.shape, ms) from None
        if shape != self._data.shape:
            raise RuntimeError(f"output with shape {list(self._data.shape)} doesn't match the "
                               f"broadcast shape {list(shape)}")
    res = S.masked_fill(self.detach(), mask, value)
    if expanded:
        # torch writes only the masked elements
        m = np.broadcast_to(mask._data, self._data.shape)
        return P._inplace(op, self, values,
                          lambda a: np.copyto(a, res._data, casting="unsafe", where=m))
    return _assign_inplace(op, self, values, res)


def scatter_(self, dim, index, src=None, value=None, *, reduce=None):
    if src is None:
        src = value
    res = S.scatter(self.detach(), dim, index, src, reduce=reduce)
    d = S.wrap_dim(dim, self._data.ndim)
    if reduce is not None:
        return _scatter_reduce_(self, src, res)
    if _isinstance(src, Tensor):
        return _assign_inplace(S.SCATTER, self, (self, src, d, index), res)
    return _assign_inplace(S.SCATTER_VALUE, self, (self, d, index, src), res)


def _scatter_reduce_(self, src, res):
    """scatter_(..., reduce=): torch's NotImplemented node, with edges only for the inputs
    that require grad (self's history, src)."""
    src_grad = _isinstance(src, Tensor) and src._requires_grad
    view = self._view
    if not src_grad:
        return _assign_inplace(S.SCATTER_REDUCE_SELF_, self, (self, src), res)
    if self._requires_grad or (view is not None and view.base._requires_grad):
        return _assign_inplace(S.SCATTER_REDUCE_, self, (self, src), res, (src,))
    # only src requires grad: the node's one edge is src's
    recording = check_inplace(self, (self, src), 2)
    np.copyto(self._data, res._data, casting="unsafe")
    if not recording:
        bump(self)
    elif view is not None:
        # as torch: CopySlices takes the node's edges after its first (here src's) as the
        # other inputs', so it keeps only the base's edge
        from .autograd import _views
        _views.record_copy_slices(S.SCATTER_REDUCE_SRC_, self, (self, src), None)
    else:
        bump_after_record(self, record(S.SCATTER_REDUCE_SRC_, (self,), (src, self)))
    return self


def scatter_add_(self, dim, index, src):
    res = S.scatter_add(self.detach(), dim, index, src)
    d = S.wrap_dim(dim, self._data.ndim)
    return _assign_inplace(S.SCATTER_ADD, self, (self, src, d, index), res)


def index_add_(self, dim, index, source, *, alpha=1):
    res = S.index_add(self.detach(), dim, index, source, alpha=alpha)
    d = S.wrap_dim(dim, self._data.ndim) if self._data.ndim else 0
    return _assign_inplace(S.INDEX_ADD, self, (self, source, d, index, alpha), res)


def index_put_(self, indices, values, accumulate=False):
    idx = tuple(I._as_index_array(i, 0)[0] if i is not None else slice(None) for i in indices)
    return I.index_put_(self, idx, values, accumulate)


def index_fill_(self, dim, index, value):
    d = S.wrap_dim(dim, self._data.ndim)
    key = (slice(None),) * d + (index._data,)
    mask = np.zeros(self._data.shape, np.bool_)
    mask[key] = True
    return masked_fill_(self, make(mask, D.bool_), value, "index_fill_")


def index_fill(self, dim, index, value):
    return index_fill_(S.clone(self), dim, index, value)


def squeeze_(self, dim=None):
    v = S.squeeze(self.detach(), dim)
    old = self._data.shape
    if dim is None:
        return V.inplace_view(V.SQUEEZE_, self, v._data, (old,))
    op = V.SQUEEZE_DIMS_ if isinstance(dim, (tuple, list)) else V.SQUEEZE_DIM_
    return V.inplace_view(op, self, v._data, (V.squeeze_dims_saved(dim), old))


def unsqueeze_(self, dim):
    v = S.unsqueeze(self.detach(), dim)
    return V.inplace_view(V.UNSQUEEZE_, self, v._data, (V.squeeze_dims_saved(dim),))


def t_(self):
    if self._data.ndim > 2:
        raise RuntimeError(f"t_() expects a tensor with <= 2 dimensions, but self is "
                           f"{self._data.ndim}D")
    v = S.t(self.detach())
    return V.inplace_view(V.T_, self, v._data, ())


def transpose_(self, dim0, dim1):
    v = S.transpose(self.detach(), dim0, dim1)
    return V.inplace_view(V.TRANSPOSE_, self, v._data,
                          (V.squeeze_dims_saved(dim0), V.squeeze_dims_saved(dim1)))


def resize_(self, *size):
    shape = S.size_args(size, "resize_")
    n = 1
    for s in shape:
        n *= s
    flat = self._data.reshape(-1) if self._data.flags.c_contiguous else self._data.ravel()
    if n <= flat.size:
        self._data = flat[:n].reshape(shape)
    else:
        new = np.zeros(n, self._dtype.np)
        new[:flat.size] = flat
        self._data = new.reshape(shape)
    return self


def positive(self):
    return self


def dim_order(self):
    return tuple(np.argsort([-s for s in self._data.strides], kind="stable").tolist())


METHODS = {
    # arithmetic
    "add": P.add, "sub": P.sub, "subtract": P.sub, "mul": P.mul, "multiply": P.mul,
    "div": P.div, "divide": P.div, "true_divide": P.true_divide, "floor_divide": P.floor_divide,
    "remainder": P.remainder, "fmod": P.fmod, "pow": P.pow, "float_power": P.float_power,
    "neg": P.neg, "negative": P.neg, "abs": P.abs, "absolute": P.abs, "sign": P.sign, "sgn": P.sgn,
    "exp": P.exp, "exp2": P.exp2, "expm1": P.expm1, "log": P.log, "log2": P.log2,
    "log10": P.log10, "log1p": P.log1p, "sqrt": P.sqrt, "rsqrt": P.rsqrt, "square": P.square,
    "reciprocal": P.reciprocal, "sin": P.sin, "cos": P.cos, "tan": P.tan, "asin": P.asin,
    "arcsin": P.asin, "acos": P.acos, "arccos": P.acos, "atan": P.atan, "arctan": P.atan,
    "sinh": P.sinh, "cosh": P.cosh, "tanh": P.tanh, "asinh": P.asinh, "arcsinh": P.asinh,
    "acosh": P.acosh, "arccosh": P.acosh, "atanh": P.atanh, "arctanh": P.atanh,
    "sigmoid": P.sigmoid, "logit": P.logit, "relu": P.relu, "erf": P.erf, "erfinv": P.erfinv,
    "floor": P.floor, "ceil": P.ceil, "round": P.round, "trunc": P.trunc, "fix": P.trunc,
    "frac": P.frac, "atan2": P.atan2, "arctan2": P.atan2, "hypot": P.hypot, "clamp": P.clamp,
    "clip": P.clamp, "clamp_min": P.clamp_min, "clamp_max": P.clamp_max,
    "maximum": P.maximum, "minimum": P.minimum, "fmax": P.fmax, "fmin": P.fmin,
    "lerp": P.lerp, "addcmul": P.addcmul, "addcdiv": P.addcdiv, "xlogy": P.xlogy,
    "nan_to_num": P.nan_to_num, "sinc": P.sinc, "deg2rad": P.deg2rad, "rad2deg": P.rad2deg,
    "positive": positive,
    # comparison and logic
    "eq": P.eq, "ne": P.ne, "not_equal": P.ne, "lt": P.lt, "less": P.lt, "le": P.le,
    "less_equal": P.le, "gt": P.gt, "greater": P.gt, "ge": P.ge, "greater_equal": P.ge,
    "isclose": P.isclose, "allclose": P.allclose, "equal": P.equal, "isnan": P.isnan,
    "isinf": P.isinf, "isfinite": P.isfinite, "isposinf": P.isposinf, "isneginf": P.isneginf,
    "isreal": P.isreal, "signbit": P.signbit,
    "logical_and": P.logical_and, "logical_or": P.logical_or, "logical_xor": P.logical_xor,
    "logical_not": P.logical_not, "bitwise_and": P.bitwise_and, "bitwise_or": P.bitwise_or,
    "bitwise_xor": P.bitwise_xor, "bitwise_not": P.bitwise_not,
    "bitwise_left_shift": P.bitwise_left_shift, "bitwise_right_shift": P.bitwise_right_shift,
    "where": lambda self, condition, other: P.where(condition, self, other),
    # in-place pointwise
    "add_": P.add_, "sub_": P.sub_, "subtract_": P.sub_, "mul_": P.mul_, "multiply_": P.mul_,
    "div_": P.div_, "divide_": P.div_, "true_divide_": P.div_, "pow_": P.pow_,
    "remainder_": P.remainder_, "fmod_": P.fmod_, "floor_divide_": P.floor_divide_,
    "neg_": P.neg_, "negative_": P.neg_, "abs_": P.abs_, "absolute_": P.abs_,
    "exp_": P.exp_, "log_": P.log_, "sqrt_": P.sqrt_, "sin_": P.sin_, "cos_": P.cos_,
    "tanh_": P.tanh_, "sigmoid_": P.sigmoid_, "relu_": P.relu_, "reciprocal_": P.reciprocal_,
    "rsqrt_": P.rsqrt_, "log1p_": P.log1p_, "expm1_": P.expm1_, "erf_": P.erf_,
    "floor_": P.floor_, "ceil_": P.ceil_, "round_": P.round_, "trunc_": P.trunc_,
    "square_": P.square_, "zero_": P.zero_, "fill_": P.fill_, "copy_": P.copy_,
    "clamp_": P.clamp_, "clip_": P.clamp_, "lerp_": P.lerp_, "addcmul_": P.addcmul_,
    "addcdiv_": P.addcdiv_, "atan2_": P.atan2_, "logical_not_": P.logical_not_,
    "eq_": P.eq_, "ne_": P.ne_, "lt_": P.lt_, "le_": P.le_, "gt_": P.gt_, "ge_": P.ge_,
    "masked_fill_": masked_fill_, "scatter_": scatter_, "scatter_add_": scatter_add_,
    "index_add_": index_add_, "index_put_": index_put_, "index_fill_": index_fill_,
    "index_fill": index_fill,
    "uniform_": F.uniform_, "normal_": F.normal_, "random_": F.random_,
    "bernoulli_": F.bernoulli_, "exponential_": F.exponential_,
    # reductions
    "sum": R.sum, "nansum": R.nansum, "mean": R.mean, "nanmean": R.nanmean, "prod": R.prod,
    "max": R.max, "min": R.min, "amax": R.amax, "amin": R.amin, "aminmax": R.aminmax,
    "argmax": R.argmax, "argmin": R.argmin, "std": R.std, "var": R.var, "norm": R.norm,
    "logsumexp": R.logsumexp, "cumsum": R.cumsum, "cumprod": R.cumprod, "cummax": R.cummax,
    "cummin": R.cummin, "all": R.all, "any": R.any, "count_nonzero": R.count_nonzero,
    "sort": R.sort, "argsort": R.argsort, "msort": R.msort, "topk": R.topk,
    "kthvalue": R.kthvalue, "median": R.median, "unique": R.unique, "softmax": R.softmax,
    "log_softmax": R.log_softmax, "dist": R.dist,
    # linear algebra
    "matmul": L.matmul, "mm": L.mm, "bmm": L.bmm, "mv": L.mv, "dot": L.dot, "inner": L.inner,
    "outer": L.outer, "ger": L.outer, "vdot": L.vdot, "cross": L.cross, "addmm": L.addmm, "baddbmm": L.baddbmm,
    # shape
    "view": S.view, "view_as": S.view_as, "reshape": S.reshape, "reshape_as": S.reshape_as,
    "flatten": S.flatten, "unflatten": S.unflatten, "squeeze": S.squeeze,
    "unsqueeze": S.unsqueeze, "transpose": S.transpose, "swapaxes": S.transpose,
    "swapdims": S.transpose, "t": S.t, "permute": S.permute, "movedim": S.movedim,
    "moveaxis": S.movedim, "expand": S.expand, "expand_as": S.expand_as,
    "broadcast_to": S.broadcast_to, "repeat": S.repeat, "tile": S.tile, "split": S.split,
    "chunk": S.chunk, "unbind": S.unbind, "tensor_split": S.tensor_split, "narrow": S.narrow,
    "select": S.select, "index_select": S.index_select, "gather": S.gather,
    "scatter": S.scatter, "scatter_add": S.scatter_add, "index_add": S.index_add,
    "masked_fill": S.masked_fill, "masked_select": S.masked_select,
    "masked_scatter": S.masked_scatter, "flip": S.flip, "fliplr": S.fliplr, "flipud": S.flipud,
    "roll": S.roll, "tril": S.tril, "triu": S.triu, "diag": S.diag, "diag_embed": S.diag_embed,
    "diagonal": S.diagonal, "trace": S.trace, "as_strided": S.as_strided, "clone": S.clone,
    "contiguous": S.contiguous, "squeeze_": squeeze_, "unsqueeze_": unsqueeze_, "t_": t_,
    "transpose_": transpose_, "resize_": resize_,
    "nonzero": I.nonzero, "argwhere": I.argwhere, "take": I.take,
    "take_along_dim": I.take_along_dim, "index_put": I.index_put,
    # conversions and factories
    "to": to, "type_as": type_as, "float": _converter(D.float32, "float"),
    "double": _converter(D.float64, "double"),
    "half": _converter(D.float16, "half"), "long": _converter(D.int64, "long"),
    "int": _converter(D.int32, "int"), "short": _converter(D.int16, "short"),
    "char": _converter(D.int8, "char"), "byte": _converter(D.uint8, "byte"),
    "bool": _converter(D.bool_, "bool"), "new": F.new, "new_tensor": F.new_tensor, "new_zeros": F.new_zeros,
    "new_ones": F.new_ones, "new_empty": F.new_empty, "new_full": F.new_full,
    "dim_order": dim_order,
}

OPERATORS = {
    "__add__": P.add_operator, "__radd__": P.radd_operator,
    "__sub__": P.sub_operator, "__rsub__": P.rsub_operator,
    "__mul__": P.mul_operator, "__rmul__": P.rmul_operator,
    "__truediv__": P.truediv_operator, "__rtruediv__": _binary(P.div, reflected=True),
    "__floordiv__": _binary(P.floor_divide), "__rfloordiv__": _binary(P.floor_divide, True),
    "__mod__": _binary(P.remainder), "__rmod__": _binary(P.remainder, True),
    "__pow__": _binary(P.pow), "__rpow__": _binary(P.pow, True),
    "__matmul__": _binary(L.matmul), "__rmatmul__": _binary(L.matmul, True),
    "__and__": _binary(P.bitwise_and), "__rand__": _binary(P.bitwise_and, True),
    "__or__": _binary(P.bitwise_or), "__ror__": _binary(P.bitwise_or, True),
    "__xor__": _binary(P.bitwise_xor), "__rxor__": _binary(P.bitwise_xor, True),
    "__lshift__": _binary(P.bitwise_left_shift), "__rshift__": _binary(P.bitwise_right_shift),
    "__rlshift__": _binary(P.bitwise_left_shift, True),
    "__rrshift__": _binary(P.bitwise_right_shift, True),
    "__iadd__": _binary(P.add_), "__isub__": _binary(P.sub_),
    "__imul__": _binary(P.mul_), "__itruediv__": _binary(P.div_),
    "__ifloordiv__": _binary(P.floor_divide_), "__imod__": _binary(P.remainder_),
    "__ipow__": _binary(P.pow_),
    "__iand__": _binary(lambda s, o: _inplace_bitwise(P.bitwise_and, s, o)),
    "__ior__": _binary(lambda s, o: _inplace_bitwise(P.bitwise_or, s, o)),
    "__ixor__": _binary(lambda s, o: _inplace_bitwise(P.bitwise_xor, s, o)),
    "__ilshift__": _binary(lambda s, o: _inplace_bitwise(P.bitwise_left_shift, s, o)),
    "__irshift__": _binary(lambda s, o: _inplace_bitwise(P.bitwise_right_shift, s, o)),
    "__eq__": _binary(P.eq), "__ne__": _binary(P.ne), "__lt__": _binary(P.lt),
    "__le__": _binary(P.le), "__gt__": _binary(P.gt), "__ge__": _binary(P.ge),
    "__neg__": P.neg_operator, "__pos__": positive, "__abs__": quiet(P.abs),
    "__invert__": P.invert, "__getitem__": I.getitem, "__setitem__": quiet(I.setitem),
}


def _inplace_bitwise(fn, self, other):
    """x &= y, x <<= y, ...: torch's cast check of the result dtype first, then the op."""
    from ._ops._common import promote2
    from . import _errors
    rd = promote2(self, other)
    if rd is not self._dtype and not D.can_cast(rd, self._dtype):
        raise RuntimeError(_errors.cant_cast(P._scalar_name(rd), P._scalar_name(self._dtype)))
    return _assign_bitwise(self, fn(self, other))


def _assign_bitwise(self, res):
    np.copyto(self._data, res._data, casting="unsafe")
    if self._vc is not None:
        self._vc[0] += 1
    return self


from ._tensor import mT_prop, mH_prop, H_prop  # noqa: E402
PROPERTIES = {"T": S.T_prop, "mT": mT_prop, "H": H_prop, "mH": mH_prop}


_ARG_POSITION = re.compile(r"^(\w+)\(\): argument '\w+' \(position (\d+)\)")
_PY_ARITY = re.compile(r"^(\w+)\(\) takes (from (\d+) to (\d+)|(\d+)) positional arguments? but "
                       r"(\d+) (were|was) given")


def _method_message(msg, name, params, at_call):
    """A TypeError of function ``name`` (self its first argument) as torch's parser words it for
    the method: argument positions and counts do not include self.  ``params`` are the
    function's positional parameters (a message naming one at another position is already the
    method's); ``at_call``: Python's own error for the call (its argument count)."""
    m = _ARG_POSITION.match(msg)
    if m:
        n = int(m.group(2))
        if m.group(1) != name or n < 2:
            return msg
        arg = msg[msg.index("'") + 1:m.start(2) - len(" (position ") - 1]
        if arg in params and params.index(arg) != n - 1:
            return msg
        return f"{msg[:m.start(2)]}{n - 1}{msg[m.end(2):]}"
    if msg.startswith(name + "() received an invalid combination of arguments - got (Tensor") \
            and "\n * (Tensor input" in msg:
        # the parser's overload list: the method's signatures and arguments omit self
        lines = []
        for ln in msg.split("\n"):
            for a, b in (("got (Tensor, ", "got ("), ("got (Tensor)", "got ()"),
                         (" * (Tensor input, ", " * ("), (" * (Tensor input)", " * ()"),
                         ("invalid types: (Tensor, ", "invalid types: ("),
                         ("invalid types: (Tensor)", "invalid types: ()")):
                if a in ln:
                    ln = ln.replace(a, b, 1)
                    break
            lines.append(ln)
        return "\n".join(lines)
    m = _PY_ARITY.match(msg) if at_call else None  # (else: fn's own, already the method's)
    if not m or m.group(1) != name:
        return msg
    given = int(m.group(6)) - 1
    if m.group(2).startswith("from"):
        takes = f"from {int(m.group(3)) - 1} to {int(m.group(4)) - 1} positional arguments"
    else:
        n = int(m.group(5)) - 1
        takes = f"{n} positional argument{'' if n == 1 else 's'}"
    return f"{name}() takes {takes} but {given} {'was' if given == 1 else 'were'} given{msg[m.end():]}"


def _as_method(fn):
    """A Tensor method calling ``fn(self, ...)``: NumPy kept quiet (see ``quiet``), and the
    argument errors of ``fn`` reworded for the method call."""
    if getattr(fn, "__quiet__", False):
        return fn
    import functools
    name = fn.__name__
    code = getattr(fn, "__code__", None)
    params = code.co_varnames[:code.co_argcount] if code is not None else ()

    @functools.wraps(fn)
    def method(*args, **kwargs):
        token = quiet_enter()
        try:
            return fn(*args, **kwargs)
        except TypeError as e:
            if e.args and type(e.args[0]) is str:
                at_call = getattr(e, "function_form", False) or (
                    e.__traceback__ is not None and e.__traceback__.tb_next is None)
                e.args = (_method_message(e.args[0], name, params, at_call),) + e.args[1:]
            raise
        finally:
            quiet_reset(token)

    method.__wrapped_op__ = fn
    return method


def bind():
    for name, fn in METHODS.items():
        setattr(Tensor, name, _as_method(fn))
    for name, fn in OPERATORS.items():
        setattr(Tensor, name, fn)
    for name, fn in PROPERTIES.items():
        setattr(Tensor, name, property(fn))
    Tensor.__hash__ = lambda self: id(self)


bind()
