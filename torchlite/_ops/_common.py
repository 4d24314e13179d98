"""Helpers shared by the op families: argument checks, promotion, dims, out=."""

from __future__ import annotations

import builtins

import numpy as np

from .. import _dtype as D
from .. import _errors
from .._tensor import Tensor, make, Size, scalar_type_name
from ..autograd import grad_mode

_state = grad_mode._state
_isinstance = isinstance


# --- NumPy's floating-point warnings ----------------------------------------------------
# torch never warns about overflow or nan; NumPy does.  Every public entry point runs
# its NumPy calls with NumPy's error state set to "ignore" (a context variable, so the
# user's own NumPy code keeps its warnings).  Setting the variable directly costs about
# 0.1 us; np.errstate costs 1 us.
try:
    from numpy._core._ufunc_config import _extobj_contextvar as _np_errstate_var
except ImportError:  # pragma: no cover - older NumPy
    _np_errstate_var = None

if _np_errstate_var is not None:
    with np.errstate(all="ignore"):
        _QUIET = _np_errstate_var.get()
    import functools as _functools
    quiet_reset = _np_errstate_var.reset
    quiet_enter = _functools.partial(_np_errstate_var.set, _QUIET)
else:  # pragma: no cover
    def quiet_enter():
        e = np.errstate(all="ignore")
        e.__enter__()
        return e

    def quiet_reset(token):
        token.__exit__(None, None, None)


def quiet(fn):
    """Wrap a public function so its NumPy calls never emit floating-point warnings.

    Functions that already set the state themselves (the hot paths) carry
    ``__quiet__ = True`` and are returned as they are.
    """
    import functools
    if getattr(fn, "__quiet__", False):
        return fn

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        token = quiet_enter()
        try:
            return fn(*args, **kwargs)
        finally:
            quiet_reset(token)

    wrapper.__wrapped_op__ = fn
    return wrapper
_NUMBER_TYPES = (builtins.bool, builtins.int, builtins.float, np.number, np.bool_)
FLOATING = D.FLOATING


def is_number(x):
    return _isinstance(x, _NUMBER_TYPES)


def check_tensor(x, fn, arg="input", pos=1):
    if not _isinstance(x, Tensor):
        raise TypeError(f"{fn}(): argument '{arg}' (position {pos}) must be Tensor, not "
                        f"{type(x).__name__}")


def not_implemented_for(kernel, dtype):
    return NotImplementedError(f'"{kernel}" not implemented for \'{scalar_type_name(dtype)}\'')


def number_value(x):
    """A Python scalar for a NumPy scalar (keeps bools bools)."""
    if _isinstance(x, np.generic):
        return x.item()
    return x


def int_scalar_check(v):
    """torch converts a Python int argument to int64, or uint64 above int64's range: an int
    beyond both raises OverflowError, with Python's messages for those conversions."""
    if not -0x8000000000000000 <= v <= 0xFFFFFFFFFFFFFFFF:
        raise OverflowError("can't convert negative int to unsigned" if v < 0 else
                            "int too big to convert")


def promote2(a, b):
    """torch's result dtype for two operands, each a Tensor or a Python number."""
    ta = _isinstance(a, Tensor)
    tb = _isinstance(b, Tensor)
    if ta is not tb:
        v = b if ta else a
        if v.__class__ is builtins.int:
            int_scalar_check(v)
    if ta and tb:
        da, db = a._dtype, b._dtype
        if da is db:
            return da
        za, zb = a._data.ndim == 0, b._data.ndim == 0
        if za == zb:
            return D.promote(da, db)
        if za:
            return D.combine_categories(db, da)
        return D.combine_categories(da, db)
    if ta:
        return D.combine_categories(a._dtype, D.scalar_dtype(b))
    if tb:
        return D.combine_categories(b._dtype, D.scalar_dtype(a))
    return D.combine_categories(D.scalar_dtype(a), D.scalar_dtype(b))


def result_type(*operands):
    """torch.result_type over any number of tensors and numbers."""
    dim = zero = num = None
    for x in operands:
        if x.__class__ is builtins.int:
            int_scalar_check(x)
        if _isinstance(x, Tensor):
            if x._data.ndim:
                dim = x._dtype if dim is None else D.promote(dim, x._dtype)
            else:
                zero = x._dtype if zero is None else D.promote(zero, x._dtype)
        else:
            d = D.scalar_dtype(x)
            num = d if num is None else D.promote(num, d)
    return D.result_type_of(dim, zero, num)


def array_of(x, dtype):
    """x (Tensor or number) as something NumPy computes with in ``dtype``."""
    if _isinstance(x, Tensor):
        a = x._data
        if x._dtype is not dtype:
            a = a.astype(dtype.np)
        return a
    x = number_value(x)
    if dtype.category == FLOATING or type(x) is builtins.bool:
        return x
    if type(x) is builtins.float:
        return x
    # an int that may not fit the dtype wraps, as in torch
    info = _INT_BOUNDS.get(dtype.name)
    if info is not None and not (info[0] <= x <= info[1]):
        return np.array(x).astype(dtype.np)[()]
    return x


_INT_BOUNDS = {d.name: (int(np.iinfo(d.np).min), int(np.iinfo(d.np).max)) for d in D.INTEGERS}


def wrap_dim(dim, ndim):
    n = ndim if ndim > 0 else 1
    if dim < -n or dim >= n:
        raise IndexError(_errors.dim_out_of_range(dim, ndim))
    return dim + n if dim < 0 else dim


def check_dim_arg(dim, fn):
    if _isinstance(dim, builtins.bool) or not _isinstance(dim, (builtins.int, np.integer)):
        if _isinstance(dim, Tensor) and dim._data.ndim == 0 and dim._dtype.category == D.INTEGRAL:
            return int(dim._data)
        raise TypeError(f"{fn}(): argument 'dim' must be int, not {type(dim).__name__}")
    return int(dim)


def wrap_dims(dims, ndim):
    """dim argument of reductions: an int, a sequence, or None -> sorted tuple of dims."""
    if dims is None:
        return tuple(range(ndim))
    if _isinstance(dims, (builtins.int, np.integer)):
        return (wrap_dim(int(dims), ndim),)
    out = []
    for d in dims:
        w = wrap_dim(int(d), ndim)
        if w in out:
            raise RuntimeError(f"dim {w} appears multiple times in the list of dims")
        out.append(w)
    return tuple(out)


def broadcast_shapes(*shapes):
    """The broadcast shape, or torch's error."""
    ndim = max((len(s) for s in shapes), default=0)
    result = [1] * ndim
    for s in shapes:
        off = ndim - len(s)
        for i, n in enumerate(s):
            j = off + i
            r = result[j]
            if r == 1:
                result[j] = n
            elif n != 1 and n != r:
                raise RuntimeError(_errors.broadcast_mismatch(r, n, j))
    return tuple(result)


def broadcast_error(a, b):
    """torch's broadcasting error for shapes a and b (called when NumPy refused)."""
    ndim = max(len(a), len(b))
    pa = (1,) * (ndim - len(a)) + tuple(a)
    pb = (1,) * (ndim - len(b)) + tuple(b)
    for j in range(ndim - 1, -1, -1):
        if pa[j] != pb[j] and pa[j] != 1 and pb[j] != 1:
            return RuntimeError(_errors.broadcast_mismatch(pa[j], pb[j], j))
    return RuntimeError("shape mismatch")


def shape_of(x):
    return x._data.shape if _isinstance(x, Tensor) else ()


_INT_LIST_NAMES = {"view": "size", "reshape": "shape", "expand": "size", "repeat": "repeats",
                   "resize_": "size", "permute": "dims", "tile": "dims", "flip": "dims"}


def _int_like(s):
    """An int as torch's argument parser reads one (not a bool; 0-dim integer tensors and
    arrays and NumPy integers are)."""
    t = type(s)
    if t is builtins.int:
        return True
    if t is builtins.bool:
        return False
    if _isinstance(s, (builtins.int, np.integer)):
        return True
    if _isinstance(s, Tensor):
        return s._data.ndim == 0 and s._dtype.category == D.INTEGRAL
    if _isinstance(s, np.ndarray):
        return s.ndim == 0 and s.dtype.kind in "iu"
    return False


def size_args(size, fn="view", name=None):
    """f(2, 3), f((2, 3)), f([2, 3]), f(torch.Size(...)) -> a tuple of ints, with the errors of
    torch's parser for an int-list argument."""
    if name is None:
        name = _INT_LIST_NAMES.get(fn, "size")
    if not size:
        raise TypeError(f'{fn}() missing 1 required positional arguments: "{name}"')
    first = size[0]
    if len(size) == 1 and not _int_like(first):
        if not _isinstance(first, (tuple, list)):
            raise TypeError(f"{fn}(): argument '{name}' (position 1) must be tuple of ints, not "
                            f"{_tp_name(first)}")
        items = first
        if items and not _int_like(items[0]):
            raise TypeError(f"{fn}(): argument '{name}' (position 1) must be tuple of ints, but "
                            f"found element of type {type(items[0]).__name__} at pos 0")
    else:
        if not _int_like(first):
            raise TypeError(f"{fn}() takes 1 positional argument but {len(size)} were given")
        items = size
    out = []
    for i, s in enumerate(items):
        if _int_like(s) or (i > 0 and type(s) is builtins.bool):
            out.append(int(s))
            continue
        raise TypeError(f"{fn}(): argument '{name}' failed to unpack the object at pos {i + 1} "
                        f"with error \"type must be tuple of ints,but got {type(s).__name__}\"")
    return tuple(out)


def _tp_name(obj):
    tp = type(obj)
    return "numpy." + tp.__name__ if tp.__module__ == "numpy" else tp.__name__


# the C type names torch's kernels print in dtype errors ("long int")
C_TYPE_NAMES = {D.uint8: "unsigned char", D.int8: "signed char", D.int16: "short int",
                D.int32: "int", D.int64: "long int", D.bool_: "bool", D.float16: "c10::Half",
                D.float32: "float", D.float64: "double"}


def out_dtype_expected(result_dtype, out_dtype):
    """The error of a kernel whose out= must have the result's dtype exactly."""
    return RuntimeError(f"Expected out tensor to have dtype {C_TYPE_NAMES[result_dtype]}, but got "
                        f"{C_TYPE_NAMES[out_dtype]} instead")


def handle_out(result, out, fn, dtype_error=None):
    """Write ``result`` into the user's ``out=`` tensor, as torch does.  By default out's dtype
    may be any the result casts to; ``dtype_error(result_dtype, out_dtype)`` gives the error of a
    kernel that requires the result's dtype exactly (e.g. ``out_dtype_expected``)."""
    if out is None:
        return result
    if not _isinstance(out, Tensor):
        raise TypeError(f"{fn}(): argument 'out' must be Tensor, not {type(out).__name__}")
    if _state.enabled and (result._requires_grad or out._requires_grad):
        raise RuntimeError(f"{fn}(): functions with out=... arguments don't support automatic "
                           "differentiation, but one of the arguments requires grad.")
    if dtype_error is not None and out._dtype is not result._dtype:
        err = dtype_error(result._dtype, out._dtype)
        if err is not None:
            raise err
    if out._dtype is not result._dtype and not D.can_cast(result._dtype, out._dtype):
        raise RuntimeError(_errors.cant_cast(scalar_type_name(result._dtype),
                                             scalar_type_name(out._dtype)))
    if out._data.shape != result._data.shape:
        if out._data.size != 0:
            _errors.warn(
                f"An output with one or more elements was resized since it had shape "
                f"{list(out._data.shape)}, which does not match the required output shape "
                f"{list(result._data.shape)}. This behavior is deprecated, and in a future PyTorch "
                "release outputs will not be resized unless they have zero elements. You can "
                "explicitly reuse an out tensor t by resizing it, inplace, to zero elements with "
                "t.resize_(0).")
        out._data = np.empty(result._data.shape, out._dtype.np)
    np.copyto(out._data, result._data, casting="unsafe")
    if out._vc is not None:
        out._vc[0] += 1
    return out


def contiguous_array(a, dtype=None):
    """``a`` (cast to ``dtype``) C-contiguous, not copied if it is (np.ascontiguousarray would
    make a 0-dim array 1-dim): the layout of results torch's kernels write contiguously."""
    if dtype is not None and a.dtype != dtype:
        a = a.astype(dtype, order="C")
    return a if a.flags.c_contiguous else np.ascontiguousarray(a)


def torch_layout(a, dtype=None, values=None):
    """A copy of array ``a`` (cast to ``dtype``), or of ``values`` (an array of a's shape),
    laid out as torch lays out an op's result that follows its input (a dtype conversion,
    sort, flip): the input's dims ordered by stride, outermost first; dims of stride 0 or size
    1 (expanded, or with no order to keep) stay where they are.  A contiguous or expanded
    row-major input gives a contiguous result."""
    src = a if values is None else values
    dt = src.dtype if dtype is None else dtype
    nd = a.ndim
    if nd < 2 or a.flags.c_contiguous:
        if values is not None and values.base is None and values.flags.c_contiguous and \
                values.dtype == dt:
            return values  # already a fresh array in that layout
        return np.array(src, dtype=dt, order="C", copy=True)
    st, sh = a.strides, a.shape
    free = [i for i in range(nd) if sh[i] > 1 and st[i] != 0]
    ordered = sorted(free, key=lambda i: -builtins.abs(st[i]))  # stable: ties keep their order
    perm = list(range(nd))
    for slot, dim in zip(free, ordered):
        perm[slot] = dim
    out = np.empty([sh[i] for i in perm], dt).transpose(np.argsort(perm))
    np.copyto(out, src, casting="unsafe")
    return out


def handle_out_pair(result, out, fn, cls):
    """out=(values, indices) of a (values, indices) op: each written as the kernel requires
    (its exact dtype), the pair returned as torch's ``<op>_out`` structseq ``cls``."""
    if out is None:
        return result
    if not _isinstance(out, (tuple, list)) or len(out) != 2:
        raise TypeError(f"{fn}(): argument 'out' must be tuple of Tensors, not "
                        f"{type(out).__name__}")
    v = handle_out(result[0], out[0], fn, out_dtype_expected)
    i = handle_out(result[1], out[1], fn, out_dtype_expected)
    return cls((v, i))


def new_tensor_like(arr, dtype):
    return make(arr, dtype)


__all__ = ["Tensor", "make", "Size", "D", "np"]
